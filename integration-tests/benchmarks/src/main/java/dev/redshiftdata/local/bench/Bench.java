package dev.redshiftdata.local.bench;

import dev.redshiftdata.local.LocalRedshift;
import dev.redshiftdata.local.LocalRedshiftConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The connector's benchmark harness: the six workloads of the benchmark issue against their
 * baselines in one JVM, runs alternated, medians and IQRs; end-to-end figures split into the
 * connector's own time and the local Redshift's server time. Writes results.json, report.md and
 * scaling.svg to {@code bench.out}. Not run by CI.
 *
 * <pre>
 * mvn -o -q -pl integration-tests/benchmarks -am compile -Pbench \
 *   [-Dbench.rows=2000000 -Dbench.runs=9 -Dbench.workloads=scan,e2e,decode,write,small,scaling]
 * </pre>
 *
 * (See {@link BenchConfig} for every property.)
 */
public final class Bench {
  private Bench() {}

  static final String CHART = "scaling.svg";

  public static void main(String[] args) throws Exception {
    BenchConfig config = BenchConfig.from(System::getProperty);
    Instant started = Instant.now();
    long t0 = System.nanoTime();
    ResultsSink sink = new ResultsSink();
    sink.notes.add(
        "Server time is read from the local Redshift's statement records (SYS_QUERY_HISTORY's"
            + " table: start and end of every statement and batch sub-statement), as the union of"
            + " those intervals within each run; own time = run - server time. Baselines send no"
            + " Data API statements, so their server time is 0.");
    sink.notes.add(
        "In local mode the driver and the executors share one JVM: peak heap is the whole"
            + " JVM's. 'after GC' is the highest heap use right after a collection during the"
            + " runs (what was alive; young collections also count old garbage not yet"
            + " collected), the sampled peak includes garbage. Scaling runs each start after a"
            + " full collection.");
    try (LocalRedshift redshift = LocalRedshift.start(LocalRedshiftConfig.defaults());
        BenchContext ctx = new BenchContext(config, redshift)) {
      Machine machine = Machine.current(ctx.spark.version());
      ctx.progress(
          "benchmark: %s on %d cores, %s, Spark %s",
          config.workloads(), machine.cores(), machine.jdk(), machine.spark());
      if (config.workloads().contains("scan")
          || config.workloads().contains("e2e")
          || config.workloads().contains("decode")
          || config.workloads().contains("small")) {
        ctx.createTable(ReadWorkloads.MAIN_TABLE, config.rows());
        ctx.createTable(ReadWorkloads.DECODE_TABLE, config.decodeRows());
      }
      for (String workload : config.workloads()) {
        ctx.progress("== workload %s ==", workload);
        switch (workload) {
          case "scan" -> ReadWorkloads.scan(ctx, sink);
          case "e2e" -> ReadWorkloads.endToEnd(ctx, sink);
          case "decode" -> ReadWorkloads.decode(ctx, sink);
          case "write" -> WriteWorkloads.write(ctx, sink);
          case "small" -> ReadWorkloads.smallQuery(ctx, sink);
          case "scaling" -> ScalingWorkload.run(ctx, sink);
          default -> throw new IllegalStateException(workload);
        }
        // Written after every workload, so a failure later still leaves what was measured.
        write(config, results(config, machine, started, t0, sink));
      }
      String report = write(config, results(config, machine, started, t0, sink));
      System.out.println(report);
      ctx.progress("results in %s", Path.of(config.out()).toAbsolutePath());
    }
  }

  private static Results results(
      BenchConfig config, Machine machine, Instant started, long t0, ResultsSink sink) {
    return new Results(
        started.toString(),
        (System.nanoTime() - t0) / 1e9,
        command(config),
        machine,
        config,
        List.copyOf(sink.checks),
        List.copyOf(sink.workloads),
        List.copyOf(sink.scaling),
        List.copyOf(sink.notes));
  }

  /** Writes results.json, report.md and the chart; returns the report. */
  private static String write(BenchConfig config, Results results) throws Exception {
    Path out = Path.of(config.out());
    Files.createDirectories(out);
    String report = MarkdownReport.render(results, CHART);
    Files.writeString(
        out.resolve("results.json"), ResultsJson.render(results), StandardCharsets.UTF_8);
    Files.writeString(out.resolve("report.md"), report, StandardCharsets.UTF_8);
    Files.writeString(
        out.resolve(CHART), ScalingChart.render(results.scaling()), StandardCharsets.UTF_8);
    return report;
  }

  static String command(BenchConfig c) {
    return String.format(
        Locale.ROOT,
        "mvn -o -q -pl integration-tests/benchmarks -am compile -Pbench -Dbench.rows=%d"
            + " -Dbench.runs=%d -Dbench.warmups=%d -Dbench.workloads=%s -Dbench.scalingSizes=%s"
            + " -Dbench.scalingRuns=%d -Dbench.directRows=%d -Dbench.decodeRows=%d"
            + " -Dbench.smallRuns=%d",
        c.rows(),
        c.runs(),
        c.warmups(),
        String.join(",", c.workloads()),
        String.join(",", c.scalingSizes().stream().map(String::valueOf).toList()),
        c.scalingRuns(),
        c.directRows(),
        c.decodeRows(),
        c.smallRuns());
  }
}
