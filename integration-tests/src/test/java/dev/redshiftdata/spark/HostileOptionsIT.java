package dev.redshiftdata.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.redshiftdata.local.LocalRedshift;
import dev.redshiftdata.local.dataapi.RecordedRequest;
import dev.redshiftdata.local.junit.LocalRedshiftExtension;
import dev.redshiftdata.spark.compat.SparkLine;
import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.dataapi.DataApi;
import dev.redshiftdata.spark.dataapi.StatementRequest;
import java.io.FileNotFoundException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile options end to end (issue 13): a typo in an option name, a tempdir Hadoop cannot open or
 * with a space, a query ending in {@code ; -- comment}, a column named {@code ""}, a wrong
 * secretArn and a write with {@code query} each get a clear error before anything runs (no
 * statement sent, table unchanged, nothing staged) or, for a read, a warning.
 */
@ExtendWith(LocalRedshiftExtension.class)
class HostileOptionsIT {

  private static LocalRedshift redshift;
  private static String table;
  private final SparkSession spark = SharedSpark.session();

  @BeforeAll
  static void start() {
    redshift = TestRedshift.shared();
    table = "hostile_options_" + System.nanoTime();
    run("create table " + table + " (id bigint, v varchar(10))");
    run("insert into " + table + " values (1, 'one')");
  }

  @BeforeEach
  void clearLog() {
    redshift.dataApi().requests().clear();
  }

  private static Map<String, String> options() {
    Map<String, String> o = new HashMap<>(redshift.connectionInfo().sparkOptions());
    o.put("database", "dev");
    return o;
  }

  private static DataApi api() {
    return RedshiftOptions.parse(options(), Map.of()).dataApi();
  }

  private static void run(String sql) {
    api().execute(StatementRequest.sql(sql));
  }

  private static List<List<String>> rows(String sql) {
    return TestQueries.rows(api(), sql);
  }

  private Dataset<Row> twoRows() {
    return spark.range(10, 12).selectExpr("id", "concat('v', id) as v");
  }

  /** Every message in a cause chain, joined. */
  /** Appends {@code df} with these options and then {@code extra} option pairs (name, value). */
  private static void append(Dataset<Row> df, Map<String, String> options, String... extra) {
    DataFrameWriter<Row> w = df.write().format("redshift-data").options(options);
    for (int i = 0; i < extra.length; i += 2) {
      w = w.option(extra[i], extra[i + 1]);
    }
    w.mode(SaveMode.Append).save();
  }

  private static String messages(Throwable t) {
    StringBuilder sb = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      sb.append(c).append(" | ");
    }
    return sb.toString();
  }

  /** Data API requests since the log was cleared (a failed check must send none). */
  private static List<RecordedRequest> requests() {
    return redshift.dataApi().requests().all();
  }

  private int objectsUnder(String s3aPrefix) throws Exception {
    Path prefix = new Path(s3aPrefix);
    FileSystem fs = prefix.getFileSystem(spark.sessionState().newHadoopConf());
    try {
      var it = fs.listFiles(prefix, true);
      int n = 0;
      while (it.hasNext()) {
        it.next();
        n++;
      }
      return n;
    } catch (FileNotFoundException gone) {
      return 0;
    }
  }

  // ------------------------------------------------------------------ item 7: unknown options

  @Test
  void aTypoInAWriteOptionFailsBeforeAnythingRunsAndTheTableIsUnchanged() {
    Exception e =
        assertThrows(
            Exception.class,
            () -> append(twoRows(), options(), "dbtable", table, "mergekey", "id"));
    String message = messages(e);
    assertTrue(
        message.contains(
            "Cannot write: unknown option 'mergekey' (did you mean 'mergeKeys'?)."
                + " Option names are listed in README's option table. Fix the name, or set"
                + " 'strictOptions' to false to only warn about unknown options."),
        message);
    assertEquals(List.of(), requests(), "no Data API call may run");
    assertEquals(List.of(List.of("1")), rows("select count(*) from " + table));
  }

  @Test
  void withStrictOptionsFalseATypoWarnsAndTheWriteAppends() {
    String t = "hostile_lenient_" + System.nanoTime();
    run("create table " + t + " (id bigint, v varchar(10))");
    try (LogCapture log = new LogCapture()) {
      append(twoRows(), options(), "dbtable", t, "mergekey", "id", "strictOptions", "false");
      assertTrue(
          log.text()
              .contains(
                  "WARN unknown option 'mergekey' (did you mean 'mergeKeys'?); write ignores it."
                      + " Set 'strictOptions' to true to fail instead."),
          log.text());
    }
    assertEquals(
        List.of(List.of("10", "v10"), List.of("11", "v11")),
        rows("select id, v from " + t + " order by id"));
  }

  @Test
  void aReadWithATypoWarnsWithTheSuggestionAndStillReads() {
    try (LogCapture log = new LogCapture()) {
      List<Row> read =
          spark
              .read()
              .format("redshift-data")
              .options(options())
              .option("dbtable", table)
              .option("readmod", "direct")
              .load()
              .collectAsList();
      assertEquals(1, read.size());
      assertTrue(
          log.text().contains("WARN unknown option 'readmod' (did you mean 'readMode'?); read"),
          log.text());
    }
  }

  @Test
  void aReadWithStrictOptionsFailsOnATypo() {
    Exception e =
        assertThrows(
            Exception.class,
            () ->
                spark
                    .read()
                    .format("redshift-data")
                    .options(options())
                    .option("dbtable", table)
                    .option("strictOptions", "true")
                    .option("pushdownpredicate", "false")
                    .load());
    assertTrue(
        messages(e)
            .contains(
                "Cannot read: unknown option 'pushdownpredicate' (did you mean"
                    + " 'pushDownPredicates'?)"),
        messages(e));
    assertEquals(List.of(), requests());
  }

  @Test
  void aSessionCatalogTableCarriesSparksOwnKeysWhichAreNotUnknown() {
    assumeFalse(SparkLine.VERSION.equals("3.5"), "Spark 3.5 has no DataSource V2 session tables");
    String name = "hostile_session_" + System.nanoTime();
    StringBuilder clause = new StringBuilder();
    options().forEach((k, v) -> clause.append(", '").append(k).append("' '").append(v).append("'"));
    try (LogCapture log = new LogCapture()) {
      spark.sql(
          "CREATE TABLE "
              + name
              + " USING `redshift-data` OPTIONS ('dbtable' '"
              + table
              + "', 'raedMode' 'direct'"
              + clause
              + ") COMMENT 'a comment is a table property, not an option'");
      try {
        assertEquals(1, spark.sql("SELECT * FROM " + name).collectAsList().size());
      } finally {
        spark.sql("DROP TABLE IF EXISTS " + name);
      }
      // Only the user's typo is reported, not provider, owner or option.<name>. (A typo no other
      // test uses: each warning is logged once per JVM.)
      assertTrue(
          log.text().contains("WARN unknown option 'raedmode' (did you mean 'readMode'?); read"),
          log.text());
      assertFalse(log.text().contains("unknown options"), log.text());
    }
  }

  @Test
  void aWriteToASessionCatalogTableWithACommentIsNotRefused() {
    assumeFalse(SparkLine.VERSION.equals("3.5"), "Spark 3.5 has no DataSource V2 session tables");
    // Writes fail on unknown names: the table's COMMENT property must not count as one.
    String t = "hostile_insert_" + System.nanoTime();
    run("create table " + t + " (id bigint, v varchar(10))");
    String name = "hostile_session_insert_" + System.nanoTime();
    StringBuilder clause = new StringBuilder();
    options().forEach((k, v) -> clause.append(", '").append(k).append("' '").append(v).append("'"));
    spark.sql(
        "CREATE TABLE "
            + name
            + " USING `redshift-data` OPTIONS ('dbtable' '"
            + t
            + "'"
            + clause
            + ") COMMENT 'a table property, not an option'");
    try {
      spark.sql("INSERT INTO " + name + " SELECT 7 AS id, 'seven' AS v");
    } finally {
      spark.sql("DROP TABLE IF EXISTS " + name);
    }
    assertEquals(List.of(List.of("7", "seven")), rows("select id, v from " + t));
  }

  // ------------------------------------------------------------------ extra: write with query

  @Test
  void aWriteWithQuerySaysWritesNeedDbtableBeforeSparkPlans() {
    Exception e =
        assertThrows(
            Exception.class, () -> append(twoRows(), options(), "query", "select * from " + table));
    assertTrue(
        e instanceof IllegalArgumentException
            && e.getMessage()
                .equals(
                    "Cannot write: writes need 'dbtable', and option 'query' is only for reads."
                        + " Set 'dbtable' to the target table instead of 'query'."),
        messages(e));
    assertEquals(List.of(), requests());
  }

  // ------------------------------------------------------------------ item 5: tempdir scheme

  @Test
  void anS3nTempdirFailsAnUnloadReadAndAWriteBeforeAnyStatement() throws Exception {
    String bucket = redshift.config().bucket();
    String prefix = "s3n-" + System.nanoTime() + "/";
    Map<String, String> o = options();
    o.put("tempdir", "s3n://" + bucket + "/" + prefix);
    Exception read =
        assertThrows(
            Exception.class,
            () ->
                spark
                    .read()
                    .format("redshift-data")
                    .options(o)
                    .option("dbtable", table)
                    .option("readMode", "unload")
                    .load()
                    .collectAsList());
    String message = messages(read);
    assertTrue(
        message.contains(
            "Cannot use option 'tempdir' s3n://"
                + bucket
                + "/"
                + prefix
                + ": scheme 's3n' has no Hadoop FileSystem in this Spark configuration ("),
        message);
    assertTrue(
        message.contains(
            "so the staged files could be neither read nor deleted. Use s3a:// (the S3 schemes"
                + " this Hadoop configuration can open), e.g. s3a://bucket/prefix/."),
        message);
    Exception write = assertThrows(Exception.class, () -> append(twoRows(), o, "dbtable", table));
    assertTrue(messages(write).contains("scheme 's3n' has no Hadoop FileSystem"), messages(write));
    assertEquals(List.of(), requests(), "no Data API call may run");
    assertEquals(0, objectsUnder("s3a://" + bucket + "/" + prefix));
    assertEquals(List.of(List.of("1")), rows("select count(*) from " + table));
  }

  // ------------------------------------------------------------------ item 8: clear errors

  @Test
  void aTempdirWithASpaceIsRefusedSayingTheSpace() {
    Map<String, String> o = options();
    o.put("tempdir", "s3a://" + redshift.config().bucket() + "/my dir/");
    Exception e = assertThrows(Exception.class, () -> append(twoRows(), o, "dbtable", table));
    assertTrue(messages(e).contains("contains a space (at character"), messages(e));
    assertEquals(List.of(), requests());
  }

  @Test
  void aQueryEndingInASemicolonAndACommentReads() {
    for (String query :
        List.of(
            "select id, v from " + table + "; -- the one row",
            "select id, v from " + table + " -- no newline after this comment",
            "select id, v from " + table + ";",
            "select id, ';' as v from " + table + " /* a ; b */ ;")) {
      List<Row> read =
          spark
              .read()
              .format("redshift-data")
              .options(options())
              .option("query", query)
              .load()
              .collectAsList();
      assertEquals(1, read.size(), query);
      assertEquals(1L, ((Number) read.get(0).get(0)).longValue(), query);
    }
    Exception e =
        assertThrows(
            Exception.class,
            () ->
                spark
                    .read()
                    .format("redshift-data")
                    .options(options())
                    .option("query", "select 1; drop table " + table)
                    .load());
    assertTrue(messages(e).contains("it holds more than one statement"), messages(e));
  }

  @Test
  void aColumnNamedEmptyIsNamedWithItsPositionAndTheTable() {
    Exception e =
        assertThrows(
            Exception.class, () -> append(twoRows().toDF("id", ""), options(), "dbtable", table));
    assertTrue(
        messages(e)
            .contains(
                "Cannot write to table \"public\".\""
                    + table
                    + "\": column 2 of the DataFrame (of 2) has an empty name \"\""),
        messages(e));
    // Only the read-only search_path lookup of the one-part name may have run.
    assertFalse(
        requests().stream()
            .anyMatch(
                r ->
                    r.operation().equals("ExecuteStatement")
                            && !r.sql().contains("pg_catalog.pg_table_is_visible(c.oid)")
                        || r.operation().equals("BatchExecuteStatement")),
        "no statement may run");
    assertEquals(List.of(List.of("1")), rows("select count(*) from " + table));
  }

  @Test
  void aWrongSecretArnIsRedactedInTheErrorAndTheLogs() {
    String wrong =
        redshift.connectionInfo().secretArn().replaceAll("[^:]+$", "") + "no-such-secret-Ab12Cd";
    Map<String, String> o = options();
    o.put("secretArn", wrong);
    try (LogCapture log = new LogCapture()) {
      Exception e =
          assertThrows(
              Exception.class,
              () ->
                  spark
                      .read()
                      .format("redshift-data")
                      .options(o)
                      .option("query", "select 1 as one")
                      .load()
                      .collectAsList());
      String message = messages(e);
      assertTrue(message.contains("can't find the specified secret"), message);
      assertTrue(message.contains("arn:aws:secretsmanager:*********(redacted)"), message);
      assertFalse(message.contains("no-such-secret"), message);
      java.io.StringWriter trace = new java.io.StringWriter();
      e.printStackTrace(new java.io.PrintWriter(trace));
      assertFalse(trace.toString().contains("no-such-secret"), "stack trace shows the ARN");
      assertFalse(log.text().contains("no-such-secret"), log.text());
    }
  }
}
