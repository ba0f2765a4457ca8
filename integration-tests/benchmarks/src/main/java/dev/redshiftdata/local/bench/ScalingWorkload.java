package dev.redshiftdata.local.bench;

import java.util.List;
import java.util.Map;

/**
 * 6. Scaling: unload-path reads and writes of each size, time per row and peak heap. Writes take
 * their rows straight from {@code spark.range} (not cached), so the heap shows what the write
 * keeps, not the input; every run starts after a full collection.
 */
final class ScalingWorkload {
  private ScalingWorkload() {}

  static void run(BenchContext ctx, ResultsSink sink) throws Exception {
    WriteWorkloads.createTarget(ctx);
    boolean first = true;
    for (long rows : ctx.config.scalingSizes()) {
      String table =
          rows == ctx.config.rows() && ctx.config.workloads().contains("e2e")
              ? ReadWorkloads.MAIN_TABLE
              : "bench_rows_" + rows;
      if (!table.equals(ReadWorkloads.MAIN_TABLE)) {
        ctx.createTable(table, rows);
      }
      String read = "unload read, " + Goals.rows(rows) + " rows";
      String write = "write, " + Goals.rows(rows) + " rows";
      // A full collection before each run (untimed) clears what earlier runs left, so the heap
      // after the run's own collections shows what this size keeps alive.
      Rounds.Timer collectFirst =
          w -> {
            System.gc();
            return ctx.time(w);
          };
      List<Variant> v =
          Rounds.run(
              collectFirst,
              ctx.progressOf("scaling"),
              first ? ctx.config.warmups() : 0,
              ctx.config.scalingRuns(),
              List.of(
                  Rounds.named(read, () -> BenchContext.readAll(ctx.connector(table, "unload"))),
                  Rounds.named(
                      write,
                      () ->
                          WriteWorkloads.connectorWrite(
                              ctx, WriteWorkloads.data(ctx.spark, rows)))));
      first = false;
      if (!table.equals(ReadWorkloads.MAIN_TABLE)) {
        try (var c = ctx.postgres();
            var st = c.createStatement()) {
          st.execute("DROP TABLE " + table);
        }
      }
      sink.workloads.add(
          new WorkloadResult(
              "scaling", "6. scaling, " + Goals.rows(rows), v, Map.of("rows", rows)));
      sink.scaling.add(ScalingPoint.of("read", rows, v.get(0)));
      sink.scaling.add(ScalingPoint.of("write", rows, v.get(1)));
    }
    sink.checks.addAll(Goals.scaling("6. scaling", sink.scaling));
  }
}
