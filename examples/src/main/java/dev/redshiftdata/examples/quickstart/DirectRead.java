package dev.redshiftdata.examples.quickstart;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A small read: a filter, an order and a limit are pushed into one SELECT (a top-N), and because
 * the LIMIT bounds the result, {@code readMode=auto} reads it directly from the Data API's result
 * pages.
 */
final class DirectRead implements QuickstartStep {

  @Override
  public String key() {
    return "direct";
  }

  @Override
  public String title() {
    return "Direct-path read";
  }

  @Override
  public StepResult run(QuickstartContext c) {
    Dataset<Row> newest =
        c.read("customers")
            .load()
            .filter(col("signup_date").geq(lit(java.sql.Date.valueOf("2023-12-01"))))
            .orderBy(col("signup_date").desc(), col("customer_id"))
            .limit(5)
            .select("customer_id", "name", "country", "signup_date");
    String scan = QuickstartContext.scanDescription(newest);
    c.out().println("    explain: " + scan);
    List<Row> rows = newest.collectAsList();
    c.out().println("    the 5 customers who signed up last:");
    for (Row r : rows) {
      c.out().println("      " + r.mkString(" | "));
    }
    return new StepResult(
        rows.size() + " rows read directly, filter, order and limit pushed",
        Map.of("explain", scan, "rows", rows.size(), "firstCustomerId", rows.get(0).getLong(0)));
  }
}
