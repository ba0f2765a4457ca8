package dev.redshiftdata.local.bench;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * What one benchmark run measures, from {@code bench.*} system properties; an unset or empty
 * property takes the default. The defaults are smaller than the benchmark issue's sizes (2M rows,
 * scaling to 4M, direct at the Data API's result limit) so that a full run on the shared 2-core
 * machine, loaded by parallel builds, stays near 30 minutes; every size can be raised.
 *
 * @param rows rows of the main data set (end-to-end read, scan, write)
 * @param runs measured runs per variant after {@code warmups}
 * @param warmups unmeasured runs per variant before the measured ones
 * @param workloads which workloads run, in the order of {@link #WORKLOADS}
 * @param scalingSizes row counts of the scaling runs
 * @param scalingRuns measured runs per scaling size (fewer than {@code runs}: the largest size is
 *     the slowest workload of all)
 * @param decodeRows rows of the direct-path decoding (JSON vs CSV) and small-query table
 * @param directRows rows of the end-to-end direct read; 0 picks the largest size under the Data
 *     API's result limit (about 860k rows of this data)
 * @param smallRuns measured runs of the 10-row query
 * @param out directory of results.json, report.md and the chart
 */
public record BenchConfig(
    long rows,
    int runs,
    int warmups,
    Set<String> workloads,
    List<Long> scalingSizes,
    int scalingRuns,
    long decodeRows,
    long directRows,
    int smallRuns,
    String out) {

  public static final List<String> WORKLOADS =
      List.of("scan", "e2e", "decode", "write", "small", "scaling");

  public static BenchConfig from(Function<String, String> properties) {
    Function<String, String> p =
        name -> {
          String v = properties.apply("bench." + name);
          return v == null || v.isBlank() ? null : v.trim();
        };
    Set<String> workloads = new LinkedHashSet<>();
    String selected = p.apply("workloads");
    List<String> asked =
        selected == null
            ? WORKLOADS
            : List.of(selected.toLowerCase(Locale.ROOT).split("\\s*,\\s*"));
    for (String w : WORKLOADS) {
      if (asked.contains(w)) {
        workloads.add(w);
      }
    }
    for (String w : asked) {
      if (!WORKLOADS.contains(w)) {
        throw new IllegalArgumentException(
            "bench.workloads: unknown workload '"
                + w
                + "'; accepted: "
                + String.join(",", WORKLOADS));
      }
    }
    List<Long> sizes = new ArrayList<>();
    String sizeList = p.apply("scalingSizes");
    for (String s :
        (sizeList == null ? "250000,500000,1000000,2000000" : sizeList).split("\\s*,\\s*")) {
      sizes.add(positive("scalingSizes", Long.parseLong(s)));
    }
    return new BenchConfig(
        positive("rows", longOr(p.apply("rows"), 1_000_000)),
        (int) positive("runs", longOr(p.apply("runs"), 9)),
        (int) longOr(p.apply("warmups"), 1),
        workloads,
        List.copyOf(sizes),
        (int) positive("scalingRuns", longOr(p.apply("scalingRuns"), 3)),
        positive("decodeRows", longOr(p.apply("decodeRows"), 100_000)),
        longOr(p.apply("directRows"), 250_000),
        (int) positive("smallRuns", longOr(p.apply("smallRuns"), 20)),
        p.apply("out") == null ? "target/bench" : p.apply("out"));
  }

  private static long longOr(String value, long otherwise) {
    return value == null ? otherwise : Long.parseLong(value.replace("_", ""));
  }

  private static long positive(String name, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException("bench." + name + " must be positive, got " + value);
    }
    return value;
  }
}
