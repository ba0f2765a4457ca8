package dev.redshiftdata.spark.write;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.local.LocalRedshift;
import dev.redshiftdata.spark.SharedSpark;
import dev.redshiftdata.spark.TestRedshift;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

/**
 * Overwrite of the rows matching a condition ({@code writeTo(t).overwrite(cond)}, SQL {@code INSERT
 * INTO t REPLACE WHERE cond}): the condition becomes the DELETE of the write's transaction only
 * when Redshift matches exactly the rows Spark's condition matches; any other condition is refused
 * before anything is staged or sent, naming the condition.
 */
@ExtendWith(TestRedshift.PerTest.class)
class OverwriteWhereIT {

  private static final String CATALOG = "ow";
  private static final String SCHEMA = "ow_" + System.nanoTime();
  private static LocalRedshift redshift;
  private final SparkSession spark = SharedSpark.session();

  @BeforeAll
  static void start() {
    redshift = WriteSupport.redshift();
    SparkSession spark = SharedSpark.session();
    spark
        .conf()
        .set("spark.sql.catalog." + CATALOG, "dev.redshiftdata.spark.catalog.RedshiftCatalog");
    for (Map.Entry<String, String> e : WriteSupport.options(redshift).entrySet()) {
      spark.conf().set("spark.sql.catalog." + CATALOG + "." + e.getKey(), e.getValue());
    }
    WriteSupport.sql(redshift, "create schema " + SCHEMA);
  }

  @AfterAll
  static void dropSchema() {
    WriteSupport.sql(redshift, "drop schema if exists " + SCHEMA + " cascade");
  }

  /** A fresh table with strings that differ only by trailing blanks or case, NULLs and dates. */
  private static String table(String name) {
    String t = SCHEMA + "." + name;
    WriteSupport.sql(
        redshift, "create table " + t + " (id int, c varchar(10), ch char(5), n int, d date)");
    WriteSupport.sql(
        redshift,
        "insert into "
            + t
            + " values (1, 'ab', 'ab', 1, '2024-01-01'), (2, 'ab ', 'ab ', 2, '2024-01-02'),"
            + " (3, 'AB', 'AB', null, null), (4, 'x', 'x', 4, '2024-01-04')");
    return name;
  }

  private static String t(String name) {
    return CATALOG + "." + SCHEMA + "." + name;
  }

  private Dataset<Row> newRows() {
    return spark.sql("SELECT 10 AS id, 'new' AS c, 'new' AS ch, 10 AS n, DATE'2030-01-01' AS d");
  }

  /** The table's rows as Redshift holds them, by id. */
  private static List<List<String>> rows(String name) {
    return WriteSupport.query(
        redshift, "select id, c, ch, n, d from " + SCHEMA + "." + name + " order by id");
  }

  /** The ids Spark's own condition selects from the table as the connector reads it. */
  private List<String> idsSparkMatches(String name, Column condition) {
    List<String> ids = new ArrayList<>();
    for (Row r : spark.table(t(name)).where(condition).orderBy("id").collectAsList()) {
      ids.add(String.valueOf(r.getInt(0)));
    }
    return ids;
  }

  private static List<String> ids(List<List<String>> rows) {
    return rows.stream().map(r -> r.get(0)).toList();
  }

  private void assertRefused(String name, Executable overwrite, String condition) throws Exception {
    List<List<String>> before = rows(name);
    int staged = WriteSupport.stagingObjects(spark, redshift);
    redshift.dataApi().requests().clear();
    Exception e = assertThrows(Exception.class, overwrite);
    String message = e.getMessage();
    assertTrue(message.contains(condition), message);
    assertTrue(message.contains("mergeKeys"), message);
    assertTrue(message.contains("numeric"), message);
    assertEquals(before, rows(name));
    assertTrue(WriteSupport.batches(redshift).isEmpty());
    assertEquals(staged, WriteSupport.stagingObjects(spark, redshift));
  }

  @Test
  void aStringConditionIsRefusedAndTheTableIsUnchanged() throws Exception {
    String name = table("str_eq");
    // Redshift ignores trailing blanks: its DELETE would also remove id 2, which Spark keeps.
    assertRefused(
        name, () -> newRows().writeTo(t(name)).overwrite(col("c").equalTo("ab")), "c = 'ab'");
    assertRefused(
        name, () -> newRows().writeTo(t(name)).overwrite(col("ch").equalTo("ab")), "ch = 'ab'");
    // <> would leave a row Spark replaces (Spark hands it over as NOT (c = 'ab ')).
    assertRefused(
        name,
        () -> newRows().writeTo(t(name)).overwrite(col("c").notEqual("ab ")),
        "NOT (c = 'ab ')");
    // Through SQL too, and inside an AND with an exact part.
    assertRefused(
        name,
        () ->
            spark.sql(
                "INSERT INTO "
                    + t(name)
                    + " REPLACE WHERE n > 0 AND c = 'x' SELECT 10, 'new', 'new', 10,"
                    + " DATE'2030-01-01'"),
        "c = 'x'");
  }

  @Test
  void anExactNumericConditionDeletesExactlyTheRowsSparkMatches() throws Exception {
    String name = table("num");
    Column condition = col("n").geq(2);
    List<String> matched = idsSparkMatches(name, condition);
    assertEquals(List.of("2", "4"), matched);
    newRows().writeTo(t(name)).overwrite(condition);
    assertEquals(List.of("1", "3", "10"), ids(rows(name)));
  }

  @Test
  void notEqualKeepsTheNullRowsAsSparkDoes() throws Exception {
    String name = table("ne");
    Column condition = col("n").notEqual(2);
    // n <> 2 is NULL for id 3, so Spark does not replace it.
    assertEquals(List.of("1", "4"), idsSparkMatches(name, condition));
    newRows().writeTo(t(name)).overwrite(condition);
    assertEquals(List.of("2", "3", "10"), ids(rows(name)));
  }

  @Test
  void anExactDateConditionThroughSqlDeletesExactlyTheRowsSparkMatches() throws Exception {
    String name = table("dt");
    Column condition = col("d").lt(lit(Date.valueOf("2024-01-03"))).or(col("id").equalTo(4));
    assertEquals(List.of("1", "2", "4"), idsSparkMatches(name, condition));
    spark.sql(
        "INSERT INTO "
            + t(name)
            + " REPLACE WHERE d < DATE'2024-01-03' OR id = 4"
            + " SELECT 10, 'new', 'new', 10, DATE'2030-01-01'");
    assertEquals(List.of("3", "10"), ids(rows(name)));
  }
}
