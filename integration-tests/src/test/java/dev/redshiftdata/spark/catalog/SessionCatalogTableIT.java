package dev.redshiftdata.spark.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.local.LocalRedshift;
import dev.redshiftdata.local.junit.LocalRedshiftExtension;
import dev.redshiftdata.spark.SharedSpark;
import dev.redshiftdata.spark.compat.SparkLine;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code CREATE TABLE t USING `redshift-data` OPTIONS (...)} in Spark's own session catalog: the
 * table is registered with the options, its schema comes from Redshift, and SELECT and INSERT go
 * through the data source.
 */
@ExtendWith(LocalRedshiftExtension.class)
class SessionCatalogTableIT {

  private static LocalRedshift redshift;
  private final SparkSession spark = SharedSpark.session();

  @BeforeAll
  static void start() {
    redshift = CatalogTestSupport.redshift();
  }

  @AfterEach
  void reset() {
    redshift.dataApi().reset();
  }

  private static String optionsClause(String dbtable) {
    Map<String, String> options = CatalogTestSupport.options(redshift);
    options.put("dbtable", dbtable);
    return options.entrySet().stream()
        .map(e -> "'" + e.getKey() + "' '" + e.getValue() + "'")
        .collect(Collectors.joining(", ", "OPTIONS (", ")"));
  }

  @Test
  void aUsingTableReadsAndInsertsThroughTheDataSource() {
    String table = "sess_" + System.nanoTime();
    CatalogTestSupport.sql(redshift, "create table " + table + " (id bigint, name varchar(20))");
    CatalogTestSupport.sql(redshift, "insert into " + table + " values (1, 'one'), (2, 'two')");
    spark.sql("CREATE TABLE " + table + " USING `redshift-data` " + optionsClause(table));
    if (SparkLine.VERSION.equals("3.5")) {
      // Spark 3.5 reads session catalog tables only through DataSource V1 (README's table).
      try {
        Exception e = assertThrows(Exception.class, () -> spark.sql("SELECT * FROM " + table));
        assertTrue(e.getMessage().contains("not a valid Spark SQL Data Source"), e.getMessage());
      } finally {
        spark.sql("DROP TABLE IF EXISTS " + table);
      }
      return;
    }
    try {
      List<String> columns =
          spark.sql("DESCRIBE TABLE " + table).collectAsList().stream()
              .map(r -> r.getString(0) + ":" + r.getString(1))
              .collect(Collectors.toList());
      assertEquals(List.of("id:bigint", "name:string"), columns.subList(0, 2));

      redshift.dataApi().requests().clear();
      List<Row> rows = spark.sql("SELECT name FROM " + table + " WHERE id = 2").collectAsList();
      assertEquals(1, rows.size());
      assertEquals("two", rows.get(0).getString(0));
      String select =
          CatalogTestSupport.sqls(redshift).stream()
              .filter(s -> s.startsWith("SELECT") && s.contains(table))
              .findFirst()
              .orElseThrow();
      assertTrue(select.contains("WHERE"), "the filter is pushed: " + select);

      spark.sql("INSERT INTO " + table + " SELECT 3 AS id, 'three' AS name");
      assertEquals(
          List.of(List.of("1", "one"), List.of("2", "two"), List.of("3", "three")),
          CatalogTestSupport.query(redshift, "select id, name from " + table + " order by id"));
    } finally {
      spark.sql("DROP TABLE IF EXISTS " + table);
    }
    // Dropping the session catalog's entry leaves the Redshift table alone.
    assertEquals(
        List.of(List.of("3")), CatalogTestSupport.query(redshift, "select count(*) from " + table));
  }
}
