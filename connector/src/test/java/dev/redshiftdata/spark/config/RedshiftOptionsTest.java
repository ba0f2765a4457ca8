package dev.redshiftdata.spark.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.spark.config.RedshiftOptions.DistStyle;
import dev.redshiftdata.spark.config.RedshiftOptions.ReadMode;
import dev.redshiftdata.spark.config.RedshiftOptions.ResultFormat;
import dev.redshiftdata.spark.config.RedshiftOptions.SortKeyStyle;
import dev.redshiftdata.spark.dataapi.Redaction;
import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedshiftOptionsTest {

  private static Map<String, String> base(String... more) {
    Map<String, String> m = new HashMap<>();
    m.put("database", "dev");
    m.put("clusterIdentifier", "my-cluster");
    for (int i = 0; i < more.length; i += 2) {
      m.put(more[i], more[i + 1]);
    }
    return m;
  }

  private static RedshiftOptions parse(String... more) {
    return RedshiftOptions.parse(base(more), Map.of());
  }

  private static String error(Map<String, String> options) {
    return error(options, Map.of());
  }

  private static String error(Map<String, String> options, Map<String, String> conf) {
    return assertThrows(IllegalArgumentException.class, () -> RedshiftOptions.parse(options, conf))
        .getMessage();
  }

  @Test
  void defaults() {
    RedshiftOptions o = parse();
    assertEquals("dev", o.connection().target().database());
    assertEquals(Optional.of("my-cluster"), o.connection().target().clusterIdentifier());
    assertEquals(Optional.empty(), o.connection().target().workgroupName());
    assertEquals(Optional.empty(), o.connection().clientSettings().region());
    assertEquals(Optional.empty(), o.connection().clientSettings().endpoint());
    assertEquals(5, o.connection().clientSettings().maxAttempts());
    assertEquals("redshift-data-spark", o.connection().clientSettings().assumeRoleSessionName());
    assertEquals(Duration.ofHours(24), o.connection().statementTimeout());
    assertNull(o.connection().label());
    assertEquals(Duration.ofMillis(10), o.connection().pollSchedule().initial());
    assertEquals(Duration.ofMillis(500), o.connection().pollSchedule().max());
    assertEquals(ResultFormat.AUTO, o.read().resultFormat());
    assertEquals(ReadMode.AUTO, o.read().readMode());
    assertEquals(100_000, o.read().directMaxRows());
    assertEquals(64L << 20, o.read().directMaxBytes());
    assertEquals(256L << 20, o.read().unloadMaxFileSize());
    assertFalse(o.read().unloadEncrypted());
    assertFalse(o.staging().keepStaging());
    assertEquals(Duration.ofHours(24), o.staging().stagingSweepAge());
    assertFalse(o.read().superAsVariant());
    assertTrue(
        o.read().pushDownPredicates() && o.read().pushDownAggregates() && o.read().pushDownLimit());
    assertEquals(List.of(), o.write().preActions());
    assertEquals(List.of(), o.write().mergeKeys());
    assertEquals(128L << 20, o.write().writeMaxFileSize());
    assertEquals(Optional.empty(), o.table().distStyle());
    assertEquals(SortKeyStyle.COMPOUND, o.table().sortKeyStyle());
    assertEquals(3, o.write().commitMaxAttempts());
    assertEquals(AmazonMlOptions.Datasource.NONE, o.amazonMl().datasource());
    assertEquals(102_400, o.amazonMl().maxRowBytes());
    assertEquals(10_000, o.amazonMl().maxDroppedRows());
    assertEquals(Duration.ofHours(1), o.amazonMl().submitTimeout());
    assertFalse(o.connection().caseSensitiveIdentifiers());
  }

  @Test
  void explicitValuesAreTyped() {
    RedshiftOptions o =
        parse(
            "region",
            "eu-west-1",
            "endpoint",
            "http://127.0.0.1:4566",
            "profile",
            "dev",
            "assumeRoleArn",
            "arn:aws:iam::1:role/r",
            "statementTimeout",
            "90s",
            "label",
            "nightly",
            "pollInitialDelay",
            "5ms",
            "pollMaxDelay",
            "1s",
            "readMode",
            "UNLOAD",
            "tempdir",
            "s3a://b/p/",
            "iamRole",
            "default",
            "unloadMaxFileSize",
            "1GB",
            "unloadKmsKeyId",
            "k1",
            "preActions",
            "DELETE FROM %s WHERE a = ';'; VACUUM",
            "mergeKeys",
            " id , ts ",
            "distKey",
            "id",
            "sortKey",
            "ts,id",
            "sortKeyStyle",
            "interleaved",
            "retryMaxAttempts",
            "4",
            "stagingSweepAge",
            "0",
            "resultFormat",
            "csv");
    assertEquals(Optional.of("eu-west-1"), o.connection().clientSettings().region());
    assertEquals(
        Optional.of(URI.create("http://127.0.0.1:4566")),
        o.connection().clientSettings().endpoint());
    assertEquals(Optional.of("dev"), o.connection().clientSettings().profile());
    assertEquals(
        Optional.of("arn:aws:iam::1:role/r"), o.connection().clientSettings().assumeRoleArn());
    assertEquals(4, o.connection().clientSettings().maxAttempts());
    assertEquals(Duration.ofSeconds(90), o.connection().statementTimeout());
    assertEquals("nightly", o.connection().label());
    assertEquals(Duration.ofMillis(5), o.connection().pollSchedule().initial());
    assertEquals(Duration.ofSeconds(1), o.connection().pollSchedule().max());
    assertEquals(ReadMode.UNLOAD, o.read().readMode());
    assertEquals(1L << 30, o.read().unloadMaxFileSize());
    assertTrue(o.read().unloadEncrypted(), "a KMS key implies ENCRYPTED");
    assertEquals(List.of("DELETE FROM %s WHERE a = ';'", "VACUUM"), o.write().preActions());
    assertEquals(List.of("id", "ts"), o.write().mergeKeys());
    assertEquals(Optional.of(DistStyle.KEY), o.table().distStyle(), "a dist key implies KEY");
    assertEquals(List.of("ts", "id"), o.table().sortKey());
    assertEquals(SortKeyStyle.INTERLEAVED, o.table().sortKeyStyle());
    assertEquals(Duration.ZERO, o.staging().stagingSweepAge());
    assertEquals(ResultFormat.CSV, o.read().resultFormat());
  }

  @Test
  void namesAreCaseInsensitive() {
    Map<String, String> m =
        Map.of(
            "DATABASE", "dev", "workgroupname", "wg", "READMODE", "direct", "SecretARN", "arn:s");
    RedshiftOptions o = RedshiftOptions.parse(m, Map.of());
    assertEquals("dev", o.connection().target().database());
    assertEquals(Optional.of("wg"), o.connection().target().workgroupName());
    assertEquals(Optional.of("arn:s"), o.connection().target().secretArn());
    assertEquals(ReadMode.DIRECT, o.read().readMode());
  }

  @Test
  void sameOptionInTwoCasesMustAgree() {
    Map<String, String> m = new java.util.TreeMap<>(base("readMode", "direct"));
    m.put("READMODE", "unload");
    String message = error(m);
    assertTrue(
        message.startsWith(
            "Cannot read option 'readMode': it is set twice with different values, as '"),
        message);
    assertTrue(message.endsWith("Option names ignore case: set it once."), message);
    m.put("READMODE", "direct");
    assertEquals(ReadMode.DIRECT, RedshiftOptions.parse(m, Map.of()).read().readMode());
  }

  @Test
  void optionBeatsSessionConfWhichBeatsDefault() {
    Map<String, String> conf =
        Map.of(
            "spark.datasource.redshift-data.readMode", "unload",
            "spark.datasource.redshift-data.statementTimeout", "5m",
            "spark.datasource.redshift-data.tempdir", "s3a://conf/p/",
            "spark.datasource.redshift-data.iamRole", "default",
            "spark.other.readMode", "direct");
    RedshiftOptions fromConf = RedshiftOptions.parse(base(), conf);
    assertEquals(ReadMode.UNLOAD, fromConf.read().readMode());
    assertEquals(Duration.ofMinutes(5), fromConf.connection().statementTimeout());
    assertEquals(Optional.of("s3a://conf/p/"), fromConf.staging().tempdir());
    assertEquals(
        Duration.ofMillis(500),
        fromConf.connection().pollSchedule().max(),
        "default when neither sets it");

    RedshiftOptions fromOption =
        RedshiftOptions.parse(base("readMode", "direct", "statementTimeout", "1m"), conf);
    assertEquals(ReadMode.DIRECT, fromOption.read().readMode());
    assertEquals(Duration.ofMinutes(1), fromOption.connection().statementTimeout());
  }

  @Test
  void sessionConfCanSupplyConnectionOptions() {
    Map<String, String> conf =
        Map.of(
            "spark.datasource.redshift-data.database",
            "dev",
            "spark.datasource.redshift-data.WORKGROUPNAME",
            "wg");
    RedshiftOptions o = RedshiftOptions.parse(Map.of(), conf);
    assertEquals(Optional.of("wg"), o.connection().target().workgroupName());
  }

  @Test
  void blankOptionFallsBackToDefault() {
    assertEquals(ReadMode.AUTO, parse("readMode", "  ").read().readMode());
  }

  @Test
  void databaseIsRequired() {
    String message = error(Map.of("clusterIdentifier", "c"));
    assertEquals(
        "Cannot connect to Redshift: option 'database' is not set. Set it to the database name (e.g. dev).",
        message);
  }

  @Test
  void clusterXorWorkgroup() {
    assertEquals(
        "Cannot connect to Redshift: neither 'clusterIdentifier' nor 'workgroupName' is set. Set exactly one: "
            + "'clusterIdentifier' for a provisioned cluster or 'workgroupName' for Redshift Serverless.",
        error(Map.of("database", "dev")));
    assertEquals(
        "Cannot connect to Redshift: both 'clusterIdentifier' and 'workgroupName' are set. Set exactly one: "
            + "'clusterIdentifier' for a provisioned cluster or 'workgroupName' for Redshift Serverless.",
        error(base("workgroupName", "wg")));
  }

  @Test
  void secretArnAndDbUserConflict() {
    String message = error(base("secretArn", "arn:aws:secretsmanager:x", "dbUser", "admin"));
    assertTrue(
        message.startsWith("Cannot connect to Redshift: both 'secretArn' and 'dbUser' are set."),
        message);
    assertFalse(message.contains("arn:aws:secretsmanager:x"));
  }

  @Test
  void dbtableXorQuery() {
    assertEquals(
        "Cannot choose what to read: both 'dbtable' and 'query' are set. Set exactly one of them.",
        error(base("dbtable", "t", "query", "select 1")));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> parse().requireTableOrQuery());
    assertEquals(
        "Cannot choose what to read: neither 'dbtable' nor 'query' is set. Set 'dbtable' to a table name or 'query' to a SELECT.",
        e.getMessage());
    parse("dbtable", "t").requireTableOrQuery();
    parse("query", "select 1").requireTableOrQuery();
  }

  @Test
  void writeNeedsDbtableNotQuery() {
    assertEquals("s.t", parse("dbtable", "s.t").requireTable("write"));
    assertEquals(
        "Cannot write: writes need 'dbtable', and option 'query' is only for reads. Set 'dbtable' to the target table instead of 'query'.",
        assertThrows(
                IllegalArgumentException.class,
                () -> parse("query", "select 1").requireTable("write"))
            .getMessage());
    assertEquals(
        "Cannot write: option 'dbtable' is not set. Set it to the target table name.",
        assertThrows(IllegalArgumentException.class, () -> parse().requireTable("write"))
            .getMessage());
  }

  @Test
  void unloadNeedsTempdirAndIamRole() {
    assertEquals(
        "Cannot unload: option 'tempdir' is not set. Set it to a staging prefix Redshift can reach, e.g. s3a://bucket/prefix/.",
        error(base("readMode", "unload")));
    String message = error(base("readMode", "unload", "tempdir", "s3a://b/p/"));
    assertTrue(message.startsWith("Cannot unload: option 'iamRole' is not set."), message);
    assertTrue(message.contains("default"), message);
    // auto and direct reads do not need them up front
    parse("readMode", "auto");
    assertThrows(IllegalArgumentException.class, () -> parse().staging().require("write"));
  }

  @Test
  void enumErrorsListAcceptedValues() {
    assertEquals(
        "Cannot parse option 'readMode': value 'fast' is not an accepted value. Use one of: auto, direct, unload.",
        error(base("readMode", "fast")));
    assertEquals(
        "Cannot parse option 'resultFormat': value 'xml' is not an accepted value. Use one of: auto, json, csv.",
        error(base("resultFormat", "xml")));
    assertEquals(
        "Cannot parse option 'distStyle': value 'random' is not an accepted value. Use one of: auto, even, key, all.",
        error(base("distStyle", "random")));
    assertEquals(
        "Cannot parse option 'amazonMl.datasource': value 'gcs' is not an accepted value. Use one of: none, s3, redshift, both.",
        error(base("amazonMl.datasource", "gcs")));
  }

  @Test
  void booleanErrorNamesOptionAndValues() {
    assertEquals(
        "Cannot parse option 'keepStaging': value 'yes' is not a boolean. Use true or false.",
        error(base("keepStaging", "yes")));
  }

  @Test
  void durationErrors() {
    assertEquals(
        "Cannot parse option 'statementTimeout': value '30' is not a duration. Use a whole number with a unit ms, s, m, h or d (e.g. 30s).",
        error(base("statementTimeout", "30")));
    assertEquals(
        "Cannot parse option 'statementTimeout': value '25h' is out of range. Use a duration from 1ms to 1d.",
        error(base("statementTimeout", "25h")));
    assertEquals(
        "Cannot use options 'pollMaxDelay' and 'pollInitialDelay': 'pollMaxDelay' (5ms) is shorter than 'pollInitialDelay' (10ms). "
            + "Set 'pollMaxDelay' to at least 'pollInitialDelay'.",
        error(base("pollMaxDelay", "5ms")));
  }

  @Test
  void sizeErrors() {
    assertEquals(
        "Cannot parse option 'unloadMaxFileSize': value '1MB' is out of range. Use a size from 5242880 to 6657199308 bytes.",
        error(base("unloadMaxFileSize", "1MB")));
    assertEquals(
        "Cannot parse option 'directMaxBytes': value 'lots' is not a size. Use a number of bytes or a number with a unit KB, MB or GB (e.g. 256MB).",
        error(base("directMaxBytes", "lots")));
    assertEquals(5L << 20, parse("unloadMaxFileSize", "5mb").read().unloadMaxFileSize());
    assertEquals(1536L << 20, parse("unloadMaxFileSize", "1.5GB").read().unloadMaxFileSize());
  }

  @Test
  void numberErrors() {
    assertEquals(
        "Cannot parse option 'retryMaxAttempts': value '0' is out of range. Use a number from 1 to 100.",
        error(base("retryMaxAttempts", "0")));
    assertEquals(
        "Cannot parse option 'directMaxRows': value 'many' is not a whole number. Use a number from 0 to 9223372036854775807.",
        error(base("directMaxRows", "many")));
  }

  @Test
  void endpointAndTempdirMustBeUris() {
    assertEquals(
        "Cannot parse option 'endpoint': value 'localhost:99' is not an http or https URI. Use e.g. https://redshift-data.us-east-1.amazonaws.com.",
        error(base("endpoint", "localhost:99")));
    assertEquals(
        "Cannot parse option 'tempdir': value '/tmp/x' is not a Hadoop URI with a scheme and a bucket. Use e.g. s3a://bucket/prefix/.",
        error(base("tempdir", "/tmp/x")));
    assertEquals(
        "Cannot parse option 'tempdir': value 's3a://bucket/my dir/' contains a space (at character"
            + " 16). Use a staging prefix without spaces, e.g. s3a://bucket/prefix/.",
        error(base("tempdir", "s3a://bucket/my dir/")));
  }

  @Test
  void labelLengthIsLimited() {
    String message = error(base("label", "x".repeat(501)));
    assertEquals(
        "Cannot use option 'label': it is 501 characters long. The Data API's StatementName takes at most 500.",
        message);
    assertEquals(500, parse("label", "y".repeat(500)).connection().label().length());
  }

  @Test
  void distKeyConflictsWithOtherDistStyle() {
    assertEquals(
        "Cannot create a table with option 'distKey': 'distStyle' is EVEN. Remove 'distStyle' or set it to KEY.",
        error(base("distKey", "id", "distStyle", "even")));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "accessKeyId",
        "secretAccessKey",
        "aws_secret_access_key",
        "AWS_ACCESS_KEY_ID",
        "sessionToken",
        "temporary_aws_session_token",
        "password",
        "fs.s3a.secret.key"
      })
  void credentialOptionsAreRejectedWithoutEchoingTheValue(String key) {
    String message = error(base(key, "AKIASECRETVALUE123"));
    assertTrue(
        message.startsWith(
            "Cannot use option '"
                + key
                + "': AWS credentials and passwords are never taken from options"),
        message);
    assertTrue(message.contains("default credentials provider chain"), message);
    assertTrue(message.contains("'profile'") && message.contains("'assumeRoleArn'"), message);
    assertFalse(message.contains("AKIASECRETVALUE123"), message);
  }

  @Test
  void credentialSessionConfIsRejectedToo() {
    String message = error(base(), Map.of("spark.datasource.redshift-data.secretAccessKey", "x"));
    assertTrue(
        message.startsWith(
            "Cannot use option 'spark.datasource.redshift-data.secretAccessKey': AWS credentials"),
        message);
    // Spark's own and Hadoop's settings are not ours to judge.
    RedshiftOptions.parse(base(), Map.of("spark.hadoop.fs.s3a.secret.key", "x"));
  }

  @Test
  void secretArnIsNotMistakenForACredential() {
    assertEquals(
        Optional.of("arn:x"), parse("secretArn", "arn:x").connection().target().secretArn());
  }

  @Test
  void toStringRedactsSecretsAndSql() {
    RedshiftOptions o =
        parse(
            "secretArn", "arn:aws:secretsmanager:us-east-1:1:secret:prod-db",
            "preActions", "CREATE USER bob PASSWORD 'Hunter2abc'",
            "copyOptions", "CREDENTIALS 'aws_access_key_id=AKIA1;aws_secret_access_key=S3CR3T'");
    String s = o.toString();
    assertFalse(s.contains("prod-db"), s);
    assertFalse(s.contains("Hunter2abc"), s);
    assertFalse(s.contains("AKIA1"), s);
    assertFalse(s.contains("S3CR3T"), s);
    assertTrue(s.contains("secretArn=" + Redaction.REDACTED), s);
    assertTrue(s.contains("preActions=CREATE USER bob PASSWORD '" + Redaction.REDACTED + "'"), s);
    assertTrue(s.contains("database=dev"), s);
  }

  @Test
  void toStringHonoursSparkRedactionRegex() {
    RedshiftOptions o =
        RedshiftOptions.parse(
            base("dbUser", "alice"), Map.of("spark.redaction.regex", "(?i)dbuser"));
    assertTrue(o.toString().contains("dbUser=" + Redaction.REDACTED), o.toString());
  }

  @Test
  void errorsDoNotEchoSecretsInValues() {
    String message = error(base("label", "x".repeat(600) + " PASSWORD 'p'"));
    assertFalse(message.contains("PASSWORD 'p'"));
  }

  @Test
  void optionsAreNotSerializable() {
    assertFalse(Serializable.class.isAssignableFrom(RedshiftOptions.class));
    assertFalse(Serializable.class.isAssignableFrom(AmazonMlOptions.class));
  }

  @Test
  void unknownOptionsFailWritesAndWarnReadsUnlessStrictOptionsSaysOtherwise() {
    RedshiftOptions o = parse("path", "x", "__internal", "y", "mergekey", "id");
    // Spark's own keys are not unknown.
    assertEquals(List.of("mergekey"), List.copyOf(o.unknownOptions()));
    assertEquals(
        "Cannot write: unknown option 'mergekey' (did you mean 'mergeKeys'?). Option names are"
            + " listed in README's option table. Fix the name, or set 'strictOptions' to false to"
            + " only warn about unknown options.",
        assertThrows(IllegalArgumentException.class, () -> o.checkOptionNames(true)).getMessage());
    o.checkOptionNames(false);
    parse("mergekey", "id", "strictOptions", "false").checkOptionNames(true);
    RedshiftOptions strict = parse("mergekey", "id", "STRICTOPTIONS", "true");
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> strict.checkOptionNames(false))
            .getMessage()
            .startsWith("Cannot read: unknown option 'mergekey' (did you mean 'mergeKeys'?)."));
    parse("mergeKeys", "id").checkOptionNames(true);
    assertTrue(
        error(base("strictOptions", "yes")).contains("'strictOptions': value 'yes' is not a"));
  }

  @Test
  void amazonMlRules() {
    assertEquals(
        "Cannot emit an Amazon ML datasource: option 'amazonMl.targetAttribute' is not set. Set it to the column Amazon ML should predict.",
        error(base("amazonMl.datasource", "s3")));
    assertEquals(
        "Cannot parse option 'amazonMl.dataSourceId': value 'bad id!' is not a valid DataSourceId. Use 1 to 64 characters of a-z, A-Z, 0-9, _, . and -.",
        error(base("amazonMl.dataSourceId", "bad id!")));
    assertEquals(
        "Cannot use option 'amazonMl.s3Only': it needs 'amazonMl.datasource' s3, not none. Set 'amazonMl.datasource' to s3.",
        error(base("amazonMl.s3Only", "true")));
    assertEquals(
        "Cannot parse option 'amazonMl.trainPercent': value '100' is out of range. Use a number from 0 to 99.",
        error(base("amazonMl.trainPercent", "100")));
    AmazonMlOptions ml =
        parse(
                "amazonMl.datasource",
                "both",
                "amazonMl.targetAttribute",
                "churned",
                "amazonMl.excludedAttributes",
                "a, b",
                "amazonMl.maxRowBytes",
                "10",
                "amazonMl.maxDroppedRows",
                "2",
                "amazonMl.trainPercent",
                "70")
            .amazonMl();
    assertEquals(AmazonMlOptions.Datasource.BOTH, ml.datasource());
    assertEquals(Optional.of("churned"), ml.targetAttribute());
    assertEquals(List.of("a", "b"), ml.excludedAttributes());
    assertEquals(10, ml.maxRowBytes());
    assertEquals(2, ml.maxDroppedRows());
    assertEquals(70, ml.trainPercent());
  }

  @Test
  void nullMapsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> RedshiftOptions.parse(null, Map.of()));
    assertThrows(IllegalArgumentException.class, () -> RedshiftOptions.parse(Map.of(), null));
  }
}
