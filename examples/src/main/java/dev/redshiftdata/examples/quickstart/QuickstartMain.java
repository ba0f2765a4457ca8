package dev.redshiftdata.examples.quickstart;

import dev.redshiftdata.local.LocalRedshift;
import dev.redshiftdata.local.LocalRedshiftConfig;
import dev.redshiftdata.local.junit.SharedSpark;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.spark.sql.SparkSession;

/**
 * The quickstart command: starts a local Redshift (embedded PostgreSQL, the Data API emulator and
 * an S3 server, no Docker, no AWS account) and a local Spark session, runs the {@link Quickstart}
 * and stops both.
 *
 * <pre>
 * mvn -q -pl examples -am compile -Pquickstart
 * </pre>
 */
public final class QuickstartMain {
  private QuickstartMain() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    out.println("redshift-data quickstart");
    out.println("Starting the local Redshift (embedded PostgreSQL, Data API, S3) ...");
    try (LocalRedshift redshift = LocalRedshift.start(LocalRedshiftConfig.defaults())) {
      out.printf(
          "Local Redshift up in %.1f s: Data API %s%n",
          redshift.startupTime().toMillis() / 1000.0, redshift.connectionInfo().dataApiEndpoint());
      // The local Redshift's own test keys, given to the SDK's default credentials chain as a real
      // deployment would give its role's: never as an option.
      System.setProperty("aws.accessKeyId", redshift.config().accessKeyId());
      System.setProperty("aws.secretAccessKey", redshift.config().secretAccessKey());
      SparkSession spark =
          SharedSpark.builder(redshift, "redshift-data quickstart")
              .config("spark.sql.shuffle.partitions", "4")
              .getOrCreate();
      try {
        new Quickstart(spark, redshift.connectionInfo().sparkOptions(), out).run();
      } finally {
        spark.stop();
      }
    }
    out.println("\nDone. Next: mvn -B verify runs every test; see README.md's Examples section.");
  }
}
