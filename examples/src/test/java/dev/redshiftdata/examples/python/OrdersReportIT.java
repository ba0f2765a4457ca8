package dev.redshiftdata.examples.python;

import static dev.redshiftdata.examples.ExampleSupport.longValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.examples.ExampleSupport;
import dev.redshiftdata.examples.quickstart.SampleData;
import dev.redshiftdata.local.junit.LocalRedshiftExtension;
import dev.redshiftdata.spark.QueryResult;
import dev.redshiftdata.spark.RedshiftData;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * orders_report.py's steps, in Java, with the very options and SQL of orders_report.properties and
 * the connection in the session configuration, as spark-submit --conf gives it to the script.
 */
@ExtendWith(LocalRedshiftExtension.class)
class OrdersReportIT {

  @Test
  void theScriptsOptionsAndSqlProduceTheReportRedshiftComputes() throws Exception {
    SparkSession spark = ExampleSupport.spark();
    Map<String, String> connection = ExampleSupport.options();
    Map<String, String> props = ScriptProperties.load(ScriptProperties.PROPERTIES);
    RedshiftData.execute(spark, connection, "CREATE SCHEMA IF NOT EXISTS sales");
    SampleData.orders(spark, 8_000, 400)
        .write()
        .format("redshift-data")
        .options(connection)
        .option("dbtable", "sales.orders")
        .mode("overwrite")
        .save();

    connection.forEach((k, v) -> spark.conf().set("spark.datasource.redshift-data." + k, v));
    try {
      // 1.
      Dataset<Row> orders =
          spark
              .read()
              .format("redshift-data")
              .options(ScriptProperties.stepOptions(props, "orders"))
              .load()
              .filter(props.get("orders.filter"));
      String plan = orders.queryExecution().executedPlan().toString();
      assertTrue(plan.contains("\"order_date\" >= DATE '2025-01-01'"), plan);
      orders.createOrReplaceTempView("orders");

      // 2.
      Dataset<Row> report = spark.sql(props.get("report.sql"));
      report
          .write()
          .format("redshift-data")
          .options(ScriptProperties.stepOptions(props, "report"))
          .mode(props.get("report.mode"))
          .save();

      // 3.
      List<Row> top =
          spark
              .read()
              .format("redshift-data")
              .options(ScriptProperties.stepOptions(props, "top"))
              .load()
              .collectAsList();

      // 4. The script runs it once a catalog of that name is configured: configure it here.
      String catalog = props.get("catalog.name");
      spark
          .conf()
          .set("spark.sql.catalog." + catalog, "dev.redshiftdata.spark.catalog.RedshiftCatalog");
      connection.forEach((k, v) -> spark.conf().set("spark.sql.catalog." + catalog + "." + k, v));
      List<String> tables =
          spark.sql(props.get("catalog.sql")).collectAsList().stream()
              .map(r -> r.getString(r.fieldIndex("tableName")))
              .toList();
      assertTrue(tables.contains("orders"), tables.toString());
      String table = ScriptProperties.stepOptions(props, "report").get("dbtable");
      // 5. On Spark 4, a statement from SQL alone: the report table gets its comment.
      if (Integer.parseInt(spark.version().split("\\.")[0]) >= 4) {
        Row called = spark.sql(props.get("catalog.call")).first();
        assertFalse(called.getString(0).isEmpty(), "statement id");
        assertEquals(
            List.of(List.of((Object) "Orders by status since 2025")),
            RedshiftData.query(
                    spark, connection, "SELECT obj_description('" + table + "'::regclass)")
                .rows());
      }

      QueryResult expected =
          RedshiftData.query(
              spark,
              connection,
              "SELECT status, count(*) AS orders, sum(amount) AS revenue FROM sales.orders"
                  + " WHERE order_date >= DATE '2025-01-01' GROUP BY status ORDER BY status");
      QueryResult written =
          RedshiftData.query(
              spark,
              connection,
              "SELECT status, orders, revenue FROM " + table + " ORDER BY status");
      assertEquals(4, expected.rows().size());
      assertEquals(expected.rows().size(), written.rows().size());
      for (int i = 0; i < expected.rows().size(); i++) {
        assertEquals(expected.value(i, "status"), written.value(i, "status"));
        assertEquals(
            String.valueOf(expected.value(i, "orders")),
            String.valueOf(written.value(i, "orders")));
        assertEquals(
            0,
            new BigDecimal(String.valueOf(expected.value(i, "revenue")))
                .compareTo(new BigDecimal(String.valueOf(written.value(i, "revenue")))));
      }

      QueryResult topInRedshift =
          RedshiftData.query(
              spark, connection, ScriptProperties.stepOptions(props, "top").get("query"));
      assertEquals(10, top.size());
      for (int i = 0; i < 10; i++) {
        assertEquals(
            ((Number) topInRedshift.value(i, "customer_id")).longValue(), top.get(i).getLong(0));
      }
      assertEquals(400L, longValue("SELECT count(DISTINCT customer_id) FROM sales.orders"));
    } finally {
      connection.keySet().forEach(k -> spark.conf().unset("spark.datasource.redshift-data." + k));
    }
  }
}
