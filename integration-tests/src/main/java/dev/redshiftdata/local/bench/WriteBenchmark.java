package dev.redshiftdata.local.bench;

import dev.redshiftdata.local.LocalRedshift;
import dev.redshiftdata.local.LocalRedshiftConfig;
import dev.redshiftdata.local.dataapi.RecordedRequest;
import dev.redshiftdata.local.junit.SharedSpark;
import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.dataapi.DataApi;
import dev.redshiftdata.spark.dataapi.StatementRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The connector's write benchmark, as ratios against baselines run alternated in the same JVM. Not
 * run by CI.
 *
 * <ul>
 *   <li>Staging: the connector's write minus the commit transaction's server time
 *       (DescribeStatement {@code Duration} of its BatchExecuteStatement) against {@code
 *       df.write.parquet} to the same S3 server.
 *   <li>End to end: the connector's write against Spark's JDBC writer ({@code batchsize} 10,000)
 *       into the same PostgreSQL, with the connector's time split into its own share and the local
 *       Redshift's server time.
 * </ul>
 *
 * <pre>
 * MAVEN_OPTS=--add-opens=java.base/sun.util.calendar=ALL-UNNAMED \
 * mvn -q -pl integration-tests -am compile exec:java -Pbench \
 *   -Dbench.main=dev.redshiftdata.local.bench.WriteBenchmark -Dbench.rows=1000000 -Dbench.runs=5
 * </pre>
 *
 * (Spark's JDBC writer converts dates through a JDK-internal class; exec:java runs in Maven's JVM.)
 */
public final class WriteBenchmark {
  private WriteBenchmark() {}

  public static void main(String[] args) throws Exception {
    long rows = Long.getLong("bench.rows", 1_000_000);
    int runs = Integer.getInteger("bench.runs", 5);
    try (LocalRedshift redshift = LocalRedshift.start(LocalRedshiftConfig.defaults())) {
      System.setProperty("aws.accessKeyId", redshift.config().accessKeyId());
      System.setProperty("aws.secretAccessKey", redshift.config().secretAccessKey());
      SparkSession spark =
          SharedSpark.builder(redshift, "redshift-data-write-bench")
              .config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS")
              .getOrCreate();
      Map<String, String> options = new HashMap<>(redshift.connectionInfo().sparkOptions());
      options.put("database", "dev");
      DataApi api = RedshiftOptions.parse(options, Map.of()).dataApi();
      api.execute(StatementRequest.sql("CREATE TABLE bench_write (" + BenchData.COLUMNS + ")"));

      Dataset<Row> df = data(spark, rows).cache();
      System.err.printf(Locale.ROOT, "generated %d rows%n", df.count());
      String parquetTarget = redshift.connectionInfo().tempdir() + "bench-parquet/";
      double[] serverSeconds = new double[1];
      List<Double> server = new ArrayList<>();

      Measurement.Workload connector =
          () -> {
            redshift.dataApi().requests().clear();
            df.write()
                .format("redshift-data")
                .options(options)
                .option("dbtable", "bench_write")
                .mode("overwrite")
                .save();
            RecordedRequest batch =
                redshift.dataApi().requests().operation("BatchExecuteStatement").stream()
                    .filter(RecordedRequest::ok)
                    .reduce((a, b) -> b)
                    .orElseThrow();
            serverSeconds[0] = api.describe(batch.statementId()).duration() / 1e9;
            server.add(serverSeconds[0]);
          };
      Measurement.Result[] staging =
          Measurement.alternate(
              "df.write.parquet to S3",
              () -> df.write().mode("overwrite").parquet(parquetTarget),
              "connector write (end to end)",
              connector,
              runs);

      Properties jdbc = new Properties();
      jdbc.setProperty("user", "awsuser");
      jdbc.setProperty("batchsize", "10000");
      String url =
          redshift.postgres().jdbcUrl(redshift.config().defaultCluster().postgresDatabase("dev"));
      server.clear();
      Measurement.Result[] endToEnd =
          Measurement.alternate(
              "Spark JDBC writer (batchsize 10000)",
              () -> df.write().mode("overwrite").jdbc(url, "bench_jdbc_write", jdbc),
              "connector write (end to end)",
              connector,
              runs);

      double serverMedian = median(server);
      double connectorMedian = endToEnd[1].median();
      System.out.printf(Locale.ROOT, "%nWrite (%d rows, 10 mixed columns)%n", rows);
      print(staging);
      System.out.printf(
          Locale.ROOT,
          "  connector minus its commit transaction (staging + driver)  median %7.3f s"
              + "  ratio to df.write.parquet %.2f%n",
          staging[1].median() - serverMedian,
          (staging[1].median() - serverMedian) / staging[0].median());
      print(endToEnd);
      System.out.printf(
          Locale.ROOT,
          "  local Redshift's server time of the commit (COPY etc.): median %.3f s"
              + " = %.0f%% of the connector's end-to-end time%n",
          serverMedian,
          100 * serverMedian / connectorMedian);
      spark.stop();
    }
  }

  /** The benchmark's 10 columns, generated in Spark (deterministic). */
  static Dataset<Row> data(SparkSession spark, long rows) {
    return spark
        .range(1, rows + 1, 1, 4)
        .selectExpr(
            "cast(id as int) as id",
            "cast(id % 32000 as smallint) as qty",
            "id * 1000003 as big",
            "cast((id % 100000) / 100.0 as decimal(12,2)) as price",
            "cast(id * 0.5 as double) as score",
            "concat('name-', id) as name",
            "case when id % 7 = 0 then null else concat(repeat('n', cast(id % 50 as int)), id) end"
                + " as note",
            "date_add(date'2000-01-01', cast(id % 9000 as int)) as day",
            "cast(timestamp_seconds(1577836800 + id) as timestamp_ntz) as ts",
            "id % 2 = 0 as flag");
  }

  private static double median(List<Double> values) {
    List<Double> s = new ArrayList<>(values);
    java.util.Collections.sort(s);
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  private static void print(Measurement.Result[] pair) {
    System.out.printf(
        Locale.ROOT,
        "  %-45s median %7.3f s  IQR %6.3f s%n  %-45s median %7.3f s  IQR %6.3f s  ratio %.2f%n",
        pair[0].name(),
        pair[0].median(),
        pair[0].iqr(),
        pair[1].name(),
        pair[1].median(),
        pair[1].iqr(),
        pair[1].median() / pair[0].median());
  }
}
