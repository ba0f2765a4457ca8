package dev.redshiftdata.local.bench;

/**
 * One timed run of one variant.
 *
 * @param seconds wall time of the run
 * @param serverSeconds time the local Redshift spent running statements during the run (union of
 *     its statement records' start..end); 0 for baselines, which send none
 * @param jobEndSeconds from the run's start to the end of its last Spark job, or null without jobs
 *     (for a connector write: its staging phase, before the driver's commit)
 * @param peakHeapBytes highest heap use sampled during the run (garbage included)
 * @param peakHeapAfterGcBytes highest heap use right after a collection during the run (0 if none
 *     ran): what the run kept alive
 */
public record Run(
    double seconds,
    double serverSeconds,
    Double jobEndSeconds,
    long peakHeapBytes,
    long peakHeapAfterGcBytes) {

  /** The connector's own time: the run minus the local Redshift's server time. */
  double ownSeconds() {
    return seconds - serverSeconds;
  }
}
