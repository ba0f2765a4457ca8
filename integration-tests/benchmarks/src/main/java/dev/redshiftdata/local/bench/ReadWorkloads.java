package dev.redshiftdata.local.bench;

import dev.redshiftdata.local.dataapi.RecordedRequest;
import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.dataapi.DataApi;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** The read workloads: scan efficiency, end to end, direct-path decoding, small-query latency. */
final class ReadWorkloads {
  private ReadWorkloads() {}

  static final String MAIN_TABLE = "bench_rows";
  static final String DECODE_TABLE = "bench_decode";
  static final String DIRECT_TABLE = "bench_direct";

  /**
   * 1. The unload-path scan of its unloaded files against {@code spark.read.parquet} of the very
   * same files, all columns and 3 columns. The UNLOAD runs once, before the measured runs; each
   * plan's RDD is then counted again (a repeated aggregate would reuse its shuffle, never rescan).
   */
  static void scan(BenchContext ctx, ResultsSink sink) throws Exception {
    long rows = ctx.config.rows();
    Dataset<Row> connector = ctx.connector(MAIN_TABLE, "unload");
    Dataset<Row> connectorAll = connector.selectExpr("sum(hash(*))");
    Dataset<Row> connectorThree = connector.selectExpr("sum(hash(id, price, name))");
    // Each DataFrame's first action runs its UNLOAD (only the needed columns); the baselines read
    // the very files it wrote.
    Object connectorSum = connectorAll.collectAsList().get(0).get(0);
    String[] allFiles = unloadedFiles(ctx);
    connectorThree.collectAsList();
    String[] threeFiles = unloadedFiles(ctx);
    Object parquetSum =
        ctx.spark.read().parquet(allFiles).selectExpr("sum(hash(*))").first().get(0);
    long fileRows = ctx.spark.read().parquet(allFiles).count();
    if (fileRows != rows || !connectorSum.equals(parquetSum)) {
      throw new IllegalStateException(
          "the unloaded files hold "
              + fileRows
              + " rows, sum(hash(*)) connector "
              + connectorSum
              + " parquet "
              + parquetSum);
    }
    RDD<?> connectorAllRows = connector.selectExpr("hash(*) as h").queryExecution().toRdd();
    RDD<?> connectorThreeRows =
        connector.selectExpr("hash(id, price, name) as h").queryExecution().toRdd();
    RDD<?> parquetAllRows =
        ctx.spark.read().parquet(allFiles).selectExpr("hash(*) as h").queryExecution().toRdd();
    RDD<?> parquetThreeRows =
        ctx.spark.read().parquet(threeFiles).selectExpr("hash(*) as h").queryExecution().toRdd();
    String title = "1. scan efficiency";
    List<Variant> v =
        Rounds.run(
            ctx,
            ctx.progressOf("scan"),
            ctx.config.warmups(),
            ctx.config.runs(),
            List.of(
                Rounds.named(
                    "spark.read.parquet, all columns", () -> check(parquetAllRows.count(), rows)),
                Rounds.named(
                    "unload-path scan, all columns", () -> check(connectorAllRows.count(), rows)),
                Rounds.named(
                    "spark.read.parquet, 3 columns", () -> check(parquetThreeRows.count(), rows)),
                Rounds.named(
                    "unload-path scan, 3 columns", () -> check(connectorThreeRows.count(), rows))));
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("rows", rows);
    facts.put("files (all columns)", allFiles.length);
    facts.put("files (3 columns)", threeFiles.length);
    facts.put("sum(hash(*)), both sides", connectorSum);
    WorkloadResult w = new WorkloadResult("scan", title, v, facts);
    sink.workloads.add(w);
    sink.checks.add(
        Goals.ratio(
            title,
            "full scan, " + Goals.rows(rows) + " rows",
            w.variant("unload-path scan, all columns"),
            w.variant("spark.read.parquet, all columns"),
            Goals.SCAN_RATIO));
    sink.checks.add(
        Goals.ratio(
            title,
            "3-column projection",
            w.variant("unload-path scan, 3 columns"),
            w.variant("spark.read.parquet, 3 columns"),
            Goals.SCAN_RATIO));
  }

  /** The Parquet files of the newest UNLOAD under the local Redshift's tempdir. */
  private static String[] unloadedFiles(BenchContext ctx) throws Exception {
    Path tempdir = new Path(ctx.redshift.connectionInfo().tempdir());
    FileSystem fs = tempdir.getFileSystem(ctx.spark.sessionState().newHadoopConf());
    FileStatus newest = null;
    for (FileStatus s : fs.listStatus(tempdir)) {
      if (s.isDirectory()
          && s.getPath().getName().startsWith("redshift-data-")
          && (newest == null || s.getPath().getName().compareTo(newest.getPath().getName()) > 0)) {
        newest = s;
      }
    }
    List<String> files = new ArrayList<>();
    for (FileStatus s : fs.listStatus(newest.getPath())) {
      if (s.getPath().getName().endsWith(".parquet")) {
        files.add(s.getPath().toString());
      }
    }
    return files.toArray(new String[0]);
  }

  private static void check(long actual, long expected) {
    if (actual != expected) {
      throw new IllegalStateException("read " + actual + " rows, expected " + expected);
    }
  }

  /**
   * 2. End to end: the connector's unload, auto and direct reads against Spark's JDBC source on the
   * same PostgreSQL, 1 partition and 4 on {@code id}; direct on the largest table whose result fits
   * under the Data API's result limit. All six variants in the same rounds.
   */
  static void endToEnd(BenchContext ctx, ResultsSink sink) throws Exception {
    long rows = ctx.config.rows();
    long directRows = directRows(ctx);
    ctx.createTable(DIRECT_TABLE, directRows);
    String jdbc1 = "JDBC source, 1 partition";
    String jdbc4 = "JDBC source, 4 partitions on id";
    String jdbcDirect = "JDBC source, 1 partition, " + Goals.rows(directRows) + " rows";
    String direct = "connector direct, " + Goals.rows(directRows) + " rows";
    Instant before = Instant.now();
    List<Variant> v =
        Rounds.run(
            ctx,
            ctx.progressOf("e2e read"),
            ctx.config.warmups(),
            ctx.config.runs(),
            List.of(
                Rounds.named(jdbc1, () -> BenchContext.readAll(ctx.jdbc(MAIN_TABLE, 1, rows))),
                Rounds.named(
                    "connector unload",
                    () -> BenchContext.readAll(ctx.connector(MAIN_TABLE, "unload"))),
                Rounds.named(jdbc4, () -> BenchContext.readAll(ctx.jdbc(MAIN_TABLE, 4, rows))),
                Rounds.named(
                    "connector auto",
                    () -> BenchContext.readAll(ctx.connector(MAIN_TABLE, "auto"))),
                Rounds.named(
                    jdbcDirect, () -> BenchContext.readAll(ctx.jdbc(DIRECT_TABLE, 1, directRows))),
                Rounds.named(
                    direct, () -> BenchContext.readAll(ctx.connector(DIRECT_TABLE, "direct")))));
    long resultBytes = ctx.server.largestResultBytesSince(before);
    long limit = ctx.redshift.dataApi().settings().maxResultBytes();
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("rows (unload, auto, JDBC)", rows);
    facts.put("rows (direct)", directRows);
    facts.put("direct result bytes / Data API limit", resultBytes + " / " + limit);
    String title = "2. end-to-end read";
    WorkloadResult w = new WorkloadResult("e2e", title, v, facts);
    sink.workloads.add(w);
    for (String mode : List.of("unload", "auto")) {
      sink.checks.add(
          Goals.ownShare(
              title,
              "readMode=" + mode + ", " + Goals.rows(rows) + " rows",
              w.variant("connector " + mode),
              List.of(w.variant(jdbc1), w.variant(jdbc4)),
              Goals.OWN_SHARE));
    }
    sink.checks.add(
        Goals.ownShare(
            title,
            "readMode=direct, " + Goals.rows(directRows) + " rows",
            w.variant(direct),
            List.of(w.variant(jdbcDirect)),
            Goals.OWN_SHARE));
  }

  /**
   * The direct read's size: bench.directRows, or the largest multiple of 10,000 rows whose result
   * (as the local Redshift counts it, in the connector's default page format) stays under 90% of
   * the Data API's result limit, measured on a 20,000-row probe.
   */
  private static long directRows(BenchContext ctx) throws Exception {
    if (ctx.config.directRows() > 0) {
      return ctx.config.directRows();
    }
    long probeRows = Math.min(20_000, ctx.config.rows());
    Instant before = Instant.now();
    BenchContext.readAll(
        ctx.spark
            .read()
            .format("redshift-data")
            .options(ctx.options)
            .option("readMode", "direct")
            .option("query", "select * from " + MAIN_TABLE + " where id <= " + probeRows)
            .load());
    double bytesPerRow = (double) ctx.server.largestResultBytesSince(before) / probeRows;
    long limit = ctx.redshift.dataApi().settings().maxResultBytes();
    long fit = (long) (0.9 * limit / bytesPerRow) / 10_000 * 10_000;
    ctx.progress(
        "direct results take %.1f bytes per row: %,d rows fit under 90%% of the %,d-byte limit",
        bytesPerRow, fit, limit);
    return Math.max(10_000, Math.min(fit, ctx.config.rows()));
  }

  /**
   * 3. Direct-path decoding, JSON pages against CSV pages, as cells per second of the connector's
   * own time (the run minus the statement's server time: paging and decoding, one task).
   */
  static void decode(BenchContext ctx, ResultsSink sink) throws Exception {
    long rows = ctx.config.decodeRows();
    List<Variant> v =
        Rounds.run(
            ctx,
            ctx.progressOf("decode"),
            ctx.config.warmups(),
            ctx.config.runs(),
            List.of(
                Rounds.named("direct path, JSON pages", () -> directRead(ctx, "json")),
                Rounds.named("direct path, CSV pages", () -> directRead(ctx, "csv"))));
    String title = "3. direct path decoding";
    WorkloadResult w =
        new WorkloadResult(
            "decode", title, v, Map.of("rows", rows, "cells", rows * 10, "partitions", 1));
    sink.workloads.add(w);
    for (Variant each : v) {
      sink.checks.add(Goals.cellsPerSecond(title, each, rows * 10, Goals.CELLS_PER_CORE_SECOND));
    }
  }

  private static void directRead(BenchContext ctx, String format) {
    BenchContext.readAll(
        ctx.spark
            .read()
            .format("redshift-data")
            .options(ctx.options)
            .option("readMode", "direct")
            .option("resultFormat", format)
            .option("dbtable", DECODE_TABLE)
            .load());
  }

  /**
   * 5. A 10-row query end to end: latency, DescribeStatement polls, polls after the statement
   * finished (the local Redshift's request log against the statement's UpdatedAt), and the time
   * from the statement finishing to the rows arriving in the driver.
   */
  private static final String ONE_PART_DBTABLE = "10 rows of a one-part dbtable, direct path";

  private static final String QUALIFIED_DBTABLE = "10 rows of schema.table, direct path";

  /** Ten rows of {@code dbtable} on the direct path (the filter is pushed). */
  private static List<Row> tenRows(BenchContext ctx, String dbtable) {
    return ctx.connector(dbtable, "direct").where("id <= 10").collectAsList();
  }

  static void smallQuery(BenchContext ctx, ResultsSink sink) throws Exception {
    DataApi api = RedshiftOptions.parse(ctx.options, Map.of()).dataApi();
    int runs = ctx.config.smallRuns();
    List<Run> latency = new ArrayList<>();
    List<Double> polls = new ArrayList<>();
    List<Double> pollsAfter = new ArrayList<>();
    List<Double> finishToRows = new ArrayList<>();
    for (int i = -ctx.config.warmups(); i < runs; i++) {
      ctx.redshift.dataApi().requests().clear();
      List<Row>[] rows = new List[1];
      Instant[] arrived = new Instant[1];
      Run run =
          ctx.time(
              () -> {
                rows[0] =
                    ctx.spark
                        .read()
                        .format("redshift-data")
                        .options(ctx.options)
                        .option("readMode", "direct")
                        .option("query", "select id, name from " + DECODE_TABLE + " where id <= 10")
                        .load()
                        .collectAsList();
                // Taken here: the timer's bookkeeping after the run (a GC, history queries) must
                // not count.
                arrived[0] = Instant.now();
              });
      if (rows[0].size() != 10) {
        throw new IllegalStateException("expected 10 rows, got " + rows[0].size());
      }
      String id =
          ctx.redshift.dataApi().requests().operation("ExecuteStatement").stream()
              .filter(r -> r.sql() != null && r.sql().startsWith("SELECT \"id\""))
              .reduce((a, b) -> b)
              .orElseThrow()
              .statementId();
      Instant finished = api.describe(id).updatedAt();
      List<RecordedRequest> describes =
          ctx.redshift.dataApi().requests().operation("DescribeStatement").stream()
              .filter(r -> id.equals(r.statementId()))
              .toList();
      if (i < 0) {
        continue;
      }
      latency.add(run);
      polls.add((double) describes.size());
      pollsAfter.add((double) describes.stream().filter(r -> r.at().isAfter(finished)).count());
      finishToRows.add(
          Math.max(0, java.time.Duration.between(finished, arrived[0]).toNanos() / 1e9));
      ctx.progress(
          "small run %d/%d: %.3f s, %d polls (%d after finish)",
          i + 1,
          runs,
          run.seconds(),
          describes.size(),
          (long) (double) pollsAfter.get(pollsAfter.size() - 1));
    }
    String title = "5. small-query latency";
    Variant v = Variant.of("10-row query, direct path", latency);
    // A one-part dbtable costs one search_path lookup statement more than schema.table.
    List<Variant> names =
        Rounds.run(
            ctx,
            ctx.progressOf("small"),
            ctx.config.warmups(),
            runs,
            List.of(
                Rounds.named(ONE_PART_DBTABLE, () -> check(tenRows(ctx, DECODE_TABLE).size(), 10)),
                Rounds.named(
                    QUALIFIED_DBTABLE,
                    () -> check(tenRows(ctx, "public." + DECODE_TABLE).size(), 10))));
    List<Variant> variants = new ArrayList<>(List.of(v));
    variants.addAll(names);
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("DescribeStatement polls", Stats.of(polls));
    facts.put("polls after the statement finished", Stats.of(pollsAfter));
    facts.put("statement finished -> rows in the driver (s)", Stats.of(finishToRows));
    facts.put(
        "one-part / schema.table dbtable (median ratio)",
        names.get(0).seconds().median() / names.get(1).seconds().median());
    sink.workloads.add(new WorkloadResult("small", title, variants, facts));
    sink.checks.add(
        Goals.pollsAfterFinish(
            title,
            v.seconds(),
            Stats.of(polls),
            Stats.of(pollsAfter),
            Stats.of(finishToRows),
            Goals.POLLS_AFTER_FINISH));
  }
}
