package dev.redshiftdata.examples.quickstart;

import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * An upsert: 100 existing customers moved to the enterprise segment and 50 new customers, written
 * with {@code mergeKeys=customer_id}. The connector COPYs them into a temporary table and MERGEs it
 * into {@code customers} in one transaction.
 */
final class MergeChanges implements QuickstartStep {
  static final int UPDATED = 100;
  static final int ADDED = 50;

  @Override
  public String key() {
    return "merge";
  }

  @Override
  public String title() {
    return "Merge (upsert on mergeKeys)";
  }

  @Override
  public StepResult run(QuickstartContext c) {
    long before = c.count("customers");
    Dataset<Row> changed =
        SampleData.customers(c.spark(), 1, UPDATED)
            .selectExpr("customer_id", "name", "country", "'enterprise' AS segment", "signup_date");
    Dataset<Row> added = SampleData.customers(c.spark(), SampleData.CUSTOMERS + 1L, ADDED);
    c.write(changed.unionByName(added), "customers")
        .option("mergeKeys", "customer_id")
        .mode("append")
        .save();
    long after = c.count("customers");
    long enterpriseOfFirst =
        ((Number)
                c.query(
                        "SELECT count(*) AS n FROM "
                            + c.table("customers")
                            + " WHERE customer_id <= "
                            + UPDATED
                            + " AND segment = 'enterprise'")
                    .value(0, "n"))
            .longValue();
    c.out()
        .printf(
            Locale.ROOT,
            "    %s: %,d rows before, %,d after; customers 1-%d are all enterprise: %s%n",
            c.table("customers"),
            before,
            after,
            UPDATED,
            enterpriseOfFirst == UPDATED);
    return new StepResult(
        String.format(
            Locale.ROOT, "%d customers updated and %d inserted in one MERGE", UPDATED, ADDED),
        Map.of("before", before, "after", after, "updatedEnterprise", enterpriseOfFirst));
  }
}
