package dev.redshiftdata.spark.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.local.LocalRedshift;
import dev.redshiftdata.local.LocalRedshiftConfig;
import dev.redshiftdata.local.dataapi.RecordedRequest;
import dev.redshiftdata.spark.SharedSpark;
import dev.redshiftdata.spark.TestRedshift;
import dev.redshiftdata.spark.compat.ScalaCollections;
import dev.redshiftdata.spark.compat.SparkLine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.metric.CustomMetric;
import org.apache.spark.sql.execution.ui.SQLAppStatusStore;
import org.apache.spark.sql.execution.ui.SQLExecutionUIData;
import org.apache.spark.sql.execution.ui.SQLPlanMetric;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Spark UI metrics of a write, as the write node of the executed plan and Spark's SQL status
 * store hold them: rows, bytes and files the tasks staged, and what the driver's commit did.
 */
@ExtendWith(TestRedshift.PerTest.class)
class WriteMetricsIT {

  private static LocalRedshift redshift;
  private final SparkSession spark = SharedSpark.session();

  @BeforeAll
  static void start() {
    redshift = WriteSupport.redshift();
  }

  private static String table(String name) {
    String t = "wmetrics_" + name + "_" + System.nanoTime();
    WriteSupport.sql(redshift, "create table " + t + " (id bigint, v varchar(64))");
    redshift.dataApi().requests().clear();
    return t;
  }

  /**
   * The write's metrics as the SQL tab shows them once its execution ended (also when it failed):
   * by metric name, from the status store's values of the execution whose plan writes {@code t}.
   * Spark registers each custom metric under its description and aggregates task values with the
   * metric class it instantiates by name.
   */
  private Map<String, Long> shown(String t) throws InterruptedException {
    Map<String, String> nameOf = new HashMap<>();
    for (CustomMetric c : WriteMetrics.supported()) {
      nameOf.put(c.description(), c.name());
    }
    SQLAppStatusStore store = spark.sharedState().statusStore();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      for (SQLExecutionUIData e : ScalaCollections.toJava(store.executionsList())) {
        if (!e.physicalPlanDescription().contains("RedshiftAppend(\"public\".\"" + t + "\")")
            || e.completionTime().isEmpty()) {
          continue;
        }
        Map<Object, String> values =
            ScalaCollections.toJava(store.executionMetrics(e.executionId()));
        Map<String, Long> out = new HashMap<>();
        for (SQLPlanMetric pm : ScalaCollections.toJava(e.metrics())) {
          String name = nameOf.get(pm.name());
          String v = values.get(pm.accumulatorId());
          if (name != null && v != null) {
            out.put(name, Long.parseLong(v.trim()));
          }
        }
        if (out.containsKey(WriteMetrics.ROWS_STAGED)) {
          return out;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no ended execution writing " + t + " with write metrics");
  }

  private void write(Dataset<Row> df, String t, String... extra) {
    var w =
        df.write()
            .format("redshift-data")
            .options(WriteSupport.options(redshift))
            // two parts: no search_path lookup, so injected faults hit the write's own statements
            .option("dbtable", "public." + t)
            .mode(SaveMode.Append);
    for (int i = 0; i < extra.length; i += 2) {
      w = w.option(extra[i], extra[i + 1]);
    }
    w.save();
  }

  private static long value(Map<String, Long> metrics, String name) {
    Long v = metrics.get(name);
    assertNotNull(v, name + " missing from " + metrics.keySet());
    return v;
  }

  /** DescribeStatement polls the server answered for the statements of {@code ids}. */
  private static long polls(List<String> ids) {
    return redshift.dataApi().requests().operation("DescribeStatement").stream()
        .filter(r -> ids.contains(r.statementId()) && r.ok())
        .count();
  }

  private static List<String> submittedIds() {
    List<String> ids = new ArrayList<>();
    for (String op : List.of("ExecuteStatement", "BatchExecuteStatement")) {
      for (RecordedRequest r : redshift.dataApi().requests().operation(op)) {
        if (r.ok() && r.statementId() != null && !ids.contains(r.statementId())) {
          ids.add(r.statementId());
        }
      }
    }
    return ids;
  }

  /** Spark 3.5 never asks a Write for driver metrics: the node shows them as 0. */
  private static void assertDriverMetricsAbsent(Map<String, Long> m) {
    for (String name :
        List.of(WriteMetrics.ROWS_LOADED, WriteMetrics.COMMIT_ATTEMPTS, WriteMetrics.STATEMENTS)) {
      assertEquals(0, value(m, name), name);
    }
  }

  @Test
  void tasksReportWhatTheyStagedAndTheDriverWhatTheCommitLoaded() throws Exception {
    String t = table("append");
    Dataset<Row> df =
        spark.range(0, 90_000, 1, 3).selectExpr("id", "sha2(cast(id as string), 256) as v");
    long before = System.nanoTime();
    write(df, t, "writeMaxFileSize", "1048576", "keepStaging", "true");
    Map<String, Long> m = shown(t);
    long wallMillis = (System.nanoTime() - before) / 1_000_000;
    long polledOnServer = polls(submittedIds());
    assertEquals(1, WriteSupport.batches(redshift).size());
    assertEquals(90_000, WriteSupport.count(redshift, t));

    // What the tasks staged is what is under the staging prefix (kept), exactly.
    Path prefix = WriteSupport.lastCopyPrefix(redshift);
    FileSystem fs = prefix.getFileSystem(spark.sessionState().newHadoopConf());
    long files = 0;
    long bytes = 0;
    for (FileStatus f : fs.listStatus(prefix)) {
      if (f.getPath().getName().endsWith(".parquet")) {
        files++;
        bytes += f.getLen();
      }
    }
    fs.delete(prefix, true);
    assertTrue(files > 3, "rolled over: " + files);
    assertEquals(90_000, value(m, WriteMetrics.ROWS_STAGED));
    assertEquals(files, value(m, WriteMetrics.FILES_STAGED));
    if (SparkLine.HAS_WRITE_DRIVER_METRICS) {
      assertEquals(bytes, value(m, WriteMetrics.BYTES_STAGED));
    } else {
      // Spark 3.5 reads task metrics before the commit closes a task's last file: its size is the
      // writer's estimate.
      long shown = value(m, WriteMetrics.BYTES_STAGED);
      assertTrue(
          Math.abs(shown - bytes) <= bytes / 20, shown + " bytes shown, " + bytes + " staged");
      assertDriverMetricsAbsent(m);
      return;
    }

    // The driver: one transaction loading every row; its one statement and its polls.
    assertEquals(90_000, value(m, WriteMetrics.ROWS_LOADED));
    assertEquals(1, value(m, WriteMetrics.COMMIT_ATTEMPTS));
    assertEquals(1, value(m, WriteMetrics.STATEMENTS));
    long polls = value(m, WriteMetrics.POLLS);
    assertTrue(polls >= 1, "polls " + polls);
    assertEquals(polledOnServer, polls);
    assertEquals(0, value(m, WriteMetrics.THROTTLED_RETRIES));
    long commit = value(m, WriteMetrics.COMMIT_MILLIS);
    assertTrue(commit >= 1 && commit <= wallMillis, commit + " ms of " + wallMillis);
  }

  @Test
  void aSerializationConflictShowsTwoAttempts() throws Exception {
    String t = table("conflict");
    redshift
        .dataApi()
        .faults()
        .failNextStatement(
            "ERROR: 1023 DETAIL: Serializable isolation violation on table - 123, transactions"
                + " forming the cycle are: 1, 2");
    write(spark.range(0, 100, 1, 2).selectExpr("id", "'x' as v"), t);
    Map<String, Long> m = shown(t);
    assertEquals(100, WriteSupport.count(redshift, t));
    assertEquals(100, value(m, WriteMetrics.ROWS_STAGED));
    if (!SparkLine.HAS_WRITE_DRIVER_METRICS) {
      assertDriverMetricsAbsent(m);
      return;
    }
    assertEquals(2, value(m, WriteMetrics.COMMIT_ATTEMPTS));
    assertEquals(2, value(m, WriteMetrics.STATEMENTS));
    assertEquals(100, value(m, WriteMetrics.ROWS_LOADED));
    assertEquals(100, value(m, WriteMetrics.ROWS_STAGED));
  }

  @Test
  void aFailedCommitStillReportsItsAttemptAndNoRowsLoaded() throws Exception {
    String t = table("failed");
    // 100 bytes into VARCHAR(64): the COPY fails.
    assertThrows(
        Exception.class,
        () -> write(spark.range(0, 50, 1, 1).selectExpr("id", "repeat('y', 100) as v"), t));
    Map<String, Long> m = shown(t);
    assertEquals(50, value(m, WriteMetrics.ROWS_STAGED));
    assertEquals(0, value(m, WriteMetrics.ROWS_LOADED));
    if (!SparkLine.HAS_WRITE_DRIVER_METRICS) {
      assertDriverMetricsAbsent(m);
      return;
    }
    assertEquals(1, value(m, WriteMetrics.COMMIT_ATTEMPTS));
    // The batch, and the lookup of the load errors after it failed.
    assertEquals(2, value(m, WriteMetrics.STATEMENTS));
    assertEquals(0, WriteSupport.count(redshift, t));
  }

  @Test
  void metricNamesAndDescriptionsHoldNoSecret() {
    CustomMetric[] supported = WriteMetrics.supported();
    assertEquals(9, supported.length);
    LocalRedshiftConfig config = redshift.config();
    List<String> secrets =
        List.of(
            redshift.connectionInfo().secretArn(),
            "secret",
            config.accessKeyId(),
            config.secretAccessKey());
    StringBuilder text = new StringBuilder();
    for (CustomMetric c : supported) {
      text.append(c.name()).append(' ').append(c.description()).append('\n');
    }
    for (String secret : secrets) {
      assertFalse(text.toString().contains(secret), secret + " in " + text);
    }
  }
}
