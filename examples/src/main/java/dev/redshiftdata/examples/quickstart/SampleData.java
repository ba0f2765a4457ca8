package dev.redshiftdata.examples.quickstart;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A small shop's customers and orders, generated deterministically from row numbers (Spark's {@code
 * hash} is the same on every machine), so every run and every test sees the same rows.
 */
public final class SampleData {
  public static final int CUSTOMERS = 5_000;
  public static final int ORDERS = 50_000;

  private static final String COUNTRIES = "array('DE', 'FR', 'US', 'GB', 'JP', 'BR', 'IN', 'ES')";
  private static final String SEGMENTS = "array('consumer', 'small business', 'enterprise')";
  private static final String STATUSES = "array('placed', 'shipped', 'delivered', 'returned')";

  private SampleData() {}

  /** Customers {@code firstId .. firstId + count - 1}. */
  public static Dataset<Row> customers(SparkSession spark, long firstId, int count) {
    return spark
        .range(firstId, firstId + count, 1, 4)
        .selectExpr(
            "id AS customer_id",
            "concat('Customer ', lpad(CAST(id AS STRING), 5, '0')) AS name",
            "element_at(" + COUNTRIES + ", CAST(pmod(hash(id, 1), 8) + 1 AS INT)) AS country",
            "element_at(" + SEGMENTS + ", CAST(pmod(hash(id, 2), 3) + 1 AS INT)) AS segment",
            "date_add(DATE'2022-01-01', CAST(pmod(hash(id, 3), 730) AS INT)) AS signup_date");
  }

  /** {@code count} orders of 2024 and 2025 by customers {@code 1 .. customers}. */
  public static Dataset<Row> orders(SparkSession spark, int count, int customers) {
    return spark
        .range(1, count + 1L, 1, 4)
        .selectExpr(
            "id AS order_id",
            "CAST(pmod(hash(id, 4), " + customers + ") + 1 AS BIGINT) AS customer_id",
            "date_add(DATE'2024-01-01', CAST(pmod(hash(id, 5), 731) AS INT)) AS order_date",
            "element_at(" + STATUSES + ", CAST(pmod(hash(id, 6), 4) + 1 AS INT)) AS status",
            "CAST(pmod(hash(id, 7), 5) + 1 AS INT) AS quantity",
            "CAST(5 + pmod(hash(id, 8), 49500) / 100.0 AS DECIMAL(10, 2)) AS amount");
  }
}
