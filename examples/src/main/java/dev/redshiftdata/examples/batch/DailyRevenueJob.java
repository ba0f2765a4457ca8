package dev.redshiftdata.examples.batch;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sum;

import java.sql.Date;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A batch job as spark-submit runs it: reads orders from Redshift, sums them per day (the filter
 * and the GROUP BY run in Redshift), adds the average order value in Spark and writes the result
 * back to a Redshift table.
 *
 * <pre>
 * spark-submit --class dev.redshiftdata.examples.batch.DailyRevenueJob \
 *   --jars redshift-data-spark-4.1_2.13-&lt;version&gt;-bundle.jar redshift-data-examples-&lt;version&gt;.jar \
 *   --source sales.orders --target sales.daily_revenue --since 2025-01-01 \
 *   --option workgroupName=analytics --option database=dev \
 *   --option tempdir=s3://my-bucket/redshift-staging/ \
 *   --option iamRole=arn:aws:iam::123456789012:role/redshift-staging
 * </pre>
 *
 * The source table needs columns {@code order_date}, {@code amount}.
 */
public final class DailyRevenueJob {
  private DailyRevenueJob() {}

  public static void main(String[] args) {
    JobArguments parsed = JobArguments.parse(args);
    SparkSession spark = SparkSession.builder().appName("daily-revenue").getOrCreate();
    long rows = run(spark, parsed);
    System.out.println("Wrote " + rows + " days of revenue to " + parsed.target());
  }

  /** Runs the job; returns the number of days written. */
  static long run(SparkSession spark, JobArguments args) {
    Dataset<Row> daily =
        spark
            .read()
            .format("redshift-data")
            .options(args.options())
            .option("dbtable", args.source())
            .load()
            .filter(col("order_date").geq(lit(Date.valueOf(args.since()))))
            .groupBy("order_date")
            .agg(count(lit(1)).as("orders"), sum("amount").as("revenue"))
            .withColumn("average_order_value", round(col("revenue").divide(col("orders")), 2))
            .cache();
    long days = daily.count();
    daily
        .write()
        .format("redshift-data")
        .options(args.options())
        .option("dbtable", args.target())
        .option("sortKey", "order_date")
        .mode(args.mode())
        .save();
    daily.unpersist();
    return days;
  }
}
