package dev.redshiftdata.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.local.LocalRedshift;
import dev.redshiftdata.local.junit.LocalRedshiftExtension;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
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
    LocalRedshift redshift = TestRedshift.shared();
    Map<String, String> conf =
        Map.of(
            "database", "dev",
            "clusterIdentifier", redshift.config().defaultCluster().id(),
            "secretArn", redshift.connectionInfo().secretArn(),
            "region", redshift.config().region(),
            "endpoint", redshift.dataApiEndpoint().toString());
    conf.forEach((k, v) -> spark.conf().set("spark.datasource.redshift-data." + k, v));
    try {
      List<Row> rows =
          spark
              .read()
              .format("redshift-data")
              .option("query", "select 1 as one")
              .load()
              .collectAsList();
      assertEquals(1, rows.size());
      assertEquals(1, ((Number) rows.get(0).get(0)).intValue());
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
      conf.keySet().forEach(k -> spark.conf().unset("spark.datasource.redshift-data." + k));
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
