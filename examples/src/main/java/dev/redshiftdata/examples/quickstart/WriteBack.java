package dev.redshiftdata.examples.quickstart;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.when;

import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Joins the unloaded revenue with the customers in Spark, ranks customers into tiers and writes the
 * result back as a new table: Parquet staged on S3, then CREATE TABLE and COPY in one transaction.
 */
final class WriteBack implements QuickstartStep {

  @Override
  public String key() {
    return "write";
  }

  @Override
  public String title() {
    return "Write back with COPY";
  }

  @Override
  public StepResult run(QuickstartContext c) {
    Dataset<Row> customers = c.read("customers").load().select("customer_id", "name", "country");
    Dataset<Row> result =
        customers
            .join(UnloadRead.revenue2025(c), "customer_id")
            .withColumn(
                "tier",
                when(col("revenue_2025").geq(3000), "gold")
                    .when(col("revenue_2025").geq(1500), "silver")
                    .otherwise("bronze"));
    c.write(result, "customer_revenue").option("sortKey", "customer_id").mode("overwrite").save();
    long rows = c.count("customer_revenue");
    long gold =
        ((Number)
                c.query(
                        "SELECT count(*) AS n FROM "
                            + c.table("customer_revenue")
                            + " WHERE tier = 'gold'")
                    .value(0, "n"))
            .longValue();
    c.out()
        .printf(
            Locale.ROOT,
            "    %s: %,d rows written, %,d gold customers%n",
            c.table("customer_revenue"),
            rows,
            gold);
    return new StepResult(
        String.format(Locale.ROOT, "%,d rows written to %s", rows, c.table("customer_revenue")),
        Map.of("rows", rows, "gold", gold));
  }
}
