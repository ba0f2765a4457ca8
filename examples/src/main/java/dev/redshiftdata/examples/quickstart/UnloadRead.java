package dev.redshiftdata.examples.quickstart;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A larger read: 2025's revenue per customer. The date filter and the GROUP BY run in Redshift, and
 * {@code readMode=unload} UNLOADs the result to Parquet under the staging prefix, which Spark reads
 * in parallel.
 */
final class UnloadRead implements QuickstartStep {

  /** 2025's orders and revenue per customer, computed in Redshift. */
  static Dataset<Row> revenue2025(QuickstartContext c) {
    return c.read("orders")
        .option("readMode", "unload")
        .load()
        .filter(col("order_date").geq(lit(java.sql.Date.valueOf("2025-01-01"))))
        .groupBy("customer_id")
        .agg(count(lit(1)).as("orders_2025"), sum("amount").as("revenue_2025"));
  }

  @Override
  public String key() {
    return "unload";
  }

  @Override
  public String title() {
    return "Unload-path read with pushdown";
  }

  @Override
  public StepResult run(QuickstartContext c) {
    Dataset<Row> revenue = revenue2025(c);
    String scan = QuickstartContext.scanDescription(revenue);
    c.out().println("    explain: " + scan);
    List<Row> rows = revenue.collectAsList();
    long orders = 0;
    BigDecimal total = BigDecimal.ZERO;
    for (Row r : rows) {
      orders += r.getLong(1);
      total = total.add(r.getDecimal(2));
    }
    c.out()
        .printf(
            Locale.ROOT,
            "    %,d customers ordered in 2025: %,d orders, revenue %,.2f%n",
            rows.size(),
            orders,
            total);
    return new StepResult(
        String.format(Locale.ROOT, "%,d customer rows unloaded (GROUP BY pushed)", rows.size()),
        Map.of(
            "explain", scan, "customers", (long) rows.size(), "orders", orders, "revenue", total));
  }
}
