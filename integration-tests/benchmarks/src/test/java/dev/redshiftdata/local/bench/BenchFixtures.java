package dev.redshiftdata.local.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Hand-made results for the rendering and goal tests. */
final class BenchFixtures {
  private BenchFixtures() {}

  /** A variant whose runs take {@code seconds}, each with {@code server} seconds of server time. */
  static Variant variant(String name, double server, double... seconds) {
    List<Run> runs = new ArrayList<>();
    for (double s : seconds) {
      runs.add(new Run(s, server, s / 2, 200L << 20, 100L << 20));
    }
    return Variant.of(name, runs);
  }

  static ScalingPoint point(String kind, long rows, double seconds, long afterGcMb) {
    Variant v =
        Variant.of(
            kind, List.of(new Run(seconds, 0, null, (afterGcMb + 300) << 20, afterGcMb << 20)));
    return ScalingPoint.of(kind, rows, v);
  }

  static Results results() {
    WorkloadResult scan =
        new WorkloadResult(
            "scan",
            "1. scan efficiency",
            List.of(
                variant("spark.read.parquet, all columns", 0, 1.0, 1.1, 0.9),
                variant("unload-path scan, all columns", 0, 1.02, 1.0, 1.2)),
            Map.of("rows", 1000, "polls", Stats.of(List.of(1.0, 2.0, 3.0))));
    List<ScalingPoint> scaling =
        List.of(
            point("read", 250_000, 1.0, 150),
            point("read", 500_000, 1.8, 150),
            point("write", 250_000, 2.0, 160),
            point("write", 500_000, 3.5, 170));
    List<Check> checks = new ArrayList<>();
    checks.add(
        Goals.ratio(
            "1. scan efficiency",
            "full scan",
            scan.variant("unload-path scan, all columns"),
            scan.variant("spark.read.parquet, all columns"),
            Goals.SCAN_RATIO));
    checks.addAll(Goals.scaling("6. scaling", scaling));
    return new Results(
        "2026-11-26T01:00:00Z",
        600,
        "mvn -o -q -pl integration-tests/benchmarks -am compile -Pbench",
        new Machine(
            2,
            24_000_000_000L,
            3L << 30,
            "Debian 17.0.15",
            "OpenJDK",
            "-Xmx3g",
            "4.1.3",
            "Linux",
            1.5),
        BenchConfig.from(Map.<String, String>of()::get),
        checks,
        List.of(scan),
        scaling,
        List.of("a note"));
  }
}
