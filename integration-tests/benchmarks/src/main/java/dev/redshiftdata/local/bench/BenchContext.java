package dev.redshiftdata.local.bench;

import dev.redshiftdata.local.LocalRedshift;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * What every workload shares: the local Redshift, one Spark session, the connector's options, the
 * JDBC baselines' URL, and the clocks that time a run (wall, server, Spark jobs, heap).
 */
final class BenchContext implements Rounds.Timer, AutoCloseable {
  final BenchConfig config;
  final LocalRedshift redshift;
  final SparkSession spark;
  final Map<String, String> options;
  final String jdbcUrl;
  final ServerClock server;
  private final HeapMonitor heap = new HeapMonitor();
  private final JobClock jobs;
  private final long startNanos = System.nanoTime();

  BenchContext(BenchConfig config, LocalRedshift redshift) throws Exception {
    this.config = config;
    this.redshift = redshift;
    System.setProperty("aws.accessKeyId", redshift.config().accessKeyId());
    System.setProperty("aws.secretAccessKey", redshift.config().secretAccessKey());
    SparkSession.Builder builder =
        SparkSession.builder()
            .appName("redshift-data-bench")
            // The connector stages timestamps as INT64 micros; the Parquet baseline writes the
            // same.
            .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
    redshift.connectionInfo().localSparkSettings().forEach(builder::config);
    this.spark = builder.getOrCreate();
    this.options = new HashMap<>(redshift.connectionInfo().sparkOptions());
    options.put("database", "dev");
    this.jdbcUrl = redshift.postgres().jdbcUrl(pgDatabase());
    this.server = new ServerClock(redshift);
    this.jobs = new JobClock(spark);
  }

  String pgDatabase() {
    return redshift.config().defaultCluster().postgresDatabase("dev");
  }

  Connection postgres() throws java.sql.SQLException {
    return redshift.postgres().connect(pgDatabase(), "awsuser");
  }

  /** Creates {@code table} with {@code rows} rows of the benchmark data, in PostgreSQL directly. */
  void createTable(String table, long rows) throws Exception {
    long t0 = System.nanoTime();
    try (Connection c = postgres()) {
      BenchData.create(c, table, rows);
    }
    progress("created %s with %,d rows in %.1f s", table, rows, (System.nanoTime() - t0) / 1e9);
  }

  /** The connector's read of {@code table} on {@code readMode}. */
  Dataset<Row> connector(String table, String readMode) {
    return spark
        .read()
        .format("redshift-data")
        .options(options)
        .option("readMode", readMode)
        .option("dbtable", table)
        .load();
  }

  /** Spark's JDBC source over pgjdbc on the same PostgreSQL. */
  Dataset<Row> jdbc(String table, int partitions, long rows) {
    Properties p = jdbcProperties();
    p.setProperty("fetchsize", "10000");
    return partitions == 1
        ? spark.read().jdbc(jdbcUrl, table, p)
        : spark.read().jdbc(jdbcUrl, table, "id", 1, rows, partitions, p);
  }

  Properties jdbcProperties() {
    Properties p = new Properties();
    p.setProperty("user", "awsuser");
    return p;
  }

  /** Reads every row and column: a sum of row hashes, one number back to the driver. */
  static void readAll(Dataset<Row> df) {
    df.selectExpr("sum(hash(*))").collectAsList();
  }

  @Override
  public Run time(Rounds.Workload w) throws Exception {
    heap.reset();
    jobs.reset();
    long startMillis = System.currentTimeMillis();
    Instant start = Instant.now();
    long t0 = System.nanoTime();
    w.run();
    long elapsed = System.nanoTime() - t0;
    long peakUsed = heap.peakUsedBytes();
    long peakAfterGc = heap.peakAfterGcBytes();
    if (peakAfterGc == 0) {
      // No collection during the run: collect once after it (untimed) for what it left alive.
      System.gc();
      peakAfterGc = heap.peakAfterGcBytes();
    }
    long jobEnd = jobs.lastJobEndMillis();
    return new Run(
        elapsed / 1e9,
        server.busySeconds(start, start.plus(Duration.ofNanos(elapsed))),
        jobEnd >= startMillis ? (jobEnd - startMillis) / 1e3 : null,
        peakUsed,
        peakAfterGc);
  }

  /** Progress for {@link Rounds}: one line per run, measured or warm-up. */
  Rounds.Progress progressOf(String workload) {
    return (variant, round, runs, r) ->
        progress(
            "%s %s: %s %.3f s%s",
            workload,
            round < 0 ? "warm-up" : "run " + (round + 1) + "/" + runs,
            variant,
            r.seconds(),
            r.serverSeconds() > 0
                ? String.format(Locale.ROOT, " (server %.3f s)", r.serverSeconds())
                : "");
  }

  void progress(String format, Object... args) {
    long s = (System.nanoTime() - startNanos) / 1_000_000_000L;
    System.err.printf(
        Locale.ROOT, "[%02d:%02d] %s%n", s / 60, s % 60, String.format(Locale.ROOT, format, args));
  }

  @Override
  public void close() throws Exception {
    heap.close();
    server.close();
    spark.stop();
  }
}
