package dev.redshiftdata.local.bench;

/**
 * One line of the report's goal table, already worded.
 *
 * @param workload the workload it belongs to ("1. scan efficiency", ...)
 * @param measure what is compared or measured
 * @param measured the connector's figure (median and IQR)
 * @param against the baseline's figure, or "" when there is none
 * @param result the ratio, share or rate the goal is about
 * @param goal the goal, or "report" when the figure is only reported
 * @param met whether the median meets the goal; null when there is no goal
 */
public record Check(
    String workload,
    String measure,
    String measured,
    String against,
    String result,
    String goal,
    Boolean met) {}
