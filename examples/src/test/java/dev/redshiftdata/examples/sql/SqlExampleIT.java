package dev.redshiftdata.examples.sql;

import static dev.redshiftdata.examples.ExampleSupport.longValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.redshiftdata.examples.ExampleSupport;
import dev.redshiftdata.examples.quickstart.SampleData;
import dev.redshiftdata.local.junit.LocalRedshiftExtension;
import dev.redshiftdata.spark.QueryResult;
import dev.redshiftdata.spark.RedshiftData;
import dev.redshiftdata.spark.compat.SparkLine;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * examples/sql/orders.sql, run statement by statement in the shared session with the connection in
 * the session configuration: CREATE TABLE ... USING `redshift-data` in the session catalog,
 * queries, INSERT INTO.
 */
@ExtendWith(LocalRedshiftExtension.class)
class SqlExampleIT {

  static final Path SQL = Path.of("sql", "orders.sql");

  /** The file's statements: comment lines dropped, split at ';' ending a line. */
  static List<String> statements(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : text.split("\n")) {
      if (line.strip().startsWith("--")) {
        continue;
      }
      current.append(line).append('\n');
      if (line.stripTrailing().endsWith(";")) {
        String sql = current.toString().strip();
        out.add(sql.substring(0, sql.length() - 1));
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      out.add(current.toString().strip());
    }
    return out;
  }

  @Test
  void theSqlFileReadsQueriesAndWritesRedshiftThroughTheSessionCatalog() throws Exception {
    // Its USING tables live in the session catalog, which Spark 3.5 reads only through DataSource
    // V1.
    assumeFalse(SparkLine.VERSION.equals("3.5"), "session catalog USING tables need Spark 4.0+");
    SparkSession spark = ExampleSupport.spark();
    Map<String, String> connection = ExampleSupport.options();
    RedshiftData.execute(spark, connection, "CREATE SCHEMA IF NOT EXISTS sql_example");
    SampleData.orders(spark, 5_000, 500)
        .write()
        .format("redshift-data")
        .options(connection)
        .option("dbtable", "sql_example.orders")
        .mode("overwrite")
        .save();

    List<List<Row>> results = new ArrayList<>();
    connection.forEach((k, v) -> spark.conf().set("spark.datasource.redshift-data." + k, v));
    try {
      for (String sql : statements(Files.readString(SQL, StandardCharsets.UTF_8))) {
        List<Row> rows = spark.sql(sql).collectAsList();
        if (sql.toUpperCase(Locale.ROOT).startsWith("SELECT")) {
          results.add(rows);
        }
      }
    } finally {
      // Dropping a table looks it up first, which needs the connection.
      spark.sql("DROP TABLE IF EXISTS redshift_orders");
      spark.sql("DROP TABLE IF EXISTS redshift_big_orders");
      connection.keySet().forEach(k -> spark.conf().unset("spark.datasource.redshift-data." + k));
    }
    assertEquals(3, results.size());

    QueryResult byStatus =
        RedshiftData.query(
            spark,
            connection,
            "SELECT status, count(*) AS orders, sum(amount) AS revenue FROM sql_example.orders"
                + " WHERE order_date >= DATE '2025-01-01' AND order_date < DATE '2026-01-01'"
                + " GROUP BY status ORDER BY status");
    List<Row> first = results.get(0);
    assertEquals(4, first.size());
    for (int i = 0; i < 4; i++) {
      assertEquals(byStatus.value(i, "status"), first.get(i).getString(0));
      assertEquals(byStatus.value(i, "orders"), first.get(i).getLong(1));
      assertEquals(
          0,
          new BigDecimal(String.valueOf(byStatus.value(i, "revenue")))
              .compareTo(first.get(i).getDecimal(2)));
    }

    Row big = results.get(1).get(0);
    assertEquals(
        longValue("SELECT count(*) FROM sql_example.orders WHERE amount > 450"), big.getLong(0));
    assertEquals(
        0,
        new BigDecimal(
                String.valueOf(ExampleSupport.value("SELECT max(amount) FROM sql_example.orders")))
            .compareTo(big.getDecimal(1)));

    assertEquals(10L, results.get(2).get(0).getLong(0));
    assertEquals(
        10L,
        longValue(
            "SELECT count(*) FROM sql_example.orders WHERE order_id > 1000000"
                + " AND order_date = DATE '2026-01-01' AND status = 'placed'"));
  }
}
