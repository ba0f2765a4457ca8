package dev.redshiftdata.examples.ml;

import dev.redshiftdata.examples.local.LocalRun;
import dev.redshiftdata.spark.RedshiftData;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Redshift ML through the connector: write training data with {@code df.write}, train a model with
 * {@code CREATE MODEL} run by {@link RedshiftData#execute}, wait until {@code SHOW MODEL} says
 * READY, then read predictions with a {@code query} that calls the model's prediction function, so
 * the predictions are computed inside Redshift.
 *
 * <p>On the local Redshift, CREATE MODEL trains a small deterministic stand-in for SageMaker
 * Autopilot (nearest centroid for this boolean target); on Redshift it trains with SageMaker, which
 * takes from minutes to hours, and needs an {@code iamRole} that Redshift ML may use and an S3
 * bucket (the bucket of {@code tempdir}).
 *
 * <pre>
 * mvn -q -pl examples -am compile -Pquickstart -Dexample.main=dev.redshiftdata.examples.ml.ChurnModelExample
 * </pre>
 */
public final class ChurnModelExample {
  static final String MODEL = "customer_churn_model";
  static final String FUNCTION = "predict_customer_churn";
  static final int CUSTOMERS = 2_000;

  /** What the run saw: the model states SHOW MODEL reported, and how the predictions scored. */
  public record Result(
      List<String> statesSeen,
      Map<String, String> model,
      long predictedCustomers,
      long correctPredictions,
      String predictionSql) {}

  private final SparkSession spark;
  private final Map<String, String> options;
  private final String schema;
  private final PrintStream out;
  private final Duration maxWait;

  public ChurnModelExample(
      SparkSession spark,
      Map<String, String> options,
      String schema,
      PrintStream out,
      Duration maxWait) {
    this.spark = spark;
    this.options = Map.copyOf(options);
    this.schema = schema;
    this.out = out;
    this.maxWait = maxWait;
  }

  /**
   * Customers' activity and whether they churned. Churners have short tenure, few calls, many
   * support tickets and a low spend; customers whose id ends in 8 or 9 are held out of training.
   */
  public static Dataset<Row> customerActivity(SparkSession spark, int customers) {
    return spark
        .range(1, customers + 1L, 1, 2)
        .selectExpr("id AS customer_id", "pmod(hash(id, 11), 4) = 0 AS churned")
        .selectExpr(
            "customer_id",
            "CAST(IF(churned, 1 + pmod(hash(customer_id, 12), 12), 12 + pmod(hash(customer_id, 12), 48))"
                + " AS INT) AS tenure_months",
            "CAST(IF(churned, pmod(hash(customer_id, 13), 5), 10 + pmod(hash(customer_id, 13), 20))"
                + " AS INT) AS monthly_calls",
            "CAST(IF(churned, 5 + pmod(hash(customer_id, 14), 5), pmod(hash(customer_id, 14), 3))"
                + " AS INT) AS support_tickets",
            "CAST(IF(churned, 10 + pmod(hash(customer_id, 15), 2000) / 100.0,"
                + " 100 + pmod(hash(customer_id, 15), 5000) / 100.0) AS DOUBLE) AS monthly_spend",
            "churned");
  }

  private String table() {
    return schema + ".customer_activity";
  }

  public Result run() throws InterruptedException {
    RedshiftData.execute(spark, options, "CREATE SCHEMA IF NOT EXISTS " + schema);
    RedshiftData.execute(spark, options, "DROP MODEL IF EXISTS " + schema + "." + MODEL);

    out.println("Writing " + CUSTOMERS + " customers' activity to " + table() + " ...");
    customerActivity(spark, CUSTOMERS)
        .write()
        .format("redshift-data")
        .options(options)
        .option("dbtable", table())
        .mode("overwrite")
        .save();

    String createModel =
        CreateModelSql.createModel(
            schema + "." + MODEL,
            "SELECT tenure_months, monthly_calls, support_tickets, monthly_spend, churned FROM "
                + table()
                + " WHERE customer_id % 10 < 8",
            "churned",
            FUNCTION,
            options.getOrDefault("iamRole", "default"),
            CreateModelSql.bucketOf(options.get("tempdir")));
    out.println("Training: " + createModel);
    RedshiftData.execute(spark, options, createModel);

    List<String> states = new ArrayList<>();
    Map<String, String> model = awaitReady(states);
    out.println(
        "Model "
            + model.get("Model Name")
            + " is "
            + model.get("Model State")
            + " ("
            + model.get("Problem Type")
            + ", function "
            + model.get("Function Name")
            + ")");

    String predictionSql =
        "SELECT customer_id, churned, "
            + schema
            + "."
            + FUNCTION
            + "(tenure_months, monthly_calls, support_tickets, monthly_spend) AS predicted FROM "
            + table()
            + " WHERE customer_id % 10 >= 8";
    Dataset<Row> predictions =
        spark.read().format("redshift-data").options(options).option("query", predictionSql).load();
    long total = predictions.count();
    long correct = predictions.filter("churned = predicted").count();
    out.printf(
        Locale.ROOT,
        "Predicted churn for %d held-out customers in Redshift: %d correct (%.1f%%)%n",
        total,
        correct,
        total == 0 ? 0.0 : 100.0 * correct / total);
    predictions.orderBy("customer_id").show(5, false);
    return new Result(List.copyOf(states), model, total, correct, predictionSql);
  }

  /** Polls SHOW MODEL until the model is READY; fails when it FAILED or {@code maxWait} passed. */
  private Map<String, String> awaitReady(List<String> statesSeen) throws InterruptedException {
    long deadline = System.nanoTime() + maxWait.toNanos();
    Duration delay = Duration.ofMillis(200);
    while (true) {
      Map<String, String> model =
          RedshiftData.query(spark, options, "SHOW MODEL " + schema + "." + MODEL).asKeyValues();
      String state = model.get("Model State");
      if (statesSeen.isEmpty() || !statesSeen.get(statesSeen.size() - 1).equals(state)) {
        statesSeen.add(state);
        out.println("  SHOW MODEL: " + state);
      }
      if ("READY".equals(state)) {
        return model;
      }
      if ("FAILED".equals(state) || System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "Model " + MODEL + " is not READY after " + maxWait + " but " + state + ": " + model);
      }
      Thread.sleep(delay.toMillis());
      // Real training takes minutes to hours: back off to one poll every 30 s.
      delay =
          delay.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0
              ? Duration.ofSeconds(30)
              : delay.multipliedBy(2);
    }
  }

  public static void main(String[] args) throws Exception {
    LocalRun.run(
        "redshift-data Redshift ML example",
        (spark, options, out) ->
            new ChurnModelExample(spark, options, "ml_example", out, Duration.ofMinutes(5)).run());
  }
}
