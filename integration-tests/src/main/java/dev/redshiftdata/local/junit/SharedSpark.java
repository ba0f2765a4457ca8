package dev.redshiftdata.local.junit;

import dev.redshiftdata.local.LocalRedshift;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * One local SparkSession per test JVM, wired to the shared local Redshift's S3 server through s3a.
 * The first session costs seconds, so every suite shares it.
 */
public final class SharedSpark {

  private static SparkSession session;

  private SharedSpark() {}

  /**
   * A local[2] session builder wired to {@code redshift}'s S3 server through s3a: loopback
   * addresses, no UI, UTC. The tests' shared session and the benchmarks start from it.
   */
  public static SparkSession.Builder builder(LocalRedshift redshift, String appName) {
    SparkSession.Builder builder =
        SparkSession.builder()
            .master("local[2]")
            .appName(appName)
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.session.timeZone", "UTC");
    for (Map.Entry<String, String> e : redshift.connectionInfo().s3aSettings().entrySet()) {
      builder.config("spark.hadoop." + e.getKey(), e.getValue());
    }
    return builder;
  }

  public static synchronized SparkSession session() {
    if (session == null) {
      session =
          builder(LocalRedshiftExtension.shared(), "redshift-data-tests")
              .config("spark.sql.shuffle.partitions", "4")
              .getOrCreate();
      Runtime.getRuntime().addShutdownHook(new Thread(session::stop, "spark-stop"));
    }
    return session;
  }
}
