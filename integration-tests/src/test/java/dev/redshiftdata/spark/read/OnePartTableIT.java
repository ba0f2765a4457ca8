package dev.redshiftdata.spark.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.local.LocalRedshift;
import dev.redshiftdata.local.junit.LocalRedshiftExtension;
import dev.redshiftdata.spark.SharedSpark;
import dev.redshiftdata.spark.TestQueries;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A one-part {@code dbtable} names the table Redshift itself resolves on the search path ({@code
 * '$user', public}), even when another schema has a table of the same name: its columns are not
 * mixed in, and every statement (SELECT, UNLOAD, COPY) touches that one table.
 */
@ExtendWith(LocalRedshiftExtension.class)
class OnePartTableIT {

  private static final String N = Long.toString(System.nanoTime());

  /** Sorts before {@code public}, and is not on the search path. */
  private static final String OTHER = "a_other_" + N;

  private static final String DUP = "dup_" + N;
  private static final String ONLY_OTHER = "elsewhere_" + N;
  private static final String CATALOG = "onepart";
  private static LocalRedshift redshift;
  private final SparkSession spark = SharedSpark.session();

  @BeforeAll
  static void setUp() {
    redshift = ReadTestSupport.redshift();
    ReadTestSupport.run("create schema " + OTHER);
    ReadTestSupport.run("create table public." + DUP + " (a int)");
    ReadTestSupport.run("insert into public." + DUP + " values (1), (2)");
    ReadTestSupport.run("create table " + OTHER + "." + DUP + " (b varchar(10), c int)");
    ReadTestSupport.run("insert into " + OTHER + "." + DUP + " values ('x', 9)");
    ReadTestSupport.run("create table " + OTHER + "." + ONLY_OTHER + " (b varchar(10))");
    SparkSession spark = SharedSpark.session();
    spark
        .conf()
        .set("spark.sql.catalog." + CATALOG, "dev.redshiftdata.spark.catalog.RedshiftCatalog");
    for (Map.Entry<String, String> e : ReadTestSupport.stagingOptions().entrySet()) {
      spark.conf().set("spark.sql.catalog." + CATALOG + "." + e.getKey(), e.getValue());
    }
  }

  @AfterAll
  static void tearDown() {
    ReadTestSupport.run("drop schema if exists " + OTHER + " cascade");
    ReadTestSupport.run("drop table if exists public." + DUP);
    ReadTestSupport.run("drop table if exists public." + ONLY_OTHER);
  }

  @BeforeEach
  void clear() {
    redshift.dataApi().requests().clear();
  }

  private static List<List<String>> rows(String sql) {
    return TestQueries.rows(ReadTestSupport.dataApi(), sql);
  }

  private Dataset<Row> read(String table, String readMode) {
    return spark
        .read()
        .format("redshift-data")
        .options(ReadTestSupport.stagingOptions())
        .option("dbtable", table)
        .option("readMode", readMode)
        .load();
  }

  private static List<Integer> ints(Dataset<Row> df) {
    List<Integer> out = new ArrayList<>();
    for (Row r : df.orderBy("a").collectAsList()) {
      out.add(r.getInt(0));
    }
    return out;
  }

  /** The statements that looked up a one-part name since the request log was cleared. */
  private static long lookups() {
    return redshift.dataApi().requests().sqls().stream()
        .filter(s -> s.contains("pg_table_is_visible"))
        .count();
  }

  @Test
  void aReadGetsOnlyTheSearchPathTablesColumnsAndRowsOnBothPaths() {
    for (String mode : List.of("direct", "unload")) {
      redshift.dataApi().requests().clear();
      Dataset<Row> df = read(DUP, mode);
      assertEquals(List.of("a"), List.of(df.schema().fieldNames()), mode);
      assertEquals(List.of(1, 2), ints(df), mode);
      assertEquals(1, lookups(), mode);
      List<String> reads =
          redshift.dataApi().requests().sqls().stream()
              .filter(s -> s.startsWith("SELECT \"a\"") || s.startsWith("UNLOAD"))
              .toList();
      assertFalse(reads.isEmpty(), mode);
      for (String sql : reads) {
        assertTrue(sql.contains("\"public\".\"" + DUP + "\""), sql);
      }
    }
  }

  @Test
  void anAppendGoesIntoTheSearchPathTable() {
    spark
        .range(5, 7)
        .selectExpr("CAST(id AS INT) AS a")
        .write()
        .format("redshift-data")
        .options(ReadTestSupport.stagingOptions())
        .option("dbtable", DUP)
        .mode(SaveMode.Append)
        .save();
    assertEquals(
        List.of(List.of("1"), List.of("2"), List.of("5"), List.of("6")),
        rows("select a from public." + DUP + " order by a"));
    assertEquals(List.of(List.of("x", "9")), rows("select b, c from " + OTHER + "." + DUP));
    assertTrue(
        redshift.dataApi().requests().sqls().stream()
            .anyMatch(s -> s.startsWith("COPY \"public\".\"" + DUP + "\"")));
    // Appended back out, and the new rows read through the catalog too.
    spark
        .sql("SELECT a FROM " + CATALOG + ".public." + DUP + " WHERE a > 4")
        .write()
        .format("redshift-data")
        .options(ReadTestSupport.stagingOptions())
        .option("dbtable", DUP)
        .mode(SaveMode.Append)
        .save();
    assertEquals(
        List.of(List.of("6")), rows("select count(*) from public." + DUP + " where a > 0"));
    ReadTestSupport.run("delete from public." + DUP + " where a > 4");
  }

  @Test
  void aNewTableIsCreatedOnTheSearchPathNotMatchedToAnotherSchemasTable() {
    // Only OTHER has a table of this name: the write creates public's with the DataFrame's columns.
    spark
        .range(0, 3)
        .selectExpr("CAST(id AS INT) AS a")
        .write()
        .format("redshift-data")
        .options(ReadTestSupport.stagingOptions())
        .option("dbtable", ONLY_OTHER)
        .mode(SaveMode.Append)
        .save();
    assertEquals(
        List.of(List.of("0"), List.of("1"), List.of("2")),
        rows("select a from public." + ONLY_OTHER + " order by a"));
    assertEquals(List.of(List.of("0")), rows("select count(*) from " + OTHER + "." + ONLY_OTHER));
    ReadTestSupport.run("drop table public." + ONLY_OTHER);
  }

  @Test
  void aTableInNoSchemaOfTheSearchPathIsAClearError() {
    Exception e = assertThrows(Exception.class, () -> read(ONLY_OTHER, "direct").schema());
    String message = ReadTestSupport.messages(e);
    assertTrue(message.contains("\"" + ONLY_OTHER + "\""), message);
    assertTrue(message.contains("search_path"), message);
    assertTrue(message.contains("public"), message);
    assertTrue(message.contains(OTHER + "." + ONLY_OTHER), message);
  }

  @Test
  void theCatalogReadsTheSchemaItNames() {
    assertEquals(
        List.of("a"), List.of(spark.table(CATALOG + ".public." + DUP).schema().fieldNames()));
    assertEquals(
        List.of("b", "c"),
        List.of(spark.table(CATALOG + "." + OTHER + "." + DUP).schema().fieldNames()));
    assertEquals(List.of(1, 2), ints(spark.table(CATALOG + ".public." + DUP)));
  }
}
