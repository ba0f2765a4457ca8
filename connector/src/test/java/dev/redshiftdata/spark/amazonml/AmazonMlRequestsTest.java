package dev.redshiftdata.spark.amazonml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.machinelearning.model.CreateDataSourceFromRedshiftRequest;
import software.amazon.awssdk.services.machinelearning.model.CreateDataSourceFromS3Request;

class AmazonMlRequestsTest {

  private static final String S3_JSON =
      "{\"DataSourceId\":\"ds-1\",\"DataSourceName\":\"train\",\"ComputeStatistics\":true,"
          + "\"DataSpec\":{\"DataLocationS3\":\"s3://b/p/data/\","
          + "\"DataSchemaLocationS3\":\"s3://b/p/data.csv.schema\","
          + "\"DataRearrangement\":\"{\\\"splitting\\\":{\\\"percentBegin\\\":0,\\\"percentEnd\\\":70}}\"}}";

  private static final String REDSHIFT_JSON =
      "{\"DataSourceId\":\"ds-2\",\"DataSourceName\":\"rs\",\"RoleARN\":\"arn:aws:iam::1:role/r\","
          + "\"ComputeStatistics\":false,\"DataSpec\":{"
          + "\"DatabaseInformation\":{\"DatabaseName\":\"dev\",\"ClusterIdentifier\":\"c-1\"},"
          + "\"SelectSqlQuery\":\"SELECT \\\"a\\\" FROM \\\"public\\\".\\\"t\\\"\","
          + "\"S3StagingLocation\":\"s3://b/staging/\",\"DataSchema\":\"{\\\"version\\\":\\\"1.0\\\"}\","
          + "\"DataSchemaUri\":\"s3://b/p/s.schema\",\"DataRearrangement\":\"{}\"}}";

  private static final DatabaseCredentials CREDS =
      new DatabaseCredentials("awsuser", "Sup3r-Secret-Pw");

  @Test
  void s3SpecMapsEveryMember() {
    CreateDataSourceFromS3Request r =
        AmazonMlRequests.fromS3(new RequestSpec(RequestSpec.Kind.S3, "ds-1", null, S3_JSON));
    assertEquals("ds-1", r.dataSourceId());
    assertEquals("train", r.dataSourceName());
    assertTrue(r.computeStatistics());
    assertEquals("s3://b/p/data/", r.dataSpec().dataLocationS3());
    assertEquals("s3://b/p/data.csv.schema", r.dataSpec().dataSchemaLocationS3());
    assertEquals(
        "{\"splitting\":{\"percentBegin\":0,\"percentEnd\":70}}", r.dataSpec().dataRearrangement());
    assertNull(r.dataSpec().dataSchema());
  }

  @Test
  void redshiftSpecMapsEveryMemberAndTakesCredentialsFromTheCaller() {
    CreateDataSourceFromRedshiftRequest r =
        AmazonMlRequests.fromRedshift(
            new RequestSpec(
                RequestSpec.Kind.REDSHIFT, "ds-2", "s3a://b/p/ds-2.json", REDSHIFT_JSON),
            CREDS);
    assertEquals("ds-2", r.dataSourceId());
    assertEquals("rs", r.dataSourceName());
    assertEquals("arn:aws:iam::1:role/r", r.roleARN());
    assertFalse(r.computeStatistics());
    assertEquals("dev", r.dataSpec().databaseInformation().databaseName());
    assertEquals("c-1", r.dataSpec().databaseInformation().clusterIdentifier());
    assertEquals("SELECT \"a\" FROM \"public\".\"t\"", r.dataSpec().selectSqlQuery());
    assertEquals("s3://b/staging/", r.dataSpec().s3StagingLocation());
    assertEquals("{\"version\":\"1.0\"}", r.dataSpec().dataSchema());
    assertEquals("s3://b/p/s.schema", r.dataSpec().dataSchemaUri());
    assertEquals("{}", r.dataSpec().dataRearrangement());
    assertEquals("awsuser", r.dataSpec().databaseCredentials().username());
    assertEquals("Sup3r-Secret-Pw", r.dataSpec().databaseCredentials().password());
    assertFalse(r.toString().contains("Sup3r-Secret-Pw"), "the SDK redacts sensitive members");
  }

  @Test
  void aSpecWithCredentialsIsRefused() {
    String json =
        REDSHIFT_JSON.replace(
            "\"DataSpec\":{",
            "\"DataSpec\":{\"DatabaseCredentials\":{\"Username\":\"u\",\"Password\":\"p\"},");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                AmazonMlRequests.fromRedshift(
                    new RequestSpec(RequestSpec.Kind.REDSHIFT, "ds-2", null, json), CREDS));
    assertTrue(e.getMessage().contains("DatabaseCredentials"), e.getMessage());
  }

  @Test
  void unknownMembersAreRefusedWithThePath() {
    String json = S3_JSON.replace("\"DataSpec\":{", "\"DataSpec\":{\"DataLocation\":\"x\",");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                AmazonMlRequests.fromS3(new RequestSpec(RequestSpec.Kind.S3, "ds-1", null, json)));
    assertTrue(e.getMessage().contains("unknown member DataSpec.DataLocation"), e.getMessage());
    assertTrue(e.getMessage().contains("DataLocationS3"), e.getMessage());
  }

  @Test
  void theSpecIdMustMatchTheJsonAndTheKind() {
    IllegalArgumentException id =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                AmazonMlRequests.fromS3(
                    new RequestSpec(RequestSpec.Kind.S3, "other", null, S3_JSON)));
    assertTrue(id.getMessage().contains("has DataSourceId ds-1"), id.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () ->
            AmazonMlRequests.fromS3(
                new RequestSpec(RequestSpec.Kind.REDSHIFT, "ds-1", null, S3_JSON)));
    IllegalArgumentException notJson =
        assertThrows(
            IllegalArgumentException.class,
            () -> AmazonMlRequests.fromS3(new RequestSpec(RequestSpec.Kind.S3, "ds-1", null, "{")));
    assertTrue(notJson.getMessage().contains("not valid JSON"), notJson.getMessage());
  }

  @Test
  void wrongMemberTypesAreRefused() {
    String json = S3_JSON.replace("\"ComputeStatistics\":true", "\"ComputeStatistics\":\"yes\"");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                AmazonMlRequests.fromS3(new RequestSpec(RequestSpec.Kind.S3, "ds-1", null, json)));
    assertTrue(e.getMessage().contains("ComputeStatistics must be a boolean"), e.getMessage());
  }
}
