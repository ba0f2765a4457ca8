package dev.redshiftdata.examples.batch;

import static dev.redshiftdata.examples.ExampleSupport.longValue;
import static dev.redshiftdata.examples.ExampleSupport.value;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.redshiftdata.examples.ExampleSupport;
import dev.redshiftdata.examples.quickstart.SampleData;
import dev.redshiftdata.local.junit.LocalRedshiftExtension;
import dev.redshiftdata.spark.RedshiftData;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The batch job run with its command line against the local Redshift. */
@ExtendWith(LocalRedshiftExtension.class)
class DailyRevenueJobIT {

  private static final String SOURCE = "batch_example.orders";
  private static final String TARGET = "batch_example.daily_revenue";

  private static String[] commandLine(String... extra) {
    List<String> args =
        new ArrayList<>(List.of("--source", SOURCE, "--target", TARGET, "--since", "2025-06-01"));
    for (Map.Entry<String, String> e : ExampleSupport.options().entrySet()) {
      args.add("--option");
      args.add(e.getKey() + "=" + e.getValue());
    }
    args.addAll(List.of(extra));
    return args.toArray(String[]::new);
  }

  @Test
  void writesOneRowPerDayWithTheSumsRedshiftComputesAndOverwritesOnRerun() {
    SparkSession spark = ExampleSupport.spark();
    Map<String, String> options = ExampleSupport.options();
    RedshiftData.execute(spark, options, "CREATE SCHEMA IF NOT EXISTS batch_example");
    RedshiftData.execute(spark, options, "DROP TABLE IF EXISTS " + TARGET);
    SampleData.orders(spark, 5_000, 500)
        .write()
        .format("redshift-data")
        .options(options)
        .option("dbtable", SOURCE)
        .mode("overwrite")
        .save();

    long days = DailyRevenueJob.run(spark, JobArguments.parse(commandLine()));

    String since = " FROM " + SOURCE + " WHERE order_date >= DATE '2025-06-01'";
    long expectedDays = longValue("SELECT count(DISTINCT order_date)" + since);
    assertEquals(214, expectedDays, "June to December 2025 all have orders");
    assertEquals(expectedDays, days);
    assertEquals(expectedDays, longValue("SELECT count(*) FROM " + TARGET));
    assertEquals(
        longValue("SELECT count(*)" + since), longValue("SELECT sum(orders) FROM " + TARGET));
    String day = " order_date = DATE '2025-07-04'";
    BigDecimal revenue =
        new BigDecimal(value("SELECT sum(amount)" + since + " AND" + day).toString());
    long orders = longValue("SELECT count(*)" + since + " AND" + day);
    assertEquals(
        0,
        revenue.compareTo(
            new BigDecimal(value("SELECT revenue FROM " + TARGET + " WHERE" + day).toString())));
    assertEquals(
        revenue.divide(BigDecimal.valueOf(orders), 2, java.math.RoundingMode.HALF_UP).doubleValue(),
        Double.parseDouble(
            value("SELECT average_order_value FROM " + TARGET + " WHERE" + day).toString()),
        1e-9);

    DailyRevenueJob.run(spark, JobArguments.parse(commandLine("--mode", "overwrite")));
    assertEquals(expectedDays, longValue("SELECT count(*) FROM " + TARGET));
    DailyRevenueJob.run(spark, JobArguments.parse(commandLine("--mode", "append")));
    assertEquals(2 * expectedDays, longValue("SELECT count(*) FROM " + TARGET));
  }
}
