package dev.redshiftdata.local.dataapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.redshiftdata.model.Field;
import software.amazon.awssdk.services.redshiftdata.model.StatusString;

/**
 * Redshift table attributes recorded at CREATE/ALTER TABLE and shown by SVV_TABLE_INFO and
 * PG_TABLE_DEF.
 */
class DataApiTableAttributesIT extends DataApiTestSupport {

  private static String text(Field f) {
    if (Boolean.TRUE.equals(f.isNull())) {
      return null;
    }
    if (f.stringValue() != null) {
      return f.stringValue();
    }
    if (f.longValue() != null) {
      return f.longValue().toString();
    }
    if (f.booleanValue() != null) {
      return f.booleanValue().toString();
    }
    return String.valueOf(f.doubleValue());
  }

  /** The SVV_TABLE_INFO row of a table, by column name; empty when the view has no row for it. */
  private static Map<String, String> tableInfo(String table) {
    String id =
        run("SELECT database, schema, table_id, \"table\", encoded, diststyle, sortkey1, max_varchar,"
                + " sortkey1_enc, sortkey_num, size, pct_used, empty, unsorted, stats_off, tbl_rows, skew_sortkey1, skew_rows,"
                + " estimated_visible_rows, risk_event, vacuum_sort_benefit, create_time FROM svv_table_info"
                + " WHERE \"table\" = '"
                + table
                + "'")
            .id();
    List<List<Field>> rows = rows(id);
    Map<String, String> out = new LinkedHashMap<>();
    if (rows.isEmpty()) {
      return out;
    }
    var meta = client().getStatementResult(b -> b.id(id)).columnMetadata();
    for (int i = 0; i < meta.size(); i++) {
      out.put(meta.get(i).name(), text(rows.get(0).get(i)));
    }
    return out;
  }

  /** PG_TABLE_DEF rows of a table: "column type encoding distkey sortkey notnull". */
  private static List<String> tableDef(String table) {
    List<String> out = new ArrayList<>();
    for (List<Field> r :
        query(
            "SELECT \"column\", type, encoding, distkey, sortkey, \"notnull\" FROM pg_table_def"
                + " WHERE tablename = '"
                + table
                + "' ORDER BY \"column\"")) {
      List<String> cells = new ArrayList<>();
      for (Field f : r) {
        cells.add(text(f).strip());
      }
      out.add(String.join(" ", cells));
    }
    return out;
  }

  @Test
  void keyDistributionAndCompoundSortKey() {
    run("DROP TABLE IF EXISTS ta_key");
    run(
        "CREATE TABLE ta_key (a INT, b VARCHAR(10), c INT) DISTSTYLE KEY DISTKEY(a) COMPOUND SORTKEY(b, c)");
    run("INSERT INTO ta_key VALUES (1, 'x', 1), (2, 'y', 2), (3, 'z', 3)");
    Map<String, String> info = tableInfo("ta_key");
    assertEquals("dev", info.get("database"));
    assertEquals("public", info.get("schema"));
    assertEquals("ta_key", info.get("table"));
    assertEquals("KEY(a)", info.get("diststyle"));
    assertEquals("b", info.get("sortkey1"));
    assertEquals("2", info.get("sortkey_num"));
    assertEquals("10", info.get("max_varchar"));
    assertEquals("none", info.get("sortkey1_enc").strip());
    assertEquals("Y, AUTO(ENCODE)", info.get("encoded"));
    assertEquals("3", info.get("tbl_rows"));
    assertEquals("3", info.get("estimated_visible_rows"));
    assertTrue(Long.parseLong(info.get("size")) >= 1, info.toString());
    assertEquals("0", info.get("empty"));
    assertEquals("0.00", info.get("unsorted"));
    assertTrue(info.get("create_time") != null && info.get("table_id") != null, info.toString());
    assertEquals(
        List.of(
            "a integer az64 true 0 false",
            "b character varying(10) none false 1 false",
            "c integer none false 2 false"),
        tableDef("ta_key"));

    run("INSERT INTO ta_key SELECT a + 3, b, c FROM ta_key");
    assertEquals("6", tableInfo("ta_key").get("tbl_rows"));
  }

  @Test
  void eachDistributionStyleAndSortKey() {
    String[][] cases = {
      {"DISTSTYLE EVEN", "EVEN", "AUTO(SORTKEY)", "0"},
      {"DISTSTYLE ALL SORTKEY(b)", "ALL", "b", "1"},
      {"DISTSTYLE AUTO SORTKEY AUTO", "AUTO(ALL)", "AUTO(SORTKEY)", "0"},
      {"", "AUTO(ALL)", "AUTO(SORTKEY)", "0"},
      {"BACKUP NO ENCODE AUTO", "AUTO(ALL)", "AUTO(SORTKEY)", "0"},
      {"DISTKEY(b) INTERLEAVED SORTKEY(b, a)", "KEY(b)", "b", "2"},
    };
    for (String[] c : cases) {
      run("DROP TABLE IF EXISTS ta_each");
      run("CREATE TABLE ta_each (a INT, b BIGINT) " + c[0]);
      assertEquals(Map.of(), tableInfo("ta_each"), "an empty table has no row");
      run("INSERT INTO ta_each VALUES (1, 2)");
      Map<String, String> info = tableInfo("ta_each");
      assertEquals(c[1], info.get("diststyle"), c[0]);
      assertEquals(c[2], info.get("sortkey1"), c[0]);
      assertEquals(c[3], info.get("sortkey_num"), c[0]);
      assertEquals("1", info.get("tbl_rows"), c[0]);
      assertEquals(c[1].equals("ALL") ? null : "1.00", info.get("skew_rows"), c[0]);
    }
    assertEquals(
        List.of("a integer none false -2 false", "b bigint none true 1 false"),
        tableDef("ta_each"));
  }

  @Test
  void columnAttributesIdentityAndEncodings() {
    run("DROP TABLE IF EXISTS ta_cols");
    run(
        "CREATE TABLE ta_cols (id BIGINT IDENTITY(1, 1), k INT NOT NULL DISTKEY ENCODE raw, s VARCHAR(20) ENCODE zstd"
            + " SORTKEY, f BOOLEAN, d DATE)");
    run("INSERT INTO ta_cols (k, s, f, d) VALUES (1, 'a', true, '2024-01-01')");
    Map<String, String> info = tableInfo("ta_cols");
    assertEquals("KEY(k)", info.get("diststyle"));
    assertEquals("s", info.get("sortkey1"));
    assertEquals("zstd", info.get("sortkey1_enc").strip());
    assertEquals("Y", info.get("encoded"));
    assertEquals(
        List.of(
            "d date az64 false 0 false",
            "f boolean none false 0 false",
            "id bigint az64 false 0 true",
            "k integer none true 0 true",
            "s character varying(20) zstd false 1 false"),
        tableDef("ta_cols"));
    assertEquals("1", text(query("SELECT id FROM ta_cols").get(0).get(0)));

    run("DROP TABLE IF EXISTS ta_raw");
    run("CREATE TABLE ta_raw (a INT ENCODE raw, b INT ENCODE RAW)");
    run("INSERT INTO ta_raw VALUES (1, 2)");
    assertEquals("N", tableInfo("ta_raw").get("encoded"));
  }

  @Test
  void likeAndCreateTableAsKeepAttributes() {
    run("DROP TABLE IF EXISTS ta_like");
    run("DROP TABLE IF EXISTS ta_parent");
    run("DROP TABLE IF EXISTS ta_ctas");
    run("CREATE TABLE ta_parent (a INT, b INT ENCODE zstd) DISTKEY(b) SORTKEY(a)");
    run("CREATE TABLE ta_like (LIKE ta_parent)");
    run("INSERT INTO ta_like VALUES (1, 2)");
    Map<String, String> like = tableInfo("ta_like");
    assertEquals("KEY(b)", like.get("diststyle"));
    assertEquals("a", like.get("sortkey1"));
    assertEquals("Y", like.get("encoded"));

    run("CREATE TABLE ta_ctas DISTSTYLE ALL SORTKEY(x) AS SELECT a AS x, b FROM ta_like");
    Map<String, String> ctas = tableInfo("ta_ctas");
    assertEquals("ALL", ctas.get("diststyle"));
    assertEquals("x", ctas.get("sortkey1"));
    assertEquals("1", ctas.get("tbl_rows"));
  }

  @Test
  void alterTableChangesTheRecord() {
    run("DROP TABLE IF EXISTS ta_alter");
    run("CREATE TABLE ta_alter (a INT, b INT ENCODE zstd)");
    run("INSERT INTO ta_alter VALUES (1, 2)");
    assertEquals("AUTO(ALL)", tableInfo("ta_alter").get("diststyle"));
    run("ALTER TABLE ta_alter ALTER DISTKEY b");
    assertEquals("KEY(b)", tableInfo("ta_alter").get("diststyle"));
    run("ALTER TABLE ta_alter ALTER DISTSTYLE EVEN");
    assertEquals("EVEN", tableInfo("ta_alter").get("diststyle"));
    run("ALTER TABLE ta_alter ALTER DISTSTYLE KEY DISTKEY a");
    assertEquals("KEY(a)", tableInfo("ta_alter").get("diststyle"));
    run("ALTER TABLE ta_alter ALTER COMPOUND SORTKEY (b, a)");
    assertEquals("b", tableInfo("ta_alter").get("sortkey1"));
    assertEquals("2", tableInfo("ta_alter").get("sortkey_num"));
    run("ALTER TABLE ta_alter ALTER SORTKEY NONE");
    assertEquals(null, tableInfo("ta_alter").get("sortkey1"));
    run("ALTER TABLE ta_alter ALTER SORTKEY AUTO");
    assertEquals("AUTO(SORTKEY)", tableInfo("ta_alter").get("sortkey1"));
    assertEquals("Y", tableInfo("ta_alter").get("encoded"));
    run("ALTER TABLE ta_alter ALTER ENCODE AUTO");
    assertEquals("Y, AUTO(ENCODE)", tableInfo("ta_alter").get("encoded"));
    run("ALTER TABLE ta_alter ADD COLUMN c VARCHAR(30) ENCODE lzo");
    assertEquals(
        List.of(
            "a integer az64 true 0 false",
            "b integer az64 false 0 false",
            "c character varying(30) lzo false 0 false"),
        tableDef("ta_alter"));
    assertEquals("30", tableInfo("ta_alter").get("max_varchar"));
    // Renaming a column keeps its role.
    run("ALTER TABLE ta_alter RENAME COLUMN a TO a2");
    assertEquals("KEY(a2)", tableInfo("ta_alter").get("diststyle"));

    var d = await(submit("ALTER TABLE ta_alter ALTER DISTKEY nope"));
    assertEquals(StatusString.FAILED, d.status());
    assertEquals("ERROR: column \"nope\" does not exist", d.error());
    assertFalse(tableInfo("ta_alter").isEmpty());
  }

  @Test
  void visibilityAndDrop() {
    run("DROP TABLE IF EXISTS ta_vis");
    run("CREATE TABLE ta_vis (a INT) DISTSTYLE EVEN");
    run("INSERT INTO ta_vis VALUES (1)");
    String sql = "SELECT diststyle FROM svv_table_info WHERE \"table\" = 'ta_vis'";
    var asReader = await(client().executeStatement(sql(sql).secretArn(READER_SECRET).build()).id());
    assertEquals(StatusString.FINISHED, asReader.status(), asReader.error());
    assertEquals(0, rows(asReader.id()).size());
    run("GRANT SELECT ON ta_vis TO reader");
    asReader = await(client().executeStatement(sql(sql).secretArn(READER_SECRET).build()).id());
    assertEquals("EVEN", rows(asReader.id()).get(0).get(0).stringValue());

    String oid = text(query("SELECT 'ta_vis'::regclass::oid").get(0).get(0));
    assertEquals(
        "1",
        text(
            query(
                    "SELECT count(*) FROM pg_internal.localredshift_table_attributes"
                        + " WHERE table_oid = "
                        + oid)
                .get(0)
                .get(0)));
    run("DROP MATERIALIZED VIEW IF EXISTS ta_mv");
    run("CREATE MATERIALIZED VIEW ta_mv AS SELECT a FROM ta_vis");
    assertEquals("AUTO(ALL)", tableInfo("ta_mv").get("diststyle"));
    assertEquals("1", tableInfo("ta_mv").get("tbl_rows"));
    run("DROP MATERIALIZED VIEW ta_mv");
    run("DROP TABLE ta_vis");
    assertEquals(
        "0",
        text(
            query(
                    "SELECT count(*) FROM pg_internal.localredshift_table_attributes"
                        + " WHERE table_oid = "
                        + oid)
                .get(0)
                .get(0)));
  }
}
