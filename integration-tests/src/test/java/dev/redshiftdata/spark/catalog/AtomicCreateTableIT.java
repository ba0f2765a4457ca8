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
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * CREATE/REPLACE TABLE ... AS SELECT through the catalog: the table is created and loaded in ONE
 * transaction after the data is staged, so it appears only when complete; a failing task or COPY
 * leaves no table (or the old one, for a replace) and no staging files.
 */
@ExtendWith(TestRedshift.PerTest.class)
class AtomicCreateTableIT {

  private static LocalRedshift redshift;
  private static final String SCHEMA = "ctas_" + System.nanoTime();
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

  private static String t(String name) {
    return "rs." + SCHEMA + "." + name;
  }

  private static String q(String name) {
    return "\"" + SCHEMA + "\".\"" + name + "\"";
  }

  private static List<RecordedRequest> batches() {
    return redshift.dataApi().requests().operation("BatchExecuteStatement");
  }

  private static String count(String table) {
    return CatalogTestSupport.query(redshift, "select count(*) from " + SCHEMA + "." + table)
        .get(0)
        .get(0);
  }

  @Test
  void createTableAsSelectCreatesAndLoadsInOneTransaction() throws Exception {
    int before = CatalogTestSupport.stagingObjects(spark, redshift);
    spark.sql(
        "CREATE TABLE "
            + t("made")
            + " TBLPROPERTIES ('sortKey'='id', 'distStyle'='EVEN') COMMENT 'from spark'"
            + " AS SELECT id, concat('v', id) AS v FROM range(0, 1000, 1, 4)");
    List<RecordedRequest> batches = batches();
    assertEquals(1, batches.size());
    List<String> sqls = batches.get(0).sqls();
    assertEquals(
        "CREATE TABLE "
            + q("made")
            + " (\"id\" BIGINT, \"v\" VARCHAR(65535)) DISTSTYLE EVEN COMPOUND SORTKEY(\"id\")",
        sqls.get(0));
    assertEquals("COMMENT ON TABLE " + q("made") + " IS 'from spark'", sqls.get(1));
    assertTrue(
        sqls.get(2).startsWith("COPY " + q("made") + " (\"id\", \"v\") FROM 's3://"), sqls.get(2));
    assertEquals("1000", count("made"));
    assertEquals(
        List.of(List.of("999", "v999")),
        CatalogTestSupport.query(redshift, "select id, v from " + SCHEMA + ".made where id = 999"));
    assertEquals(before, CatalogTestSupport.stagingObjects(spark, redshift));

    // ErrorIfExists semantics: CTAS on an existing table fails before anything runs.
    redshift.dataApi().requests().clear();
    Exception exists =
        assertThrows(
            Exception.class,
            () -> spark.sql("CREATE TABLE " + t("made") + " AS SELECT 1 AS id").collect());
    assertTrue(exists.getMessage().contains("TABLE_OR_VIEW_ALREADY_EXISTS"), exists.getMessage());
    // Ignore semantics: IF NOT EXISTS leaves it as it is.
    spark.sql("CREATE TABLE IF NOT EXISTS " + t("made") + " AS SELECT 1 AS id");
    assertTrue(batches().isEmpty());
    assertEquals("1000", count("made"));
  }

  @Test
  void writeToCreateIsErrorIfExistsAndCreateOrReplaceSwapsAtomically() throws Exception {
    spark.range(0, 10).selectExpr("id", "'a' AS tag").writeTo(t("w")).create();
    assertEquals("10", count("w"));
    Exception again =
        assertThrows(
            Exception.class,
            () -> spark.range(0, 3).selectExpr("id", "'b' AS tag").writeTo(t("w")).create());
    assertTrue(again.getMessage().contains("TABLE_OR_VIEW_ALREADY_EXISTS"), again.getMessage());
    assertEquals("10", count("w"));

    redshift.dataApi().requests().clear();
    spark
        .range(0, 3)
        .selectExpr("id * 100 AS id", "'b' AS tag", "true AS flag")
        .writeTo(t("w"))
        .createOrReplace();
    List<String> sqls = batches().get(0).sqls();
    assertEquals("DROP TABLE IF EXISTS " + q("w"), sqls.get(0));
    assertTrue(sqls.get(1).startsWith("CREATE TABLE " + q("w")), sqls.get(1));
    assertTrue(sqls.get(2).startsWith("COPY " + q("w")), sqls.get(2));
    assertEquals(
        List.of(
            List.of("0", "b", "true"), List.of("100", "b", "true"), List.of("200", "b", "true")),
        CatalogTestSupport.query(
            redshift, "select id, tag, flag from " + SCHEMA + ".w order by id"));

    // REPLACE TABLE ... AS SELECT (RTAS) on an existing table.
    redshift.dataApi().requests().clear();
    spark.sql("REPLACE TABLE " + t("w") + " AS SELECT 7 AS only_col");
    assertEquals("DROP TABLE " + q("w"), batches().get(0).sqls().get(0));
    assertEquals(
        List.of(List.of("7")),
        CatalogTestSupport.query(redshift, "select * from " + SCHEMA + ".w"));
    Exception missing =
        assertThrows(
            Exception.class,
            () -> spark.sql("REPLACE TABLE " + t("nope") + " AS SELECT 1 AS id").collect());
    assertTrue(missing.getMessage().contains("TABLE_OR_VIEW_NOT_FOUND"), missing.getMessage());
  }

  @Test
  void aFailingTaskLeavesNoTableAndNoStagingFiles() throws Exception {
    int before = CatalogTestSupport.stagingObjects(spark, redshift);
    Exception e =
        assertThrows(
            Exception.class,
            () ->
                spark.sql(
                    "CREATE TABLE "
                        + t("broken")
                        + " AS SELECT id, CASE WHEN id = 777 THEN raise_error('boom') ELSE id END"
                        + " AS v FROM range(0, 1000, 1, 4)"));
    assertTrue(
        String.valueOf(e.getMessage()).contains("boom")
            || String.valueOf(e.getCause()).contains("boom"),
        e.toString());
    assertFalse(CatalogTestSupport.exists(redshift, SCHEMA, "broken"));
    assertTrue(batches().isEmpty(), "no transaction ran");
    assertEquals(before, CatalogTestSupport.stagingObjects(spark, redshift));
  }

  @Test
  void aFailingCopyLeavesNoTableAndTheReplacedTableUnchanged() throws Exception {
    int before = CatalogTestSupport.stagingObjects(spark, redshift);
    // 70000 bytes do not fit the VARCHAR(65535) the table gets: COPY fails inside the transaction.
    String tooLong =
        "SELECT id, CASE WHEN id = 5 THEN repeat('x', 70000) ELSE 'ok' END AS s FROM range(0, 10)";
    Exception create =
        assertThrows(
            Exception.class, () -> spark.sql("CREATE TABLE " + t("toolong") + " AS " + tooLong));
    assertTrue(create.getMessage().contains("no table was created"), create.getMessage());
    assertTrue(
        create.getMessage().contains("String length exceeds DDL length"), create.getMessage());
    assertEquals(1, batches().size(), "the transaction ran and failed");
    assertTrue(batches().get(0).sqls().get(0).startsWith("CREATE TABLE " + q("toolong")));
    assertFalse(CatalogTestSupport.exists(redshift, SCHEMA, "toolong"));
    assertEquals(before, CatalogTestSupport.stagingObjects(spark, redshift));

    CatalogTestSupport.sql(redshift, "create table " + SCHEMA + ".keep (id bigint)");
    CatalogTestSupport.sql(redshift, "insert into " + SCHEMA + ".keep values (1), (2)");
    Exception replace =
        assertThrows(
            Exception.class,
            () -> spark.sql("CREATE OR REPLACE TABLE " + t("keep") + " AS " + tooLong));
    assertTrue(replace.getMessage().contains("rolled back"), replace.getMessage());
    assertEquals(
        List.of(List.of("1"), List.of("2")),
        CatalogTestSupport.query(redshift, "select id from " + SCHEMA + ".keep order by id"));
    assertEquals(before, CatalogTestSupport.stagingObjects(spark, redshift));
  }

  @Test
  void overwriteByConditionThroughWriteToIsATransactionalDelete() throws Exception {
    spark.range(0, 10).selectExpr("id", "'old' AS v").writeTo(t("cond")).create();
    redshift.dataApi().requests().clear();
    spark
        .range(0, 3)
        .selectExpr("id", "'new' AS v")
        .writeTo(t("cond"))
        .overwrite(functions.col("id").lt(5));
    List<String> sqls = batches().get(0).sqls();
    assertTrue(sqls.get(0).startsWith("DELETE FROM " + q("cond") + " WHERE"), sqls.get(0));
    assertTrue(sqls.get(1).startsWith("COPY " + q("cond")), sqls.get(1));
    assertEquals(
        List.of(List.of("new", "3"), List.of("old", "5")),
        CatalogTestSupport.query(
            redshift, "select v, count(*) from " + SCHEMA + ".cond group by v order by v"));
  }
}
