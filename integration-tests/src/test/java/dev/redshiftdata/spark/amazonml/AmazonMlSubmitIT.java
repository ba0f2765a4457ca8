package dev.redshiftdata.spark.amazonml;

import static dev.redshiftdata.spark.amazonml.AmazonMlTestSupport.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.local.LocalRedshift;
import dev.redshiftdata.local.aml.DataStatistics;
import dev.redshiftdata.local.junit.LocalRedshiftExtension;
import dev.redshiftdata.spark.SharedSpark;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code amazonMl.submit=true}: the write submits the specs it published to the local Amazon ML
 * endpoint and returns once every datasource is COMPLETED; a datasource that FAILS fails the job
 * with Amazon ML's reason, after the table and the files were written.
 */
@ExtendWith(LocalRedshiftExtension.class)
class AmazonMlSubmitIT {

  private static final String ROLE = "arn:aws:iam::123456789012:role/amazon-ml";

  private static LocalRedshift redshift;
  private final SparkSession spark = SharedSpark.session();

  @BeforeAll
  static void start() {
    redshift = AmazonMlTestSupport.redshift();
  }

  @AfterEach
  void restoreEndpoint() {
    redshift.amazonMl().settings().reset();
  }

  /** Options of a submitting write; the local Spark options already name the Amazon ML endpoint. */
  private Map<String, String> submitOptions(String folder, String id, String datasource) {
    Map<String, String> o = new HashMap<>(options(redshift));
    o.put("amazonMl.datasource", datasource);
    o.put("amazonMl.location", folder + "data/");
    // Amazon ML unloads the Redshift form here; under the folder, so the test deletes it too
    o.put("amazonMl.s3StagingLocation", folder + "ml-staging/");
    o.put("amazonMl.targetAttribute", "churned");
    o.put("amazonMl.roleArn", ROLE);
    o.put("amazonMl.dataSourceId", id);
    o.put("amazonMl.submit", "true");
    o.put("amazonMl.submitTimeout", "2m");
    return o;
  }

  private Dataset<Row> churn(int n) {
    return spark
        .range(0, n, 1, 2)
        .selectExpr(
            "id",
            "case when id % 3 = 0 then 'gold' else 'basic' end as plan",
            "cast(id * 1.5 as double) as spend",
            "id % 2 = 0 as churned");
  }

  private static DataStatistics stats(String id) {
    return redshift.amazonMl().statistics(id).orElseThrow(() -> new AssertionError("no " + id));
  }

  @Test
  void bothFormsWithSplitsAreSubmittedAndComplete() throws Exception {
    String folder = folder(redshift, "submit");
    String table = "aml_submit_" + System.nanoTime();
    String id = "churn-" + System.nanoTime();
    Map<String, String> o = submitOptions(folder, id, "both");
    o.put("amazonMl.trainPercent", "70");
    try {
      churn(200)
          .write()
          .format("redshift-data")
          .options(o)
          .option("dbtable", table)
          .mode(SaveMode.Append)
          .save();

      // Amazon ML read all 200 observations from the published CSV and from the table.
      assertEquals(200, stats(id + ".s3").observations());
      assertEquals(200, stats(id + ".redshift").observations());
      assertEquals(140, stats(id + ".s3.train").selectedObservations());
      assertEquals(60, stats(id + ".s3.evaluation").selectedObservations());
      assertEquals(140, stats(id + ".redshift.train").selectedObservations());
      assertEquals(60, stats(id + ".redshift.evaluation").selectedObservations());
      // The specs on S3 still carry no credentials: they were added at submission only.
      Map<String, String> files = files(spark, folder);
      // two schema files and six specs (S3 and Redshift forms, each whole, train and evaluation)
      assertEquals(
          8,
          files.keySet().stream()
              .filter(n -> !n.startsWith("ml-staging/") && n.endsWith(".json"))
              .count());
      assertTrue(
          files.entrySet().stream()
              .filter(e -> e.getKey().endsWith("CreateDataSourceFromRedshift.json"))
              .noneMatch(e -> e.getValue().contains("DatabaseCredentials")));
    } finally {
      delete(spark, folder);
    }
  }

  @Test
  void aFailedDatasourceFailsTheJobWithTheServicesReasonAfterTheTableWasWritten() throws Exception {
    // The local Amazon ML rejects every observation over 8 bytes and tolerates no rejection.
    redshift.amazonMl().settings().maxObservationBytes(8).maxRejectedObservations(0);
    String folder = folder(redshift, "submitfail");
    String table = "aml_submitfail_" + System.nanoTime();
    String id = "churnfail-" + System.nanoTime();
    try {
      Exception e =
          assertThrows(
              Exception.class,
              () ->
                  churn(20)
                      .write()
                      .format("redshift-data")
                      .options(submitOptions(folder, id, "s3"))
                      .option("dbtable", table)
                      .mode(SaveMode.Append)
                      .save());
      String m = messages(e);
      assertTrue(m.contains(id), m);
      assertTrue(m.contains("FAILED"), m);
      assertTrue(m.contains("were written"), m);
      assertFalse(m.contains(redshift.config().secretAccessKey()), m);
      // The table and the datasource files stay: they are valid on their own.
      assertEquals(
          20L,
          spark
              .read()
              .format("redshift-data")
              .options(options(redshift))
              .option("dbtable", table)
              .load()
              .count());
      assertTrue(files(spark, folder).keySet().stream().anyMatch(n -> n.startsWith("data/part-")));
    } finally {
      delete(spark, folder);
    }
  }
}
