package dev.redshiftdata.spark;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.local.junit.LocalRedshiftExtension;
import dev.redshiftdata.local.junit.SharedSpark;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * format("redshift-data") in a real SparkSession: option errors name the option, session conf
 * counts.
 */
@ExtendWith(LocalRedshiftExtension.class)
class RedshiftDataSourceIT {

  private final SparkSession spark = SharedSpark.session();

  @Test
  void missingConnectionOptionsAreNamedWithTheirAlternatives() {
    Exception e = assertThrows(Exception.class, () -> spark.read().format("redshift-data").load());
    String message = rootMessage(e);
    assertTrue(message.contains("'database'"), message);
  }

  @Test
  void clusterAndWorkgroupTogetherAreRefused() {
    Exception e =
        assertThrows(
            Exception.class,
            () ->
                spark
                    .read()
                    .format("redshift-data")
                    .option("database", "dev")
                    .option("clusterIdentifier", "c1")
                    .option("workgroupName", "w1")
                    .option("dbtable", "t")
                    .load());
    String message = rootMessage(e);
    assertTrue(message.contains("clusterIdentifier") && message.contains("workgroupName"), message);
  }

  @Test
  void sessionConfFillsOptionsAndASecretLikeOptionIsRefusedWithoutEchoingIt() {
    spark.conf().set("spark.datasource.redshift-data.database", "dev");
    spark.conf().set("spark.datasource.redshift-data.clusterIdentifier", "local-cluster");
    try {
      Exception e =
          assertThrows(
              Exception.class,
              () -> spark.read().format("redshift-data").option("query", "select 1").load());
      assertTrue(rootMessage(e).contains("not implemented"), rootMessage(e));
      Exception secret =
          assertThrows(
              Exception.class,
              () ->
                  spark
                      .read()
                      .format("redshift-data")
                      .option("query", "select 1")
                      .option("secretAccessKey", "TopSecretValue123")
                      .load());
      assertTrue(rootMessage(secret).contains("secretAccessKey"), rootMessage(secret));
      assertTrue(!rootMessage(secret).contains("TopSecretValue123"), rootMessage(secret));
    } finally {
      spark.conf().unset("spark.datasource.redshift-data.database");
      spark.conf().unset("spark.datasource.redshift-data.clusterIdentifier");
    }
  }

  private static String rootMessage(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null && c.getCause() != c) {
      c = c.getCause();
    }
    return c.getMessage();
  }
}
