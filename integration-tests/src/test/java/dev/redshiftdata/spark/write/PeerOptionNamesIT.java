package dev.redshiftdata.spark.write;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.local.LocalRedshift;
import dev.redshiftdata.local.junit.LocalRedshiftExtension;
import dev.redshiftdata.spark.LogCapture;
import dev.redshiftdata.spark.SharedSpark;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.MetadataBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A job written for spark-redshift (its option names) runs with only the format renamed: writes a
 * table with its sort key and description, loads with its extra COPY options, and reads it back.
 */
@ExtendWith(LocalRedshiftExtension.class)
class PeerOptionNamesIT {

  private static LocalRedshift redshift;
  private final SparkSession spark = SharedSpark.session();

  @BeforeAll
  static void start() {
    redshift = WriteSupport.redshift();
  }

  @BeforeEach
  void clear() {
    redshift.dataApi().requests().clear();
  }

  /** The local Redshift's connection, under spark-redshift's and Glue's names where they exist. */
  private static Map<String, String> peerOptions() {
    Map<String, String> peer = new LinkedHashMap<>();
    Map<String, String> renames =
        Map.of(
            "database", "data_api_database",
            "clusterIdentifier", "data_api_cluster",
            "region", "data_api_region",
            "iamRole", "aws_iam_role");
    WriteSupport.options(redshift).forEach((k, v) -> peer.put(renames.getOrDefault(k, k), v));
    return peer;
  }

  @Test
  void aSparkRedshiftJobRunsWithOnlyTheFormatRenamed() {
    String t = "peer_" + System.nanoTime();
    try (LogCapture log = new LogCapture()) {
      write(t);
      assertTrue(
          log.text()
              .contains(
                  "WARN options of other Redshift connectors with no effect: 'forward_spark_s3_"
                      + "credentials' (UNLOAD and COPY use 'iamRole'; staging files use the"
                      + " cluster's Hadoop credentials), 'tempformat' (the connector always stages"
                      + " Parquet); the write ignores them."),
          log.text());
    }

    List<String> sent = WriteSupport.batches(redshift).get(0).sqls();
    String create =
        sent.stream().filter(s -> s.startsWith("CREATE TABLE")).findFirst().orElseThrow();
    assertTrue(create.endsWith("INTERLEAVED SORTKEY(\"v\", \"id\")"), create);
    String copy = sent.stream().filter(s -> s.startsWith("COPY")).findFirst().orElseThrow();
    assertTrue(copy.contains(" ACCEPTINVCHARS"), copy);
    assertEquals(
        List.of(List.of("v", "2")),
        WriteSupport.query(
            redshift,
            "select sortkey1, sortkey_num from svv_table_info where \"table\" = '" + t + "'"));
    assertEquals(
        List.of(List.of("loaded by a spark-redshift job")),
        WriteSupport.query(redshift, "select obj_description('public." + t + "'::regclass)"));

    List<Row> read =
        spark
            .read()
            .format("redshift-data")
            .options(peerOptions())
            .option("dbtable", t)
            .load()
            .orderBy("id")
            .collectAsList();
    assertEquals(100, read.size());
    assertEquals("v99", read.get(99).getString(1));
  }

  @Test
  void aDataFramePreparedForSparkRedshiftCreatesTheSameTable() {
    String t = "peer_meta_" + System.nanoTime();
    Dataset<Row> df =
        spark
            .range(0, 10, 1, 1)
            .select(
                col("id").as("id", new MetadataBuilder().putString("encoding", "az64").build()),
                concat(lit("v"), col("id"))
                    .as(
                        "v",
                        new MetadataBuilder()
                            .putLong("maxlength", 12)
                            .putString("encoding", "zstd")
                            .putString("description", "the value")
                            .build()),
                col("id")
                    .cast("double")
                    .as(
                        "amount",
                        new MetadataBuilder().putString("redshift_type", "decimal(12,2)").build()));
    df.write()
        .format("redshift-data")
        .options(peerOptions())
        .option("dbtable", t)
        .mode(SaveMode.Overwrite)
        .save();

    String create =
        WriteSupport.batches(redshift).get(0).sqls().stream()
            .filter(s -> s.startsWith("CREATE TABLE"))
            .findFirst()
            .orElseThrow();
    assertTrue(
        create.contains(
            "(\"id\" BIGINT NOT NULL ENCODE AZ64, \"v\" VARCHAR(12) NOT NULL ENCODE ZSTD,"
                + " \"amount\" DECIMAL(12,2) NOT NULL)"),
        create);
    assertEquals(
        List.of(List.of("the value", "9", "v9", "9.00")),
        WriteSupport.query(
            redshift,
            "select col_description('public."
                + t
                + "'::regclass, 2), id, v, amount from "
                + t
                + " where id = 9"));
  }

  /** Overwrites {@code t} as a spark-redshift job would, with its option names. */
  private void write(String t) {
    spark
        .range(0, 100, 1, 2)
        .selectExpr("id", "concat('v', id) as v")
        .write()
        .format("redshift-data")
        .options(peerOptions())
        .option("dbtable", t)
        .option("sortkeyspec", "INTERLEAVED SORTKEY(v, id)")
        .option("description", "loaded by a spark-redshift job")
        .option("extracopyoptions", "ACCEPTINVCHARS")
        // spark-redshift options with no meaning here: a warning, not an unknown-option failure.
        .option("tempformat", "CSV GZIP")
        .option("forward_spark_s3_credentials", "true")
        .mode(SaveMode.Overwrite)
        .save();
  }

  @Test
  void secretIdTakesTheSecretsNameAsTheDataApiDoes() {
    String t = "peer_secret_" + System.nanoTime();
    WriteSupport.sql(redshift, "create table " + t + " (id int)");
    WriteSupport.sql(redshift, "insert into " + t + " values (1), (2)");
    Map<String, String> o = new LinkedHashMap<>(WriteSupport.options(redshift));
    String arn = o.remove("secretArn");
    // arn:aws:secretsmanager:<region>:<account>:secret:<name>-<6 random characters>
    String name = arn.substring(arn.indexOf(":secret:") + 8, arn.length() - 7);
    o.put("secret.id", name);
    o.put("dbtable", t);
    redshift.dataApi().requests().clear();
    assertEquals(2, spark.read().format("redshift-data").options(o).load().count());
    assertTrue(
        redshift.dataApi().requests().operation("ExecuteStatement").stream().allMatch(r -> r.ok()),
        "every statement ran with the secret's name");

    o.put("secret.id", name + "-missing");
    Exception e =
        assertThrows(
            Exception.class, () -> spark.read().format("redshift-data").options(o).load().count());
    assertTrue(
        String.valueOf(e.getMessage()).contains("Secrets Manager can't find the specified secret"),
        String.valueOf(e.getMessage()));
  }

  @Test
  void aPeerNameAndTheConnectorsNameDisagreeingFailsBeforeAnyStatement() {
    Map<String, String> options = peerOptions();
    options.put("iamRole", "arn:aws:iam::123456789012:role/other");
    Exception e =
        assertThrows(
            Exception.class,
            () ->
                spark
                    .range(0, 3)
                    .write()
                    .format("redshift-data")
                    .options(options)
                    .option("dbtable", "peer_conflict_" + System.nanoTime())
                    .mode(SaveMode.Append)
                    .save());
    assertTrue(e.getMessage().contains("'aws_iam_role' and 'iamRole'"), e.getMessage());
    assertEquals(List.of(), redshift.dataApi().requests().all(), "no call reached the Data API");
  }
}
