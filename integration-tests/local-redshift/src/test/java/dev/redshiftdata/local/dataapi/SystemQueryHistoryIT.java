package dev.redshiftdata.local.dataapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.redshiftdata.model.DescribeStatementResponse;
import software.amazon.awssdk.services.redshiftdata.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.redshiftdata.model.Field;
import software.amazon.awssdk.services.redshiftdata.model.StatusString;

/** SYS_QUERY_HISTORY and STL_QUERY record what the Data API ran, read back through the Data API. */
class SystemQueryHistoryIT extends DataApiTestSupport {

  private static List<Field> historyRow(long queryId) {
    List<List<Field>> rows =
        query(
            "SELECT query_id, query_type, status, returned_rows, error_message, query_text,"
                + " query_label, session_id, database_name, user_id, transaction_id, elapsed_time >= 0,"
                + " end_time >= start_time, result_cache_hit FROM sys_query_history WHERE query_id = "
                + queryId);
    assertEquals(1, rows.size(), "history rows for " + queryId);
    return rows.get(0);
  }

  @Test
  void singleStatementsAreRecordedWithTheirIdsTypesAndRows() {
    admin("DROP TABLE IF EXISTS qh_t", "CREATE TABLE qh_t (id int, v varchar(10))");
    DescribeStatementResponse insert = run("INSERT INTO qh_t VALUES (1, 'a'), (2, 'b'), (3, 'c')");
    String selectId =
        client()
            .executeStatement(
                sql("SELECT id FROM qh_t ORDER BY id").statementName("qh-label").build())
            .id();
    DescribeStatementResponse select = await(selectId);
    assertEquals(StatusString.FINISHED, select.status());
    DescribeStatementResponse ddl = run("CREATE TABLE qh_ctas AS SELECT * FROM qh_t");
    run("DROP TABLE qh_ctas");

    List<Field> i = historyRow(insert.redshiftQueryId());
    assertEquals("INSERT", i.get(1).stringValue());
    assertEquals("success", i.get(2).stringValue());
    assertEquals(0L, i.get(3).longValue());
    assertEquals("", i.get(4).stringValue());
    assertEquals("INSERT INTO qh_t VALUES (1, 'a'), (2, 'b'), (3, 'c')", i.get(5).stringValue());
    assertEquals(insert.redshiftPid(), i.get(7).longValue());
    assertEquals(DB, i.get(8).stringValue());
    assertTrue(i.get(11).booleanValue());
    assertTrue(i.get(12).booleanValue());
    assertFalse(i.get(13).booleanValue());

    List<Field> s = historyRow(select.redshiftQueryId());
    assertEquals("SELECT", s.get(1).stringValue());
    assertEquals(3L, s.get(3).longValue());
    assertEquals("qh-label", s.get(6).stringValue());
    assertEquals("CTAS", historyRow(ddl.redshiftQueryId()).get(1).stringValue());

    // The same statement in STL_QUERY, with Redshift's padded text columns.
    List<List<Field>> stl =
        query(
            "SELECT query, trim(label), pid, trim(database), trim(querytxt), aborted,"
                + " length(querytxt), userid FROM stl_query WHERE query = "
                + select.redshiftQueryId());
    assertEquals(1, stl.size());
    assertEquals("qh-label", stl.get(0).get(1).stringValue());
    assertEquals(select.redshiftPid(), stl.get(0).get(2).longValue());
    assertEquals(DB, stl.get(0).get(3).stringValue());
    assertEquals("SELECT id FROM qh_t ORDER BY id", stl.get(0).get(4).stringValue());
    assertEquals(0L, stl.get(0).get(5).longValue());
    assertEquals(s.get(9).longValue(), stl.get(0).get(7).longValue());
    assertEquals(
        "default",
        query("SELECT trim(label) FROM stl_query WHERE query = " + insert.redshiftQueryId())
            .get(0)
            .get(0)
            .stringValue());
  }

  @Test
  void aFailedStatementIsRecordedWithItsError() {
    DescribeStatementResponse d = await(submit("SELECT * FROM qh_no_such_table"));
    assertEquals(StatusString.FAILED, d.status());
    List<Field> f = historyRow(d.redshiftQueryId());
    assertEquals("failed", f.get(2).stringValue());
    assertEquals(d.error(), f.get(4).stringValue());
    assertTrue(f.get(4).stringValue().contains("qh_no_such_table"), f.get(4).stringValue());
    assertEquals(
        1L,
        query("SELECT aborted FROM stl_query WHERE query = " + d.redshiftQueryId())
            .get(0)
            .get(0)
            .longValue());
  }

  @Test
  void batchSubStatementsShareATransactionAndARolledBackBatchStaysRecorded() {
    admin("DROP TABLE IF EXISTS qh_b", "CREATE TABLE qh_b (id int)");
    String batch =
        client()
            .batchExecuteStatement(
                b ->
                    b.clusterIdentifier(CLUSTER)
                        .database(DB)
                        .secretArn(ADMIN_SECRET)
                        .statementName("qh-batch")
                        .sqls(
                            "INSERT INTO qh_b VALUES (1)",
                            "UPDATE qh_b SET id = 2",
                            "DELETE FROM qh_b WHERE id = 1 / 0",
                            "SELECT 1"))
            .id();
    DescribeStatementResponse d = await(batch);
    assertEquals(StatusString.FAILED, d.status());
    long q1 = d.subStatements().get(0).redshiftQueryId();
    long q3 = d.subStatements().get(2).redshiftQueryId();
    List<List<Field>> rows =
        query(
            "SELECT query_type, status, query_label, transaction_id, session_id"
                + " FROM sys_query_history WHERE query_id BETWEEN "
                + q1
                + " AND "
                + q3
                + " ORDER BY query_id");
    assertEquals(3, rows.size());
    assertEquals(
        List.of("INSERT", "UPDATE", "DELETE"),
        rows.stream().map(r -> r.get(0).stringValue()).toList());
    assertEquals(
        List.of("success", "success", "failed"),
        rows.stream().map(r -> r.get(1).stringValue()).toList());
    assertTrue(rows.stream().allMatch(r -> r.get(2).stringValue().equals("qh-batch")));
    assertEquals(1, rows.stream().map(r -> r.get(3).longValue()).distinct().count());
    assertEquals(d.redshiftPid(), rows.get(0).get(4).longValue());
    // The sub-statement that never ran is not in the history.
    assertEquals(
        0L,
        query(
                "SELECT count(*) FROM sys_query_history WHERE query_id > "
                    + q3
                    + " AND query_text = 'SELECT 1' AND query_label = 'qh-batch'")
            .get(0)
            .get(0)
            .longValue());
  }

  @Test
  void statementsInASessionCarryTheSessionPidAndAQueryOfTheHistorySeesItselfRunning() {
    ExecuteStatementResponse first =
        client().executeStatement(sql("SET datestyle TO ISO").sessionKeepAliveSeconds(30).build());
    await(first.id());
    String second =
        client()
            .executeStatement(
                b ->
                    b.sessionId(first.sessionId())
                        .sql(
                            "SELECT status, query_type FROM sys_query_history"
                                + " WHERE query_id = (SELECT max(query_id) FROM sys_query_history)"))
            .id();
    DescribeStatementResponse d = await(second);
    assertEquals(StatusString.FINISHED, d.status(), d.error());
    List<List<Field>> self = rows(second);
    assertEquals("running", self.get(0).get(0).stringValue());
    assertEquals("SELECT", self.get(0).get(1).stringValue());
    DescribeStatementResponse f = client().describeStatement(b -> b.id(first.id()));
    assertEquals(f.redshiftPid(), d.redshiftPid());
    List<Field> set = historyRow(f.redshiftQueryId());
    assertEquals("UTILITY", set.get(1).stringValue());
    assertEquals(f.redshiftPid(), set.get(7).longValue());
  }

  @Test
  void usersSeeOnlyTheirOwnRowsAndCredentialsAreRedacted() {
    DescribeStatementResponse mine =
        await(
            client()
                .executeStatement(sql("SELECT 42 AS reader_probe").secretArn(READER_SECRET).build())
                .id());
    assertEquals(StatusString.FINISHED, mine.status(), mine.error());
    String readerView =
        client()
            .executeStatement(
                sql("SELECT count(*), count(DISTINCT user_id) FROM sys_query_history")
                    .secretArn(READER_SECRET)
                    .build())
            .id();
    assertEquals(StatusString.FINISHED, await(readerView).status());
    List<Field> counts = rows(readerView).get(0);
    assertTrue(counts.get(0).longValue() >= 2);
    assertEquals(1L, counts.get(1).longValue());
    // The admin sees the reader's statement too.
    assertEquals(
        1L,
        query("SELECT count(*) FROM sys_query_history WHERE query_id = " + mine.redshiftQueryId())
            .get(0)
            .get(0)
            .longValue());

    DescribeStatementResponse refused =
        await(
            submit(
                "UNLOAD ('select 1') TO 's3://local-redshift/qh/x/'"
                    + " ACCESS_KEY_ID 'AKIAEXAMPLE' SECRET_ACCESS_KEY 'qhSecretValue' FORMAT PARQUET DELIMITER ','"));
    assertEquals(StatusString.FAILED, refused.status());
    List<Field> u = historyRow(refused.redshiftQueryId());
    assertEquals("UNLOAD", u.get(1).stringValue());
    assertFalse(u.get(5).stringValue().contains("qhSecretValue"), u.get(5).stringValue());
    assertTrue(u.get(5).stringValue().contains("SECRET_ACCESS_KEY '***'"), u.get(5).stringValue());
  }

  @Test
  void aCancelledStatementIsRecordedAsCanceled() {
    server().faults().holdNextStatementFor(java.time.Duration.ofSeconds(30));
    String id = submit("SELECT 'qh-cancel'");
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
    while (client().describeStatement(b -> b.id(id)).status() != StatusString.STARTED
        && System.nanoTime() < deadline) {
      sleep(5);
    }
    client().cancelStatement(b -> b.id(id));
    DescribeStatementResponse d = await(id);
    assertEquals(StatusString.ABORTED, d.status());
    // ABORTED turns terminal before its history row is completed: allow the worker a moment.
    String status = null;
    for (int i = 0; i < 100 && !"canceled".equals(status); i++) {
      status = historyRow(d.redshiftQueryId()).get(2).stringValue();
      sleep(10);
    }
    assertEquals("canceled", status);
    assertEquals(
        1L,
        query("SELECT aborted FROM stl_query WHERE query = " + d.redshiftQueryId())
            .get(0)
            .get(0)
            .longValue());
  }
}
