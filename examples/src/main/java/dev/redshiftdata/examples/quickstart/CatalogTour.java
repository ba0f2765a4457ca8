package dev.redshiftdata.examples.quickstart;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The same tables through a Spark catalog: {@code spark.sql.catalog.redshift} with the connection
 * options as catalog options, SHOW TABLES over ListTables, and an atomic CREATE TABLE AS SELECT
 * (the new table appears only once it is loaded, in one transaction with its COPY).
 */
final class CatalogTour implements QuickstartStep {
  static final String CATALOG = "redshift";

  @Override
  public String key() {
    return "catalog";
  }

  @Override
  public String title() {
    return "Catalog and atomic CTAS";
  }

  /** Registers the catalog on the session: what {@code --conf} or spark-defaults would set. */
  static void register(SparkSession spark, Map<String, String> options) {
    String prefix = "spark.sql.catalog." + CATALOG;
    spark.conf().set(prefix, "dev.redshiftdata.spark.catalog.RedshiftCatalog");
    options.forEach((k, v) -> spark.conf().set(prefix + "." + k, v));
  }

  @Override
  public StepResult run(QuickstartContext c) {
    register(c.spark(), c.options());
    String ns = CATALOG + "." + c.schema();
    List<String> tables =
        c.spark().sql("SHOW TABLES IN " + ns).collectAsList().stream()
            .map(r -> r.getString(r.fieldIndex("tableName")))
            .sorted()
            .toList();
    c.out().println("    SHOW TABLES IN " + ns + ": " + String.join(", ", tables));

    c.spark().sql("DROP TABLE IF EXISTS " + ns + ".country_revenue");
    String ctas =
        "CREATE TABLE "
            + ns
            + ".country_revenue TBLPROPERTIES ('sortKey' = 'country') AS"
            + " SELECT country, count(*) AS customers, sum(revenue_2025) AS revenue_2025"
            + " FROM "
            + ns
            + ".customer_revenue GROUP BY country";
    c.out().println("    " + ctas);
    c.spark().sql(ctas);
    List<Row> top =
        c.spark()
            .sql(
                "SELECT country, revenue_2025 FROM "
                    + ns
                    + ".country_revenue ORDER BY revenue_2025 DESC LIMIT 1")
            .collectAsList();
    long countries = c.count("country_revenue");
    String best = top.get(0).getString(0);
    c.out()
        .printf(
            Locale.ROOT,
            "    %s.country_revenue: %d countries, the most revenue in 2025 from %s%n",
            ns,
            countries,
            best);
    return new StepResult(
        String.format(
            Locale.ROOT,
            "%d tables listed; country_revenue created atomically (%d rows)",
            tables.size(),
            countries),
        Map.of("tables", tables, "countries", countries, "topCountry", best));
  }
}
