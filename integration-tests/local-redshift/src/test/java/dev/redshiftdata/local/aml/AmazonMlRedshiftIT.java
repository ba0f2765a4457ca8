package dev.redshiftdata.local.aml;

import static dev.redshiftdata.local.aml.AmazonMlTestSupport.BUCKET;
import static dev.redshiftdata.local.aml.AmazonMlTestSupport.REDSHIFT;
import static dev.redshiftdata.local.aml.AmazonMlTestSupport.ROLE;
import static dev.redshiftdata.local.aml.AmazonMlTestSupport.admin;
import static dev.redshiftdata.local.aml.AmazonMlTestSupport.await;
import static dev.redshiftdata.local.aml.AmazonMlTestSupport.client;
import static dev.redshiftdata.local.aml.AmazonMlTestSupport.exists;
import static dev.redshiftdata.local.aml.AmazonMlTestSupport.put;
import static dev.redshiftdata.local.aml.AmazonMlTestSupport.schema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.machinelearning.MachineLearningClient;
import software.amazon.awssdk.services.machinelearning.model.CreateDataSourceFromRedshiftRequest;
import software.amazon.awssdk.services.machinelearning.model.EntityStatus;
import software.amazon.awssdk.services.machinelearning.model.GetDataSourceResponse;
import software.amazon.awssdk.services.machinelearning.model.InvalidInputException;
import software.amazon.awssdk.services.machinelearning.model.RedshiftDataSpec;

/** CreateDataSourceFromRedshift: the query is unloaded through the local Redshift and checked. */
class AmazonMlRedshiftIT {

  private static final MachineLearningClient ML = client();
  private static final String PASSWORD = "Local-Redshift-Pa55";
  private static final String SCHEMA =
      schema("label", false, "id", "CATEGORICAL", "amount", "NUMERIC", "label", "BINARY");

  @BeforeAll
  static void table() {
    admin(
        "drop table if exists aml_source",
        "create table aml_source (id varchar(10), amount double precision, label boolean)",
        "insert into aml_source values ('a', 1.5, true), ('b', null, false), ('c', 4.5, true)");
  }

  private static String id(String hint) {
    return hint + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static CreateDataSourceFromRedshiftRequest.Builder request(String id, String staging) {
    return CreateDataSourceFromRedshiftRequest.builder()
        .dataSourceId(id)
        .computeStatistics(true)
        .roleARN(ROLE)
        .dataSpec(
            RedshiftDataSpec.builder()
                .databaseInformation(d -> d.databaseName("dev").clusterIdentifier("local-cluster"))
                .selectSqlQuery("select id, amount, label from aml_source where id <> 'it''s'")
                .databaseCredentials(c -> c.username("awsuser").password(PASSWORD))
                .s3StagingLocation(staging)
                .dataSchema(SCHEMA)
                .build());
  }

  private static String staging() {
    return "s3://" + BUCKET + "/aml-redshift-it/" + UUID.randomUUID() + "/";
  }

  @Test
  void redshiftDatasourceUnloadsAndCompletes() {
    String staging = staging();
    String id = id("rs");
    ML.createDataSourceFromRedshift(request(id, staging).build());
    GetDataSourceResponse r = await(ML, id);
    assertEquals(EntityStatus.COMPLETED, r.status(), r.message());
    assertEquals("local-cluster", r.redshiftMetadata().redshiftDatabase().clusterIdentifier());
    assertEquals("dev", r.redshiftMetadata().redshiftDatabase().databaseName());
    assertEquals("awsuser", r.redshiftMetadata().databaseUserName());
    assertEquals(ROLE, r.roleARN());
    assertEquals(staging, r.dataLocationS3());
    assertEquals(1L, r.numberOfFiles());
    assertTrue(exists(staging + id + "/000"), "the UNLOAD's file is in the staging location");
    DataStatistics s = REDSHIFT.amazonMl().statistics(id).orElseThrow();
    assertEquals(3, s.observations());
    AttributeStatistics amount = s.attributes().get(1);
    assertEquals(2, amount.present());
    assertEquals(1, amount.missing());
    assertEquals(3.0, amount.mean(), 1e-9);
    assertEquals(2L, s.attributes().get(2).distinct());
  }

  @Test
  void schemaFromDataSchemaUri() {
    String staging = staging();
    put(staging + "schema.json", SCHEMA);
    String id = id("rsuri");
    ML.createDataSourceFromRedshift(
        request(id, staging)
            .dataSpec(
                request(id, staging).build().dataSpec().toBuilder()
                    .dataSchema(null)
                    .dataSchemaUri(staging + "schema.json")
                    .build())
            .build());
    GetDataSourceResponse r = await(ML, id);
    assertEquals(EntityStatus.COMPLETED, r.status(), r.message());
    assertEquals(SCHEMA, r.dataSourceSchema());
  }

  @Test
  void wrongPasswordFailsWithoutShowingIt() {
    String id = id("rspw");
    String wrong = "Wrong-Pa55word-42";
    ML.createDataSourceFromRedshift(
        request(id, staging())
            .dataSpec(
                request(id, staging()).build().dataSpec().toBuilder()
                    .databaseCredentials(c -> c.username("awsuser").password(wrong))
                    .build())
            .build());
    GetDataSourceResponse r = await(ML, id);
    assertEquals(EntityStatus.FAILED, r.status());
    assertTrue(
        r.message().contains("password authentication failed for user \"awsuser\""), r.message());
    assertFalse(r.message().contains(wrong));
    assertFalse(r.toString().contains(wrong));
  }

  @Test
  void schemaThatDoesNotMatchTheQueryFails() {
    String id = id("rsmismatch");
    String two = schema("label", false, "id", "CATEGORICAL", "label", "BINARY");
    ML.createDataSourceFromRedshift(
        request(id, staging())
            .dataSpec(request(id, staging()).build().dataSpec().toBuilder().dataSchema(two).build())
            .build());
    GetDataSourceResponse r = await(ML, id);
    assertEquals(EntityStatus.FAILED, r.status());
    assertTrue(r.message().contains("has 3 attributes; the schema has 2"), r.message());
  }

  @Test
  void failingQueryFailsWithRedshiftsError() {
    String id = id("rsbadsql");
    ML.createDataSourceFromRedshift(
        request(id, staging())
            .dataSpec(
                request(id, staging()).build().dataSpec().toBuilder()
                    .selectSqlQuery("select id, amount, label from no_such_table")
                    .build())
            .build());
    GetDataSourceResponse r = await(ML, id);
    assertEquals(EntityStatus.FAILED, r.status());
    assertTrue(r.message().contains("no_such_table"), r.message());
  }

  @Test
  void unknownClusterOrDatabaseFails() {
    String id = id("rsdb");
    ML.createDataSourceFromRedshift(
        request(id, staging())
            .dataSpec(
                request(id, staging()).build().dataSpec().toBuilder()
                    .databaseInformation(
                        d -> d.databaseName("nodb").clusterIdentifier("local-cluster"))
                    .build())
            .build());
    GetDataSourceResponse r = await(ML, id);
    assertEquals(EntityStatus.FAILED, r.status());
    assertTrue(r.message().contains("database \"nodb\" does not exist"), r.message());
  }

  static Stream<Arguments> invalidRedshiftRequests() {
    return Stream.of(
        Arguments.of(
            "database name upper case",
            (Consumer<RedshiftDataSpec.Builder>)
                s ->
                    s.databaseInformation(
                        d -> d.databaseName("Dev").clusterIdentifier("local-cluster")),
            "databaseName",
            "[a-z0-9]+"),
        Arguments.of(
            "database name underscore",
            (Consumer<RedshiftDataSpec.Builder>)
                s ->
                    s.databaseInformation(
                        d -> d.databaseName("my_db").clusterIdentifier("local-cluster")),
            "databaseName",
            "[a-z0-9]+"),
        Arguments.of(
            "cluster id pattern",
            (Consumer<RedshiftDataSpec.Builder>)
                s ->
                    s.databaseInformation(
                        d -> d.databaseName("dev").clusterIdentifier("Local_Cluster")),
            "clusterIdentifier",
            "[a-z0-9-]+"),
        Arguments.of(
            "cluster id too long",
            (Consumer<RedshiftDataSpec.Builder>)
                s ->
                    s.databaseInformation(
                        d -> d.databaseName("dev").clusterIdentifier("c".repeat(64))),
            "clusterIdentifier",
            "less than or equal to 63"),
        Arguments.of(
            "no database information",
            (Consumer<RedshiftDataSpec.Builder>)
                s ->
                    s.databaseInformation(
                        (software.amazon.awssdk.services.machinelearning.model.RedshiftDatabase)
                            null),
            "databaseInformation",
            "must not be null"),
        Arguments.of(
            "no credentials",
            (Consumer<RedshiftDataSpec.Builder>)
                s ->
                    s.databaseCredentials(
                        (software.amazon.awssdk.services.machinelearning.model
                                .RedshiftDatabaseCredentials)
                            null),
            "databaseCredentials",
            "must not be null"),
        Arguments.of(
            "short password",
            (Consumer<RedshiftDataSpec.Builder>)
                s -> s.databaseCredentials(c -> c.username("awsuser").password("short")),
            "password",
            "greater than or equal to 8"),
        Arguments.of(
            "no query",
            (Consumer<RedshiftDataSpec.Builder>) s -> s.selectSqlQuery(null),
            "selectSqlQuery",
            "must not be null"),
        Arguments.of(
            "staging not s3",
            (Consumer<RedshiftDataSpec.Builder>) s -> s.s3StagingLocation("/tmp/x"),
            "s3StagingLocation",
            "regular expression pattern"),
        Arguments.of(
            "schema uri not s3",
            (Consumer<RedshiftDataSpec.Builder>)
                s -> s.dataSchema(null).dataSchemaUri("schema.json"),
            "dataSchemaUri",
            "regular expression pattern"),
        Arguments.of(
            "no schema",
            (Consumer<RedshiftDataSpec.Builder>) s -> s.dataSchema(null),
            "DataSchema or DataSchemaUri",
            ""),
        Arguments.of(
            "bad rearrangement",
            (Consumer<RedshiftDataSpec.Builder>)
                s -> s.dataRearrangement("{\"splitting\":{\"percentBegin\":80,\"percentEnd\":20}}"),
            "percentBegin (80) must be less than percentEnd (20)",
            ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidRedshiftRequests")
  void invalidRedshiftRequestIsRejected(
      String name, Consumer<RedshiftDataSpec.Builder> change, String member, String rule) {
    String id = id("rsinvalid");
    CreateDataSourceFromRedshiftRequest base = request(id, staging()).build();
    RedshiftDataSpec.Builder spec = base.dataSpec().toBuilder();
    change.accept(spec);
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> ML.createDataSourceFromRedshift(base.toBuilder().dataSpec(spec.build()).build()));
    String message = e.awsErrorDetails().errorMessage();
    assertTrue(message.contains(member), message);
    assertTrue(message.contains(rule), message);
    assertFalse(message.contains("short'"), "the password is never echoed: " + message);
  }

  @Test
  void roleArnLengthIsChecked() {
    String id = id("rsrole");
    for (String role : new String[] {"", "r".repeat(111)}) {
      InvalidInputException e =
          assertThrows(
              InvalidInputException.class,
              () -> ML.createDataSourceFromRedshift(request(id, staging()).roleARN(role).build()));
      assertTrue(e.getMessage().contains("roleARN"), e.getMessage());
    }
  }
}
