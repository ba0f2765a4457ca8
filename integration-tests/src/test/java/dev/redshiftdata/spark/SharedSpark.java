package dev.redshiftdata.spark;

import dev.redshiftdata.local.junit.LocalRedshiftExtension;
import org.apache.spark.sql.SparkSession;

/**
 * One local SparkSession per test JVM, wired to the shared local Redshift's S3 server through s3a.
 * The first session costs seconds, so every suite shares it.
 */
public final class SharedSpark {

  private static SparkSession session;

  private SharedSpark() {}

  public static synchronized SparkSession session() {
    if (session == null) {
      SparkSession.Builder builder = SparkSession.builder().appName("redshift-data-tests");
      LocalRedshiftExtension.shared()
          .connectionInfo()
          .localSparkSettings()
          .forEach(builder::config);
      session = builder.getOrCreate();
      Runtime.getRuntime().addShutdownHook(new Thread(session::stop, "spark-stop"));
    }
    return session;
  }
}
