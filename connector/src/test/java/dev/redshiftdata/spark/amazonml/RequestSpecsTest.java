package dev.redshiftdata.spark.amazonml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.sql.TableName;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestSpecsTest {

  private static final DataSchema SCHEMA =
      new DataSchema(
          "label",
          null,
          null,
          true,
          List.of(
              new DataSchema.Attribute("id", AttributeType.NUMERIC),
              new DataSchema.Attribute("label", AttributeType.BINARY)),
          List.of());

  static EmissionPlan plan(String... pairs) {
    RedshiftOptions o = AmazonMlTestOptions.parse(pairs);
    return EmissionPlan.of(
        o.amazonMl(),
        o.connection().target(),
        "s3a://bucket/tmp",
        TableName.of("sales", "Churn \"x\""),
        List.of("id", "label"),
        "rd-0123");
  }

  private static JsonNode json(String s) throws Exception {
    return new ObjectMapper().readTree(s);
  }

  @Test
  void anS3SpecIsTheExactRequestBody() throws Exception {
    List<RequestSpec> specs =
        RequestSpecs.build(plan("amazonMl.location", "s3a://b/ml/churn/"), SCHEMA);
    assertEquals(1, specs.size());
    RequestSpec s = specs.get(0);
    assertEquals(RequestSpec.Kind.S3, s.kind());
    assertEquals("rd-0123", s.dataSourceId());
    assertEquals("s3a://b/ml/churn.rd-0123.CreateDataSourceFromS3.json", s.location());
    JsonNode j = json(s.json());
    assertEquals(
        "{\"DataSourceId\":\"rd-0123\",\"DataSourceName\":\"redshift-data \\\"sales\\\".\\\"Churn"
            + " \\\"\\\"x\\\"\\\"\\\"\",\"DataSpec\":{\"DataLocationS3\":\"s3://b/ml/churn/\","
            + "\"DataSchemaLocationS3\":\"s3://b/ml/churn.schema.json\"},\"ComputeStatistics\":true}",
        j.toString());
  }

  @Test
  void aRedshiftSpecSelectsTheWrittenColumnsAndCarriesNoCredentials() throws Exception {
    List<RequestSpec> specs =
        RequestSpecs.build(
            plan(
                "amazonMl.datasource", "redshift",
                "amazonMl.roleArn", "arn:aws:iam::1:role/ml",
                "amazonMl.dataSourceId", "churn",
                "amazonMl.dataSourceName", "Churn",
                "amazonMl.computeStatistics", "false"),
            SCHEMA);
    assertEquals(1, specs.size());
    RequestSpec s = specs.get(0);
    assertEquals(RequestSpec.Kind.REDSHIFT, s.kind());
    assertEquals(
        "s3a://bucket/tmp/amazonml/churn.churn.CreateDataSourceFromRedshift.json", s.location());
    assertEquals(
        "{\"DataSourceId\":\"churn\",\"DataSourceName\":\"Churn\",\"DataSpec\":{"
            + "\"DatabaseInformation\":{\"DatabaseName\":\"dev\",\"ClusterIdentifier\":\"my-cluster\"},"
            + "\"SelectSqlQuery\":\"SELECT \\\"id\\\", \\\"label\\\" FROM \\\"sales\\\".\\\"Churn \\\"\\\"x\\\"\\\"\\\"\","
            + "\"S3StagingLocation\":\"s3://bucket/tmp/amazonml/churn.redshift-staging/\","
            + "\"DataSchemaUri\":\"s3://bucket/tmp/amazonml/churn.redshift.schema.json\"},"
            + "\"RoleARN\":\"arn:aws:iam::1:role/ml\",\"ComputeStatistics\":false}",
        json(s.json()).toString());
    assertFalse(s.json().contains("DatabaseCredentials"));
  }

  @Test
  void anInlineSchemaHasNoHeaderLine() throws Exception {
    RequestSpec s =
        RequestSpecs.build(
                plan(
                    "amazonMl.datasource", "redshift",
                    "amazonMl.roleArn", "arn:aws:iam::1:role/ml",
                    "amazonMl.inlineSchema", "true"),
                SCHEMA)
            .get(0);
    JsonNode spec = json(s.json()).get("DataSpec");
    assertFalse(spec.has("DataSchemaUri"));
    JsonNode schema = json(spec.get("DataSchema").asText());
    assertFalse(schema.get("dataFileContainsHeader").asBoolean());
    assertEquals("label", schema.get("targetAttributeName").asText());
  }

  @Test
  void splitsAndBothKindsGetTheirOwnIdsNamesAndRearrangements() throws Exception {
    List<RequestSpec> specs =
        RequestSpecs.build(
            plan(
                "amazonMl.datasource", "both",
                "amazonMl.roleArn", "arn:aws:iam::1:role/ml",
                "amazonMl.dataSourceId", "c",
                "amazonMl.dataSourceName", "C",
                "amazonMl.trainPercent", "70"),
            SCHEMA);
    assertEquals(
        List.of(
            "c.s3",
            "c.s3.train",
            "c.s3.evaluation",
            "c.redshift",
            "c.redshift.train",
            "c.redshift.evaluation"),
        specs.stream().map(RequestSpec::dataSourceId).toList());
    assertEquals(
        List.of(
            "C (S3)",
            "C (S3) (train 0-70%)",
            "C (S3) (evaluation 70-100%)",
            "C (Redshift)",
            "C (Redshift) (train 0-70%)",
            "C (Redshift) (evaluation 70-100%)"),
        specs.stream().map(s -> readName(s)).toList());
    JsonNode train = json(specs.get(4).json()).get("DataSpec");
    assertEquals(
        "{\"splitting\":{\"percentBegin\":0,\"percentEnd\":70}}",
        train.get("DataRearrangement").asText());
    JsonNode eval = json(specs.get(2).json()).get("DataSpec");
    assertEquals(
        "{\"splitting\":{\"percentBegin\":70,\"percentEnd\":100}}",
        eval.get("DataRearrangement").asText());
    assertFalse(json(specs.get(0).json()).get("DataSpec").has("DataRearrangement"));
    SpecValidation.checkAll(specs);
  }

  private static String readName(RequestSpec s) {
    try {
      return json(s.json()).get("DataSourceName").asText();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
