package dev.redshiftdata.local.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The goals, each judged on medians (the spread is shown beside it, never used to pass a
 * goal), worded as report lines.
 */
final class Goals {
  private Goals() {}

  static final double SCAN_RATIO = 1.05;
  static final double STAGING_RATIO = 1.05;
  static final double OWN_SHARE = 0.10;
  static final double CELLS_PER_CORE_SECOND = 300_000;
  static final double POLLS_AFTER_FINISH = 2;

  /** Cost per row is called linear when the largest size costs at most this much more per row. */
  static final double LINEAR_TOLERANCE = 1.25;

  /** Heap is called flat when its largest after-GC peak is at most this multiple of the least. */
  static final double FLAT_HEAP_TOLERANCE = 1.5;

  /** The subject's median wall time against the baseline's. */
  static Check ratio(
      String workload, String measure, Variant subject, Variant baseline, double goal) {
    return ratioOf(workload, measure, subject.name(), subject.seconds(), baseline, goal);
  }

  /**
   * A connector write's staging phase (its run until the end of its Spark job, before the driver's
   * commit) against the baseline's whole run.
   */
  static Check stagingRatio(
      String workload, String measure, Variant connector, Variant baseline, double goal) {
    return ratioOf(
        workload,
        measure,
        connector.name() + ", staging phase",
        connector.jobEndSeconds(),
        baseline,
        goal);
  }

  private static Check ratioOf(
      String workload,
      String measure,
      String subjectName,
      Stats subject,
      Variant baseline,
      double goal) {
    double ratio = subject.median() / baseline.seconds().median();
    return new Check(
        workload,
        measure,
        subjectName + ": " + seconds(subject),
        baseline.name() + ": " + seconds(baseline.seconds()),
        format("ratio %.2f", ratio),
        format("ratio <= %.2f", goal),
        ratio <= goal);
  }

  /**
   * The connector's own share of its end-to-end time (its time minus the local Redshift's server
   * time), with its ratio to each baseline reported beside it.
   */
  static Check ownShare(
      String workload, String measure, Variant subject, List<Variant> baselines, double goal) {
    double share = subject.ownShare();
    List<String> against = new ArrayList<>();
    for (Variant b : baselines) {
      against.add(
          format(
              "%s: %s, ratio %.2f",
              b.name(), seconds(b.seconds()), subject.seconds().median() / b.seconds().median()));
    }
    return new Check(
        workload,
        measure,
        format(
            "%s: %s = own %.3f s + server %.3f s",
            subject.name(),
            seconds(subject.seconds()),
            subject.ownSeconds().median(),
            subject.serverSeconds().median()),
        String.join("; ", against),
        format("own share %.0f%%", 100 * share),
        format("own share <= %.0f%%", 100 * goal),
        share <= goal);
  }

  /**
   * Direct-path decoding rate: cells over the connector's own time (paging and decoding after the
   * statement ran), on one core since the direct read is one task.
   */
  static Check cellsPerSecond(String workload, Variant v, long cells, double goal) {
    double rate = cells / v.ownSeconds().median();
    return new Check(
        workload,
        v.name() + ", " + cells + " cells",
        format("%s: %s; own %s", v.name(), seconds(v.seconds()), seconds(v.ownSeconds())),
        "",
        format("%,.0f cells/s per core", rate),
        format(">= %,.0f cells/s per core", goal),
        rate >= goal);
  }

  /** A small query's polls after its statement finished, with its latency reported beside them. */
  static Check pollsAfterFinish(
      String workload,
      Stats latency,
      Stats polls,
      Stats pollsAfter,
      Stats finishToRows,
      double goal) {
    return new Check(
        workload,
        "10-row query, direct path",
        format(
            "latency %s; DescribeStatement polls median %.0f (max %.0f);"
                + " statement finished -> rows %.3f s (IQR %.3f)",
            seconds(latency),
            polls.median(),
            polls.max(),
            finishToRows.median(),
            finishToRows.iqr()),
        "",
        format("polls after finish: median %.0f, max %.0f", pollsAfter.median(), pollsAfter.max()),
        format("<= %.0f polls after finish", goal),
        pollsAfter.median() <= goal);
  }

  /**
   * Per kind: whether time per row stays level (the largest size costs at most {@link
   * #LINEAR_TOLERANCE} times the middle size per row; small sizes pay fixed costs, which only make
   * them dearer per row) and whether the heap kept alive stays flat.
   */
  static List<Check> scaling(String workload, List<ScalingPoint> points) {
    List<Check> checks = new ArrayList<>();
    for (String kind : List.of("read", "write")) {
      List<ScalingPoint> p =
          points.stream()
              .filter(s -> s.kind().equals(kind))
              .sorted(Comparator.comparingLong(ScalingPoint::rows))
              .toList();
      if (p.size() < 2) {
        continue;
      }
      ScalingPoint largest = p.get(p.size() - 1);
      ScalingPoint middle = p.get((p.size() - 1) / 2);
      double growth = largest.microsPerRow() / middle.microsPerRow();
      List<String> perRow = new ArrayList<>();
      List<String> heap = new ArrayList<>();
      for (ScalingPoint s : p) {
        perRow.add(format("%s %.2f", rows(s.rows()), s.microsPerRow()));
        heap.add(format("%s %d", rows(s.rows()), mb(s.peakHeapAfterGcBytes())));
      }
      checks.add(
          new Check(
              workload,
              kind + ": time per row (us/row)",
              String.join(", ", perRow),
              "",
              format(
                  "%s per row at %s = %.2fx %s",
                  growth <= LINEAR_TOLERANCE ? "linear:" : "NOT linear:",
                  rows(largest.rows()),
                  growth,
                  rows(middle.rows())),
              format("largest <= %.2fx middle size per row", LINEAR_TOLERANCE),
              growth <= LINEAR_TOLERANCE));
      long least = p.stream().mapToLong(ScalingPoint::peakHeapAfterGcBytes).min().orElse(0);
      long most = p.stream().mapToLong(ScalingPoint::peakHeapAfterGcBytes).max().orElse(0);
      boolean measured = least > 0;
      boolean flat = measured && most <= FLAT_HEAP_TOLERANCE * least;
      checks.add(
          new Check(
              workload,
              kind + ": peak driver heap after GC (MB)",
              String.join(", ", heap),
              "",
              !measured
                  ? "not measured (a size ran without any GC)"
                  : format("%s: %d..%d MB", flat ? "flat" : "NOT flat", mb(least), mb(most)),
              format("most <= %.1fx least", FLAT_HEAP_TOLERANCE),
              measured ? flat : null));
    }
    return checks;
  }

  static String seconds(Stats s) {
    return format("%.3f s (IQR %.3f)", s.median(), s.iqr());
  }

  static String rows(long n) {
    return n % 1_000_000 == 0
        ? (n / 1_000_000) + "M"
        : n % 1_000 == 0 ? (n / 1_000) + "k" : Long.toString(n);
  }

  static long mb(long bytes) {
    return bytes / (1024 * 1024);
  }

  private static String format(String f, Object... args) {
    return String.format(Locale.ROOT, f, args);
  }
}
