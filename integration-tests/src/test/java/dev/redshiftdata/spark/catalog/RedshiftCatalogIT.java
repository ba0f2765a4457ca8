package dev.redshiftdata.spark.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.local.LocalRedshift;
import dev.redshiftdata.local.dataapi.RecordedRequest;
import dev.redshiftdata.spark.SharedSpark;
import dev.redshiftdata.spark.TestRedshift;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.catalog.Identifier;
import org.apache.spark.sql.connector.catalog.TableCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The catalog end to end: namespaces and tables listed over ListSchemas/ListTables (all pages),
 * DESCRIBE over DescribeTable, DDL sent as Redshift SQL, SELECT through the data source's scan and
 * INSERT through its staged COPY.
 */
@ExtendWith(TestRedshift.PerTest.class)
class RedshiftCatalogIT {

  private static LocalRedshift redshift;
  private static final String SCHEMA = "cat_" + System.nanoTime();
  private final SparkSession spark = SharedSpark.session();

  @BeforeAll
  static void start() {
    redshift = CatalogTestSupport.redshift();
    CatalogTestSupport.registerCatalog(SharedSpark.session(), redshift);
    CatalogTestSupport.sql(redshift, "create schema " + SCHEMA);
  }

  @AfterAll
  static void dropSchema() {
    CatalogTestSupport.sql(redshift, "drop schema if exists " + SCHEMA + " cascade");
  }

  private List<Row> sql(String sql) {
    return spark.sql(sql).collectAsList();
  }

  private static String t(String name) {
    return "rs." + SCHEMA + "." + name;
  }

  private static TableCatalog catalog(SparkSession spark) {
    return (TableCatalog) spark.sessionState().catalogManager().catalog("rs");
  }

  @Test
  void namespacesAreSchemas() {
    String ns = "ns_" + System.nanoTime();
    sql("CREATE NAMESPACE rs." + ns);
    assertTrue(CatalogTestSupport.sqls(redshift).contains("CREATE SCHEMA \"" + ns + "\""));
    List<String> listed =
        sql("SHOW NAMESPACES IN rs").stream().map(r -> r.getString(0)).collect(Collectors.toList());
    assertTrue(listed.contains(ns), listed.toString());
    assertTrue(listed.contains("public"), listed.toString());
    assertTrue(redshift.dataApi().requests().count("ListSchemas") > 0);

    Exception again = assertThrows(Exception.class, () -> sql("CREATE NAMESPACE rs." + ns));
    assertTrue(again.getMessage().contains("SCHEMA_ALREADY_EXISTS"), again.getMessage());
    sql("CREATE NAMESPACE IF NOT EXISTS rs." + ns);

    CatalogTestSupport.sql(redshift, "create table " + ns + ".t1 (id int)");
    Exception nonEmpty = assertThrows(Exception.class, () -> sql("DROP NAMESPACE rs." + ns));
    assertTrue(nonEmpty.getMessage().contains("SCHEMA_NOT_EMPTY"), nonEmpty.getMessage());
    assertTrue(CatalogTestSupport.exists(redshift, ns, "t1"));

    redshift.dataApi().requests().clear();
    sql("DROP NAMESPACE rs." + ns + " CASCADE");
    assertTrue(CatalogTestSupport.sqls(redshift).contains("DROP SCHEMA \"" + ns + "\" CASCADE"));
    assertFalse(CatalogTestSupport.exists(redshift, ns, "t1"));
    listed =
        sql("SHOW NAMESPACES IN rs").stream().map(r -> r.getString(0)).collect(Collectors.toList());
    assertFalse(listed.contains(ns), listed.toString());
    Exception gone = assertThrows(Exception.class, () -> sql("SHOW TABLES IN rs." + ns));
    assertTrue(gone.getMessage().contains("SCHEMA_NOT_FOUND"), gone.getMessage());
  }

  @Test
  void showTablesReadsEveryListTablesPageAndListsViewsAsViews() throws Exception {
    String ns = "list_" + System.nanoTime();
    CatalogTestSupport.sql(redshift, "create schema " + ns);
    for (int i = 0; i < 7; i++) {
      CatalogTestSupport.sql(redshift, "create table " + ns + ".t" + i + " (id int)");
    }
    CatalogTestSupport.sql(redshift, "create view " + ns + ".v1 as select id from " + ns + ".t0");
    redshift.dataApi().settings().metadataPageSize(3);
    redshift.dataApi().requests().clear();

    List<String> tables =
        sql("SHOW TABLES IN rs." + ns).stream()
            .map(r -> r.getString(1))
            .sorted()
            .collect(Collectors.toList());
    assertEquals(List.of("t0", "t1", "t2", "t3", "t4", "t5", "t6", "v1"), tables);
    List<RecordedRequest> lists = redshift.dataApi().requests().operation("ListTables");
    assertEquals(3, lists.size(), "8 tables in pages of 3");

    // Spark 4.1 lists the types with the names (listTableSummaries); older lines load each table.
    TableSummaries.types(catalog(spark), ns)
        .ifPresent(
            types -> {
              assertEquals("VIEW", types.get("v1"));
              assertEquals("MANAGED", types.get("t3"));
            });

    // A view reads like a table, and DESCRIBE EXTENDED says what it is.
    CatalogTestSupport.sql(redshift, "insert into " + ns + ".t0 values (4), (2)");
    assertEquals(2L, spark.sql("SELECT count(*) FROM rs." + ns + ".v1").first().getLong(0));
    String described =
        sql("DESCRIBE TABLE EXTENDED rs." + ns + ".v1").stream()
            .map(Row::toString)
            .collect(Collectors.joining("\n"));
    assertTrue(described.contains("redshift.table_type=VIEW"), described);
    Exception drop = assertThrows(Exception.class, () -> sql("DROP TABLE rs." + ns + ".v1"));
    assertTrue(drop.getMessage().contains("DROP VIEW"), drop.getMessage());
    CatalogTestSupport.sql(redshift, "drop schema " + ns + " cascade");
  }

  @Test
  void createTableWithRedshiftPropertiesThenDescribeIt() {
    redshift.dataApi().requests().clear();
    sql(
        "CREATE TABLE "
            + t("orders")
            + " (id BIGINT NOT NULL, customer STRING COMMENT 'who', amount DECIMAL(12,2),"
            + " placed TIMESTAMP_NTZ) COMMENT 'all orders' TBLPROPERTIES ('distStyle'='KEY',"
            + " 'distKey'='id', 'sortKey'='placed,id')");
    List<RecordedRequest> batches =
        redshift.dataApi().requests().operation("BatchExecuteStatement");
    assertEquals(1, batches.size(), "CREATE TABLE and its comments in one transaction");
    List<String> sqls = batches.get(0).sqls();
    assertEquals(
        "CREATE TABLE \""
            + SCHEMA
            + "\".\"orders\" (\"id\" BIGINT NOT NULL, \"customer\" VARCHAR(65535), \"amount\""
            + " DECIMAL(12,2), \"placed\" TIMESTAMP) DISTSTYLE KEY DISTKEY(\"id\") COMPOUND"
            + " SORTKEY(\"placed\", \"id\")",
        sqls.get(0));
    assertTrue(
        sqls.contains("COMMENT ON TABLE \"" + SCHEMA + "\".\"orders\" IS 'all orders'"),
        sqls.toString());
    assertTrue(
        sqls.contains("COMMENT ON COLUMN \"" + SCHEMA + "\".\"orders\".\"customer\" IS 'who'"),
        sqls.toString());
    assertTrue(CatalogTestSupport.exists(redshift, SCHEMA, "orders"));

    List<String> columns =
        sql("DESCRIBE TABLE " + t("orders")).stream()
            .map(r -> r.getString(0) + ":" + r.getString(1))
            .collect(Collectors.toList());
    assertEquals(
        List.of("id:bigint", "customer:string", "amount:decimal(12,2)", "placed:timestamp_ntz"),
        columns.subList(0, 4));
    assertTrue(redshift.dataApi().requests().count("DescribeTable") > 0);

    Exception exists =
        assertThrows(Exception.class, () -> sql("CREATE TABLE " + t("orders") + " (id INT)"));
    assertTrue(exists.getMessage().contains("TABLE_OR_VIEW_ALREADY_EXISTS"), exists.getMessage());
    Exception badProperty =
        assertThrows(
            Exception.class,
            () -> sql("CREATE TABLE " + t("bad") + " (id INT) TBLPROPERTIES ('colour'='red')"));
    assertTrue(badProperty.getMessage().contains("'colour'"), badProperty.getMessage());
    Exception partitioned =
        assertThrows(
            Exception.class,
            () -> sql("CREATE TABLE " + t("bad") + " (id INT) PARTITIONED BY (id)"));
    assertTrue(partitioned.getMessage().contains("PARTITIONED BY"), partitioned.getMessage());
    assertFalse(CatalogTestSupport.exists(redshift, SCHEMA, "bad"));
  }

  @Test
  void selectPushesDownAndInsertsGoThroughTheStagedCopy() throws Exception {
    sql("CREATE TABLE " + t("events") + " (id BIGINT, kind STRING)");
    sql("INSERT INTO " + t("events") + " SELECT id, concat('k', id % 3) FROM range(0, 30)");
    assertEquals(30, Long.parseLong(count("events")));
    List<String> copies =
        CatalogTestSupport.sqls(redshift).stream().filter(s -> s.startsWith("COPY")).toList();
    assertEquals(1, copies.size(), copies.toString());

    redshift.dataApi().requests().clear();
    List<Row> rows =
        sql("SELECT kind, count(*) AS n FROM " + t("events") + " WHERE id >= 10 GROUP BY kind");
    assertEquals(3, rows.size());
    String select =
        CatalogTestSupport.sqls(redshift).stream()
            .filter(s -> s.startsWith("SELECT") && s.contains("events"))
            .findFirst()
            .orElseThrow();
    assertTrue(select.contains("WHERE") && select.contains("GROUP BY"), select);

    // INSERT OVERWRITE keeps the table: a DELETE in the COPY's transaction.
    redshift.dataApi().requests().clear();
    sql("INSERT OVERWRITE " + t("events") + " SELECT id, 'new' FROM range(0, 5)");
    List<String> overwrite =
        redshift.dataApi().requests().operation("BatchExecuteStatement").get(0).sqls();
    assertEquals("DELETE FROM \"" + SCHEMA + "\".\"events\"", overwrite.get(0));
    assertEquals("5", count("events"));

    // INSERT ... REPLACE WHERE: SupportsOverwriteV2 -> DELETE ... WHERE, same transaction.
    redshift.dataApi().requests().clear();
    sql(
        "INSERT INTO "
            + t("events")
            + " REPLACE WHERE id < 2 SELECT id, 'replaced' FROM range(0, 2)");
    List<String> replace =
        redshift.dataApi().requests().operation("BatchExecuteStatement").get(0).sqls();
    assertTrue(
        replace.get(0).startsWith("DELETE FROM \"" + SCHEMA + "\".\"events\" WHERE"),
        replace.get(0));
    assertEquals(
        List.of(List.of("0", "replaced"), List.of("1", "replaced"), List.of("2", "new")),
        CatalogTestSupport.query(
            redshift, "select id, kind from " + SCHEMA + ".events where id < 3 order by id"));

    // Per-query options apply on top of the catalog's: a merge upsert through writeTo.
    spark
        .sql("SELECT id, 'merged' AS kind FROM range(3, 7)")
        .writeTo(t("events"))
        .option("mergeKeys", "id")
        .append();
    assertEquals("7", count("events"));
    assertEquals(
        List.of(List.of("4")),
        CatalogTestSupport.query(
            redshift, "select count(*) from " + SCHEMA + ".events where kind = 'merged'"));
  }

  private static String count(String table) {
    return CatalogTestSupport.query(redshift, "select count(*) from " + SCHEMA + "." + table)
        .get(0)
        .get(0);
  }

  @Test
  void alterTableRenamesAndChangesColumnsWhereRedshiftCan() {
    sql("CREATE TABLE " + t("before") + " (id BIGINT, name STRING)");
    sql("ALTER TABLE " + t("before") + " RENAME TO " + t("after"));
    assertTrue(
        CatalogTestSupport.sqls(redshift)
            .contains("ALTER TABLE \"" + SCHEMA + "\".\"before\" RENAME TO \"after\""));
    assertFalse(CatalogTestSupport.exists(redshift, SCHEMA, "before"));
    assertTrue(CatalogTestSupport.exists(redshift, SCHEMA, "after"));

    sql("ALTER TABLE " + t("after") + " ADD COLUMN score DOUBLE COMMENT 'points'");
    sql("ALTER TABLE " + t("after") + " RENAME COLUMN name TO label");
    sql("ALTER TABLE " + t("after") + " DROP COLUMN id");
    List<String> sent = CatalogTestSupport.sqls(redshift);
    String q = "\"" + SCHEMA + "\".\"after\"";
    assertTrue(
        sent.contains("ALTER TABLE " + q + " ADD COLUMN \"score\" DOUBLE PRECISION"),
        sent.toString());
    assertTrue(sent.contains("COMMENT ON COLUMN " + q + ".\"score\" IS 'points'"), sent.toString());
    assertTrue(sent.contains("ALTER TABLE " + q + " RENAME COLUMN \"name\" TO \"label\""));
    assertTrue(sent.contains("ALTER TABLE " + q + " DROP COLUMN \"id\""));
    List<String> columns =
        sql("DESCRIBE TABLE " + t("after")).stream()
            .map(r -> r.getString(0) + ":" + r.getString(1))
            .collect(Collectors.toList());
    assertEquals(List.of("label:string", "score:double"), columns);

    sql("ALTER TABLE " + t("after") + " ADD COLUMN n INT");
    Exception type =
        assertThrows(
            Exception.class,
            () -> sql("ALTER TABLE " + t("after") + " ALTER COLUMN n TYPE BIGINT"));
    assertTrue(type.getMessage().contains("can only change a VARCHAR"), type.getMessage());
    Exception move =
        assertThrows(
            Exception.class,
            () -> sql("ALTER TABLE " + t("after") + " RENAME TO rs.public.elsewhere"));
    assertTrue(move.getMessage().contains("within its schema"), move.getMessage());

    sql("DROP TABLE " + t("after"));
    assertTrue(CatalogTestSupport.sqls(redshift).contains("DROP TABLE " + q));
    assertFalse(CatalogTestSupport.exists(redshift, SCHEMA, "after"));
    sql("DROP TABLE IF EXISTS " + t("after"));
    Exception missing = assertThrows(Exception.class, () -> sql("SELECT * FROM " + t("after")));
    assertTrue(missing.getMessage().contains("TABLE_OR_VIEW_NOT_FOUND"), missing.getMessage());
  }

  @Test
  void namesAreFoldedAsRedshiftFoldsThem() throws Exception {
    sql("CREATE TABLE rs." + SCHEMA.toUpperCase() + ".MixedCase (Id INT)");
    assertTrue(CatalogTestSupport.exists(redshift, SCHEMA, "mixedcase"));
    assertTrue(catalog(spark).tableExists(Identifier.of(new String[] {SCHEMA}, "MIXEDCASE")));
    sql("INSERT INTO " + t("MixedCase") + " VALUES (1)");
    assertEquals(1L, spark.sql("SELECT count(*) FROM " + t("mixedcase")).first().getLong(0));
  }

  @Test
  void withCaseSensitiveIdentifiersListedNamesKeepTheirCase() {
    redshift.dataApi().settings().caseSensitiveIdentifiers(true);
    spark.conf().set("spark.sql.catalog.rs_cs", RedshiftCatalog.class.getName());
    for (Map.Entry<String, String> e : CatalogTestSupport.options(redshift).entrySet()) {
      spark.conf().set("spark.sql.catalog.rs_cs." + e.getKey(), e.getValue());
    }
    spark.conf().set("spark.sql.catalog.rs_cs.caseSensitiveIdentifiers", "true");
    CatalogTestSupport.sql(
        redshift, "create table " + SCHEMA + ".\"MixedCase\" (\"Id\" int, \"id\" int)");
    CatalogTestSupport.sql(redshift, "insert into " + SCHEMA + ".\"MixedCase\" values (1, 2)");
    List<String> tables =
        sql("SHOW TABLES IN rs_cs." + SCHEMA).stream()
            .map(r -> r.getString(1))
            .collect(Collectors.toList());
    assertTrue(tables.contains("MixedCase"), tables.toString());
    spark.conf().set("spark.sql.caseSensitive", "true");
    try {
      Row row = spark.sql("SELECT `Id`, `id` FROM rs_cs." + SCHEMA + ".`MixedCase`").first();
      assertEquals(1, row.getInt(0));
      assertEquals(2, row.getInt(1));
    } finally {
      spark.conf().unset("spark.sql.caseSensitive");
      CatalogTestSupport.sql(redshift, "drop table " + SCHEMA + ".\"MixedCase\"");
    }
  }

  @Test
  void charAndVarcharLengthsCountCharactersAsSparkDoes() {
    sql(
        "CREATE TABLE "
            + t("lengths")
            + " (id INT, s VARCHAR(3), c CHAR(2), big VARCHAR(20000), wide VARCHAR(16383))");
    // Redshift lengths count bytes: VARCHAR(n) gets room for n 4-byte characters, capped at
    // VARCHAR(MAX); CHAR(n) stays CHAR(n) (single-byte characters only, padded).
    Map<String, String> declared =
        CatalogTestSupport.api(redshift).describeTable(SCHEMA, "lengths").stream()
            .filter(c -> !c.name().equals("id"))
            .collect(Collectors.toMap(c -> c.name(), c -> c.typeName() + "(" + c.length() + ")"));
    assertEquals(
        Map.of(
            "s", "varchar(12)",
            "c", "bpchar(2)",
            "big", "varchar(65535)",
            "wide", "varchar(65532)"),
        declared);

    sql(
        "INSERT INTO "
            + t("lengths")
            + " VALUES (1, 'ééé', 'ab', 'x', 'y'), (2, '日本語', 'a', repeat('é', 20000), NULL),"
            + " (3, '😀😀😀', NULL, NULL, repeat('😀', 16383))");
    List<Row> rows = sql("SELECT id, s, c, big, wide FROM " + t("lengths") + " ORDER BY id");
    assertEquals(3, rows.size());
    assertEquals(List.of("ééé", "日本語", "😀😀😀"), rows.stream().map(r -> r.getString(1)).toList());
    assertEquals("ab", rows.get(0).getString(2));
    assertEquals("a ", rows.get(1).getString(2), "CHAR keeps Redshift's padding");
    assertEquals("é".repeat(20000), rows.get(1).getString(3));
    assertEquals("😀".repeat(16383), rows.get(2).getString(4));
    // The catalog reports the Redshift column as STRING (its length is bytes), so later INSERTs
    // are held to Redshift's 12 bytes, not Spark's 3 characters: a longer value fails the write.
    sql("INSERT INTO " + t("lengths") + " VALUES (4, 'abcd', 'ab', 'x', 'y')");
    Exception tooLong =
        assertThrows(
            Exception.class,
            () -> sql("INSERT INTO " + t("lengths") + " VALUES (5, 'éééééé7', 'ab', 'x', 'y')"));
    assertTrue(
        tooLong.getMessage().contains("column 's' (varchar): String length exceeds DDL length"),
        tooLong.getMessage());
    Exception multibyteChar =
        assertThrows(
            Exception.class,
            () -> sql("INSERT INTO " + t("lengths") + " VALUES (6, 'a', 'é', 'x', 'y')"));
    assertTrue(
        multibyteChar
            .getMessage()
            .contains(
                "line 1, column 'c' (bpchar): Multibyte character not supported for CHAR (Hint: try"
                    + " using VARCHAR). Invalid char: c3 a9"),
        multibyteChar.getMessage());
    assertEquals("4", count("lengths"));
  }

  @Test
  void insertOverwriteKeepsTheTableItsGrantsAndViews() {
    String name = "granted";
    String full = SCHEMA + "." + name;
    CatalogTestSupport.sql(redshift, "create table " + full + " (id bigint)");
    CatalogTestSupport.sql(redshift, "insert into " + full + " values (-1), (-2)");
    CatalogTestSupport.sql(redshift, "create view " + full + "_view as select id from " + full);
    String group = SCHEMA + "_readers";
    CatalogTestSupport.sql(redshift, "create group " + group);
    CatalogTestSupport.sql(redshift, "grant select on " + full + " to group " + group);

    sql("INSERT OVERWRITE " + t(name) + " SELECT id FROM range(0, 4)");

    assertEquals(
        List.of(List.of("4", "0")),
        CatalogTestSupport.query(redshift, "select count(*), min(id) from " + full + "_view"));
    assertEquals(
        List.of(List.of("true")),
        CatalogTestSupport.query(
            redshift, "select has_table_privilege('" + group + "', '" + full + "', 'select')"));
  }
}
