package dev.redshiftdata.spark.read;

import static dev.redshiftdata.spark.read.ReadTestSupport.messages;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.local.LocalRedshift;
import dev.redshiftdata.local.LocalRedshiftConfig;
import dev.redshiftdata.local.dataapi.RecordedRequest;
import dev.redshiftdata.local.junit.LocalRedshiftExtension;
import dev.redshiftdata.spark.SharedSpark;
import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.dataapi.DataApi;
import dev.redshiftdata.spark.dataapi.StatementRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Cancelling reads: the direct path runs its statement on the driver while Spark plans, before any
 * job exists, so interrupting the thread running the action must cancel the statement; tasks that
 * page a finished statement's result only stop fetching.
 */
@ExtendWith(LocalRedshiftExtension.class)
class CancelReadIT {

  private static final String TABLE = "cancel_read_" + System.nanoTime();
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
  void clear() {
    redshift.dataApi().requests().clear();
  }

  @AfterEach
  void restore() {
    redshift.dataApi().reset();
    spark.sparkContext().clearJobGroup();
  }

  private static DataApi dataApi() {
    return RedshiftOptions.parse(ReadTestSupport.directOptions(), Map.of()).dataApi();
  }

  private DataFrameReader reader() {
    return spark.read().format("redshift-data").options(ReadTestSupport.directOptions());
  }

  /** The one SELECT the read ran (not the schema probe). */
  private static RecordedRequest theSelect() {
    List<RecordedRequest> selects =
        redshift.dataApi().requests().operation("ExecuteStatement").stream()
            .filter(r -> r.sql() != null && r.sql().startsWith("SELECT") && r.ok())
            .filter(r -> !ReadTestSupport.isSearchPathLookup(r.sql()))
            .toList();
    assertEquals(1, selects.size(), selects.toString());
    return selects.get(0);
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(10);
    }
  }

  private static String status(String id) {
    return dataApi().describe(id).statusAsString();
  }

  /**
   * A statement cancelled while still PICKED turns ABORTED when its worker notices (at once when
   * STARTED); either way it never runs.
   */
  private static void awaitAborted(String id) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    String status = status(id);
    while (!status.equals("ABORTED") && System.nanoTime() < deadline) {
      assertTrue(List.of("SUBMITTED", "PICKED").contains(status), status);
      Thread.sleep(20);
      status = status(id);
    }
    assertEquals("ABORTED", status);
  }

  @Test
  void interruptingTheActionThreadCancelsTheRunningStatement() throws Exception {
    // Resolving the schema uses DescribeTable, not a statement: the held statement is the SELECT.
    Dataset<Row> df = reader().option("dbtable", TABLE).load();
    redshift.dataApi().requests().clear();
    redshift.dataApi().faults().holdNextStatementFor(Duration.ofSeconds(60));
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    AtomicReference<List<Row>> rows = new AtomicReference<>();
    AtomicBoolean flagKept = new AtomicBoolean();
    Thread action =
        new Thread(
            () -> {
              spark.sparkContext().setJobGroup("cancel-read", "a read to cancel", true);
              try {
                rows.set(df.collectAsList());
              } catch (Throwable t) {
                thrown.set(t);
                flagKept.set(Thread.currentThread().isInterrupted());
              }
            },
            "cancel-read-action");
    action.start();
    await(
        () -> redshift.dataApi().requests().count("DescribeStatement") >= 1,
        "the driver to poll the held statement");
    String id = theSelect().statementId();
    // A loaded machine may show PICKED (waiting for a PostgreSQL connection) first.
    await(() -> status(id).equals("STARTED"), "the statement to be held in STARTED");
    assertTrue(action.isAlive(), "the action ended while its statement was held");

    action.interrupt();
    action.join(30_000);
    assertFalse(action.isAlive(), "the action still runs after the interrupt");

    assertEquals(null, rows.get(), "the action returned rows");
    assertNotNull(thrown.get(), "the action did not fail");
    String message = messages(thrown.get());
    assertTrue(message.contains("cancel"), message);
    assertTrue(message.contains(id), message);
    assertTrue(message.contains("RSD-007"), message);
    assertTrue(message.contains("SELECT"), message);
    assertFalse(message.contains(redshift.config().secretAccessKey()), message);
    assertTrue(flagKept.get(), "the action thread's interrupt flag was cleared");

    List<RecordedRequest> cancels =
        redshift.dataApi().requests().operation("CancelStatement").stream()
            .filter(r -> id.equals(r.statementId()))
            .toList();
    assertEquals(1, cancels.size(), redshift.dataApi().requests().all().toString());
    assertTrue(cancels.get(0).ok(), cancels.toString());
    awaitAborted(id);
  }

  @Test
  void theSessionReadsNormallyAfterACancelledRead() throws Exception {
    Dataset<Row> df = reader().option("dbtable", TABLE).load();
    redshift.dataApi().faults().holdNextStatementFor(Duration.ofSeconds(60));
    Thread action =
        new Thread(
            () -> {
              try {
                df.collectAsList();
              } catch (Throwable expected) {
                // asserted by interruptingTheActionThreadCancelsTheRunningStatement
              }
            });
    action.start();
    await(
        () -> redshift.dataApi().requests().count("DescribeStatement") >= 1,
        "the driver to poll the held statement");
    action.interrupt();
    action.join(30_000);
    assertFalse(action.isAlive());
    assertEquals(1, redshift.dataApi().requests().count("CancelStatement"));

    redshift.dataApi().requests().clear();
    List<Row> rows = reader().option("dbtable", TABLE).load().where("id <= 3").collectAsList();
    assertEquals(
        List.of("1=row 1", "2=row 2", "3=row 3"),
        rows.stream().map(r -> r.getInt(0) + "=" + r.getString(1)).sorted().toList());
    assertEquals(0, redshift.dataApi().requests().count("CancelStatement"));
  }

  @Test
  void aReaderClosedEarlyStopsFetchingPagesAndCancelsNothing() {
    redshift.dataApi().settings().resultPageRows(100);
    List<Row> rows = reader().option("dbtable", TABLE).load().limit(5).collectAsList();
    assertEquals(5, rows.size());
    String id = theSelect().statementId();
    // 350 rows are 4 pages; Spark's limit closes the reader after the first.
    assertEquals(1, redshift.dataApi().requests().count("GetStatementResultV2", id));
    assertEquals(0, redshift.dataApi().requests().count("CancelStatement"));
    assertEquals("FINISHED", dataApi().describe(id).statusAsString());
  }

  @Test
  void cancellingTheJobGroupStopsATaskThatPagesTheResult() throws Exception {
    redshift.dataApi().settings().resultPageRows(100);
    redshift.dataApi().faults().latency("GetStatementResultV2", Duration.ofMillis(1500));
    Dataset<Row> df = reader().option("dbtable", TABLE).load();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread action =
        new Thread(
            () -> {
              spark.sparkContext().setJobGroup("cancel-paging", "a paging task to kill", true);
              try {
                df.collectAsList();
              } catch (Throwable t) {
                thrown.set(t);
              }
            },
            "cancel-paging-action");
    action.start();
    await(
        () -> redshift.dataApi().requests().count("GetStatementResultV2") >= 1,
        "the task to fetch its first page");
    spark.sparkContext().cancelJobGroup("cancel-paging");
    action.join(30_000);
    assertFalse(action.isAlive());
    assertNotNull(thrown.get(), "the cancelled job returned rows");
    String message = messages(thrown.get());
    assertTrue(message.contains("cancel"), message);
    String id = theSelect().statementId();
    // The statement had finished before the job started: nothing to cancel, and the killed task
    // fetched no page after it was interrupted (4 pages in all).
    assertEquals(0, redshift.dataApi().requests().count("CancelStatement"));
    assertEquals("FINISHED", dataApi().describe(id).statusAsString());
    Thread.sleep(2000);
    assertTrue(
        redshift.dataApi().requests().count("GetStatementResultV2", id) < 4,
        redshift.dataApi().requests().operation("GetStatementResultV2").toString());
  }

  @Test
  void interruptingTheActionWhileTheStatementIsSubmittedStillCancelsIt() throws Exception {
    Dataset<Row> df = reader().option("dbtable", TABLE).load();
    redshift.dataApi().requests().clear();
    redshift.dataApi().faults().holdNextStatementFor(Duration.ofSeconds(60));
    redshift.dataApi().faults().latency("ExecuteStatement", Duration.ofSeconds(2));
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread action =
        new Thread(
            () -> {
              try {
                df.collectAsList();
              } catch (Throwable t) {
                thrown.set(t);
              }
            },
            "cancel-submit-action");
    action.start();
    await(
        () ->
            java.util.Arrays.stream(action.getStackTrace())
                .anyMatch(
                    f ->
                        f.getMethodName().equals("executeStatement")
                            && f.getClassName().contains("RedshiftData")),
        "the action thread to send ExecuteStatement");
    action.interrupt();
    action.join(30_000);
    assertFalse(action.isAlive());
    assertNotNull(thrown.get(), "the action did not fail");
    String message = messages(thrown.get());
    assertTrue(message.contains("cancel"), message);

    // However the SDK ended the interrupted call, the statement it created was found and
    // cancelled, and only one was created.
    List<RecordedRequest> cancels = redshift.dataApi().requests().operation("CancelStatement");
    assertEquals(1, cancels.size(), redshift.dataApi().requests().all().toString());
    String id = cancels.get(0).statementId();
    assertTrue(message.contains(id), message);
    awaitAborted(id);
    assertEquals(
        1,
        redshift.dataApi().requests().operation("ExecuteStatement").stream()
            .map(RecordedRequest::statementId)
            .distinct()
            .count(),
        redshift.dataApi().requests().all().toString());
  }
}
