package dev.redshiftdata.examples.quickstart;

import java.util.Locale;
import java.util.Map;

/**
 * Creates the schema and loads the sample customers and orders with the connector's write path
 * (Parquet staged on S3, one COPY transaction each), creating the tables with a dist and sort key.
 */
final class LoadSampleData implements QuickstartStep {

  @Override
  public String key() {
    return "load";
  }

  @Override
  public String title() {
    return "Load the sample data (write, COPY)";
  }

  @Override
  public StepResult run(QuickstartContext c) {
    c.execute("CREATE SCHEMA IF NOT EXISTS " + c.schema());
    for (String table : new String[] {"customers", "orders", "customer_revenue"}) {
      c.execute("DROP TABLE IF EXISTS " + c.table(table));
    }
    c.out()
        .printf(
            Locale.ROOT,
            "    writing %,d customers to %s ...%n",
            SampleData.CUSTOMERS,
            c.table("customers"));
    c.write(SampleData.customers(c.spark(), 1, SampleData.CUSTOMERS), "customers")
        .option("distStyle", "all")
        .option("tableComment", "quickstart sample customers")
        .mode("append")
        .save();
    c.out()
        .printf(
            Locale.ROOT,
            "    writing %,d orders to %s ...%n",
            SampleData.ORDERS,
            c.table("orders"));
    c.write(SampleData.orders(c.spark(), SampleData.ORDERS, SampleData.CUSTOMERS), "orders")
        .option("distKey", "customer_id")
        .option("sortKey", "order_date")
        .mode("append")
        .save();
    long customers = c.count("customers");
    long orders = c.count("orders");
    c.out()
        .printf(
            Locale.ROOT,
            "    %s: %,d rows, %s: %,d rows%n",
            c.table("customers"),
            customers,
            c.table("orders"),
            orders);
    return new StepResult(
        String.format(Locale.ROOT, "%,d customers and %,d orders loaded", customers, orders),
        Map.of("customers", customers, "orders", orders));
  }
}
