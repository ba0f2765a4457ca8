package dev.redshiftdata.local.dataapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.redshiftdata.model.ActiveSessionsExceededException;
import software.amazon.awssdk.services.redshiftdata.model.BatchExecuteStatementResponse;
import software.amazon.awssdk.services.redshiftdata.model.DescribeStatementResponse;
import software.amazon.awssdk.services.redshiftdata.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.redshiftdata.model.Field;
import software.amazon.awssdk.services.redshiftdata.model.ResultFormatString;
import software.amazon.awssdk.services.redshiftdata.model.StatusString;
import software.amazon.awssdk.services.redshiftdata.model.SubStatementData;
import software.amazon.awssdk.services.redshiftdata.model.ValidationException;

/**
 * Sessions, session settings, batches in sessions, batch cancel, and reads of unfinished
 * statements.
 */
class DataApiSessionIT extends DataApiTestSupport {

  private String columnName(String statementId) {
    return client().getStatementResult(b -> b.id(statementId)).columnMetadata().get(0).name();
  }

  @Test
  void caseSensitiveIdentifierSettingLivesInTheSession() {
    ExecuteStatementResponse set =
        client()
            .executeStatement(
                sql("set enable_case_sensitive_identifier to true")
                    .sessionKeepAliveSeconds(30)
                    .build());
    assertEquals(StatusString.FINISHED, await(set.id()).status(), await(set.id()).error());
    String sessionId = set.sessionId();
    String id =
        client()
            .executeStatement(b -> b.sessionId(sessionId).sql("select 1 as \"MixedCase\""))
            .id();
    assertEquals(StatusString.FINISHED, await(id).status());
    assertEquals("MixedCase", columnName(id));
    String reset =
        client()
            .executeStatement(
                b -> b.sessionId(sessionId).sql("reset enable_case_sensitive_identifier"))
            .id();
    await(reset);
    String again =
        client()
            .executeStatement(b -> b.sessionId(sessionId).sql("select 1 as \"MixedCase\""))
            .id();
    await(again);
    assertEquals("mixedcase", columnName(again));
    // Outside the session the default applies.
    assertEquals("mixedcase", columnName(run("select 1 as \"MixedCase\"").id()));
  }

  @Test
  void serverDefaultForCaseSensitiveIdentifiersIsChangeableAtRuntime() {
    server().settings().caseSensitiveIdentifiers(true);
    assertEquals("MixedCase", columnName(run("select 1 as \"MixedCase\"").id()));
    server().settings().caseSensitiveIdentifiers(false);
    assertEquals("mixedcase", columnName(run("select 1 as \"MixedCase\"").id()));
  }

  @Test
  void batchInASessionSeesSessionState() {
    ExecuteStatementResponse first =
        client()
            .executeStatement(
                sql("create temp table batch_session_tmp (a int)")
                    .sessionKeepAliveSeconds(30)
                    .build());
    await(first.id());
    BatchExecuteStatementResponse b =
        client()
            .batchExecuteStatement(
                x ->
                    x.sessionId(first.sessionId())
                        .sqls(
                            "insert into batch_session_tmp values (7)",
                            "select a from batch_session_tmp"));
    assertEquals(first.sessionId(), b.sessionId());
    DescribeStatementResponse d = await(b.id());
    assertEquals(StatusString.FINISHED, d.status(), d.error());
    assertEquals(first.sessionId(), d.sessionId());
    assertEquals(List.of(List.of(Field.fromLongValue(7L))), rows(b.id() + ":2"));
  }

  @Test
  void activeSessionsQuota() {
    ExecuteStatementResponse e =
        client().executeStatement(sql("select 1").sessionKeepAliveSeconds(30).build());
    await(e.id());
    server().settings().maxSessions(1);
    ActiveSessionsExceededException x =
        assertThrows(
            ActiveSessionsExceededException.class,
            () -> client().executeStatement(sql("select 1").sessionKeepAliveSeconds(30).build()));
    assertTrue(x.awsErrorDetails().errorMessage().startsWith("Active sessions exceeded"));
    // Reusing the open session and running without a session are still fine.
    assertEquals(
        StatusString.FINISHED,
        await(
                client()
                    .executeStatement(
                        b -> b.sessionId(e.sessionId()).sessionKeepAliveSeconds(0).sql("select 1"))
                    .id())
            .status());
    assertEquals(StatusString.FINISHED, run("select 1").status());
  }

  @Test
  void sessionExpiresAfterKeepAlive() {
    ExecuteStatementResponse e =
        client().executeStatement(sql("select 1").sessionKeepAliveSeconds(1).build());
    await(e.id());
    sleep(1600);
    ValidationException v =
        assertThrows(
            ValidationException.class,
            () -> client().executeStatement(b -> b.sessionId(e.sessionId()).sql("select 1")));
    assertTrue(v.awsErrorDetails().errorMessage().contains(e.sessionId()));
  }

  @Test
  void busySessionRejectsASecondStatement() {
    ExecuteStatementResponse e =
        client().executeStatement(sql("select pg_sleep(30)").sessionKeepAliveSeconds(30).build());
    try {
      assertThrows(
          ValidationException.class,
          () -> client().executeStatement(b -> b.sessionId(e.sessionId()).sql("select 1")));
    } finally {
      client().cancelStatement(b -> b.id(e.id()));
    }
    assertEquals(StatusString.ABORTED, await(e.id()).status());
    String next = client().executeStatement(b -> b.sessionId(e.sessionId()).sql("select 2")).id();
    assertEquals(List.of(List.of(Field.fromLongValue(2L))), rows(await(next).id()));
  }

  @Test
  void cancelABatch() {
    admin("drop table if exists cancel_batch_t", "create table cancel_batch_t (a int)");
    String id =
        client()
            .batchExecuteStatement(
                x ->
                    x.clusterIdentifier(CLUSTER)
                        .database(DB)
                        .secretArn(ADMIN_SECRET)
                        .sqls(
                            "insert into cancel_batch_t values (1)",
                            "select pg_sleep(30)",
                            "insert into cancel_batch_t values (3)"))
            .id();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!client().describeStatement(b -> b.id(id + ":2")).status().equals(StatusString.STARTED)
        && System.nanoTime() < deadline) {
      sleep(5);
    }
    sleep(100);
    assertTrue(
        client()
            .cancelStatement(b -> b.id(id + ":2"))
            .status()); // by sub-statement id: the whole batch
    DescribeStatementResponse d = await(id);
    assertEquals(StatusString.ABORTED, d.status());
    assertEquals(
        List.of("FINISHED", "ABORTED", "ABORTED"),
        d.subStatements().stream().map(SubStatementData::statusAsString).toList());
    assertEquals(
        List.of(List.of(Field.fromLongValue(0L))), query("select count(*) from cancel_batch_t"));
  }

  @Test
  void cancelWhileWaitingForAWorker() {
    List<String> sleepers = new java.util.ArrayList<>();
    for (int i = 0; i < CONFIG.workerThreads(); i++) {
      sleepers.add(submit("select pg_sleep(30)"));
    }
    try {
      String queued = submit("select 1");
      String queuedBatch =
          client()
              .batchExecuteStatement(
                  x ->
                      x.clusterIdentifier(CLUSTER)
                          .database(DB)
                          .secretArn(ADMIN_SECRET)
                          .sqls("select 1", "select 2"))
              .id();
      assertEquals(StatusString.SUBMITTED, client().describeStatement(b -> b.id(queued)).status());
      assertTrue(client().cancelStatement(b -> b.id(queued)).status());
      assertTrue(client().cancelStatement(b -> b.id(queuedBatch)).status());
      assertEquals(StatusString.ABORTED, client().describeStatement(b -> b.id(queued)).status());
      DescribeStatementResponse batch = client().describeStatement(b -> b.id(queuedBatch));
      assertEquals(StatusString.ABORTED, batch.status());
      assertEquals(
          List.of("ABORTED", "ABORTED"),
          batch.subStatements().stream().map(SubStatementData::statusAsString).toList());
    } finally {
      sleepers.forEach(id -> client().cancelStatement(b -> b.id(id)));
    }
    sleepers.forEach(id -> assertEquals(StatusString.ABORTED, await(id).status()));
  }

  @Test
  void csvBatchSubStatementsReadThroughV2() {
    String id =
        client()
            .batchExecuteStatement(
                x ->
                    x.clusterIdentifier(CLUSTER)
                        .database(DB)
                        .secretArn(ADMIN_SECRET)
                        .resultFormat(ResultFormatString.CSV)
                        .sqls("select 'a' as s", "select 'b,c' as s"))
            .id();
    assertEquals(StatusString.FINISHED, await(id).status());
    assertEquals(
        "\"b,c\"\n",
        client().getStatementResultV2(b -> b.id(id + ":2")).records().get(0).csvRecords());
    assertThrows(ValidationException.class, () -> client().getStatementResultV2(b -> b.id(id)));
  }

  @Test
  void resultOfAnUnfinishedStatement() {
    server().faults().holdNextStatementFor(Duration.ofMillis(2000));
    String id = submit("select 1");
    ValidationException v =
        assertThrows(ValidationException.class, () -> client().getStatementResult(b -> b.id(id)));
    assertEquals(
        "Query has not finished. Please check query status with DescribeStatement.",
        v.awsErrorDetails().errorMessage());
    DescribeStatementResponse running = client().describeStatement(b -> b.id(id));
    assertTrue(
        running.status() == StatusString.STARTED
            || running.status() == StatusString.PICKED
            || running.status() == StatusString.SUBMITTED);
    assertNotNull(running.createdAt());
    assertEquals(StatusString.FINISHED, await(id).status());
  }
}
