package dev.redshiftdata.spark.amazonml;

import static dev.redshiftdata.spark.amazonml.AmazonMlTestSupport.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.redshiftdata.local.LocalRedshift;
import dev.redshiftdata.local.junit.LocalRedshiftExtension;
import dev.redshiftdata.spark.SharedSpark;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The request specs a write publishes: both kinds with train/evaluation splits checked field by
 * field, the Redshift form's query run against the table, the Redshift form refused for a
 * serverless workgroup while the S3 form works, {@code amazonMl.s3Only}, the default layout under
 * tempdir, and no secret in any emitted file.
 */
@ExtendWith(LocalRedshiftExtension.class)
class AmazonMlSpecsIT {

  private static final String ROLE = "arn:aws:iam::123456789012:role/amazon-ml";

  private static LocalRedshift redshift;
  private final SparkSession spark = SharedSpark.session();

  @BeforeAll
  static void start() {
    redshift = AmazonMlTestSupport.redshift();
  }

  @BeforeEach
  void clear() {
    redshift.dataApi().requests().clear();
  }

  private void write(Map<String, String> base, Dataset<Row> df, String table, String... extra) {
    var w =
        df.write()
            .format("redshift-data")
            .options(base)
            .option("dbtable", table)
            .mode(SaveMode.Append);
    for (int i = 0; i < extra.length; i += 2) {
      w = w.option(extra[i], extra[i + 1]);
    }
    w.save();
  }

  private Dataset<Row> churn(int n) {
    return spark
        .range(0, n, 1, 2)
        .selectExpr(
            "id",
            "case when id % 3 = 0 then 'gold' else 'basic' end as Plan",
            "cast(id * 1.5 as double) as spend",
            "id % 2 = 0 as churned");
  }

  @Test
  void bothKindsWithSplitsPublishSixSpecsCheckedFieldByField() throws Exception {
    String folder = folder(redshift, "both");
    String table = "aml_both_" + System.nanoTime();
    String id = "churn-" + System.nanoTime();
    write(
        options(redshift),
        churn(200),
        table,
        "amazonMl.datasource",
        "both",
        "amazonMl.location",
        folder + "data/",
        "amazonMl.targetAttribute",
        "churned",
        "amazonMl.roleArn",
        ROLE,
        "amazonMl.trainPercent",
        "70",
        "amazonMl.computeStatistics",
        "false",
        "amazonMl.dataSourceId",
        id);

    Map<String, String> files = files(spark, folder);
    Set<String> names = new TreeSet<>(files.keySet());
    names.removeIf(n -> n.startsWith("data/part-"));
    assertEquals(
        new TreeSet<>(
            List.of(
                "data.schema.json",
                "data.redshift.schema.json",
                "data." + id + ".s3.CreateDataSourceFromS3.json",
                "data." + id + ".s3.train.CreateDataSourceFromS3.json",
                "data." + id + ".s3.evaluation.CreateDataSourceFromS3.json",
                "data." + id + ".redshift.CreateDataSourceFromRedshift.json",
                "data." + id + ".redshift.train.CreateDataSourceFromRedshift.json",
                "data." + id + ".redshift.evaluation.CreateDataSourceFromRedshift.json")),
        names);
    assertEquals(2, files.keySet().stream().filter(n -> n.startsWith("data/part-")).count());
    long csvRows =
        files.entrySet().stream()
            .filter(e -> e.getKey().startsWith("data/part-"))
            .mapToLong(e -> e.getValue().split("\n").length - 1) // minus the header
            .sum();
    assertEquals(200, csvRows);

    String s3Folder = folder.replace("s3a://", "s3://");
    JsonNode train = json(files.get("data." + id + ".s3.train.CreateDataSourceFromS3.json"));
    assertEquals(id + ".s3.train", train.get("DataSourceId").asText());
    assertEquals(
        "redshift-data \"" + table + "\" (S3) (train 0-70%)", train.get("DataSourceName").asText());
    assertEquals(s3Folder + "data/", train.at("/DataSpec/DataLocationS3").asText());
    assertEquals(
        s3Folder + "data.schema.json", train.at("/DataSpec/DataSchemaLocationS3").asText());
    assertEquals(
        "{\"splitting\":{\"percentBegin\":0,\"percentEnd\":70}}",
        train.at("/DataSpec/DataRearrangement").asText());
    assertFalse(train.get("ComputeStatistics").asBoolean());

    JsonNode eval =
        json(files.get("data." + id + ".redshift.evaluation.CreateDataSourceFromRedshift.json"));
    assertEquals(id + ".redshift.evaluation", eval.get("DataSourceId").asText());
    assertEquals(
        "redshift-data \"" + table + "\" (Redshift) (evaluation 70-100%)",
        eval.get("DataSourceName").asText());
    JsonNode spec = eval.get("DataSpec");
    assertEquals("dev", spec.at("/DatabaseInformation/DatabaseName").asText());
    assertEquals(
        redshift.connectionInfo().clusterIdentifier(),
        spec.at("/DatabaseInformation/ClusterIdentifier").asText());
    assertEquals(2, spec.get("DatabaseInformation").size());
    String select = spec.get("SelectSqlQuery").asText();
    assertEquals("SELECT \"id\", \"plan\", \"spend\", \"churned\" FROM \"" + table + "\"", select);
    assertEquals(
        "s3://" + redshift.config().bucket() + "/tmp/amazonml/" + id + ".redshift-staging/",
        spec.get("S3StagingLocation").asText());
    assertEquals(s3Folder + "data.redshift.schema.json", spec.get("DataSchemaUri").asText());
    assertEquals(
        "{\"splitting\":{\"percentBegin\":70,\"percentEnd\":100}}",
        spec.get("DataRearrangement").asText());
    assertFalse(spec.has("DatabaseCredentials"));
    assertFalse(spec.has("DataSchema"));
    assertEquals(5, spec.size(), spec.toString());
    assertEquals(ROLE, eval.get("RoleARN").asText());
    assertFalse(eval.get("ComputeStatistics").asBoolean());
    assertEquals(5, eval.size(), eval.toString());

    // The query Amazon ML would run selects exactly the rows written.
    assertEquals(200, query(redshift, select).size());

    JsonNode s3Schema = json(files.get("data.schema.json"));
    JsonNode rsSchema = json(files.get("data.redshift.schema.json"));
    assertTrue(s3Schema.get("dataFileContainsHeader").asBoolean());
    assertFalse(rsSchema.get("dataFileContainsHeader").asBoolean());
    assertEquals(s3Schema.get("attributes"), rsSchema.get("attributes"));
    List<String> types = new ArrayList<>();
    for (JsonNode a : s3Schema.get("attributes")) {
      types.add(a.get("attributeName").asText() + "=" + a.get("attributeType").asText());
    }
    assertEquals(
        List.of("id=NUMERIC", "plan=CATEGORICAL", "spend=NUMERIC", "churned=BINARY"), types);
    String header =
        files.entrySet().stream()
            .filter(e -> e.getKey().startsWith("data/part-"))
            .findFirst()
            .orElseThrow()
            .getValue()
            .split("\n")[0];
    assertEquals("id,plan,spend,churned", header);

    assertNoSecret(files);
    assertEquals(Map.of(), tempdirFiles(spark, redshift));
  }

  private static void assertNoSecret(Map<String, String> files) {
    List<String> secrets = new ArrayList<>();
    secrets.add(redshift.config().secretAccessKey());
    redshift.config().users().forEach(u -> secrets.add(u.password()));
    for (Map.Entry<String, String> f : files.entrySet()) {
      for (String s : secrets) {
        assertFalse(f.getValue().contains(s), f.getKey() + " holds a secret");
      }
      assertFalse(f.getValue().contains("Password"), f.getKey());
    }
  }

  @Test
  void anInlineSchemaGoesIntoTheRedshiftSpec() throws Exception {
    String folder = folder(redshift, "inline");
    String table = "aml_inline_" + System.nanoTime();
    write(
        options(redshift),
        churn(20),
        table,
        "amazonMl.datasource",
        "redshift",
        "amazonMl.location",
        folder + "data/",
        "amazonMl.targetAttribute",
        "churned",
        "amazonMl.roleArn",
        ROLE,
        "amazonMl.inlineSchema",
        "true",
        "amazonMl.dataSourceId",
        "inline");
    Map<String, String> files = files(spark, folder);
    // Only the Redshift form: no CSV published, no schema file.
    assertEquals(Set.of("data.inline.CreateDataSourceFromRedshift.json"), files.keySet());
    JsonNode spec = json(files.get("data.inline.CreateDataSourceFromRedshift.json"));
    assertEquals("inline", spec.get("DataSourceId").asText());
    JsonNode schema = json(spec.at("/DataSpec/DataSchema").asText());
    assertEquals("churned", schema.get("targetAttributeName").asText());
    assertFalse(schema.get("dataFileContainsHeader").asBoolean());
    assertEquals(4, schema.get("attributes").size());
    assertFalse(spec.get("DataSpec").has("DataSchemaUri"));
    assertNoSecret(files);
  }

  @Test
  void aWorkgroupRefusesTheRedshiftFormAndStillEmitsTheS3Form() throws Exception {
    Map<String, String> serverless = new java.util.HashMap<>(options(redshift));
    serverless.remove("clusterIdentifier");
    serverless.put("workgroupName", redshift.connectionInfo().workgroupName());
    String folder = folder(redshift, "serverless");
    String table = "aml_serverless_" + System.nanoTime();
    Exception e =
        assertThrows(
            Exception.class,
            () ->
                write(
                    serverless,
                    churn(10),
                    table,
                    "amazonMl.datasource",
                    "redshift",
                    "amazonMl.location",
                    folder + "data/",
                    "amazonMl.targetAttribute",
                    "churned",
                    "amazonMl.roleArn",
                    ROLE));
    String m = messages(e);
    assertTrue(m.contains("CreateDataSourceFromRedshift"), m);
    assertTrue(m.contains("DataSpec.DatabaseInformation.ClusterIdentifier"), m);
    assertTrue(m.contains("(option 'clusterIdentifier') is required"), m);
    assertTrue(m.contains("provisioned clusters, not serverless workgroups"), m);
    assertEquals(0, redshift.dataApi().requests().count("BatchExecuteStatement"));
    assertEquals(Map.of(), files(spark, folder));

    write(
        serverless,
        churn(10),
        table,
        "amazonMl.datasource",
        "s3",
        "amazonMl.location",
        folder + "data/",
        "amazonMl.targetAttribute",
        "churned",
        "amazonMl.dataSourceId",
        "serverless");
    // The table lives in the workgroup's database: the COPY ran there.
    assertEquals(1, redshift.dataApi().requests().count("BatchExecuteStatement"));
    assertTrue(
        files(spark, folder).containsKey("data.serverless.CreateDataSourceFromS3.json"),
        files(spark, folder).keySet().toString());
  }

  @Test
  void s3OnlyWritesTheDatasourceAndNothingToRedshift() throws Exception {
    String folder = folder(redshift, "s3only");
    String table = "aml_s3only_" + System.nanoTime();
    write(
        options(redshift),
        churn(30),
        table,
        "amazonMl.datasource",
        "s3",
        "amazonMl.s3Only",
        "true",
        "amazonMl.location",
        folder + "data/",
        "amazonMl.targetAttribute",
        "Churned",
        "amazonMl.dataSourceId",
        "only");
    assertEquals(0, redshift.dataApi().requests().count("BatchExecuteStatement"));
    assertTrue(
        redshift.dataApi().requests().sqls().stream()
            .noneMatch(s -> s.startsWith("COPY") || s.startsWith("CREATE")),
        redshift.dataApi().requests().sqls().toString());
    Map<String, String> files = files(spark, folder);
    // The DataFrame's own column names, in its order.
    String csv =
        files.entrySet().stream()
            .filter(e -> e.getKey().startsWith("data/part-"))
            .findFirst()
            .orElseThrow()
            .getValue();
    assertTrue(csv.startsWith("id,Plan,spend,churned\n0,gold,0,1\n1,basic,1.5,0\n"), csv);
    assertEquals(
        "churned", json(files.get("data.schema.json")).get("targetAttributeName").asText());
    assertTrue(
        files.containsKey("data.only.CreateDataSourceFromS3.json"), files.keySet().toString());
    assertEquals(Map.of(), tempdirFiles(spark, redshift));
  }

  @Test
  void withoutALocationTheDatasourceGoesUnderTempdir() throws Exception {
    String table = "aml_default_" + System.nanoTime();
    String root = redshift.tempdir() + "amazonml/";
    delete(spark, root);
    try {
      write(
          options(redshift),
          churn(10),
          table,
          "amazonMl.datasource",
          "s3",
          "amazonMl.targetAttribute",
          "churned");
      Map<String, String> files = files(spark, root);
      String specName =
          files.keySet().stream()
              .filter(n -> n.endsWith(".CreateDataSourceFromS3.json"))
              .findFirst()
              .orElseThrow();
      // rd-<32 hex>/ data, rd-<32 hex>.schema.json and rd-<32 hex>.rd-<32 hex>.<Operation>.json
      String id = specName.substring(0, specName.indexOf('.'));
      assertTrue(id.matches("rd-[0-9a-f]{32}"), id);
      assertEquals(id, json(files.get(specName)).get("DataSourceId").asText());
      assertTrue(files.containsKey(id + ".schema.json"), files.keySet().toString());
      assertTrue(
          files.keySet().stream()
              .allMatch(n -> n.startsWith(id + "/part-") || n.startsWith(id + ".")),
          files.keySet().toString());
    } finally {
      delete(spark, root);
    }
  }
}
