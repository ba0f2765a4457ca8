package dev.redshiftdata.spark.dataapi;

import static dev.redshiftdata.spark.dataapi.DataApiCoreIT.api;
import static dev.redshiftdata.spark.dataapi.DataApiCoreIT.count;
import static dev.redshiftdata.spark.dataapi.DataApiCoreIT.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.local.dataapi.DataApiServer;
import dev.redshiftdata.local.dataapi.RecordedRequest;
import dev.redshiftdata.local.junit.LocalRedshiftExtension;
import dev.redshiftdata.spark.dataapi.RedshiftDataException.Kind;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The core's retries, polling, timeout and cancel paths, driven by the local Redshift's fault
 * injection.
 */
@ExtendWith(LocalRedshiftExtension.class)
class DataApiCoreFaultsIT {

  static DataApiServer server;

  @BeforeAll
  static void start() {
    DataApiCoreIT.start();
    server = LocalRedshiftExtension.shared().dataApi();
  }

  @AfterEach
  void reset() {
    server.reset();
  }

  private static List<RecordedRequest> calls(String operation, String id, int expected)
      throws InterruptedException {
    return DataApiCoreIT.calls(operation, id, expected);
  }

  private static List<String> outcomes(String operation, String id) {
    return server.requests().operation(operation).stream()
        .filter(r -> id == null || id.equals(r.statementId()))
        .map(RecordedRequest::outcome)
        .collect(Collectors.toList());
  }

  @Test
  void throttledPollsAreRetriedByTheSdk() throws Exception {
    server.faults().holdNextStatementForPolls(4).throttleEvery("DescribeStatement", 2);
    FinishedStatement done = api().execute(StatementRequest.sql("SELECT 1"));
    calls("DescribeStatement", null, done.polls() + 1);
    List<String> outcomes = outcomes("DescribeStatement", null);
    assertTrue(outcomes.stream().anyMatch(o -> o.contains("Throttling")), outcomes.toString());
    // The log's order is the server's completion order, which can differ from the client's: count,
    // don't order.
    // Count this statement's answered polls only: a late call of an earlier test may land in the
    // log too.
    List<String> ours = outcomes("DescribeStatement", done.id());
    assertEquals(done.polls(), ours.stream().filter("OK"::equals).count(), ours.toString());
  }

  @Test
  void throttlingBeyondTheRetryBudgetIsThrottled() throws Exception {
    server.faults().throttleEvery("ExecuteStatement", 1);
    RedshiftDataException e =
        assertThrows(
            RedshiftDataException.class,
            () -> api("retryMaxAttempts", "2").execute(StatementRequest.sql("SELECT 1")));
    assertEquals(Kind.THROTTLED, e.kind(), e.getMessage());
    assertEquals(2, calls("ExecuteStatement", null, 2).size());
  }

  @Test
  void oneInternalErrorIsRetriedWithTheSameClientToken() throws Exception {
    server.faults().internalErrorOnce("ExecuteStatement");
    FinishedStatement done = api().execute(StatementRequest.sql("SELECT 1"));
    List<RecordedRequest> calls = calls("ExecuteStatement", null, 2);
    // Order-independent: the log holds calls in the server's completion order.
    assertEquals(2, calls.size());
    assertEquals(
        1,
        calls.stream().filter(c -> c.outcome().contains("InternalServer")).count(),
        calls.toString());
    RecordedRequest ok = calls.stream().filter(RecordedRequest::ok).findFirst().orElseThrow();
    // The server refuses the first attempt before reading its body, so only the retry shows the
    // token.
    assertTrue(ok.clientToken() != null && !ok.clientToken().isEmpty());
    assertEquals(done.id(), ok.statementId());
  }

  @Test
  void lostResponseAfterTheStatementRanDoesNotRunItTwice() throws Exception {
    String t = table("core_lost");
    DataApi api = api();
    api.execute(StatementRequest.sql("CREATE TABLE " + t + " (id int)"));
    server.faults().dropResponse("ExecuteStatement", 1);
    FinishedStatement done = api.execute(StatementRequest.sql("INSERT INTO " + t + " VALUES (1)"));
    calls("ExecuteStatement", null, 3);
    List<RecordedRequest> inserts =
        server.requests().operation("ExecuteStatement").stream()
            .filter(r -> r.sql() != null && r.sql().startsWith("INSERT"))
            .collect(Collectors.toList());
    assertEquals(2, inserts.size());
    assertEquals(1, inserts.stream().filter(RecordedRequest::dropped).count(), inserts.toString());
    assertEquals(inserts.get(0).clientToken(), inserts.get(1).clientToken());
    assertEquals(inserts.get(0).statementId(), inserts.get(1).statementId());
    assertEquals(done.id(), inserts.get(0).statementId());
    assertEquals(1L, count(api, t));
  }

  @Test
  void pollsStartFastAndStopSoonAfterTheStatementFinishes() throws Exception {
    // Held STARTED for three DescribeStatements, then it runs: FINISHED by the third or fourth poll
    // on an idle machine. The schedule (10 ms doubling) reaches an 8th poll only about a second
    // later, which a loaded CI machine may need to run SELECT 1 and hand back its worker.
    server.faults().holdNextStatementForPolls(3);
    FinishedStatement done = api().execute(StatementRequest.sql("SELECT 1"));
    assertTrue(done.polls() >= 3 && done.polls() <= 8, done.toString());
    assertEquals(
        done.polls(),
        calls("DescribeStatement", done.id(), done.polls()).size(),
        server.requests().all().toString());
  }

  @Test
  void timeoutCancelsTheStatement() throws Exception {
    server.faults().holdNextStatementFor(Duration.ofSeconds(30));
    DataApi api = api("statementTimeout", "300ms");
    RedshiftDataException e =
        assertThrows(
            RedshiftDataException.class, () -> api.execute(StatementRequest.sql("SELECT 1")));
    assertEquals(Kind.TIMEOUT, e.kind());
    String id = e.statementId().orElseThrow();
    assertEquals(1, calls("CancelStatement", id, 1).size());
    assertEquals("ABORTED", api.describe(id).statusAsString());
  }

  @Test
  void interruptingTheWaitingThreadCancelsTheStatement() throws Exception {
    server.faults().holdNextStatementFor(Duration.ofSeconds(30));
    DataApi api = api();
    AtomicReference<RedshiftDataException> thrown = new AtomicReference<>();
    AtomicBoolean flagKept = new AtomicBoolean();
    Thread waiting =
        new Thread(
            () -> {
              try {
                api.execute(StatementRequest.sql("SELECT 1"));
              } catch (RedshiftDataException e) {
                thrown.set(e);
                flagKept.set(Thread.currentThread().isInterrupted());
              }
            });
    waiting.start();
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (server.requests().count("DescribeStatement") < 2 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    waiting.interrupt();
    waiting.join(10_000);
    assertFalse(waiting.isAlive());
    assertEquals(Kind.INTERRUPTED, thrown.get().kind());
    assertTrue(flagKept.get());
    String id = thrown.get().statementId().orElseThrow();
    assertEquals(1, calls("CancelStatement", id, 1).size());
    assertEquals("ABORTED", api.describe(id).statusAsString());
  }

  @Test
  void injectedFailureAndAbortBecomeKinds() {
    server.faults().failNextStatement("ERROR: injected failure");
    RedshiftDataException failed =
        assertThrows(
            RedshiftDataException.class, () -> api().execute(StatementRequest.sql("SELECT 1")));
    assertEquals(Kind.STATEMENT_FAILED, failed.kind());
    assertEquals("ERROR: injected failure", failed.redshiftError().orElseThrow());
    assertTrue(failed.getMessage().contains(failed.statementId().orElseThrow()));

    server.faults().abortNextStatement();
    RedshiftDataException aborted =
        assertThrows(
            RedshiftDataException.class, () -> api().execute(StatementRequest.sql("SELECT 1")));
    assertEquals(Kind.CANCELLED, aborted.kind());
  }
}
