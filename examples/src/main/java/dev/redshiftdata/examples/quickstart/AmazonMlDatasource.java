package dev.redshiftdata.examples.quickstart;

import java.net.URI;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.machinelearning.MachineLearningClient;
import software.amazon.awssdk.services.machinelearning.model.GetDataSourceResponse;

/**
 * Training data for a "will this customer return an order" model, written to Redshift and, in the
 * same write, emitted as Amazon ML datasources (CSV on S3 and the Redshift form, each with a 70/30
 * train/evaluation split) that are submitted to Amazon ML and waited for until COMPLETED.
 */
final class AmazonMlDatasource implements QuickstartStep {

  @Override
  public String key() {
    return "amazonml";
  }

  @Override
  public String title() {
    return "Amazon ML datasources";
  }

  @Override
  public StepResult run(QuickstartContext c) {
    // One row per customer, computed by Redshift (a pushed-down query): the features and a target.
    Dataset<Row> training =
        c.spark()
            .read()
            .format("redshift-data")
            .options(c.options())
            .option(
                "query",
                "SELECT c.customer_id, c.country, c.segment, count(*) AS orders,"
                    + " sum(o.amount) AS spend,"
                    + " CASE WHEN sum(CASE WHEN o.status = 'returned' THEN 1 ELSE 0 END) > 2"
                    + " THEN 1 ELSE 0 END AS returns_often"
                    + " FROM "
                    + c.table("customers")
                    + " c JOIN "
                    + c.table("orders")
                    + " o ON o.customer_id = c.customer_id"
                    + " GROUP BY c.customer_id, c.country, c.segment")
            .load();
    String id =
        "quickstart-"
            + LocalDateTime.now(ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT));
    boolean submit = c.options().containsKey("amazonMl.endpoint");
    c.write(training, "return_training")
        .mode("overwrite")
        .option("amazonMl.datasource", "both")
        .option("amazonMl.targetAttribute", "returns_often")
        .option("amazonMl.rowId", "customer_id")
        .option("amazonMl.trainPercent", "70")
        .option("amazonMl.roleArn", c.options().get("iamRole"))
        .option("amazonMl.dataSourceId", id)
        .option("amazonMl.submit", String.valueOf(submit))
        .save();
    long rows = c.count("return_training");
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("rows", rows);
    facts.put("dataSourceId", id);
    c.out()
        .printf(
            Locale.ROOT, "    %s: %,d training rows written%n", c.table("return_training"), rows);
    if (submit) {
      try (MachineLearningClient ml = client(c.options())) {
        for (String form : new String[] {"s3", "redshift"}) {
          for (String split : new String[] {"", ".train", ".evaluation"}) {
            String dsId = id + "." + form + split;
            GetDataSourceResponse ds = ml.getDataSource(b -> b.dataSourceId(dsId));
            facts.put(dsId, ds.statusAsString());
            c.out()
                .printf(
                    Locale.ROOT,
                    "    Amazon ML datasource %-45s %s, %,d bytes%n",
                    dsId,
                    ds.statusAsString(),
                    ds.dataSizeInBytes());
          }
        }
      }
    } else {
      c.out().println("    (no amazonMl.endpoint: the spec files are ready to submit by hand)");
    }
    return new StepResult(
        String.format(
            Locale.ROOT,
            "%,d rows written; 6 Amazon ML datasources %s",
            rows,
            submit ? "submitted and COMPLETED" : "emitted"),
        facts);
  }

  private static MachineLearningClient client(Map<String, String> options) {
    return MachineLearningClient.builder()
        .region(Region.of(options.getOrDefault("region", "us-east-1")))
        .endpointOverride(URI.create(options.get("amazonMl.endpoint")))
        .build();
  }
}
