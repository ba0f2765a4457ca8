package dev.redshiftdata.spark.amazonml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every rule of Amazon ML's request constraints, each failing with the field, option and rule. */
class SpecValidationTest {

  private static final String S3_OK =
      "{\"DataSourceId\":\"ds\",\"DataSourceName\":\"n\",\"DataSpec\":{"
          + "\"DataLocationS3\":\"s3://b/ml/data/\",\"DataSchemaLocationS3\":\"s3://b/ml/data.schema.json\"},"
          + "\"ComputeStatistics\":true}";

  private static final String RS_OK =
      "{\"DataSourceId\":\"ds\",\"DataSourceName\":\"n\",\"DataSpec\":{"
          + "\"DatabaseInformation\":{\"DatabaseName\":\"dev\",\"ClusterIdentifier\":\"my-cluster\"},"
          + "\"SelectSqlQuery\":\"SELECT 1\",\"S3StagingLocation\":\"s3://b/staging/\","
          + "\"DataSchemaUri\":\"s3://b/ml/data.schema.json\"},"
          + "\"RoleARN\":\"arn:aws:iam::1:role/ml\",\"ComputeStatistics\":true}";

  private static String s3Error(String from, String to) {
    return error(new RequestSpec(RequestSpec.Kind.S3, "ds", null, S3_OK.replace(from, to)));
  }

  private static String rsError(String from, String to) {
    return error(new RequestSpec(RequestSpec.Kind.REDSHIFT, "ds", null, RS_OK.replace(from, to)));
  }

  private static String error(RequestSpec spec) {
    return assertThrows(IllegalArgumentException.class, () -> SpecValidation.check(spec))
        .getMessage();
  }

  @Test
  void validSpecsPass() {
    SpecValidation.check(new RequestSpec(RequestSpec.Kind.S3, "ds", null, S3_OK));
    SpecValidation.check(new RequestSpec(RequestSpec.Kind.REDSHIFT, "ds", null, RS_OK));
    // 64 characters, every allowed character class
    SpecValidation.check(
        new RequestSpec(
            RequestSpec.Kind.S3,
            "ds",
            null,
            S3_OK.replace("\"ds\"", "\"" + "aZ09_.-".repeat(9) + "a\"")));
  }

  @Test
  void dataSourceIdIsOneToSixtyFourAllowedCharacters() {
    String rule =
        " (option 'amazonMl.dataSourceId') must be 1 to 64 characters of a-z, A-Z, 0-9, _, . and -.";
    assertEquals(
        "Cannot emit Amazon ML request CreateDataSourceFromS3 'ds': DataSourceId 'a b'" + rule,
        s3Error("\"DataSourceId\":\"ds\"", "\"DataSourceId\":\"a b\""));
    assertEquals(
        "Cannot emit Amazon ML request CreateDataSourceFromS3 'ds': DataSourceId ''" + rule,
        s3Error("\"DataSourceId\":\"ds\"", "\"DataSourceId\":\"\""));
    String long65 = "x".repeat(65);
    assertEquals(
        "Cannot emit Amazon ML request CreateDataSourceFromS3 'ds': DataSourceId '"
            + long65
            + "'"
            + rule,
        s3Error("\"DataSourceId\":\"ds\"", "\"DataSourceId\":\"" + long65 + "\""));
  }

  @Test
  void dataSourceNameIsAtMost1024AndNotBlank() {
    assertEquals(
        "Cannot emit Amazon ML request CreateDataSourceFromS3 'ds': DataSourceName '1025 characters'"
            + " (option 'amazonMl.dataSourceName') must be at most 1024 characters long.",
        s3Error("\"n\"", "\"" + "n".repeat(1025) + "\""));
    assertEquals(
        "Cannot emit Amazon ML request CreateDataSourceFromS3 'ds': DataSourceName '  '"
            + " (option 'amazonMl.dataSourceName') must be not only white space.",
        s3Error("\"n\"", "\"  \""));
  }

  @Test
  void s3LocationsAreS3UrlsAndTheDataLocationAPrefix() {
    assertEquals(
        "Cannot emit Amazon ML request CreateDataSourceFromS3 'ds': DataSpec.DataLocationS3"
            + " 's3://b/ml/data' (option 'amazonMl.location') must be a prefix ending in / (Amazon"
            + " ML reads every file under it).",
        s3Error("s3://b/ml/data/", "s3://b/ml/data"));
    assertEquals(
        "Cannot emit Amazon ML request CreateDataSourceFromS3 'ds': DataSpec.DataLocationS3"
            + " 's3a://b/ml/data/' (option 'amazonMl.location') must be an s3://bucket/key URL of"
            + " at most 2048 characters.",
        s3Error("s3://b/ml/data/", "s3a://b/ml/data/"));
    assertEquals(
        "Cannot emit Amazon ML request CreateDataSourceFromS3 'ds': DataSpec.DataSchemaLocationS3"
            + " 's3:///x' (option 'amazonMl.location') must be an s3://bucket/key URL of at most"
            + " 2048 characters.",
        s3Error("s3://b/ml/data.schema.json", "s3:///x"));
    String longUrl = "s3://b/" + "k".repeat(2042) + "/";
    assertEquals(true, s3Error("s3://b/ml/data/", longUrl).contains("of at most 2048 characters"));
    assertEquals(
        "Cannot emit Amazon ML request CreateDataSourceFromRedshift 'ds':"
            + " DataSpec.S3StagingLocation 's3://b/staging' (option 'amazonMl.s3StagingLocation')"
            + " must be a prefix ending in / (Amazon ML reads every file under it).",
        rsError("s3://b/staging/", "s3://b/staging"));
    assertEquals(
        "Cannot emit Amazon ML request CreateDataSourceFromRedshift 'ds': DataSpec.DataSchemaUri"
            + " 'b/ml/data.schema.json' (option 'amazonMl.location') must be an s3://bucket/key"
            + " URL of at most 2048 characters.",
        rsError("s3://b/ml/data.schema.json", "b/ml/data.schema.json"));
  }

  @Test
  void roleArnIsRequiredAndAtMost110() {
    assertEquals(
        "Cannot emit Amazon ML request CreateDataSourceFromRedshift 'ds': RoleARN (option"
            + " 'amazonMl.roleArn') is required: Amazon ML assumes this role to read the cluster.",
        rsError(",\"RoleARN\":\"arn:aws:iam::1:role/ml\"", ""));
    assertEquals(
        "Cannot emit Amazon ML request CreateDataSourceFromRedshift 'ds': RoleARN '111 characters'"
            + " (option 'amazonMl.roleArn') must be 1 to 110 characters long.",
        rsError("arn:aws:iam::1:role/ml", "r".repeat(111)));
  }

  @Test
  void theRedshiftFormNeedsAProvisionedClusterAndALowerCaseDatabaseName() {
    assertEquals(
        "Cannot emit Amazon ML request CreateDataSourceFromRedshift 'ds':"
            + " DataSpec.DatabaseInformation.ClusterIdentifier (option 'clusterIdentifier') is"
            + " required: Amazon ML reads only provisioned clusters, not serverless workgroups;"
            + " emit 'amazonMl.datasource' s3 for a workgroup.",
        rsError("\"my-cluster\"", "null"));
    assertEquals(
        "Cannot emit Amazon ML request CreateDataSourceFromRedshift 'ds':"
            + " DataSpec.DatabaseInformation.ClusterIdentifier 'My_Cluster' (option"
            + " 'clusterIdentifier') must be 1 to 63 characters of a-z, 0-9 and -.",
        rsError("my-cluster", "My_Cluster"));
    for (String bad : new String[] {"dev_db", "Dev", "dév", ""}) {
      assertEquals(
          "Cannot emit Amazon ML request CreateDataSourceFromRedshift 'ds':"
              + " DataSpec.DatabaseInformation.DatabaseName '"
              + bad
              + "' (option 'database') must be 1 to 64 lower-case letters and digits only (Amazon"
              + " ML's rule, stricter than Redshift's); emit 'amazonMl.datasource' s3 for this"
              + " database.",
          rsError("\"DatabaseName\":\"dev\"", "\"DatabaseName\":\"" + bad + "\""));
    }
    assertEquals(
        "Cannot emit Amazon ML request CreateDataSourceFromRedshift 'ds': DataSpec.SelectSqlQuery"
            + " '0 characters' (option 'dbtable') must be 1 to 16777216 characters long.",
        rsError("SELECT 1", ""));
  }

  @Test
  void anInlineSchemaIsJsonOfAtMost131071Characters() {
    String inline = "\"DataSchema\":\"{\\\"version\\\":\\\"1.0\\\"}\"";
    SpecValidation.check(
        new RequestSpec(
            RequestSpec.Kind.REDSHIFT,
            "ds",
            null,
            RS_OK.replace("\"DataSchemaUri\":\"s3://b/ml/data.schema.json\"", inline)));
    String big = "\"DataSchema\":\"" + "x".repeat(131_072) + "\"";
    assertEquals(
        "Cannot emit Amazon ML request CreateDataSourceFromRedshift 'ds': DataSpec.DataSchema"
            + " '131072 characters' (option 'amazonMl.inlineSchema') must be 1 to 131071"
            + " characters long.",
        rsError("\"DataSchemaUri\":\"s3://b/ml/data.schema.json\"", big));
  }

  @Test
  void dataRearrangementIsJsonWithZeroToHundredBeginBeforeEnd() {
    RequestSpec spec = new RequestSpec(RequestSpec.Kind.S3, "ds", null, S3_OK);
    SpecValidation.rearrangement(RequestSpecs.rearrangement(0, 100), spec);
    SpecValidation.rearrangement(RequestSpecs.rearrangement(99, 100), spec);
    for (String bad :
        List.of(
            RequestSpecs.rearrangement(-1, 50),
            RequestSpecs.rearrangement(50, 50),
            RequestSpecs.rearrangement(60, 40),
            RequestSpecs.rearrangement(0, 101),
            "{\"splitting\":{\"percentBegin\":\"0\",\"percentEnd\":70}}",
            "{\"splitting\":{}}")) {
      String m =
          assertThrows(
                  IllegalArgumentException.class, () -> SpecValidation.rearrangement(bad, spec))
              .getMessage();
      assertEquals(
          "Cannot emit Amazon ML request CreateDataSourceFromS3 'ds': DataSpec.DataRearrangement '"
              + bad
              + "' (option 'amazonMl.trainPercent') must be"
              + " {\"splitting\":{\"percentBegin\":b,\"percentEnd\":e}} with integers 0 <= b < e"
              + " <= 100.",
          m);
    }
    String m =
        assertThrows(
                IllegalArgumentException.class,
                () -> SpecValidation.rearrangement("{splitting", spec))
            .getMessage();
    assertEquals(
        true,
        m.startsWith(
            "Cannot emit Amazon ML request CreateDataSourceFromS3 'ds': DataSpec.DataRearrangement"
                + " '{splitting' (option 'amazonMl.trainPercent') must be a JSON object ("),
        m);
  }

  @Test
  void theSchemaMustListTheCsvColumnsInOrder() {
    DataSchema schema =
        new DataSchema(
            "b",
            null,
            null,
            true,
            List.of(
                new DataSchema.Attribute("a", AttributeType.NUMERIC),
                new DataSchema.Attribute("b", AttributeType.BINARY)),
            List.of());
    SpecValidation.schemaMatchesHeader(schema, List.of("a", "b"));
    assertEquals(
        "Cannot emit the Amazon ML schema: its attributes [a, b] are not the CSV columns [b, a]"
            + " (Amazon ML needs the same count and order).",
        assertThrows(
                IllegalArgumentException.class,
                () -> SpecValidation.schemaMatchesHeader(schema, List.of("b", "a")))
            .getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> SpecValidation.schemaMatchesHeader(schema, List.of("a", "b", "c")));
  }

  @Test
  void idsMustBeUniqueAcrossSpecs() {
    RequestSpec s = new RequestSpec(RequestSpec.Kind.S3, "ds", null, S3_OK);
    assertEquals(
        "Cannot emit Amazon ML request specs: two share DataSourceId 'ds'; each datasource needs"
            + " its own id.",
        assertThrows(IllegalArgumentException.class, () -> SpecValidation.checkAll(List.of(s, s)))
            .getMessage());
  }

  @Test
  void theLayoutNeedsAKeyAndKeepsStagingOutOfTheDataPrefix() {
    assertEquals(
        "Cannot emit an Amazon ML datasource: the data location 's3a://b/' (option"
            + " 'amazonMl.location') must be a prefix inside a bucket, s3://bucket/prefix/, since"
            + " the schema and spec files go beside it.",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    SpecValidation.checkLayout(
                        RequestSpecsTest.plan("amazonMl.location", "s3a://b/")))
            .getMessage());
    assertEquals(
        "Cannot emit an Amazon ML datasource: S3StagingLocation 's3://b/ml/x/stage/' (option"
            + " 'amazonMl.s3StagingLocation') is inside the data location 's3a://b/ml/x/', which"
            + " must hold only the CSV files. Use another prefix.",
        assertThrows(
                IllegalArgumentException.class,
                () ->
                    SpecValidation.checkLayout(
                        RequestSpecsTest.plan(
                            "amazonMl.datasource", "redshift",
                            "amazonMl.location", "s3a://b/ml/x/",
                            "amazonMl.s3StagingLocation", "s3://b/ml/x/stage/")))
            .getMessage());
    SpecValidation.checkLayout(RequestSpecsTest.plan("amazonMl.location", "s3a://b/ml/x/"));
  }
}
