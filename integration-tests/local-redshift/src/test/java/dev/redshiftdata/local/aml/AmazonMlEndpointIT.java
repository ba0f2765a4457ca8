package dev.redshiftdata.local.aml;

import static dev.redshiftdata.local.aml.AmazonMlTestSupport.BUCKET;
import static dev.redshiftdata.local.aml.AmazonMlTestSupport.REDSHIFT;
import static dev.redshiftdata.local.aml.AmazonMlTestSupport.await;
import static dev.redshiftdata.local.aml.AmazonMlTestSupport.client;
import static dev.redshiftdata.local.aml.AmazonMlTestSupport.put;
import static dev.redshiftdata.local.aml.AmazonMlTestSupport.schema;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.machinelearning.MachineLearningClient;
import software.amazon.awssdk.services.machinelearning.model.CreateDataSourceFromS3Request;
import software.amazon.awssdk.services.machinelearning.model.DataSourceFilterVariable;
import software.amazon.awssdk.services.machinelearning.model.DescribeDataSourcesResponse;
import software.amazon.awssdk.services.machinelearning.model.EntityStatus;
import software.amazon.awssdk.services.machinelearning.model.GetDataSourceResponse;
import software.amazon.awssdk.services.machinelearning.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.machinelearning.model.InvalidInputException;
import software.amazon.awssdk.services.machinelearning.model.ResourceNotFoundException;
import software.amazon.awssdk.services.machinelearning.model.S3DataSpec;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

/** The local Amazon ML endpoint through the real AWS SDK MachineLearningClient. */
class AmazonMlEndpointIT {

  private static final MachineLearningClient ML = client();
  private static final String SCHEMA =
      schema(
          "label",
          true,
          "id",
          "CATEGORICAL",
          "amount",
          "NUMERIC",
          "note",
          "TEXT",
          "label",
          "BINARY");

  @AfterEach
  void resetSettings() {
    REDSHIFT.amazonMl().settings().reset();
  }

  private static String prefix() {
    return "s3://" + BUCKET + "/aml-it/" + UUID.randomUUID() + "/";
  }

  private static String id(String hint) {
    return hint + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Uploads the schema and the data files; returns the data prefix. */
  private static String upload(String schema, String... files) {
    String p = prefix();
    put(p + "schema/ds.csv.schema", schema);
    for (int i = 0; i < files.length; i++) {
      put(p + "data/part-" + i + ".csv", files[i]);
    }
    return p;
  }

  private static CreateDataSourceFromS3Request.Builder s3Request(String id, String p) {
    return CreateDataSourceFromS3Request.builder()
        .dataSourceId(id)
        .dataSourceName("it " + id)
        .computeStatistics(true)
        .dataSpec(
            S3DataSpec.builder()
                .dataLocationS3(p + "data/")
                .dataSchemaLocationS3(p + "schema/ds.csv.schema")
                .build());
  }

  @Test
  void s3DatasourceCompletesWithStatistics() throws Exception {
    String file1 =
        "id,amount,note,label\na1,1.5,\"hello, world\",yes\na2,-2,\"say \"\"hi\"\"\",no\n";
    String file2 = "id,amount,note,label\r\na3,,plain,1\r\na1,6.5e0,ünïcode,0\r\n";
    String p = upload(SCHEMA, file1, file2);
    String id = id("s3ok");
    assertEquals(id, ML.createDataSourceFromS3(s3Request(id, p).build()).dataSourceId());
    GetDataSourceResponse first = ML.getDataSource(b -> b.dataSourceId(id));
    assertTrue(
        first.status() == EntityStatus.PENDING
            || first.status() == EntityStatus.INPROGRESS
            || first.status() == EntityStatus.COMPLETED);

    GetDataSourceResponse r = await(ML, id);
    assertEquals(EntityStatus.COMPLETED, r.status(), r.message());
    assertNull(r.message());
    assertEquals(2L, r.numberOfFiles());
    assertEquals(
        (long)
            (file1.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                + file2.getBytes(java.nio.charset.StandardCharsets.UTF_8).length),
        r.dataSizeInBytes());
    assertEquals(p + "data/", r.dataLocationS3());
    assertEquals("it " + id, r.name());
    assertTrue(r.computeStatistics());
    assertNotNull(r.createdAt());
    assertNotNull(r.startedAt());
    assertNotNull(r.finishedAt());
    assertEquals(SCHEMA, r.dataSourceSchema());

    DataStatistics stats = REDSHIFT.amazonMl().statistics(id).orElseThrow();
    assertEquals(4, stats.observations());
    assertEquals(0, stats.rejectedObservations());
    assertEquals(4, stats.selectedObservations());
    AttributeStatistics idStats = stats.attributes().get(0);
    assertEquals("id", idStats.name());
    assertEquals(3L, idStats.distinct());
    AttributeStatistics amount = stats.attributes().get(1);
    assertEquals(3, amount.present());
    assertEquals(1, amount.missing());
    assertEquals(-2.0, amount.min());
    assertEquals(6.5, amount.max());
    assertEquals(2.0, amount.mean(), 1e-9);
    assertEquals(4L, stats.attributes().get(3).distinct()); // yes, no, 1, 0 as written

    // The same statistics over the admin path.
    HttpResponse<String> admin =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            REDSHIFT.amazonMl().endpoint() + "/_local/amazonml/statistics/" + id))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, admin.statusCode());
    assertTrue(admin.body().contains("\"Observations\":4"), admin.body());
    assertTrue(admin.body().contains("\"AttributeName\":\"amount\""), admin.body());
  }

  @Test
  void dataRearrangementSelectsItsShareAndIsEchoed() {
    StringBuilder csv = new StringBuilder("id,amount,note,label\n");
    for (int i = 0; i < 10; i++) {
      csv.append("r").append(i).append(',').append(i).append(",t,").append(i % 2).append('\n');
    }
    String p = upload(SCHEMA, csv.toString());
    String train = id("train");
    String eval = id("eval");
    String split = "{\"splitting\":{\"percentBegin\":0,\"percentEnd\":70}}";
    String complement =
        "{\"splitting\":{\"percentBegin\":0,\"percentEnd\":70,\"complement\":true}}";
    ML.createDataSourceFromS3(
        s3Request(train, p)
            .dataSpec(
                S3DataSpec.builder()
                    .dataLocationS3(p + "data/")
                    .dataSchema(SCHEMA)
                    .dataRearrangement(split)
                    .build())
            .build());
    ML.createDataSourceFromS3(
        s3Request(eval, p)
            .dataSpec(
                S3DataSpec.builder()
                    .dataLocationS3(p + "data/")
                    .dataSchema(SCHEMA)
                    .dataRearrangement(complement)
                    .build())
            .build());
    GetDataSourceResponse t = await(ML, train);
    GetDataSourceResponse e = await(ML, eval);
    assertEquals(EntityStatus.COMPLETED, t.status(), t.message());
    assertEquals(EntityStatus.COMPLETED, e.status(), e.message());
    assertEquals(split, t.dataRearrangement());
    assertEquals(7, REDSHIFT.amazonMl().statistics(train).orElseThrow().selectedObservations());
    assertEquals(3, REDSHIFT.amazonMl().statistics(eval).orElseThrow().selectedObservations());
  }

  static Stream<Arguments> badData() {
    String h = "id,amount,note,label\n";
    return Stream.of(
        Arguments.of(
            "newline in quoted value",
            h + "a,1,\"two\nlines\",1\n",
            "line 2",
            "end-of-line character inside a double-quoted value"),
        Arguments.of(
            "carriage return in quoted value",
            h + "a,1,\"two\r\nlines\",1\n",
            "line 2",
            "end-of-line character inside"),
        Arguments.of(
            "too few attributes",
            h + "a,1,x,1\nb,2,1\n",
            "line 3",
            "has 3 attributes; the schema has 4"),
        Arguments.of(
            "too many attributes",
            h + "a,1,x,y,1\n",
            "line 2",
            "has 5 attributes; the schema has 4"),
        Arguments.of(
            "bad numeric",
            h + "a,12abc,x,1\n",
            "line 2",
            "value '12abc' of NUMERIC attribute 'amount' is not a number"),
        Arguments.of(
            "bad binary",
            h + "a,1,x,maybe\n",
            "line 2",
            "value 'maybe' of BINARY attribute 'label' is not a binary value"),
        Arguments.of(
            "unquoted double quote",
            h + "a,1,say \"hi\",1\n",
            "line 2",
            "double quote inside a value that is not enclosed"),
        Arguments.of(
            "text after closing quote",
            h + "a,1,\"x\"y,1\n",
            "line 2",
            "after the closing double quote"),
        Arguments.of(
            "unterminated last observation",
            h + "a,1,x,1",
            "line 2",
            "not terminated by an end-of-line"),
        Arguments.of(
            "unclosed quote at end of file",
            h + "a,1,\"x,1",
            "line 2",
            "not closed before the end of the file"),
        Arguments.of(
            "bare carriage return",
            h + "a,1,x,1\rb,2,y,0\n",
            "line 2",
            "carriage return not followed by a line feed"),
        Arguments.of(
            "header differs",
            "id,amount,label,note\na,1,x,1\n",
            "line 1",
            "the header names attribute 3 'label'; the schema names it 'note'"),
        Arguments.of("header only", h, "", "no observations"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badData")
  void badCsvFailsWithTheReason(String name, String csv, String where, String reason) {
    String p = upload(SCHEMA, csv);
    String id = id("bad");
    ML.createDataSourceFromS3(s3Request(id, p).build());
    GetDataSourceResponse r = await(ML, id);
    assertEquals(EntityStatus.FAILED, r.status());
    assertTrue(r.message().contains(reason), r.message());
    assertTrue(r.message().contains(where), r.message());
    assertNull(r.dataSizeInBytes());
    assertTrue(REDSHIFT.amazonMl().statistics(id).isEmpty());
  }

  @Test
  void invalidUtf8Fails() {
    String p = upload(SCHEMA, "id,amount,note,label\na,1,x,1\n");
    AmazonMlTestSupport.putBytes(
        p + "data/part-1.csv",
        new byte[] {
          'i',
          'd',
          ',',
          'a',
          'm',
          'o',
          'u',
          'n',
          't',
          ',',
          'n',
          'o',
          't',
          'e',
          ',',
          'l',
          'a',
          'b',
          'e',
          'l',
          '\n',
          'a',
          ',',
          '1',
          ',',
          (byte) 0xC3,
          ',',
          '1',
          '\n'
        });
    String id = id("utf8");
    ML.createDataSourceFromS3(s3Request(id, p).build());
    GetDataSourceResponse r = await(ML, id);
    assertEquals(EntityStatus.FAILED, r.status());
    assertTrue(
        r.message().contains("part-1.csv line 2: a value that is not UTF-8 text"), r.message());
  }

  @Test
  void observationsOverTheSizeLimitAreRejectedAndCounted() {
    REDSHIFT.amazonMl().settings().maxObservationBytes(40).maxRejectedObservations(1);
    String big = "b," + "1".repeat(40) + ",x,1\n";
    String p = upload(SCHEMA, "id,amount,note,label\na,1,x,1\n" + big + "c,3,y,0\n");
    String id = id("rejectone");
    ML.createDataSourceFromS3(s3Request(id, p).build());
    GetDataSourceResponse r = await(ML, id);
    assertEquals(EntityStatus.COMPLETED, r.status(), r.message());
    DataStatistics s = REDSHIFT.amazonMl().statistics(id).orElseThrow();
    assertEquals(2, s.observations());
    assertEquals(1, s.rejectedObservations());

    String p2 = upload(SCHEMA, "id,amount,note,label\na,1,x,1\n" + big + big);
    String id2 = id("rejecttwo");
    ML.createDataSourceFromS3(s3Request(id2, p2).build());
    GetDataSourceResponse r2 = await(ML, id2);
    assertEquals(EntityStatus.FAILED, r2.status());
    assertTrue(
        r2.message().contains("More than 1 observations are larger than 40 bytes"), r2.message());
  }

  @Test
  void exactlyTheLimitIsAccepted() {
    REDSHIFT.amazonMl().settings().maxObservationBytes(10).maxRejectedObservations(0);
    String p = upload(SCHEMA, "id,amount,note,label\n" + "a,12345,x,1\n"); // 11 bytes
    String id = id("limit");
    ML.createDataSourceFromS3(s3Request(id, p).build());
    assertEquals(EntityStatus.FAILED, await(ML, id).status());
    REDSHIFT.amazonMl().settings().maxObservationBytes(11);
    String id2 = id("limit");
    ML.createDataSourceFromS3(s3Request(id2, p).build());
    assertEquals(EntityStatus.COMPLETED, await(ML, id2).status());
  }

  static Stream<Arguments> badSchemas() {
    return Stream.of(
        Arguments.of("not json", "{nope", "not valid JSON"),
        Arguments.of("wrong version", SCHEMA.replace("\"1.0\"", "\"2.0\""), "version is '2.0'"),
        Arguments.of(
            "target missing",
            SCHEMA.replace("\"targetAttributeName\":\"label\"", "\"targetAttributeName\":\"nope\""),
            "target attribute 'nope' is not an attribute"),
        Arguments.of(
            "no target",
            SCHEMA.replace("\"targetAttributeName\":\"label\",", ""),
            "no targetAttributeName"),
        Arguments.of(
            "bad type", SCHEMA.replace("\"TEXT\"", "\"STRING\""), "attributeType 'STRING'"),
        Arguments.of("not CSV", SCHEMA.replace("\"CSV\"", "\"JSON\""), "dataFormat is 'JSON'"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSchemas")
  void badSchemaFailsWithTheReason(String name, String schema, String reason) {
    String p = upload(schema, "id,amount,note,label\na,1,x,1\n");
    String id = id("schema");
    ML.createDataSourceFromS3(s3Request(id, p).build());
    GetDataSourceResponse r = await(ML, id);
    assertEquals(EntityStatus.FAILED, r.status());
    assertTrue(r.message().contains(reason), r.message());
  }

  @Test
  void missingDataFailsWithTheLocation() {
    String p = prefix();
    put(p + "schema/ds.csv.schema", SCHEMA);
    String id = id("nodata");
    ML.createDataSourceFromS3(s3Request(id, p).build());
    GetDataSourceResponse r = await(ML, id);
    assertEquals(EntityStatus.FAILED, r.status());
    assertTrue(r.message().contains("no data files under " + p + "data/"), r.message());
  }

  static Stream<Arguments> invalidS3Requests() {
    String ok = "s3://" + BUCKET + "/x/";
    return Stream.of(
        Arguments.of(
            "id too long",
            (Consumer<CreateDataSourceFromS3Request.Builder>) b -> b.dataSourceId("a".repeat(65)),
            "dataSourceId",
            "less than or equal to 64"),
        Arguments.of(
            "id empty",
            (Consumer<CreateDataSourceFromS3Request.Builder>) b -> b.dataSourceId(""),
            "dataSourceId",
            "greater than or equal to 1"),
        Arguments.of(
            "id bad character",
            (Consumer<CreateDataSourceFromS3Request.Builder>) b -> b.dataSourceId("a b"),
            "dataSourceId",
            "regular expression pattern"),
        Arguments.of(
            "name too long",
            (Consumer<CreateDataSourceFromS3Request.Builder>)
                b -> b.dataSourceName("n".repeat(1025)),
            "dataSourceName",
            "less than or equal to 1024"),
        Arguments.of(
            "name blank",
            (Consumer<CreateDataSourceFromS3Request.Builder>) b -> b.dataSourceName("   "),
            "dataSourceName",
            "regular expression pattern"),
        Arguments.of(
            "location not s3",
            (Consumer<CreateDataSourceFromS3Request.Builder>)
                b -> b.dataSpec(s -> s.dataLocationS3("http://x/y/").dataSchema(SCHEMA)),
            "dataLocationS3",
            "regular expression pattern"),
        Arguments.of(
            "location no bucket",
            (Consumer<CreateDataSourceFromS3Request.Builder>)
                b -> b.dataSpec(s -> s.dataLocationS3("s3:///y/").dataSchema(SCHEMA)),
            "dataLocationS3",
            "regular expression pattern"),
        Arguments.of(
            "location missing",
            (Consumer<CreateDataSourceFromS3Request.Builder>)
                b -> b.dataSpec(s -> s.dataSchema(SCHEMA)),
            "dataLocationS3",
            "must not be null"),
        Arguments.of(
            "schema location not s3",
            (Consumer<CreateDataSourceFromS3Request.Builder>)
                b -> b.dataSpec(s -> s.dataLocationS3(ok).dataSchemaLocationS3("x.schema")),
            "dataSchemaLocationS3",
            "regular expression pattern"),
        Arguments.of(
            "no schema at all",
            (Consumer<CreateDataSourceFromS3Request.Builder>)
                b -> b.dataSpec(s -> s.dataLocationS3(ok)),
            "DataSchema or DataSchemaLocationS3",
            ""),
        Arguments.of(
            "rearrangement not JSON",
            (Consumer<CreateDataSourceFromS3Request.Builder>)
                b ->
                    b.dataSpec(
                        s ->
                            s.dataLocationS3(ok)
                                .dataSchema(SCHEMA)
                                .dataRearrangement("{splitting")),
            "DataRearrangement is not valid JSON",
            ""),
        Arguments.of(
            "begin equals end",
            (Consumer<CreateDataSourceFromS3Request.Builder>)
                b ->
                    b.dataSpec(
                        s ->
                            s.dataLocationS3(ok)
                                .dataSchema(SCHEMA)
                                .dataRearrangement(
                                    "{\"splitting\":{\"percentBegin\":50,\"percentEnd\":50}}")),
            "percentBegin (50) must be less than percentEnd (50)",
            ""),
        Arguments.of(
            "end over 100",
            (Consumer<CreateDataSourceFromS3Request.Builder>)
                b ->
                    b.dataSpec(
                        s ->
                            s.dataLocationS3(ok)
                                .dataSchema(SCHEMA)
                                .dataRearrangement(
                                    "{\"splitting\":{\"percentBegin\":0,\"percentEnd\":101}}")),
            "percentEnd must be an integer from 0 to 100",
            ""),
        Arguments.of(
            "negative begin",
            (Consumer<CreateDataSourceFromS3Request.Builder>)
                b ->
                    b.dataSpec(
                        s ->
                            s.dataLocationS3(ok)
                                .dataSchema(SCHEMA)
                                .dataRearrangement(
                                    "{\"splitting\":{\"percentBegin\":-1,\"percentEnd\":10}}")),
            "percentBegin must be an integer from 0 to 100",
            ""),
        Arguments.of(
            "unknown splitting member",
            (Consumer<CreateDataSourceFromS3Request.Builder>)
                b ->
                    b.dataSpec(
                        s ->
                            s.dataLocationS3(ok)
                                .dataSchema(SCHEMA)
                                .dataRearrangement("{\"splitting\":{\"percentStart\":0}}")),
            "unknown member 'percentStart'",
            ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidS3Requests")
  void invalidS3RequestIsRejected(
      String name,
      Consumer<CreateDataSourceFromS3Request.Builder> change,
      String member,
      String rule) {
    String id = id("invalid");
    CreateDataSourceFromS3Request.Builder b =
        CreateDataSourceFromS3Request.builder()
            .dataSourceId(id)
            .dataSpec(s -> s.dataLocationS3("s3://" + BUCKET + "/x/").dataSchema(SCHEMA));
    change.accept(b);
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> ML.createDataSourceFromS3(b.build()));
    assertTrue(e.awsErrorDetails().errorMessage().contains(member), e.getMessage());
    assertTrue(e.awsErrorDetails().errorMessage().contains(rule), e.getMessage());
    assertEquals(400, e.statusCode());
    assertThrows(ResourceNotFoundException.class, () -> ML.getDataSource(g -> g.dataSourceId(id)));
  }

  @Test
  void sameIdSameParametersIsIdempotentDifferentParametersMismatch() {
    String p = upload(SCHEMA, "id,amount,note,label\na,1,x,1\n");
    String id = id("idem");
    CreateDataSourceFromS3Request request = s3Request(id, p).build();
    assertEquals(id, ML.createDataSourceFromS3(request).dataSourceId());
    assertEquals(id, ML.createDataSourceFromS3(request).dataSourceId());
    DescribeDataSourcesResponse listed =
        ML.describeDataSources(b -> b.filterVariable(DataSourceFilterVariable.NAME).eq("it " + id));
    assertEquals(1, listed.results().size());
    IdempotentParameterMismatchException e =
        assertThrows(
            IdempotentParameterMismatchException.class,
            () -> ML.createDataSourceFromS3(request.toBuilder().computeStatistics(false).build()));
    assertTrue(e.getMessage().contains(id), e.getMessage());
    assertEquals(EntityStatus.COMPLETED, await(ML, id).status());
  }

  @Test
  void deleteMarksDeletedAndUnknownIdsAreNotFound() {
    String p = upload(SCHEMA, "id,amount,note,label\na,1,x,1\n");
    String id = id("del");
    ML.createDataSourceFromS3(s3Request(id, p).build());
    await(ML, id);
    assertEquals(id, ML.deleteDataSource(b -> b.dataSourceId(id)).dataSourceId());
    // AWS: "you can use GetDataSource to verify that the status of the DataSource changed to
    // DELETED".
    assertEquals(EntityStatus.DELETED, ML.getDataSource(b -> b.dataSourceId(id)).status());
    assertThrows(
        ResourceNotFoundException.class, () -> ML.deleteDataSource(b -> b.dataSourceId(id)));
    ResourceNotFoundException e =
        assertThrows(
            ResourceNotFoundException.class,
            () -> ML.getDataSource(b -> b.dataSourceId("never-created")));
    assertTrue(e.getMessage().contains("never-created"), e.getMessage());
  }

  @Test
  void describeFiltersSortsAndPages() {
    String p = upload(SCHEMA, "id,amount,note,label\na,1,x,1\n");
    String tag = "page-" + UUID.randomUUID().toString().substring(0, 8);
    for (int i = 0; i < 3; i++) {
      String id = tag + "-" + i;
      ML.createDataSourceFromS3(s3Request(id, p).dataSourceName(tag + " " + i).build());
    }
    DescribeDataSourcesResponse page1 =
        ML.describeDataSources(
            b ->
                b.filterVariable(DataSourceFilterVariable.NAME)
                    .prefix(tag)
                    .sortOrder("dsc")
                    .limit(2));
    assertEquals(
        List.of(tag + " 2", tag + " 1"), page1.results().stream().map(d -> d.name()).toList());
    assertNotNull(page1.nextToken());
    DescribeDataSourcesResponse page2 =
        ML.describeDataSources(
            b ->
                b.filterVariable(DataSourceFilterVariable.NAME)
                    .prefix(tag)
                    .sortOrder("dsc")
                    .limit(2)
                    .nextToken(page1.nextToken()));
    assertEquals(List.of(tag + " 0"), page2.results().stream().map(d -> d.name()).toList());
    assertNull(page2.nextToken());
  }

  @Test
  void wrongSigningKeyIsRefused() {
    try (MachineLearningClient wrong =
        AmazonMlTestSupport.client(AmazonMlTestSupport.CONFIG.accessKeyId(), "not-the-key")) {
      var e =
          assertThrows(
              software.amazon.awssdk.services.machinelearning.model.MachineLearningException.class,
              () -> wrong.getDataSource(b -> b.dataSourceId("x")));
      assertTrue(e.getMessage().contains("signature"), e.getMessage());
    }
  }

  @Test
  void secretsManagerServesTheLocalSecrets() {
    try (SecretsManagerClient sm =
        SecretsManagerClient.builder()
            .endpointOverride(REDSHIFT.amazonMl().endpoint())
            .region(software.amazon.awssdk.regions.Region.of(AmazonMlTestSupport.CONFIG.region()))
            .credentialsProvider(
                software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                    software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(
                        AmazonMlTestSupport.CONFIG.accessKeyId(),
                        AmazonMlTestSupport.CONFIG.secretAccessKey())))
            .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
            .build()) {
      String arn = REDSHIFT.connectionInfo().secretArn();
      GetSecretValueResponse v = sm.getSecretValue(b -> b.secretId(arn));
      assertEquals(arn, v.arn());
      assertEquals("local-redshift-awsuser", v.name());
      assertTrue(v.secretString().contains("\"username\":\"awsuser\""), "username");
      assertTrue(v.secretString().contains("\"password\":\"Local-Redshift-Pa55\""), "password");
      assertEquals(arn, sm.getSecretValue(b -> b.secretId("local-redshift-awsuser")).arn());
      assertThrows(
          software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException.class,
          () -> sm.getSecretValue(b -> b.secretId("no-such-secret")));
    }
  }
}
