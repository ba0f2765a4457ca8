package dev.redshiftdata.examples.quickstart;

import static dev.redshiftdata.examples.ExampleSupport.longValue;
import static dev.redshiftdata.examples.ExampleSupport.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.examples.ExampleSupport;
import dev.redshiftdata.local.junit.LocalRedshiftExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The quickstart's steps, run against this JVM's shared local Redshift and SparkSession (not a
 * second one), checked against what Redshift itself holds afterwards.
 */
@ExtendWith(LocalRedshiftExtension.class)
class QuickstartIT {

  private static QuickstartReport report;
  private static String output;

  @BeforeAll
  static void runQuickstart() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    report = new Quickstart(ExampleSupport.spark(), ExampleSupport.options(), out).run();
    output = bytes.toString(StandardCharsets.UTF_8);
    System.out.print(output);
  }

  private static String t(String name) {
    return Quickstart.DEFAULT_SCHEMA + "." + name;
  }

  private static final String ORDERS_2025 =
      " FROM " + t("orders") + " WHERE order_date >= DATE '2025-01-01'";

  @Test
  void theSampleDataIsLoaded() {
    assertEquals(5_000L, report.fact("load", "customers"));
    assertEquals(50_000L, report.fact("load", "orders"));
    assertEquals(50_000L, longValue("SELECT count(DISTINCT order_id) FROM " + t("orders")));
    assertEquals(
        5_000L,
        longValue("SELECT count(DISTINCT customer_id) FROM " + t("orders")),
        "every customer has orders");
  }

  @Test
  void theDirectReadPushesItsTopNAndReturnsRedshiftsFirstRow() {
    String explain = (String) report.fact("direct", "explain");
    assertTrue(explain.startsWith("RedshiftScan[path=direct"), explain);
    assertTrue(explain.contains("LIMIT 5"), explain);
    assertFalse(explain.contains(ExampleSupport.redshift().config().secretAccessKey()), explain);
    assertEquals(5, report.fact("direct", "rows"));
    assertEquals(
        longValue(
            "SELECT customer_id FROM "
                + t("customers")
                + " WHERE signup_date >= DATE '2023-12-01'"
                + " ORDER BY signup_date DESC, customer_id LIMIT 1"),
        report.fact("direct", "firstCustomerId"));
  }

  @Test
  void theUnloadReadRunsTheGroupByInRedshiftAndAddsUp() {
    String explain = (String) report.fact("unload", "explain");
    assertTrue(explain.startsWith("RedshiftScan[path=unload"), explain);
    assertTrue(explain.contains("GROUP BY \"customer_id\""), explain);
    assertTrue(explain.contains("\"order_date\" >= DATE '2025-01-01'"), explain);
    assertEquals(
        longValue("SELECT count(DISTINCT customer_id)" + ORDERS_2025),
        report.fact("unload", "customers"));
    assertEquals(longValue("SELECT count(*)" + ORDERS_2025), report.fact("unload", "orders"));
    assertEquals(
        0,
        new BigDecimal(value("SELECT sum(amount)" + ORDERS_2025).toString())
            .compareTo((BigDecimal) report.fact("unload", "revenue")));
    assertTrue(output.contains("path=unload"), output);
  }

  @Test
  void theWriteBackHoldsOneRowPerCustomerWithItsTier() {
    long customers = (Long) report.fact("unload", "customers");
    assertEquals(customers, report.fact("write", "rows"));
    assertEquals(customers, longValue("SELECT count(*) FROM " + t("customer_revenue")));
    long gold =
        longValue(
            "SELECT count(*) FROM (SELECT customer_id, sum(amount) AS s"
                + ORDERS_2025
                + " GROUP BY customer_id) r WHERE s >= 3000");
    assertTrue(gold > 0);
    assertEquals(gold, report.fact("write", "gold"));
    assertEquals(
        gold, longValue("SELECT count(*) FROM " + t("customer_revenue") + " WHERE tier = 'gold'"));
  }

  @Test
  void theMergeUpdatesAndInsertsCustomers() {
    assertEquals(5_000L, report.fact("merge", "before"));
    assertEquals(5_050L, report.fact("merge", "after"));
    assertEquals(5_050L, longValue("SELECT count(DISTINCT customer_id) FROM " + t("customers")));
    assertEquals(
        100L,
        longValue(
            "SELECT count(*) FROM "
                + t("customers")
                + " WHERE customer_id <= 100 AND segment = 'enterprise'"));
    assertEquals(
        "Customer 05050",
        value("SELECT name FROM " + t("customers") + " WHERE customer_id = 5050"));
  }

  @Test
  void theCatalogListsTheTablesAndCreatesTheCtasTableInRedshift() {
    @SuppressWarnings("unchecked")
    List<String> tables = (List<String>) report.fact("catalog", "tables");
    assertTrue(tables.containsAll(List.of("customers", "orders", "customer_revenue")), "" + tables);
    long countries = longValue("SELECT count(DISTINCT country) FROM " + t("customer_revenue"));
    assertEquals(countries, report.fact("catalog", "countries"));
    assertEquals(countries, longValue("SELECT count(*) FROM " + t("country_revenue")));
    assertEquals(
        value(
            "SELECT country FROM (SELECT country, sum(revenue_2025) AS r FROM "
                + t("customer_revenue")
                + " GROUP BY country) x ORDER BY r DESC LIMIT 1"),
        report.fact("catalog", "topCountry"));
  }

  @Test
  void theAmazonMlDatasourcesAreSubmittedAndComplete() {
    assertEquals(
        longValue("SELECT count(DISTINCT customer_id) FROM " + t("orders")),
        report.fact("amazonml", "rows"));
    String id = (String) report.fact("amazonml", "dataSourceId");
    for (String form : List.of("s3", "redshift")) {
      for (String split : List.of("", ".train", ".evaluation")) {
        assertEquals("COMPLETED", report.fact("amazonml", id + "." + form + split), form + split);
      }
    }
    assertEquals(
        report.fact("amazonml", "rows"),
        ExampleSupport.redshift().amazonMl().statistics(id + ".s3").orElseThrow().observations());
  }

  @Test
  void theOutputShowsProgressAndASummaryOfEveryStep() {
    int steps = Quickstart.defaultSteps().size();
    assertEquals(steps, report.entries().size());
    assertTrue(output.contains("[1/" + steps + "] Load the sample data"), output);
    assertTrue(output.contains("/" + steps + "] Merge (upsert on mergeKeys)"), output);
    String summary = output.substring(output.indexOf("Summary"));
    assertEquals(steps, summary.lines().filter(l -> l.matches("\\s+\\d+\\. .*")).count(), summary);
  }
}
