package dev.redshiftdata.spark.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.local.LocalRedshift;
import dev.redshiftdata.local.LocalRedshiftConfig;
import dev.redshiftdata.local.dataapi.RecordedRequest;
import dev.redshiftdata.local.junit.LocalRedshiftExtension;
import dev.redshiftdata.spark.SharedSpark;
import dev.redshiftdata.spark.compat.ScalaCollections;
import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.dataapi.DataApi;
import dev.redshiftdata.spark.dataapi.StatementRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.metric.CustomMetric;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.adaptive.AdaptiveSparkPlanExec;
import org.apache.spark.sql.execution.datasources.v2.BatchScanExec;
import org.apache.spark.sql.execution.metric.SQLMetric;
import org.apache.spark.sql.execution.ui.SQLExecutionUIData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The Spark UI metrics of a direct-path read, as the scan node of the executed plan holds them. */
@ExtendWith(LocalRedshiftExtension.class)
class ReadMetricsIT {

  private static final String TABLE = "read_metrics_" + System.nanoTime();
  private static final int ROWS = 350;

  private static LocalRedshift redshift;
  private final SparkSession spark = SharedSpark.session();

  @BeforeAll
  static void createTable() {
    redshift = ReadTestSupport.redshift();
    LocalRedshiftConfig config = redshift.config();
    dataApi()
        .execute(
            StatementRequest.sql(
                "create table "
                    + TABLE
                    + " as select n as id, 'row ' || n as label from generate_series(1, "
                    + ROWS
                    + ") as n"));
  }

  @BeforeEach
  void pages() {
    redshift.dataApi().requests().clear();
    redshift.dataApi().settings().resultPageRows(100);
  }

  @AfterEach
  void restore() {
    redshift.dataApi().reset();
  }

  private static DataApi dataApi() {
    return RedshiftOptions.parse(ReadTestSupport.directOptions(), Map.of()).dataApi();
  }

  private Dataset<Row> table() {
    return spark
        .read()
        .format("redshift-data")
        .options(ReadTestSupport.directOptions())
        // two parts: no search_path lookup, so the injected faults hit the read's own statement
        .option("dbtable", "public." + TABLE)
        .load();
  }

  private static BatchScanExec scanNode(SparkPlan plan) {
    if (plan instanceof BatchScanExec scan) {
      return scan;
    }
    if (plan instanceof AdaptiveSparkPlanExec adaptive) {
      return scanNode(adaptive.executedPlan());
    }
    for (SparkPlan child : ScalaCollections.toJava(plan.children())) {
      BatchScanExec found = scanNode(child);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static Map<String, SQLMetric> metrics(Dataset<Row> df) {
    BatchScanExec scan = scanNode(df.queryExecution().executedPlan());
    assertNotNull(scan, df.queryExecution().executedPlan().toString());
    return ScalaCollections.toJava(scan.metrics());
  }

  private static long value(Map<String, SQLMetric> metrics, String name) {
    SQLMetric m = metrics.get(name);
    assertNotNull(m, name + " missing from " + metrics.keySet());
    return m.value();
  }

  /** The read's one SELECT (the statement id the server gave it). */
  private static String selectId() {
    List<RecordedRequest> selects =
        redshift.dataApi().requests().operation("ExecuteStatement").stream()
            .filter(r -> r.sql() != null && r.sql().startsWith("SELECT") && r.ok())
            .filter(r -> !ReadTestSupport.isSearchPathLookup(r.sql()))
            .toList();
    assertEquals(1, selects.size(), selects.toString());
    return selects.get(0).statementId();
  }

  /** Calls the server answered OK for this statement. */
  private static long served(String operation, String id) {
    return redshift.dataApi().requests().operation(operation).stream()
        .filter(r -> id.equals(r.statementId()) && r.ok())
        .count();
  }

  /** Calls answered with throttling (the test's read is the only caller). */
  private static long throttled(String operation) {
    return redshift.dataApi().requests().operation(operation).stream()
        .filter(r -> r.outcome().contains("Throttling"))
        .count();
  }

  /**
   * Waits until the server's log agrees: it records a call as it completes, which can be just after
   * the client has its answer.
   */
  private static void assertLogged(long expected, LongSupplier logged, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (logged.getAsLong() != expected && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertEquals(expected, logged.getAsLong(), what);
  }

  @Test
  void aDirectReadReportsItsStatementPollsRowsPagesAndBytes() throws Exception {
    Dataset<Row> df = table();
    List<Row> rows = df.collectAsList();
    assertEquals(ROWS, rows.size());
    String id = selectId();
    Map<String, SQLMetric> m = metrics(df);

    assertEquals(1, value(m, ReadMetrics.STATEMENTS));
    assertTrue(value(m, ReadMetrics.POLLS) >= 1);
    assertLogged(value(m, ReadMetrics.POLLS), () -> served("DescribeStatement", id), "polls");
    assertEquals(ROWS, value(m, ReadMetrics.RESULT_ROWS));
    assertEquals(dataApi().describe(id).resultSize(), value(m, ReadMetrics.RESULT_BYTES));
    assertTrue(value(m, ReadMetrics.RESULT_BYTES) > 0);
    assertEquals(ROWS, value(m, ReadMetrics.ROWS_READ));
    assertEquals(4, value(m, ReadMetrics.PAGES_READ));
    assertLogged(4, () -> served("GetStatementResultV2", id), "pages served");
    assertEquals(0, value(m, ReadMetrics.THROTTLED_RETRIES));
    assertEquals(ROWS, value(m, "numOutputRows"));
  }

  @Test
  void throttledCallsThatTheSdkRetriedAreCountedOnDriverAndTasks() throws Exception {
    // One throttled poll on the driver and one throttled page in the task. (Few on purpose: the
    // SDK's adaptive retry slows the shared client down after each.)
    redshift.dataApi().faults().holdNextStatementForPolls(2);
    redshift.dataApi().faults().throttleNext("DescribeStatement", 1);
    redshift.dataApi().faults().throttleNext("GetStatementResultV2", 1);
    Dataset<Row> df = table();
    assertEquals(ROWS, df.collectAsList().size());
    String id = selectId();
    Map<String, SQLMetric> m = metrics(df);

    long polls = value(m, ReadMetrics.POLLS);
    assertLogged(polls, () -> served("DescribeStatement", id), "polls count answers");
    assertLogged(4, () -> served("GetStatementResultV2", id), "pages served");
    assertEquals(1, throttled("DescribeStatement"));
    assertEquals(1, throttled("GetStatementResultV2"));
    assertEquals(2, value(m, ReadMetrics.THROTTLED_RETRIES));
    assertTrue(polls >= 2, "held for 2 polls: " + polls);
    assertEquals(ROWS, value(m, ReadMetrics.ROWS_READ));
    assertEquals(4, value(m, ReadMetrics.PAGES_READ));
  }

  @Test
  void metricNamesAndDescriptionsHoldNoSecret() throws Exception {
    Dataset<Row> df = table();
    df.collectAsList();
    BatchScanExec scan = scanNode(df.queryExecution().executedPlan());
    CustomMetric[] supported = scan.scan().supportedCustomMetrics();
    assertEquals(7, supported.length);
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
    for (SQLMetric sql : metrics(df).values()) {
      text.append(sql.name().getOrElse(() -> "")).append(' ').append(sql.metricType()).append('\n');
    }
    for (String secret : secrets) {
      assertFalse(text.toString().contains(secret), secret + " in " + text);
    }

    // Spark's SQL listener instantiates the metric class by name to aggregate: the rows read
    // show up aggregated in the status store once the execution ends.
    SQLMetric rowsRead = metrics(df).get(ReadMetrics.ROWS_READ);
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    String shown = null;
    while (shown == null && System.nanoTime() < deadline) {
      for (SQLExecutionUIData e :
          ScalaCollections.toJava(spark.sharedState().statusStore().executionsList())) {
        if (e.completionTime().isDefined()) {
          String v =
              ScalaCollections.toJava(
                      spark.sharedState().statusStore().executionMetrics(e.executionId()))
                  .get(rowsRead.id());
          if (v != null) {
            shown = v;
          }
        }
      }
      Thread.sleep(20);
    }
    assertEquals(String.valueOf(ROWS), shown);
  }
}
