package dev.redshiftdata.spark.read;

import static dev.redshiftdata.spark.read.ReadTestSupport.messages;
import static dev.redshiftdata.spark.read.ReadTestSupport.scanOf;
import static dev.redshiftdata.spark.read.ReadTestSupport.unloads;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.redshiftdata.local.LocalRedshift;
import dev.redshiftdata.local.bulk.TimestampEncoding;
import dev.redshiftdata.local.junit.LocalRedshiftExtension;
import dev.redshiftdata.spark.SharedSpark;
import dev.redshiftdata.spark.compat.SparkLine;
import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.dataapi.StatementRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.datasources.v2.BatchScanExec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Unload-path reads: UNLOAD to Parquet on the local S3 server, read back through s3a. */
@ExtendWith(LocalRedshiftExtension.class)
class UnloadReadIT {

  private static final String TABLE = "unload_types_" + System.nanoTime();
  private static final String BIG = "unload_big_" + System.nanoTime();
  private static final int BIG_ROWS = 20_000;

  private static LocalRedshift redshift;
  private final SparkSession spark = SharedSpark.session();

  @BeforeAll
  static void createTables() {
    redshift = ReadTestSupport.redshift();
    run(
        "create table "
            + TABLE
            + " (id int4, c_i2 int2, c_i8 int8, c_n38 numeric(38,10), c_n12 numeric(12,2),"
            + " c_f4 float4, c_f8 float8, c_bool bool, c_char char(5), c_vc varchar(40), c_date date,"
            + " c_ts timestamp, c_tstz timestamptz, c_time time, c_timetz timetz, c_vb varbyte(10),"
            + " c_super super, c_geo geometry)");
    run(
        "insert into "
            + TABLE
            + " values (1, -32768, 9223372036854775807, 1234567890123456789012345678.0123456789,"
            + " 1234567890.12, 1.5, -2.25, true, 'ab', 'x,y', '2023-10-23',"
            + " '2022-02-22 01:02:03.456789', '2023-10-23 09:26:38.779304+00', '09:26:38.779304',"
            + " '09:26:38.5+03', '\\\\x01ff', '{\"b\": [1, 2], \"a\": \"x\"}',"
            + " '\\\\x0101000000000000000000f03f0000000000000040')");
    run("insert into " + TABLE + " (id) values (2)");
    run(
        "insert into "
            + TABLE
            + " values (3, 32767, -9223372036854775808, -0.0000000001, -0.01, 'NaN', 'Infinity',"
            + " false, 'abcde', '', '1582-10-04', '1582-10-04 23:59:59', '1969-12-31 23:59:59.999999+00',"
            + " '00:00:00', '23:59:59.999999-12', '\\\\x', '[]', null)");
    run(
        "insert into "
            + TABLE
            + " values (4, 0, 0, 0, 0, '-Infinity', 'NaN', true, 'e', 'héllo 世界 🙂', '0044-03-15 BC',"
            + " '9999-12-31 23:59:59.999999', '0001-01-01 00:00:00+00', null, null, null, 'null', null)");
    run(
        "insert into "
            + TABLE
            + " values (5, null, null, null, null, '3.4028235e38', '-1e-300', null, '  ', ' lead',"
            + " '2024-02-29', '2023-03-26 02:30:00', '2023-11-05 06:30:00+00', '12:00:00', null,"
            + " '\\\\xffff', '\"text\"', null)");
    run(
        "create table "
            + BIG
            + " as select n as id, 'row ' || n as label, n * 1.5::float8 as x"
            + " from generate_series(1, "
            + BIG_ROWS
            + ") as n");
  }

  @BeforeEach
  void clear() {
    spark.conf().set("spark.sql.datetime.java8API.enabled", "true");
    redshift.dataApi().requests().clear();
  }

  @AfterEach
  void restore() {
    spark.conf().unset("spark.sql.datetime.java8API.enabled");
    spark.conf().set("spark.sql.session.timeZone", "UTC");
    spark.conf().unset("spark.sql.files.maxPartitionBytes");
    spark.conf().unset("spark.sql.files.openCostInBytes");
    redshift.dataApi().reset();
    redshift.unloadSettings().reset();
  }

  private static void run(String sql) {
    RedshiftOptions.parse(ReadTestSupport.stagingOptions(), Map.of())
        .dataApi()
        .execute(StatementRequest.sql(sql));
  }

  private DataFrameReader reader(String mode) {
    return spark
        .read()
        .format("redshift-data")
        .options(ReadTestSupport.stagingOptions())
        .option("readMode", mode);
  }

  @ParameterizedTest
  @EnumSource(TimestampEncoding.class)
  void everyTypeIsIdenticalOnBothPaths(TimestampEncoding encoding) {
    redshift.unloadSettings().timestampEncoding(encoding);
    List<Row> direct =
        reader("direct").option("dbtable", TABLE).load().orderBy("id").collectAsList();
    Dataset<Row> unloaded = reader("unload").option("dbtable", TABLE).load();
    assertEquals(reader("direct").option("dbtable", TABLE).load().schema(), unloaded.schema());
    List<Row> viaUnload = unloaded.orderBy("id").collectAsList();
    assertEquals(5, viaUnload.size());
    for (int i = 0; i < direct.size(); i++) {
      assertEquals(direct.get(i), viaUnload.get(i), "row " + (i + 1) + " with " + encoding);
    }
    // Spot checks, so both paths cannot be wrong the same way.
    Row first = viaUnload.get(0);
    assertEquals("ab   ", first.getAs("c_char"));
    assertEquals(
        java.time.LocalDateTime.of(2022, 2, 22, 1, 2, 3, 456_789_000), first.getAs("c_ts"));
    assertEquals("09:26:38.779304", first.getAs("c_time"));
    assertEquals(List.of((byte) 1, (byte) -1), toList((byte[]) first.getAs("c_vb")));
    assertEquals(21, ((byte[]) first.getAs("c_geo")).length);
    assertEquals(
        java.time.LocalDate.of(-43, 3, 15), viaUnload.get(3).<java.time.LocalDate>getAs("c_date"));
    assertEquals(1, unloads().size(), unloads().toString());
    String unload = unloads().get(0);
    assertTrue(unload.contains("TO_HEX"), unload);
    assertTrue(unload.contains("ST_AsHexEWKB"), unload);
    assertTrue(unload.contains("FORMAT AS PARQUET MANIFEST VERBOSE"), unload);
  }

  private static List<Byte> toList(byte[] b) {
    List<Byte> out = new ArrayList<>();
    for (byte x : b) {
      out.add(x);
    }
    return out;
  }

  @Test
  void superAsVariantAndSparksTimeTypeAreIdenticalOnBothPaths() {
    spark.conf().set("spark.sql.timeType.enabled", "true");
    try {
      List<List<Row>> results = new ArrayList<>();
      for (String mode : List.of("direct", "unload")) {
        Dataset<Row> df =
            reader(mode)
                .option("dbtable", TABLE)
                .option("superAsVariant", String.valueOf(SparkLine.HAS_VARIANT))
                .load()
                .selectExpr(
                    "id",
                    "typeof(c_super)",
                    SparkLine.HAS_VARIANT ? "to_json(c_super)" : "c_super",
                    "typeof(c_time)",
                    "cast(c_time as string)",
                    "cast(c_timetz as string)");
        results.add(df.orderBy("id").collectAsList());
      }
      assertEquals(results.get(0), results.get(1));
      Row first = results.get(1).get(0);
      // Before Spark 4.0 SUPER is a JSON string; before 4.1 TIME is a string (README's table).
      assertEquals(SparkLine.HAS_VARIANT ? "variant" : "string", first.getString(1));
      assertEquals("{\"a\":\"x\",\"b\":[1,2]}", first.getString(2));
      assertEquals(SparkLine.HAS_TIME ? "time(6)" : "string", first.getString(3));
      assertEquals("09:26:38.779304", first.getString(4));
      if (SparkLine.HAS_TIME) {
        assertEquals("06:26:38.5", first.getString(5), "TIMETZ as its UTC time of day");
      }
    } finally {
      spark.conf().unset("spark.sql.timeType.enabled");
    }
  }

  @Test
  void superAsVariantIsRefusedWhereSparkHasNoVariant() {
    assumeFalse(SparkLine.HAS_VARIANT, "Spark " + SparkLine.VERSION + " has VARIANT");
    Exception e =
        assertThrows(
            Exception.class,
            () ->
                reader("direct").option("dbtable", TABLE).option("superAsVariant", "true").load());
    assertTrue(e.getMessage().contains("'superAsVariant' needs Spark 4.0"), e.getMessage());
  }

  @Test
  void aHostileQueryRoundTripsThroughTheUnloadLiteral() {
    String query =
        "select 'it''s' as a, 'back\\\\slash' as b, '%_?' as c, 'line\nbreak' as d,"
            + " '-- not a comment' as e, '/* nor this */' as f -- trailing comment";
    List<Row> direct = reader("direct").option("query", query).load().collectAsList();
    List<Row> unloaded = reader("unload").option("query", query).load().collectAsList();
    assertEquals(direct, unloaded);
    assertEquals("it's", unloaded.get(0).getString(0));
    assertEquals("back\\slash", unloaded.get(0).getString(1));
    assertEquals("-- not a comment", unloaded.get(0).getString(4));
  }

  @Test
  void pushedAggregatesTopNAndOffsetGiveTheSameRowsOnBothPaths() {
    List<List<Row>> results = new ArrayList<>();
    for (String mode : List.of("direct", "unload")) {
      Dataset<Row> t = reader(mode).option("dbtable", TABLE).load();
      List<Row> r = new ArrayList<>();
      r.addAll(
          t.groupBy("c_bool")
              .agg(
                  org.apache.spark.sql.functions.count("*"),
                  org.apache.spark.sql.functions.sum("c_n12"),
                  org.apache.spark.sql.functions.min("c_ts"),
                  org.apache.spark.sql.functions.max("c_date"))
              .orderBy("c_bool")
              .collectAsList());
      r.addAll(
          t.orderBy(org.apache.spark.sql.functions.col("c_i8").desc_nulls_last())
              .select("id", "c_i8")
              .offset(1)
              .limit(2)
              .collectAsList());
      results.add(r);
    }
    assertEquals(results.get(0), results.get(1));
    assertEquals(3 + 2, results.get(1).size());
    assertTrue(unloads().stream().anyMatch(u -> u.contains("GROUP BY")), unloads().toString());
    assertTrue(unloads().stream().anyMatch(u -> u.contains("NULLS LAST")), unloads().toString());
  }

  @Test
  void timestampsAreTheSameInEverySessionAndJvmTimeZone() {
    TimeZone jvm = TimeZone.getDefault();
    List<List<Row>> results = new ArrayList<>();
    try {
      for (String zone : List.of("UTC", "America/New_York", "Asia/Kolkata", "Europe/Berlin")) {
        for (TimestampEncoding encoding : TimestampEncoding.values()) {
          redshift.unloadSettings().timestampEncoding(encoding);
          spark.conf().set("spark.sql.session.timeZone", zone);
          TimeZone.setDefault(TimeZone.getTimeZone(zone));
          results.add(
              reader("unload")
                  .option("dbtable", TABLE)
                  .load()
                  .selectExpr("id", "cast(c_ts as string)", "unix_micros(c_tstz)")
                  .orderBy("id")
                  .collectAsList());
        }
      }
    } finally {
      TimeZone.setDefault(jvm);
    }
    for (List<Row> r : results) {
      assertEquals(results.get(0), r);
    }
    assertEquals("2023-03-26 02:30:00", results.get(0).get(4).getString(1));
    assertEquals(
        Instant.parse("2023-11-05T06:30:00Z").toEpochMilli() * 1000,
        results.get(0).get(4).getLong(2));
  }

  @Test
  void manyFilesAreSplitIntoPartitionsAndEveryRowIsReadOnce() {
    redshift.unloadSettings().slices(3).rowsPerSliceChunk(2_000);
    spark.conf().set("spark.sql.files.maxPartitionBytes", "16k");
    spark.conf().set("spark.sql.files.openCostInBytes", "1k");
    Dataset<Row> df = reader("unload").option("dbtable", BIG).load();
    List<Row> rows = df.collectAsList();
    assertEquals(BIG_ROWS, rows.size());
    Set<Integer> ids = new HashSet<>();
    for (Row r : rows) {
      int id = r.getInt(0);
      assertTrue(ids.add(id), "row " + id + " read twice");
      assertEquals("row " + id, r.getString(1));
      assertEquals(id * 1.5, r.getDouble(2));
    }
    BatchScanExec scan = scanOf(df);
    assertTrue(scan.supportsColumnar(), "the unload path reads columnar batches");
    String unloadId = ReadTestSupport.unloadStatementId();
    assertTrue(
        scan.scan().description().contains("statements=[" + unloadId + "]"),
        scan.scan().description());
    assertEquals(BIG_ROWS, scan.metrics().apply("rowsRead").value(), "rowsRead metric");
    assertEquals(1, scan.metrics().apply("redshiftStatements").value(), "statements metric");
    assertTrue(
        scan.inputRDD().getNumPartitions() > 2,
        "partitions: " + scan.inputRDD().getNumPartitions());
  }

  @Test
  void explainRunsNoUnloadAndShowsThePath() {
    Dataset<Row> df = reader("unload").option("dbtable", BIG).load().filter("id < 10");
    String plan =
        df.queryExecution()
            .explainString(org.apache.spark.sql.execution.ExplainMode.fromString("extended"));
    assertTrue(plan.contains("path=unload (readMode=unload)"), plan);
    assertTrue(unloads().isEmpty(), unloads().toString());
    assertFalse(plan.contains(redshift.config().secretAccessKey()), plan);
    assertEquals(9, df.count());
  }

  @Test
  void encryptionAndRegionOptionsReachTheUnload() {
    List<Row> rows =
        reader("unload")
            .option("query", "select id, label from " + BIG + " where id <= 100")
            .option("unloadKmsKeyId", "arn:aws:kms:us-east-1:123456789012:key/abc")
            .option("tempdirRegion", "us-east-1")
            .option("unloadMaxFileSize", "5MB")
            .load()
            .collectAsList();
    assertEquals(100, rows.size());
    String unload = unloads().get(0);
    assertTrue(
        unload.contains(
            " MAXFILESIZE 5 MB ENCRYPTED KMS_KEY_ID 'arn:aws:kms:us-east-1:123456789012:key/abc'"
                + " REGION 'us-east-1'"),
        unload);
  }

  @Test
  void anEmptyResultReadsNoRows() {
    Dataset<Row> df =
        reader("unload").option("query", "select id, label from " + BIG + " where id < 0").load();
    assertEquals(0, df.collectAsList().size());
    assertEquals(1, unloads().size());
  }

  @Test
  void autoReadsSmallResultsDirectlyAndLargeOnesThroughUnload() {
    List<Row> small = reader("auto").option("dbtable", TABLE).load().collectAsList();
    assertEquals(5, small.size());
    assertTrue(unloads().isEmpty(), unloads().toString());
    assertTrue(
        redshift.dataApi().requests().sqls().stream().anyMatch(s -> s.startsWith("EXPLAIN")),
        redshift.dataApi().requests().sqls().toString());

    redshift.dataApi().requests().clear();
    Dataset<Row> big = reader("auto").option("dbtable", BIG).option("directMaxRows", "1000").load();
    assertTrue(scanDescription(big).contains("path=unload"), scanDescription(big));
    assertEquals(BIG_ROWS, big.collectAsList().size());
    assertEquals(1, unloads().size());
  }

  @Test
  void autoFallsBackToUnloadWhenTheDirectResultIsTooLarge() {
    redshift.dataApi().settings().maxResultBytes(10_000);
    Dataset<Row> df =
        reader("auto").option("dbtable", BIG).option("directMaxRows", "1000000000").load();
    assertTrue(scanDescription(df).contains("path=direct"), scanDescription(df));
    List<Row> rows = df.collectAsList();
    assertEquals(BIG_ROWS, rows.size());
    assertEquals(BIG_ROWS, rows.stream().map(r -> r.getInt(0)).distinct().count());
    assertEquals(1, unloads().size());

    redshift.dataApi().requests().clear();
    Exception e =
        assertThrows(
            Exception.class, () -> reader("direct").option("dbtable", BIG).load().collectAsList());
    assertTrue(messages(e).contains("RSD-008"), messages(e));
  }

  @Test
  void unloadWithoutTempdirNamesTheOption() {
    Map<String, String> o = ReadTestSupport.stagingOptions();
    o.remove("tempdir");
    Exception e =
        assertThrows(
            Exception.class,
            () ->
                spark
                    .read()
                    .format("redshift-data")
                    .options(o)
                    .option("readMode", "unload")
                    .option("dbtable", BIG)
                    .load()
                    .collectAsList());
    assertTrue(messages(e).contains("tempdir"), messages(e));
  }

  @Test
  void aMissingOrAlteredFileFailsTheQuery() throws Exception {
    redshift.unloadSettings().slices(2).rowsPerSliceChunk(5_000);
    Dataset<Row> df = reader("unload").option("dbtable", BIG).load();
    BatchScanExec scan = scanOf(df);
    scan.batch().planInputPartitions(); // runs the UNLOAD; Spark reuses these partitions
    String unload = unloads().get(0);
    String prefix = ReadTestSupport.unloadTarget(unload);
    Path dir = new Path(prefix.replace("s3://", "s3a://"));
    FileSystem fs = dir.getFileSystem(hadoopConf());
    List<Path> parquet = new ArrayList<>();
    for (FileStatus s : fs.listStatus(dir)) {
      if (s.getPath().getName().endsWith(".parquet")) {
        parquet.add(s.getPath());
      }
    }
    assertTrue(parquet.size() >= 2, parquet.toString());
    // Replace one file by another of the same unload: other size, other row count.
    org.apache.hadoop.fs.FileUtil.copy(
        fs, parquet.get(1), fs, parquet.get(0), false, true, hadoopConf());
    Exception e = assertThrows(Exception.class, df::collectAsList);
    assertTrue(messages(e).contains("UNLOAD manifest says"), messages(e));
  }

  private Configuration hadoopConf() {
    return spark.sessionState().newHadoopConf();
  }

  private static String scanDescription(Dataset<Row> df) {
    return scanOf(df).scan().description();
  }
}
