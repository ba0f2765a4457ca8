package dev.redshiftdata.local.dataapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.redshiftdata.model.DescribeStatementResponse;
import software.amazon.awssdk.services.redshiftdata.model.Field;
import software.amazon.awssdk.services.redshiftdata.model.StatusString;

/**
 * SYS_UNLOAD_HISTORY / STL_UNLOAD_LOG and SYS_LOAD_HISTORY / STL_LOAD_COMMITS after UNLOAD and
 * COPY.
 */
class SystemBulkHistoryIT extends DataApiTestSupport {

  @Test
  void unloadIsRecordedWithOneLogRowPerFile() {
    admin(
        "DROP TABLE IF EXISTS bh_src",
        "CREATE TABLE bh_src AS SELECT g AS id, 'v' || g AS v FROM generate_series(1, 300) g");
    DescribeStatementResponse u =
        run(
            "UNLOAD ('select * from bh_src') TO 's3://local-redshift/bh/unload/'"
                + " IAM_ROLE default FORMAT PARQUET ALLOWOVERWRITE");
    List<List<Field>> h =
        query(
            "SELECT status, file_format, unloaded_rows, unloaded_files_count, unloaded_files_size,"
                + " unloaded_location, session_id, database_name, duration >= 0, end_time >= start_time"
                + " FROM sys_unload_history WHERE query_id = "
                + u.redshiftQueryId());
    assertEquals(1, h.size());
    List<Field> r = h.get(0);
    assertEquals("completed", r.get(0).stringValue());
    assertEquals("Parquet", r.get(1).stringValue());
    assertEquals(300L, r.get(2).longValue());
    assertTrue(r.get(3).longValue() >= 1);
    assertEquals("s3://local-redshift/bh/unload/", r.get(5).stringValue());
    assertEquals(u.redshiftPid(), r.get(6).longValue());
    assertEquals(DB, r.get(7).stringValue());
    assertTrue(r.get(8).booleanValue() && r.get(9).booleanValue());

    List<List<Field>> log =
        query(
            "SELECT count(*), sum(line_count)::bigint, sum(transfer_size)::bigint, min(trim(path)),"
                + " min(trim(file_format)), min(pid) FROM stl_unload_log WHERE query = "
                + u.redshiftQueryId());
    assertEquals(r.get(3).longValue(), log.get(0).get(0).longValue());
    assertEquals(300L, log.get(0).get(1).longValue());
    assertEquals(r.get(4).longValue(), log.get(0).get(2).longValue());
    assertTrue(log.get(0).get(3).stringValue().startsWith("s3://local-redshift/bh/unload/"));
    assertTrue(log.get(0).get(3).stringValue().endsWith(".parquet"));
    assertEquals("Parquet", log.get(0).get(4).stringValue());
    assertEquals(u.redshiftPid(), log.get(0).get(5).longValue());
    assertEquals(
        1L,
        query(
                "SELECT count(DISTINCT d.transaction_id) FROM sys_unload_detail d JOIN sys_unload_history h"
                    + " USING (transaction_id) JOIN sys_query_history q ON q.transaction_id = h.transaction_id"
                    + " AND q.query_id = h.query_id WHERE h.query_id = "
                    + u.redshiftQueryId())
            .get(0)
            .get(0)
            .longValue());
  }

  @Test
  void copyIsRecordedAsCompletedWithItsFiles() {
    admin(
        "DROP TABLE IF EXISTS bh_in",
        "DROP TABLE IF EXISTS bh_out",
        "CREATE TABLE bh_in AS SELECT g AS id, 'w' || g AS v FROM generate_series(1, 40) g",
        "CREATE TABLE bh_out (id int, v varchar(10))");
    run(
        "UNLOAD ('select * from bh_in') TO 's3://local-redshift/bh/csv/part_' IAM_ROLE default CSV"
            + " PARALLEL OFF ALLOWOVERWRITE");
    DescribeStatementResponse c =
        run("COPY bh_out FROM 's3://local-redshift/bh/csv/part_' IAM_ROLE default CSV");
    List<List<Field>> h =
        query(
            "SELECT status, table_name, data_source, file_format, loaded_rows,"
                + " source_file_count, source_file_bytes > 0, error_count, session_id, transaction_id"
                + " FROM sys_load_history WHERE query_id = "
                + c.redshiftQueryId());
    assertEquals(1, h.size());
    List<Field> r = h.get(0);
    assertEquals("completed", r.get(0).stringValue());
    assertEquals("bh_out", r.get(1).stringValue());
    assertEquals("s3://local-redshift/bh/csv/part_", r.get(2).stringValue());
    assertEquals("csv", r.get(3).stringValue());
    assertEquals(40L, r.get(4).longValue());
    assertEquals(1L, r.get(5).longValue());
    assertTrue(r.get(6).booleanValue());
    assertEquals(0L, r.get(7).longValue());
    assertEquals(c.redshiftPid(), r.get(8).longValue());

    List<List<Field>> commits =
        query(
            "SELECT trim(name), trim(filename), lines_scanned, errors"
                + " FROM stl_load_commits WHERE query = "
                + c.redshiftQueryId());
    assertEquals(1, commits.size());
    assertEquals("bh_out", commits.get(0).get(0).stringValue());
    assertEquals("s3://local-redshift/bh/csv/part_000", commits.get(0).get(1).stringValue());
    assertEquals(40L, commits.get(0).get(2).longValue());
    assertEquals(0L, commits.get(0).get(3).longValue());
  }

  @Test
  void aCopyRolledBackWithItsBatchShowsAbortedAndNothingLoaded() {
    admin(
        "DROP TABLE IF EXISTS bh_rb",
        "CREATE TABLE bh_rb (id int, v varchar(10))",
        "DROP TABLE IF EXISTS bh_in2",
        "CREATE TABLE bh_in2 AS SELECT g AS id, 'x' || g AS v FROM generate_series(1, 7) g");
    run(
        "UNLOAD ('select * from bh_in2') TO 's3://local-redshift/bh/rb/' IAM_ROLE default FORMAT PARQUET ALLOWOVERWRITE");
    String batch =
        client()
            .batchExecuteStatement(
                b ->
                    b.clusterIdentifier(CLUSTER)
                        .database(DB)
                        .secretArn(ADMIN_SECRET)
                        .sqls(
                            "COPY bh_rb FROM 's3://local-redshift/bh/rb/' IAM_ROLE default FORMAT PARQUET",
                            "SELECT status, loaded_rows FROM sys_load_history WHERE query_id = pg_last_copy_id()",
                            "SELECT 1 / 0"))
            .id();
    DescribeStatementResponse d = await(batch);
    assertEquals(StatusString.FAILED, d.status());
    long copyId = d.subStatements().get(0).redshiftQueryId();
    assertEquals(7L, d.subStatements().get(0).resultRows());

    List<List<Field>> h =
        query(
            "SELECT status, loaded_rows, loaded_bytes, transaction_id > 0"
                + " FROM sys_load_history WHERE query_id = "
                + copyId);
    assertEquals("aborted", h.get(0).get(0).stringValue());
    assertEquals(0L, h.get(0).get(1).longValue());
    assertEquals(0L, h.get(0).get(2).longValue());
    assertTrue(h.get(0).get(3).booleanValue());
    // The same transaction as the batch's statements in SYS_QUERY_HISTORY.
    assertEquals(
        1L,
        query(
                "SELECT count(*) FROM sys_load_history l JOIN sys_query_history q"
                    + " ON q.query_id = l.query_id AND q.transaction_id = l.transaction_id AND q.query_type = 'COPY'"
                    + " WHERE l.query_id = "
                    + copyId)
            .get(0)
            .get(0)
            .longValue());
    assertEquals(
        0L,
        query("SELECT count(*) FROM stl_load_commits WHERE query = " + copyId)
            .get(0)
            .get(0)
            .longValue());
    assertEquals(0L, query("SELECT count(*) FROM bh_rb").get(0).get(0).longValue());
  }

  @Test
  void aCopyInsideAnOpenBatchIsRunningToItself() {
    admin("DROP TABLE IF EXISTS bh_open", "CREATE TABLE bh_open (id int, v varchar(10))");
    run(
        "UNLOAD ('select 1 as id, ''a'' as v') TO 's3://local-redshift/bh/open/' IAM_ROLE default FORMAT PARQUET ALLOWOVERWRITE");
    String batch =
        client()
            .batchExecuteStatement(
                b ->
                    b.clusterIdentifier(CLUSTER)
                        .database(DB)
                        .secretArn(ADMIN_SECRET)
                        .sqls(
                            "COPY bh_open FROM 's3://local-redshift/bh/open/' IAM_ROLE default FORMAT PARQUET",
                            "SELECT status, loaded_rows FROM sys_load_history WHERE query_id = (SELECT max(query_id) FROM sys_load_history)"))
            .id();
    DescribeStatementResponse d = await(batch);
    assertEquals(StatusString.FINISHED, d.status(), d.error());
    List<Field> inside = rows(batch + ":2").get(0);
    assertEquals("running", inside.get(0).stringValue());
    assertEquals(1L, inside.get(1).longValue());
    long copyId = d.subStatements().get(0).redshiftQueryId();
    assertEquals(
        "completed",
        query("SELECT status FROM sys_load_history WHERE query_id = " + copyId)
            .get(0)
            .get(0)
            .stringValue());
    assertEquals(
        1L,
        query("SELECT count(*) FROM stl_load_commits WHERE query = " + copyId)
            .get(0)
            .get(0)
            .longValue());
  }

  @Test
  void aFailingCopyIsAbortedWithItsErrorCount() {
    admin("DROP TABLE IF EXISTS bh_bad", "CREATE TABLE bh_bad (id int, v varchar(2))");
    run(
        "UNLOAD ('select 1 as id, ''too long'' as v') TO 's3://local-redshift/bh/bad/' IAM_ROLE default FORMAT PARQUET ALLOWOVERWRITE");
    DescribeStatementResponse d =
        await(
            submit(
                "COPY bh_bad FROM 's3://local-redshift/bh/bad/' IAM_ROLE default FORMAT PARQUET"));
    assertEquals(StatusString.FAILED, d.status());
    List<List<Field>> h =
        query(
            "SELECT status, loaded_rows, error_count FROM sys_load_history WHERE query_id = "
                + d.redshiftQueryId());
    assertEquals("aborted", h.get(0).get(0).stringValue());
    assertEquals(0L, h.get(0).get(1).longValue());
    assertEquals(1L, h.get(0).get(2).longValue());
    // Its load error points at the same query.
    assertEquals(
        1L,
        query("SELECT count(*) FROM sys_load_error_detail WHERE query_id = " + d.redshiftQueryId())
            .get(0)
            .get(0)
            .longValue());
  }

  @Test
  void aFailedUnloadIsRecordedAsAborted() {
    run(
        "UNLOAD ('select 1 as a') TO 's3://local-redshift/bh/taken/' IAM_ROLE default FORMAT PARQUET ALLOWOVERWRITE");
    DescribeStatementResponse d =
        await(
            submit(
                "UNLOAD ('select 1 as a') TO 's3://local-redshift/bh/taken/' IAM_ROLE default FORMAT PARQUET"));
    assertEquals(StatusString.FAILED, d.status());
    List<List<Field>> h =
        query(
            "SELECT status, unloaded_rows, unloaded_files_count, error_message <> ''"
                + " FROM sys_unload_history WHERE query_id = "
                + d.redshiftQueryId());
    assertEquals("aborted", h.get(0).get(0).stringValue());
    assertEquals(0L, h.get(0).get(1).longValue());
    assertEquals(0L, h.get(0).get(2).longValue());
    assertTrue(h.get(0).get(3).booleanValue());
    assertEquals(
        0L,
        query("SELECT count(*) FROM stl_unload_log WHERE query = " + d.redshiftQueryId())
            .get(0)
            .get(0)
            .longValue());
  }
}
