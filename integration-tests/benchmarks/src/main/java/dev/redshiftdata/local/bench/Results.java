package dev.redshiftdata.local.bench;

import java.util.List;

/** Everything one benchmark run produced: written as results.json and rendered as report.md. */
public record Results(
    String startedAt,
    double wallSeconds,
    String command,
    Machine machine,
    BenchConfig config,
    List<Check> checks,
    List<WorkloadResult> workloads,
    List<ScalingPoint> scaling,
    List<String> notes) {}
