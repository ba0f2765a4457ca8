package dev.redshiftdata.spark.dataapi;

import static dev.redshiftdata.spark.dataapi.FakeDataApiClient.ID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.spark.dataapi.RedshiftDataException.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.redshiftdata.model.DescribeStatementResponse;
import software.amazon.awssdk.services.redshiftdata.model.DescribeTableRequest;
import software.amazon.awssdk.services.redshiftdata.model.GetStatementResultResponse;
import software.amazon.awssdk.services.redshiftdata.model.ResultFormatString;
import software.amazon.awssdk.services.redshiftdata.model.SubStatementData;

/**
 * The wrapper's waiting, failure, cancel and paging logic over a scripted client and a fake clock.
 */
class DataApiTest {

  /** Fake clock: time moves only when the code under test sleeps. */
  static final class FakeWaiter implements DataApi.Waiter {
    long now;
    final List<Duration> sleeps = new ArrayList<>();
    boolean interruptOnSleep;

    @Override
    public long nanoTime() {
      return now;
    }

    @Override
    public void sleep(Duration d) throws InterruptedException {
      if (interruptOnSleep) {
        throw new InterruptedException();
      }
      sleeps.add(d);
      now += d.toNanos();
    }
  }

  private final FakeDataApiClient client = new FakeDataApiClient();
  private final FakeWaiter waiter = new FakeWaiter();

  private DataApi api(Duration timeout) {
    return new DataApi(
        client,
        DataApiTarget.cluster("dev", "c1", null, "admin"),
        timeout,
        new PollSchedule(Duration.ofMillis(10), Duration.ofMillis(500)),
        waiter);
  }

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  @Test
  void executeSendsTargetNameTokenParametersAndPollsWithBackoff() {
    client
        .thenStatus("SUBMITTED")
        .thenStatus("STARTED")
        .thenStatus("STARTED")
        .then(
            DescribeStatementResponse.builder()
                .id(ID)
                .status("FINISHED")
                .hasResultSet(true)
                .resultRows(3L)
                .build());
    FinishedStatement done =
        api(Duration.ofMinutes(1))
            .execute(
                StatementRequest.sql("select :x")
                    .withParameter("x", "1")
                    .withStatementName("job-1")
                    .withClientToken("tok-1"));
    assertEquals(ID, done.id());
    assertEquals(4, done.polls());
    assertTrue(done.hasResultSet());
    assertEquals(3, done.resultRows());
    assertEquals(
        List.of(
            Duration.ofMillis(10),
            Duration.ofMillis(20),
            Duration.ofMillis(40),
            Duration.ofMillis(80)),
        waiter.sleeps);
    var sent = client.executes.get(0);
    assertEquals("select :x", sent.sql());
    assertEquals("dev", sent.database());
    assertEquals("c1", sent.clusterIdentifier());
    assertEquals("admin", sent.dbUser());
    assertEquals(null, sent.workgroupName());
    assertEquals("job-1", sent.statementName());
    assertEquals("tok-1", sent.clientToken());
    assertEquals(ResultFormatString.JSON, sent.resultFormat());
    assertEquals("x", sent.parameters().get(0).name());
    assertEquals("1", sent.parameters().get(0).value());
  }

  @Test
  void defaultStatementNameAppliesWhenTheRequestHasNone() {
    client.thenStatus("FINISHED");
    DataApi api = api(Duration.ofMinutes(1)).withDefaultStatementName("label-1");
    api.execute(StatementRequest.sql("select 1"));
    api.execute(StatementRequest.sql("select 1").withStatementName("own"));
    api.execute(StatementRequest.batch(List.of("select 1")));
    assertEquals("label-1", client.executes.get(0).statementName());
    assertEquals("own", client.executes.get(1).statementName());
    assertEquals("label-1", client.batches.get(0).statementName());
  }

  @Test
  void sessionsSendOnlyTheSessionId() {
    client.then(
        DescribeStatementResponse.builder().id(ID).status("FINISHED").sessionId("sess-1").build());
    DataApi api = api(Duration.ofMinutes(1));
    FinishedStatement first =
        api.execute(StatementRequest.sql("create temp table x (a int)").withSessionKeepAlive(60));
    assertEquals("sess-1", first.sessionId().orElseThrow());
    api.execute(StatementRequest.sql("select * from x").inSession("sess-1"));
    api.execute(StatementRequest.batch(List.of("select 1")).inSession("sess-1"));
    assertEquals(60, client.executes.get(0).sessionKeepAliveSeconds());
    assertEquals("c1", client.executes.get(0).clusterIdentifier());
    var inSession = client.executes.get(1);
    assertEquals("sess-1", inSession.sessionId());
    assertEquals(null, inSession.database());
    assertEquals(null, inSession.clusterIdentifier());
    assertEquals(null, inSession.dbUser());
    assertEquals("sess-1", client.batches.get(0).sessionId());
    assertEquals(null, client.batches.get(0).database());
    assertThrows(
        IllegalArgumentException.class,
        () -> StatementRequest.sql("x").withSessionKeepAlive(86_401));
  }

  @Test
  void everySubmissionCarriesAClientToken() {
    client.thenStatus("FINISHED");
    DataApi api = api(Duration.ofMinutes(1));
    api.execute(StatementRequest.sql("select 1"));
    api.execute(StatementRequest.sql("select 1"));
    String first = client.executes.get(0).clientToken();
    assertTrue(first != null && !first.isEmpty());
    assertFalse(first.equals(client.executes.get(1).clientToken()));
  }

  @Test
  void failedStatementCarriesIdRedactedSqlAndRedshiftError() {
    client.then(
        DescribeStatementResponse.builder()
            .id(ID)
            .status("FAILED")
            .error("ERROR: relation \"nope\" does not exist")
            .build());
    RedshiftDataException e =
        assertThrows(
            RedshiftDataException.class,
            () ->
                api(Duration.ofMinutes(1))
                    .execute(StatementRequest.sql("select * from nope where p = PASSWORD 'x'")));
    assertEquals(Kind.STATEMENT_FAILED, e.kind());
    assertEquals(ID, e.statementId().orElseThrow());
    assertTrue(e.getMessage().contains(ID));
    assertTrue(e.getMessage().contains("ERROR: relation \"nope\" does not exist"));
    assertTrue(e.getMessage().contains("PASSWORD '" + Redaction.REDACTED + "'"));
    assertFalse(e.getMessage().contains("'x'"));
  }

  @Test
  void overLimitResultIsItsOwnKind() {
    client.then(
        DescribeStatementResponse.builder()
            .id(ID)
            .status("FAILED")
            .error("Database response exceeded size limit")
            .build());
    RedshiftDataException e =
        assertThrows(
            RedshiftDataException.class,
            () -> api(Duration.ofMinutes(1)).execute(StatementRequest.sql("select 1")));
    assertEquals(Kind.RESULT_TOO_LARGE, e.kind());
  }

  @Test
  void batchFailureNamesTheFailingSubStatement() {
    client.then(
        DescribeStatementResponse.builder()
            .id(ID)
            .status("FAILED")
            .error("ERROR: division by zero")
            .subStatements(
                SubStatementData.builder()
                    .id(ID + ":1")
                    .status("FINISHED")
                    .queryString("insert into t values (1)")
                    .build(),
                SubStatementData.builder()
                    .id(ID + ":2")
                    .status("FAILED")
                    .queryString("select 1/0")
                    .error("ERROR: division by zero")
                    .build(),
                SubStatementData.builder()
                    .id(ID + ":3")
                    .status("ABORTED")
                    .queryString("select 3")
                    .build())
            .build());
    RedshiftDataException e =
        assertThrows(
            RedshiftDataException.class,
            () ->
                api(Duration.ofMinutes(1))
                    .execute(
                        StatementRequest.batch(
                            List.of("insert into t values (1)", "select 1/0", "select 3"))));
    assertEquals(Kind.STATEMENT_FAILED, e.kind());
    assertEquals(ID + ":2", e.statementId().orElseThrow());
    assertEquals("select 1/0", e.sql().orElseThrow());
    assertTrue(
        e.getMessage()
            .startsWith(
                "Cannot run batch statement 2 of 3, the batch was rolled back (statement "
                    + ID
                    + ":2)"),
        e.getMessage());
    assertEquals(
        List.of("insert into t values (1)", "select 1/0", "select 3"),
        client.batches.get(0).sqls());
  }

  @Test
  void abortedIsCancelled() {
    client.thenStatus("STARTED").thenStatus("ABORTED");
    RedshiftDataException e =
        assertThrows(
            RedshiftDataException.class,
            () -> api(Duration.ofMinutes(1)).execute(StatementRequest.sql("select 1")));
    assertEquals(Kind.CANCELLED, e.kind());
  }

  @Test
  void timeoutCancelsTheStatementAndNeverSleepsPastTheDeadline() {
    client.thenStatus("STARTED");
    RedshiftDataException e =
        assertThrows(
            RedshiftDataException.class,
            () ->
                api(Duration.ofMillis(1000)).execute(StatementRequest.sql("select pg_sleep(60)")));
    assertEquals(Kind.TIMEOUT, e.kind());
    assertEquals(List.of(ID), client.cancels);
    assertEquals(
        Duration.ofMillis(1000), waiter.sleeps.stream().reduce(Duration.ZERO, Duration::plus));
    // 10+20+40+80+160+320 = 630, then the last wait is cut to the 370 ms left
    assertEquals(Duration.ofMillis(370), waiter.sleeps.get(waiter.sleeps.size() - 1));
  }

  @Test
  void interruptCancelsAndKeepsTheInterruptFlag() {
    client.thenStatus("STARTED");
    waiter.interruptOnSleep = true;
    RedshiftDataException e =
        assertThrows(
            RedshiftDataException.class,
            () -> api(Duration.ofMinutes(1)).execute(StatementRequest.sql("select 1")));
    assertEquals(Kind.INTERRUPTED, e.kind());
    assertEquals(List.of(ID), client.cancels);
    assertTrue(Thread.currentThread().isInterrupted());
  }

  @Test
  void realInterruptOfAWaitingThreadCancels() throws Exception {
    client.thenStatus("STARTED");
    DataApi api =
        new DataApi(
            client,
            DataApiTarget.workgroup("dev", "wg", "arn:s", null),
            Duration.ofMinutes(1),
            new PollSchedule(Duration.ofMillis(5), Duration.ofMillis(20)));
    RedshiftDataException[] thrown = new RedshiftDataException[1];
    boolean[] flag = new boolean[1];
    Thread t =
        new Thread(
            () -> {
              try {
                api.execute(StatementRequest.sql("select 1"));
              } catch (RedshiftDataException e) {
                thrown[0] = e;
                flag[0] = Thread.currentThread().isInterrupted();
              }
            });
    t.start();
    while (client.describeCalls < 2) {
      Thread.sleep(1);
    }
    t.interrupt();
    t.join(5000);
    assertEquals(Kind.INTERRUPTED, thrown[0].kind());
    assertTrue(flag[0]);
    assertEquals(List.of(ID), client.cancels);
    assertEquals("wg", client.executes.get(0).workgroupName());
    assertEquals("arn:s", client.executes.get(0).secretArn());
  }

  @Test
  void failureToPollCancelsTheStatement() {
    client.describes.add(
        () -> {
          throw software.amazon.awssdk.awscore.exception.AwsServiceException.builder()
              .awsErrorDetails(
                  software.amazon.awssdk.awscore.exception.AwsErrorDetails.builder()
                      .errorCode("ThrottlingException")
                      .build())
              .statusCode(400)
              .build();
        });
    RedshiftDataException e =
        assertThrows(
            RedshiftDataException.class,
            () -> api(Duration.ofMinutes(1)).execute(StatementRequest.sql("select 1")));
    assertEquals(Kind.THROTTLED, e.kind());
    assertEquals(ID, e.statementId().orElseThrow());
    assertEquals(List.of(ID), client.cancels);
  }

  @Test
  void resultPagesAreFetchedLazily() {
    Iterator<GetStatementResultResponse> pages = api(Duration.ofMinutes(1)).resultPages(ID);
    assertEquals(0, client.otherRequests.size());
    List<Long> values = new ArrayList<>();
    while (pages.hasNext()) {
      values.add(pages.next().records().get(0).get(0).longValue());
    }
    assertEquals(List.of(1L, 2L, 3L), values);
    assertEquals(3, client.otherRequests.size());
  }

  @Test
  void describeTableAndListSchemasReadAllPages() {
    DataApi api = api(Duration.ofMinutes(1));
    assertEquals(
        List.of("a", "b"),
        api.describeTable("public", "t").stream()
            .map(c -> c.name())
            .collect(java.util.stream.Collectors.toList()));
    DescribeTableRequest first = (DescribeTableRequest) client.otherRequests.get(0);
    assertEquals("dev", first.database());
    assertEquals("c1", first.clusterIdentifier());
    assertEquals("public", first.schema());
    assertEquals(List.of("public", "s1", "s2"), api.listSchemas(null));
  }

  @Test
  void anInterruptedSubmitFindsTheStatementByItsTokenAndCancelsIt() {
    client.abortExecutes = 1;
    client.thenStatus("STARTED");
    RedshiftDataException e =
        assertThrows(
            RedshiftDataException.class,
            () -> api(Duration.ofMinutes(1)).execute(StatementRequest.sql("select 1")));
    assertEquals(Kind.INTERRUPTED, e.kind());
    assertTrue(Thread.currentThread().isInterrupted(), "the interrupt flag is kept");
    assertEquals(ID, e.statementId().orElseThrow());
    assertTrue(e.getMessage().contains("cancel"), e.getMessage());
    assertEquals(2, client.executes.size());
    assertEquals(client.executes.get(0).clientToken(), client.executes.get(1).clientToken());
    assertEquals(List.of(ID), client.cancels);
    assertEquals(0, client.describeCalls, "no waiting after an interrupt");
  }

  @Test
  void aStatementOverTheSizeLimitIsRefusedBeforeSending() {
    client.thenStatus("FINISHED");
    DataApi api = api(Duration.ofMinutes(1));
    // 100,000 bytes exactly is sent
    String select = "SELECT '";
    String fits = select + "x".repeat(StatementRequest.MAX_SQL_BYTES - select.length() - 1) + "'";
    api.execute(StatementRequest.sql(fits));
    assertEquals(1, client.executes.size());

    // 'é' is 2 bytes: 50,001 of them are over the limit though only 50,009 characters
    String secret = "COPY t FROM 's3://b/m' CREDENTIALS 'aws_secret_access_key=topsecret' ";
    String over = secret + "-- " + "é".repeat(50_001);
    RedshiftDataException e =
        assertThrows(RedshiftDataException.class, () -> api.execute(StatementRequest.sql(over)));
    assertEquals(Kind.STATEMENT_TOO_LARGE, e.kind());
    assertEquals(1, client.executes.size(), "nothing sent");
    assertTrue(
        e.getMessage().contains("Cannot run COPY statement of 100,074 bytes"), e::getMessage);
    assertTrue(e.getMessage().contains("limit of 100,000 bytes (UTF-8)"), e::getMessage);
    assertTrue(e.getMessage().contains("IN lists"), e::getMessage);
    assertFalse(e.getMessage().contains("topsecret"), e::getMessage);
    assertTrue(e.getMessage().length() < 2_000, "the SQL is cut in the message");

    // each statement of a batch is checked: '日' is 3 bytes
    RedshiftDataException b =
        assertThrows(
            RedshiftDataException.class,
            () ->
                api.execute(
                    StatementRequest.batch(
                        List.of("SELECT 1", "SELECT '" + "日".repeat(34_000) + "'"))));
    assertEquals(Kind.STATEMENT_TOO_LARGE, b.kind());
    assertTrue(
        b.getMessage().contains("Cannot run batch statement 2 of 2, a SELECT statement of 102,009"),
        b::getMessage);
    assertTrue(client.batches.isEmpty(), "nothing sent");
  }
}
