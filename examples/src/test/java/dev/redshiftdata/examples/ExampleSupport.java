package dev.redshiftdata.examples;

import dev.redshiftdata.local.LocalRedshift;
import dev.redshiftdata.local.junit.LocalRedshiftExtension;
import dev.redshiftdata.spark.RedshiftData;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * What every example test shares: this JVM's local Redshift and SparkSession, the connection
 * options that reach it, and a way to check results in Redshift itself.
 */
public final class ExampleSupport {
  private static SparkSession spark;

  private ExampleSupport() {}

  /** The JVM's local Redshift, with its test keys given to the SDK's default credentials chain. */
  public static LocalRedshift redshift() {
    LocalRedshift redshift = LocalRedshiftExtension.shared();
    System.setProperty("aws.accessKeyId", redshift.config().accessKeyId());
    System.setProperty("aws.secretAccessKey", redshift.config().secretAccessKey());
    return redshift;
  }

  /** The JVM's one SparkSession (the first costs seconds), wired to the local Redshift's S3. */
  public static synchronized SparkSession spark() {
    if (spark == null) {
      SparkSession.Builder builder =
          SparkSession.builder()
              .appName("redshift-data-examples")
              // The session catalog's tables (SqlExampleIT) keep their directories under target/,
              // not in the source tree.
              .config(
                  "spark.sql.warehouse.dir",
                  Path.of("target", "spark-warehouse").toAbsolutePath().toString());
      redshift().connectionInfo().localSparkSettings().forEach(builder::config);
      spark = builder.getOrCreate();
      Runtime.getRuntime().addShutdownHook(new Thread(spark::stop, "spark-stop"));
    }
    return spark;
  }

  /** The connection options of the local Redshift (a fresh, modifiable copy). */
  public static Map<String, String> options() {
    return new LinkedHashMap<>(redshift().connectionInfo().sparkOptions());
  }

  /** The one value of a one-row, one-column query, run by Redshift. */
  public static Object value(String sql) {
    return RedshiftData.query(spark(), options(), sql).rows().get(0).get(0);
  }

  /** The one value of a query as a whole number (Redshift returns a NUMERIC sum as text). */
  public static long longValue(String sql) {
    return new java.math.BigDecimal(String.valueOf(value(sql))).longValueExact();
  }
}
