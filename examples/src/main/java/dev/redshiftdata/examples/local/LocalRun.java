package dev.redshiftdata.examples.local;

import dev.redshiftdata.local.LocalRedshift;
import dev.redshiftdata.local.LocalRedshiftConfig;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Runs an example on a local Redshift it starts (embedded PostgreSQL, the Data API emulator and an
 * S3 server: no Docker, no AWS account) with a local Spark session wired to its S3 server, and
 * stops both afterwards.
 */
public final class LocalRun {
  private LocalRun() {}

  /** An example that runs against the Redshift its connection options reach. */
  @FunctionalInterface
  public interface Example {
    void run(SparkSession spark, Map<String, String> options, PrintStream out) throws Exception;
  }

  public static void run(String name, Example example) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    out.println(name);
    out.println("Starting the local Redshift (embedded PostgreSQL, Data API, S3) ...");
    try (LocalRedshift redshift = LocalRedshift.start(LocalRedshiftConfig.defaults())) {
      out.printf(
          "Local Redshift up in %.1f s: Data API %s%n",
          redshift.startupTime().toMillis() / 1000.0, redshift.connectionInfo().dataApiEndpoint());
      // The local Redshift's own test keys, given to the SDK's default credentials chain as a real
      // deployment would give its role's: never as an option.
      System.setProperty("aws.accessKeyId", redshift.config().accessKeyId());
      System.setProperty("aws.secretAccessKey", redshift.config().secretAccessKey());
      SparkSession.Builder builder = SparkSession.builder().appName(name);
      redshift.connectionInfo().localSparkSettings().forEach(builder::config);
      SparkSession spark = builder.getOrCreate();
      try {
        example.run(spark, redshift.connectionInfo().sparkOptions(), out);
      } finally {
        spark.stop();
      }
    }
  }
}
