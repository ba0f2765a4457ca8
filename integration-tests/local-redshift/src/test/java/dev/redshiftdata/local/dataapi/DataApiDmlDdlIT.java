package dev.redshiftdata.local.dataapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.redshiftdata.model.DescribeStatementResponse;
import software.amazon.awssdk.services.redshiftdata.model.Field;
import software.amazon.awssdk.services.redshiftdata.model.StatusString;

/**
 * MERGE, ALTER TABLE APPEND, COMMENT ON, temporary tables and GRANT/REVOKE through the Data API.
 */
class DataApiDmlDdlIT extends DataApiTestSupport {

  private static String text(Field f) {
    if (Boolean.TRUE.equals(f.isNull())) {
      return "null";
    }
    return f.stringValue() != null ? f.stringValue() : String.valueOf(f.longValue());
  }

  /** Rows of a query as "a|b" strings. */
  private static List<String> lines(String sql) {
    List<String> out = new ArrayList<>();
    for (List<Field> r : query(sql)) {
      List<String> cells = new ArrayList<>();
      for (Field f : r) {
        cells.add(text(f));
      }
      out.add(String.join("|", cells));
    }
    return out;
  }

  private static DescribeStatementResponse failed(String sql) {
    DescribeStatementResponse d = await(submit(sql));
    assertEquals(StatusString.FAILED, d.status(), sql);
    return d;
  }

  @Test
  void mergeUpdateDeleteInsert() {
    run("DROP TABLE IF EXISTS m_target");
    run("DROP TABLE IF EXISTS m_source");
    run("CREATE TABLE m_target (id INT, v VARCHAR(10))");
    run("CREATE TABLE m_source (id INT, v VARCHAR(10), del BOOLEAN)");
    run("INSERT INTO m_target VALUES (1, 'a'), (2, 'b'), (3, 'c')");
    run("INSERT INTO m_source VALUES (2, 'B', false), (3, 'C', true), (4, 'D', false)");
    DescribeStatementResponse d =
        run(
            "MERGE INTO m_target USING m_source s ON m_target.id = s.id"
                + " WHEN MATCHED THEN UPDATE SET v = s.v WHEN NOT MATCHED THEN INSERT (id, v) VALUES (s.id, s.v)");
    assertEquals(3, d.resultRows());
    assertEquals(
        List.of("1|a", "2|B", "3|C", "4|D"), lines("SELECT id, v FROM m_target ORDER BY id"));
    run(
        "MERGE INTO m_target AS t USING m_source AS s ON t.id = s.id WHEN MATCHED THEN DELETE"
            + " WHEN NOT MATCHED THEN INSERT VALUES (s.id, s.v)");
    assertEquals(List.of("1|a"), lines("SELECT id, v FROM m_target ORDER BY id"));
  }

  @Test
  void mergeRemoveDuplicates() {
    run("DROP TABLE IF EXISTS md_target");
    run("DROP TABLE IF EXISTS md_source");
    run("CREATE TABLE md_target (id INT, v VARCHAR(10))");
    run("CREATE TABLE md_source (id INT, v VARCHAR(10))");
    run("INSERT INTO md_target VALUES (1, 'a'), (2, 'b'), (2, 'b2'), (3, 'c')");
    run("INSERT INTO md_source VALUES (2, 'B'), (4, 'D')");
    run("MERGE INTO md_target USING md_source ON md_target.id = md_source.id REMOVE DUPLICATES");
    assertEquals(
        List.of("1|a", "2|B", "3|c", "4|D"), lines("SELECT id, v FROM md_target ORDER BY id"));
    run(
        "MERGE INTO md_target t USING (SELECT 3 AS id, 'C'::varchar(10) AS v) s ON t.id = s.id REMOVE DUPLICATES;");
    assertEquals(
        List.of("1|a", "2|B", "3|C", "4|D"), lines("SELECT id, v FROM md_target ORDER BY id"));
  }

  @Test
  void alterTableAppendMovesRows() {
    run("DROP TABLE IF EXISTS ap_target");
    run("DROP TABLE IF EXISTS ap_source");
    run("CREATE TABLE ap_target (id INT, v VARCHAR(10))");
    run("CREATE TABLE ap_source (v VARCHAR(10), id INT)");
    run("INSERT INTO ap_target VALUES (1, 'a')");
    run("INSERT INTO ap_source VALUES ('b', 2), ('c', 3)");
    DescribeStatementResponse d = run("ALTER TABLE ap_target APPEND FROM ap_source");
    assertTrue(!d.hasResultSet());
    assertEquals(List.of("1|a", "2|b", "3|c"), lines("SELECT id, v FROM ap_target ORDER BY id"));
    assertEquals(List.of("0"), lines("SELECT count(*) FROM ap_source"));

    run("DROP TABLE IF EXISTS ap_extra");
    run("CREATE TABLE ap_extra (id INT, v VARCHAR(10), x INT)");
    run("INSERT INTO ap_extra VALUES (4, 'd', 99)");
    assertEquals(
        "ERROR: Target table and source table attributes don't match.",
        failed("ALTER TABLE ap_target APPEND FROM ap_extra").error());
    run("ALTER TABLE ap_target APPEND FROM ap_extra IGNOREEXTRA");
    assertEquals(List.of("4|d"), lines("SELECT id, v FROM ap_target WHERE id = 4"));
    assertEquals(List.of("0"), lines("SELECT count(*) FROM ap_extra"));

    run("DROP TABLE IF EXISTS ap_narrow");
    run("CREATE TABLE ap_narrow (id INT)");
    run("INSERT INTO ap_narrow VALUES (5)");
    failed("ALTER TABLE ap_target APPEND FROM ap_narrow");
    run("ALTER TABLE ap_target APPEND FROM ap_narrow FILLTARGET");
    assertEquals(List.of("5|null"), lines("SELECT id, v FROM ap_target WHERE id = 5"));
  }

  @Test
  void commentsAreVisible() {
    run("DROP TABLE IF EXISTS cm_t");
    run("CREATE TABLE cm_t (id INT, v VARCHAR(10))");
    run("COMMENT ON TABLE cm_t IS 'the table'");
    run("COMMENT ON COLUMN cm_t.v IS 'the value'");
    assertEquals(
        List.of("the table|the value"),
        lines(
            "SELECT obj_description('cm_t'::regclass, 'pg_class'),"
                + " col_description('cm_t'::regclass, 2)"));
    assertEquals(
        List.of("the table", "the value"),
        lines(
            "SELECT d.description FROM pg_description d"
                + " WHERE d.objoid = 'cm_t'::regclass ORDER BY d.objsubid"));
    assertEquals(
        List.of("cm_t|the table"),
        lines("SHOW TABLES FROM SCHEMA dev.public LIKE 'cm_t'").stream()
            .map(l -> l.split("\\|")[2] + "|" + l.split("\\|")[5])
            .toList());
    run("COMMENT ON TABLE cm_t IS NULL");
    assertEquals(List.of("null"), lines("SELECT obj_description('cm_t'::regclass, 'pg_class')"));
  }

  @Test
  void temporaryTables() {
    var first =
        client()
            .executeStatement(
                sql("CREATE TABLE #stage (id INT, v VARCHAR(5))")
                    .sessionKeepAliveSeconds(60)
                    .build());
    String session = first.sessionId();
    assertEquals(StatusString.FINISHED, await(first.id()).status());
    try {
      runIn(session, "INSERT INTO #stage VALUES (1, 'x'), (2, 'y')");
      runIn(session, "CREATE TEMP TABLE t_plain AS SELECT * FROM #Stage WHERE id = 1");
      runIn(session, "SELECT * INTO #copy FROM #stage");
      var id =
          runIn(
              session,
              "SELECT (SELECT count(*) FROM #stage), (SELECT count(*) FROM t_plain),"
                  + " (SELECT count(*) FROM #copy), (SELECT relpersistence FROM pg_class WHERE relname = '#stage')");
      assertEquals(List.of("2|1|2|t"), linesOf(id));
    } finally {
      DescribeStatementResponse d =
          await(
              client()
                  .executeStatement(
                      b -> b.sessionId(session).sql("SELECT 1").sessionKeepAliveSeconds(0))
                  .id());
      assertEquals(StatusString.FINISHED, d.status());
    }
    // Another session does not see them.
    assertTrue(failed("SELECT * FROM #stage").error().contains("does not exist"));
  }

  private static String runIn(String session, String sql) {
    String id = client().executeStatement(b -> b.sessionId(session).sql(sql)).id();
    DescribeStatementResponse d = await(id);
    assertEquals(StatusString.FINISHED, d.status(), () -> sql + " -> " + d.error());
    return id;
  }

  private static List<String> linesOf(String id) {
    List<String> out = new ArrayList<>();
    for (List<Field> r : rows(id)) {
      List<String> cells = new ArrayList<>();
      for (Field f : r) {
        cells.add(text(f));
      }
      out.add(String.join("|", cells));
    }
    return out;
  }

  private static DescribeStatementResponse asReader(String sql) {
    return await(client().executeStatement(sql(sql).secretArn(READER_SECRET).build()).id());
  }

  @Test
  void grantAndRevoke() {
    run("DROP TABLE IF EXISTS gr_t");
    run("DROP SCHEMA IF EXISTS gr_s CASCADE");
    run("CREATE TABLE gr_t (id INT)");
    run("INSERT INTO gr_t VALUES (7)");
    assertEquals(
        "ERROR: permission denied for relation gr_t", asReader("SELECT id FROM gr_t").error());
    run("GRANT SELECT ON TABLE gr_t TO reader");
    DescribeStatementResponse ok = asReader("SELECT id FROM gr_t");
    assertEquals(StatusString.FINISHED, ok.status(), ok.error());
    assertEquals(List.of("7"), linesOf(ok.id()));
    assertEquals(StatusString.FAILED, asReader("INSERT INTO gr_t VALUES (8)").status());
    run("REVOKE SELECT ON gr_t FROM reader");
    assertEquals(StatusString.FAILED, asReader("SELECT id FROM gr_t").status());

    run("CREATE SCHEMA gr_s");
    run("CREATE TABLE gr_s.t (id INT)");
    run("GRANT SELECT ON ALL TABLES IN SCHEMA gr_s TO reader");
    assertTrue(
        asReader("SELECT * FROM gr_s.t")
            .error()
            .startsWith("ERROR: permission denied for schema gr_s"));
    run("GRANT USAGE ON SCHEMA gr_s TO reader");
    assertEquals(StatusString.FINISHED, asReader("SELECT * FROM gr_s.t").status());
    run("REVOKE USAGE ON SCHEMA gr_s FROM reader");
    assertEquals(StatusString.FAILED, asReader("SELECT * FROM gr_s.t").status());
    run("DROP SCHEMA gr_s CASCADE");
  }
}
