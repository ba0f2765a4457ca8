package dev.redshiftdata.spark.amazonml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.local.ConnectionInfo;
import dev.redshiftdata.local.LocalRedshift;
import dev.redshiftdata.local.LocalRedshiftConfig;
import dev.redshiftdata.local.bulk.S3Objects;
import dev.redshiftdata.local.junit.LocalRedshiftExtension;
import dev.redshiftdata.spark.TestRedshift;
import dev.redshiftdata.spark.config.RedshiftOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.apache.hadoop.fs.FileSystem;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.machinelearning.MachineLearningClient;
import software.amazon.awssdk.services.machinelearning.model.GetDataSourceResponse;

/**
 * AmazonMlSubmitter against the local Amazon ML endpoint: request specs built as the writer emits
 * them (the API's request bodies, no DatabaseCredentials), data and schema files written to the
 * local S3 by hand, credentials from the local Secrets Manager.
 */
@ExtendWith(LocalRedshiftExtension.class)
class AmazonMlSubmitterIT {

  private static final LocalRedshift REDSHIFT = TestRedshift.shared();
  private static final LocalRedshiftConfig CONFIG = REDSHIFT.config();
  private static final ConnectionInfo INFO = REDSHIFT.connectionInfo();
  private static final String ADMIN_PASSWORD = "Local-Redshift-Pa55";
  private static final String READER_PASSWORD = "Reader-Pa55word";
  private static final String SCHEMA =
      "{\"version\":\"1.0\",\"targetAttributeName\":\"label\",\"dataFormat\":\"CSV\","
          + "\"dataFileContainsHeader\":true,\"attributes\":["
          + "{\"attributeName\":\"id\",\"attributeType\":\"CATEGORICAL\"},"
          + "{\"attributeName\":\"amount\",\"attributeType\":\"NUMERIC\"},"
          + "{\"attributeName\":\"label\",\"attributeType\":\"BINARY\"}],"
          + "\"excludedAttributeNames\":[]}";

  private final LogCapture logs = new LogCapture();
  private String prefix;

  @BeforeAll
  static void setUp() throws Exception {
    try (Connection c =
            REDSHIFT
                .postgres()
                .connect(CONFIG.defaultCluster().postgresDatabase("dev"), "awsuser");
        Statement s = c.createStatement()) {
      s.execute("drop table if exists aml_submit");
      s.execute("create table aml_submit (id varchar(8), amount numeric(10,2), label boolean)");
      s.execute(
          "insert into aml_submit values ('a', 1.25, true), ('b', 2.5, false), ('c', null, true)");
    }
  }

  @BeforeEach
  void start() {
    prefix = "s3://" + CONFIG.bucket() + "/aml-submit-it/" + UUID.randomUUID() + "/";
    logs.start();
  }

  @AfterEach
  void stop() {
    logs.stop();
  }

  private static Map<String, String> options(String... extra) {
    // The local Spark options already name the local Amazon ML and Secrets Manager endpoint.
    Map<String, String> o = new HashMap<>(INFO.sparkOptions());
    o.put("amazonMl.submitTimeout", "2m");
    for (int i = 0; i < extra.length; i += 2) {
      if (extra[i + 1] == null) {
        o.remove(extra[i]);
      } else {
        o.put(extra[i], extra[i + 1]);
      }
    }
    return o;
  }

  private static AmazonMlSubmitter submitter(String... extra) {
    return new AmazonMlSubmitter(RedshiftOptions.parse(options(extra), Map.of()));
  }

  private static void put(String url, String content) {
    S3Objects s3 = new S3Objects(INFO.s3aSettings());
    try (FileSystem fs = s3.fileSystem(CONFIG.bucket())) {
      S3Objects.writeString(fs, S3Objects.path(url), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A CreateDataSourceFromS3 spec as the writer emits it. */
  private RequestSpec s3Spec(String id, String rearrangement) {
    String json =
        "{\"DataSourceId\":\""
            + id
            + "\",\"DataSourceName\":\"redshift-data "
            + id
            + "\",\"ComputeStatistics\":true,\"DataSpec\":{\"DataLocationS3\":\""
            + prefix
            + "data/\",\"DataSchemaLocationS3\":\""
            + prefix
            + "aml_submit.csv.schema\""
            + (rearrangement == null
                ? ""
                : ",\"DataRearrangement\":\"" + rearrangement.replace("\"", "\\\"") + "\"")
            + "}}";
    return new RequestSpec(
        RequestSpec.Kind.S3, id, "s3a" + prefix.substring(2) + id + ".json", json);
  }

  /** A CreateDataSourceFromRedshift spec as the writer emits it: no DatabaseCredentials. */
  private RequestSpec redshiftSpec(String id) {
    String json =
        "{\"DataSourceId\":\""
            + id
            + "\",\"DataSourceName\":\"redshift-data "
            + id
            + "\",\"RoleARN\":\""
            + CONFIG.iamRole()
            + "\",\"ComputeStatistics\":true,\"DataSpec\":{\"DatabaseInformation\":"
            + "{\"DatabaseName\":\"dev\",\"ClusterIdentifier\":\""
            + CONFIG.defaultCluster().id()
            + "\"},\"SelectSqlQuery\":\"SELECT \\\"id\\\", \\\"amount\\\", \\\"label\\\" FROM"
            + " \\\"public\\\".\\\"aml_submit\\\"\",\"S3StagingLocation\":\""
            + prefix
            + "staging/\",\"DataSchemaUri\":\""
            + prefix
            + "aml_submit.csv.schema\"}}";
    return new RequestSpec(RequestSpec.Kind.REDSHIFT, id, null, json);
  }

  private void uploadData(String csv) {
    put(prefix + "aml_submit.csv.schema", SCHEMA);
    put(prefix + "data/part-00000.csv", csv);
  }

  private static String id(String hint) {
    return hint + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static MachineLearningClient ml() {
    return MachineLearningClient.builder()
        .endpointOverride(java.net.URI.create(INFO.amazonMlEndpoint()))
        .region(Region.of(CONFIG.region()))
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(CONFIG.accessKeyId(), CONFIG.secretAccessKey())))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  @Test
  void bothKindsCompleteAndARetryIsIdempotent() {
    uploadData("id,amount,label\na,1.25,true\nb,2.5,false\n\"c, d\",,true\n");
    String train = id("s3-train");
    String eval = id("s3-eval");
    String rs = id("rs");
    List<RequestSpec> specs =
        List.of(
            s3Spec(train, "{\"splitting\":{\"percentBegin\":0,\"percentEnd\":70}}"),
            s3Spec(eval, "{\"splitting\":{\"percentBegin\":70,\"percentEnd\":100}}"),
            redshiftSpec(rs));

    List<AmazonMlSubmitter.Submitted> done = submitter().submit(specs);
    assertEquals(List.of(train, eval, rs), done.stream().map(d -> d.dataSourceId()).toList());
    assertEquals(1L, done.get(0).numberOfFiles());
    assertEquals(RequestSpec.Kind.REDSHIFT, done.get(2).kind());
    assertEquals(3, REDSHIFT.amazonMl().statistics(rs).orElseThrow().observations());
    assertEquals(2, REDSHIFT.amazonMl().statistics(train).orElseThrow().selectedObservations());
    assertEquals(1, REDSHIFT.amazonMl().statistics(eval).orElseThrow().selectedObservations());
    try (MachineLearningClient ml = ml()) {
      GetDataSourceResponse r = ml.getDataSource(b -> b.dataSourceId(rs));
      assertEquals("awsuser", r.redshiftMetadata().databaseUserName(), "from the secretArn");
    }

    // A retry of the same specs (e.g. a re-run job) finds the same datasources.
    assertEquals(done, submitter().submit(specs));
    assertTrue(logs.text().contains("Submitted Amazon ML datasource " + rs), logs.text());
    assertFalse(logs.text().contains(ADMIN_PASSWORD), "no password in the logs");
  }

  @Test
  void aFailedDatasourceFailsWithTheServicesMessage() {
    uploadData("id,amount,label\na,lots,true\n");
    String id = id("s3-bad");
    AmazonMlSubmissionException e =
        assertThrows(
            AmazonMlSubmissionException.class, () -> submitter().submit(List.of(s3Spec(id, null))));
    assertEquals(id, e.dataSourceId());
    assertTrue(
        e.getMessage().contains("Amazon ML datasource " + id + " is FAILED"), e.getMessage());
    assertTrue(
        e.getMessage().contains("value 'lots' of NUMERIC attribute 'amount' is not a number"),
        e.getMessage());
  }

  @Test
  void aWrongPasswordFailsWithoutShowingIt() {
    put(prefix + "aml_submit.csv.schema", SCHEMA);
    String wrong = "Not-The-Pa55word";
    String id = id("rs-pw");
    AmazonMlSubmitter submitter =
        new AmazonMlSubmitter(
            AmazonMlSubmitterIT::ml,
            () -> new DatabaseCredentials("awsuser", wrong),
            new dev.redshiftdata.spark.dataapi.PollSchedule(
                Duration.ofMillis(50), Duration.ofMillis(500)),
            Duration.ofMinutes(2));
    AmazonMlSubmissionException e =
        assertThrows(
            AmazonMlSubmissionException.class, () -> submitter.submit(List.of(redshiftSpec(id))));
    assertTrue(
        e.getMessage().contains("password authentication failed for user \"awsuser\""),
        e.getMessage());
    assertFalse(e.getMessage().contains(wrong));
    assertFalse(String.valueOf(e.getCause()).contains(wrong));
    assertFalse(logs.text().contains(wrong), "no password in the logs");
  }

  @Test
  void amazonMlSecretArnPicksTheUser() {
    // reader has no privilege on the table: the datasource fails with Redshift's error.
    put(prefix + "aml_submit.csv.schema", SCHEMA);
    String id = id("rs-reader");
    AmazonMlSubmissionException e =
        assertThrows(
            AmazonMlSubmissionException.class,
            () ->
                submitter(
                        "amazonMl.secretArn",
                        LocalRedshiftConfig.secretArn("local-redshift-reader-GhIjKl"))
                    .submit(List.of(redshiftSpec(id))));
    assertTrue(e.getMessage().contains("permission denied"), e.getMessage());
    assertFalse(e.getMessage().contains(READER_PASSWORD));
    assertFalse(logs.text().contains(READER_PASSWORD));
    try (MachineLearningClient ml = ml()) {
      assertEquals(
          "reader",
          ml.getDataSource(b -> b.dataSourceId(id)).redshiftMetadata().databaseUserName());
    }
  }

  @Test
  void sameIdWithOtherParametersNamesTheOption() {
    uploadData("id,amount,label\na,1,true\n");
    String id = id("s3-dup");
    submitter().submit(List.of(s3Spec(id, null)));
    AmazonMlSubmissionException e =
        assertThrows(
            AmazonMlSubmissionException.class,
            () ->
                submitter()
                    .submit(
                        List.of(
                            s3Spec(id, "{\"splitting\":{\"percentBegin\":0,\"percentEnd\":50}}"))));
    assertTrue(e.getMessage().contains("already exists with different parameters"), e.getMessage());
    assertTrue(e.getMessage().contains("amazonMl.dataSourceId"), e.getMessage());
  }

  @Test
  void anInvalidSpecIsRefusedWithTheServicesReason() {
    uploadData("id,amount,label\na,1,true\n");
    String id = id("s3-invalid");
    RequestSpec bad = s3Spec(id, "{\"splitting\":{\"percentBegin\":90,\"percentEnd\":10}}");
    AmazonMlSubmissionException e =
        assertThrows(AmazonMlSubmissionException.class, () -> submitter().submit(List.of(bad)));
    assertTrue(e.getMessage().contains("InvalidInputException"), e.getMessage());
    assertTrue(e.getMessage().contains("percentBegin (90) must be less than percentEnd (10)"));
  }

  @Test
  void withoutASecretRedshiftSpecsCannotBeSubmitted() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                submitter("secretArn", null, "dbUser", "awsuser")
                    .submit(List.of(redshiftSpec(id("rs-nosecret")))));
    assertTrue(e.getMessage().contains("amazonMl.secretArn"), e.getMessage());
    assertTrue(e.getMessage().contains("'secretArn'"), e.getMessage());
  }

  /** Collects what log4j (the connector) and java.util.logging (the local server) write. */
  private static final class LogCapture {
    private final StringBuffer text = new StringBuffer();
    private AbstractAppender appender;
    private Handler handler;

    void start() {
      LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
      appender =
          new AbstractAppender("aml-capture", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
              text.append(event.getMessage().getFormattedMessage()).append('\n');
              if (event.getThrown() != null) {
                text.append(event.getThrown()).append('\n');
              }
            }
          };
      appender.start();
      ctx.getConfiguration().getRootLogger().addAppender(appender, null, null);
      ctx.getConfiguration().getLoggerConfig("dev.redshiftdata").addAppender(appender, null, null);
      ctx.updateLoggers();
      handler =
          new Handler() {
            @Override
            public void publish(LogRecord r) {
              text.append(r.getMessage()).append('\n');
              if (r.getThrown() != null) {
                text.append(r.getThrown()).append('\n');
              }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
          };
      java.util.logging.Logger.getLogger("").addHandler(handler);
    }

    void stop() {
      LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
      ctx.getConfiguration().getRootLogger().removeAppender("aml-capture");
      ctx.getConfiguration().getLoggerConfig("dev.redshiftdata").removeAppender("aml-capture");
      ctx.updateLoggers();
      appender.stop();
      java.util.logging.Logger.getLogger("").removeHandler(handler);
    }

    String text() {
      return text.toString();
    }
  }
}
