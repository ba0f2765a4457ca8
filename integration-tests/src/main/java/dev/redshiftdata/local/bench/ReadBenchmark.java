package dev.redshiftdata.local.bench;

import dev.redshiftdata.local.LocalRedshift;
import dev.redshiftdata.local.LocalRedshiftConfig;
import dev.redshiftdata.local.junit.SharedSpark;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The connector's read benchmark, every workload as a ratio against a baseline measured in the same
 * JVM, runs alternated (connector, baseline, connector, ...). Not run by CI.
 *
 * <ol>
 *   <li>Scan efficiency: the unload-path scan of unloaded files against {@code spark.read.parquet}
 *       of the very same files, full scan ({@code sum(hash(*))}) and a 3-column projection. Each
 *       DataFrame is built once, so repeated actions re-read the same files (the connector's UNLOAD
 *       runs once, before the measured runs).
 *   <li>End to end: {@code readMode} unload, auto and direct against Spark's JDBC source (pgjdbc on
 *       the same PostgreSQL), single partition and 4 partitions on {@code id}.
 * </ol>
 *
 * <pre>
 * mvn -q -pl integration-tests -am compile exec:java -Pbench \
 *   -Dbench.main=dev.redshiftdata.local.bench.ReadBenchmark -Dbench.rows=1000000 -Dbench.runs=5
 * </pre>
 */
public final class ReadBenchmark {
  private ReadBenchmark() {}

  public static void main(String[] args) throws Exception {
    long rows = Long.getLong("bench.rows", 1_000_000);
    int runs = Integer.getInteger("bench.runs", 5);
    long directRows = Long.getLong("bench.directRows", Math.min(rows, 200_000));
    try (LocalRedshift redshift = LocalRedshift.start(LocalRedshiftConfig.defaults())) {
      String pgDb = redshift.config().defaultCluster().postgresDatabase("dev");
      try (Connection c = redshift.postgres().connect(pgDb, "awsuser")) {
        long t0 = System.nanoTime();
        BenchData.create(c, "bench_rows", rows);
        BenchData.create(c, "bench_direct", directRows);
        System.err.printf(
            Locale.ROOT, "generated %d rows in %.1f s%n", rows, (System.nanoTime() - t0) / 1e9);
      }
      System.setProperty("aws.accessKeyId", redshift.config().accessKeyId());
      System.setProperty("aws.secretAccessKey", redshift.config().secretAccessKey());
      SparkSession spark = SharedSpark.builder(redshift, "redshift-data-read-bench").getOrCreate();
      Map<String, String> options = new HashMap<>(redshift.connectionInfo().sparkOptions());
      options.put("database", "dev");

      String workloads = System.getProperty("bench.workloads", "scan,direct,small,e2e");
      if (workloads.contains("scan")) {
        scanEfficiency(spark, redshift, options, runs, rows);
      }
      if (workloads.contains("direct")) {
        directDecoding(spark, options, runs, directRows);
      }
      if (workloads.contains("small")) {
        smallQuery(spark, redshift, options, Math.max(runs, 20));
      }
      if (workloads.contains("e2e")) {
        endToEnd(spark, redshift, options, runs, rows, directRows);
      }
      spark.stop();
    }
  }

  private static void scanEfficiency(
      SparkSession spark, LocalRedshift redshift, Map<String, String> options, int runs, long rows)
      throws Exception {
    Dataset<Row> connector =
        spark
            .read()
            .format("redshift-data")
            .options(options)
            .option("readMode", "unload")
            .option("dbtable", "bench_rows")
            .load();
    Dataset<Row> connectorAll = connector.selectExpr("sum(hash(*))");
    Dataset<Row> connectorThree = connector.selectExpr("sum(hash(id, price, name))");
    // The UNLOAD runs on each DataFrame's first action (only the needed columns are unloaded);
    // later actions re-read its files. The baselines read the very same files.
    connectorAll.collectAsList();
    String[] allFiles = unloadedFiles(spark, redshift);
    connectorThree.collectAsList();
    String[] threeFiles = unloadedFiles(spark, redshift);
    Dataset<Row> parquetAll = spark.read().parquet(allFiles).selectExpr("sum(hash(*))");
    Dataset<Row> parquetThree = spark.read().parquet(threeFiles).selectExpr("sum(hash(*))");
    // Same files, same values: the sums must agree (timestamps hash alike as NTZ and LTZ).
    Object connectorSum = connectorAll.collectAsList().get(0).get(0);
    Object parquetSum = parquetAll.collectAsList().get(0).get(0);
    long fileRows = spark.read().parquet(allFiles).count();
    System.out.printf(
        Locale.ROOT,
        "%nfiles hold %d rows; sum(hash(*)) connector %s, parquet %s%n",
        fileRows,
        connectorSum,
        parquetSum);
    if (fileRows != rows) {
      throw new IllegalStateException("the unloaded files hold " + fileRows + " rows");
    }
    parquetThree.collectAsList();
    String[] files = allFiles;

    // Measured: each plan's RDD counted again. A repeated aggregate action would reuse its
    // materialized shuffle and never scan again; an RDD without exchange re-reads every file.
    org.apache.spark.rdd.RDD<?> connectorAllRows =
        connector.selectExpr("hash(*) as h").queryExecution().toRdd();
    org.apache.spark.rdd.RDD<?> connectorThreeRows =
        connector.selectExpr("hash(id, price, name) as h").queryExecution().toRdd();
    org.apache.spark.rdd.RDD<?> parquetAllRows =
        spark.read().parquet(allFiles).selectExpr("hash(*) as h").queryExecution().toRdd();
    org.apache.spark.rdd.RDD<?> parquetThreeRows =
        spark.read().parquet(threeFiles).selectExpr("hash(*) as h").queryExecution().toRdd();
    List<Measurement.Result[]> pairs = new ArrayList<>();
    pairs.add(
        Measurement.alternate(
            "spark.read.parquet, all columns",
            () -> check(parquetAllRows.count(), rows),
            "unload-path scan, all columns",
            () -> check(connectorAllRows.count(), rows),
            runs));
    pairs.add(
        Measurement.alternate(
            "spark.read.parquet, 3 columns",
            () -> check(parquetThreeRows.count(), rows),
            "unload-path scan, 3 columns",
            () -> check(connectorThreeRows.count(), rows),
            runs));
    System.out.printf(Locale.ROOT, "%nScan efficiency (%d rows, %d files)%n", rows, files.length);
    for (Measurement.Result[] p : pairs) {
      printPair(p);
    }
  }

  private static void check(long actual, long expected) {
    if (actual != expected) {
      throw new IllegalStateException("read " + actual + " rows, expected " + expected);
    }
  }

  /** The Parquet files of the newest UNLOAD under the local Redshift's tempdir. */
  private static String[] unloadedFiles(SparkSession spark, LocalRedshift redshift)
      throws Exception {
    Path tempdir = new Path(redshift.connectionInfo().tempdir());
    FileSystem fs = tempdir.getFileSystem(spark.sessionState().newHadoopConf());
    FileStatus newest = null;
    for (FileStatus s : fs.listStatus(tempdir)) {
      if (s.isDirectory()
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

  private static void endToEnd(
      SparkSession spark,
      LocalRedshift redshift,
      Map<String, String> options,
      int runs,
      long rows,
      long directRows)
      throws Exception {
    Properties jdbc = new Properties();
    jdbc.setProperty("user", "awsuser");
    jdbc.setProperty("fetchsize", "10000");
    String url =
        redshift.postgres().jdbcUrl(redshift.config().defaultCluster().postgresDatabase("dev"));
    List<Measurement.Result[]> pairs = new ArrayList<>();
    for (String mode : List.of("unload", "auto")) {
      pairs.add(
          Measurement.alternate(
              "JDBC source, 1 partition",
              () ->
                  spark
                      .read()
                      .jdbc(url, "bench_rows", jdbc)
                      .selectExpr("sum(hash(*))")
                      .collectAsList(),
              "connector readMode=" + mode,
              () ->
                  spark
                      .read()
                      .format("redshift-data")
                      .options(options)
                      .option("readMode", mode)
                      .option("dbtable", "bench_rows")
                      .load()
                      .selectExpr("sum(hash(*))")
                      .collectAsList(),
              runs));
    }
    pairs.add(
        Measurement.alternate(
            "JDBC source, 4 partitions on id",
            () ->
                spark
                    .read()
                    .jdbc(url, "bench_rows", "id", 1, rows, 4, jdbc)
                    .selectExpr("sum(hash(*))")
                    .collectAsList(),
            "connector readMode=unload",
            () ->
                spark
                    .read()
                    .format("redshift-data")
                    .options(options)
                    .option("readMode", "unload")
                    .option("dbtable", "bench_rows")
                    .load()
                    .selectExpr("sum(hash(*))")
                    .collectAsList(),
            runs));
    pairs.add(
        Measurement.alternate(
            "JDBC source, 1 partition (" + directRows + " rows)",
            () ->
                spark
                    .read()
                    .jdbc(url, "bench_direct", jdbc)
                    .selectExpr("sum(hash(*))")
                    .collectAsList(),
            "connector readMode=direct (" + directRows + " rows)",
            () ->
                spark
                    .read()
                    .format("redshift-data")
                    .options(options)
                    .option("readMode", "direct")
                    .option("dbtable", "bench_direct")
                    .load()
                    .selectExpr("sum(hash(*))")
                    .collectAsList(),
            runs));
    System.out.printf(Locale.ROOT, "%nEnd-to-end read (%d rows)%n", rows);
    for (Measurement.Result[] p : pairs) {
      printPair(p);
    }
  }

  /**
   * A 10-row query end to end: its latency, and how many DescribeStatement polls came after the
   * statement finished (the local Redshift's request log against the statement's UpdatedAt).
   */
  private static void smallQuery(
      SparkSession spark, LocalRedshift redshift, Map<String, String> options, int runs)
      throws Exception {
    dev.redshiftdata.spark.dataapi.DataApi api =
        dev.redshiftdata.spark.config.RedshiftOptions.parse(options, Map.of()).dataApi();
    List<Double> seconds = new ArrayList<>();
    List<Long> pollsAfter = new ArrayList<>();
    List<Long> polls = new ArrayList<>();
    for (int i = 0; i <= runs; i++) {
      redshift.dataApi().requests().clear();
      long t0 = System.nanoTime();
      List<Row> rows =
          spark
              .read()
              .format("redshift-data")
              .options(options)
              .option("readMode", "direct")
              .option("query", "select id, name from bench_direct where id <= 10")
              .load()
              .collectAsList();
      double s = (System.nanoTime() - t0) / 1e9;
      if (rows.size() != 10) {
        throw new IllegalStateException("expected 10 rows, got " + rows.size());
      }
      String id =
          redshift.dataApi().requests().operation("ExecuteStatement").stream()
              .filter(r -> r.sql() != null && r.sql().startsWith("SELECT \"id\""))
              .findFirst()
              .orElseThrow()
              .statementId();
      java.time.Instant finished = api.describe(id).updatedAt();
      List<dev.redshiftdata.local.dataapi.RecordedRequest> describes =
          redshift.dataApi().requests().operation("DescribeStatement").stream()
              .filter(r -> id.equals(r.statementId()))
              .toList();
      if (i == 0) {
        continue; // warm-up
      }
      seconds.add(s);
      polls.add((long) describes.size());
      pollsAfter.add(describes.stream().filter(r -> r.at().isAfter(finished)).count());
    }
    Measurement.Result latency = new Measurement.Result("10-row query, direct path", seconds, 0);
    java.util.Collections.sort(pollsAfter);
    java.util.Collections.sort(polls);
    System.out.printf(
        Locale.ROOT,
        "%n10-row query (%d runs)%n  latency median %.3f s  IQR %.3f s%n"
            + "  DescribeStatement polls per statement: median %d, max %d;"
            + " after the statement finished: median %d, max %d%n",
        runs,
        latency.median(),
        latency.iqr(),
        polls.get(polls.size() / 2),
        polls.get(polls.size() - 1),
        pollsAfter.get(pollsAfter.size() / 2),
        pollsAfter.get(pollsAfter.size() - 1));
  }

  /** Direct path end to end, JSON pages against CSV pages, as cells per second. */
  private static void directDecoding(
      SparkSession spark, Map<String, String> options, int runs, long directRows) throws Exception {
    Measurement.Result[] pair =
        Measurement.alternate(
            "direct path, JSON pages",
            () -> directSum(spark, options, "json"),
            "direct path, CSV pages",
            () -> directSum(spark, options, "csv"),
            runs);
    System.out.printf(Locale.ROOT, "%nDirect path decoding (%d rows x 10 columns)%n", directRows);
    printPair(pair);
    for (Measurement.Result r : pair) {
      System.out.printf(
          Locale.ROOT,
          "  %-45s %,.0f cells/s end to end (2 cores, one partition)%n",
          r.name(),
          directRows * 10 / r.median());
    }
  }

  private static void directSum(SparkSession spark, Map<String, String> options, String format) {
    spark
        .read()
        .format("redshift-data")
        .options(options)
        .option("readMode", "direct")
        .option("resultFormat", format)
        .option("dbtable", "bench_direct")
        .load()
        .selectExpr("sum(hash(*))")
        .collectAsList();
  }

  private static void printPair(Measurement.Result[] pair) {
    Measurement.Result baseline = pair[0];
    Measurement.Result subject = pair[1];
    System.out.printf(
        Locale.ROOT,
        "  %-45s median %7.3f s  IQR %6.3f s%n  %-45s median %7.3f s  IQR %6.3f s  ratio %.2f%n",
        baseline.name(),
        baseline.median(),
        baseline.iqr(),
        subject.name(),
        subject.median(),
        subject.iqr(),
        subject.median() / baseline.median());
  }
}
