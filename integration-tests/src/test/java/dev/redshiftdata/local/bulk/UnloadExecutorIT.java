package dev.redshiftdata.local.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redshiftdata.local.LocalRedshift;
import dev.redshiftdata.local.junit.LocalRedshiftExtension;
import dev.redshiftdata.spark.SharedSpark;
import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * UNLOAD to Parquet on the local Redshift, read back by Spark exactly as a client of real files
 * would.
 */
@ExtendWith(LocalRedshiftExtension.class)
class UnloadExecutorIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static LocalRedshift redshift;
  private static S3Objects s3;
  private static UnloadSettings settings;
  private static UnloadExecutor executor;

  @BeforeAll
  static void setUp() throws Exception {
    redshift = LocalRedshiftExtension.shared();
    s3 = new S3Objects(redshift.connectionInfo().s3aSettings());
    settings = new UnloadSettings();
    executor = new UnloadExecutor(s3, settings);
    try (Connection c = connect();
        Statement st = c.createStatement()) {
      st.execute("DROP TABLE IF EXISTS unload_types");
      st.execute(
          "CREATE TABLE unload_types (id int4, s int2, b int8, d numeric(12,2), wide numeric(38,10), r float4,"
              + " f float8, ok bool, c char(5), v varchar(20), j jsonb, dt date, ts timestamp, tz timestamptz)");
      st.execute(
          "INSERT INTO unload_types VALUES"
              + " (1, -32768, 9223372036854775807, -1234567890.12, 12345678901234567890.0123456789, 1.5, -2.25e300,"
              + "  true, 'ab', 'héllo ✓', '{\"a\": [1, null]}', '1582-10-04', '2024-03-10 02:30:00.123456',"
              + "  '2024-03-10 07:30:00.5-05'),"
              + " (2, null, null, null, null, null, null, null, null, '', null, null, null, null)");
      st.execute("DROP TABLE IF EXISTS unload_many");
      st.execute(
          "CREATE TABLE unload_many AS SELECT g AS id, md5(g::text) AS h FROM generate_series(1, 30000) g");
    }
  }

  @AfterEach
  void resetSettings() {
    settings.reset();
  }

  @Test
  void everyTypeReadsBackInSparkWithRedshiftsParquetTypes() throws Exception {
    String prefix = prefix("types");
    UnloadResult result =
        unload("select * from unload_types order by id", prefix, "MANIFEST VERBOSE");
    assertEquals(2, result.rows());
    assertEquals(1, result.files().size());
    assertTrue(
        result.files().get(0).url().endsWith("/0000_part_00.parquet"), result.files().get(0).url());

    SparkSession spark = SharedSpark.session();
    // Redshift writes proleptic Gregorian dates (Spark 3.5 refuses ancient ones by default).
    Dataset<Row> df =
        spark
            .read()
            .option("datetimeRebaseMode", "CORRECTED")
            .parquet(s3a(result.files().get(0).url()));
    StructType schema = df.schema();
    assertEquals(DataTypes.IntegerType, schema.apply("id").dataType());
    assertEquals(
        DataTypes.IntegerType, schema.apply("s").dataType()); // plain INT32, as Redshift writes it
    assertEquals(DataTypes.LongType, schema.apply("b").dataType());
    assertEquals(DataTypes.createDecimalType(12, 2), schema.apply("d").dataType());
    assertEquals(DataTypes.createDecimalType(38, 10), schema.apply("wide").dataType());
    assertEquals(DataTypes.FloatType, schema.apply("r").dataType());
    assertEquals(DataTypes.DoubleType, schema.apply("f").dataType());
    assertEquals(DataTypes.BooleanType, schema.apply("ok").dataType());
    assertEquals(DataTypes.StringType, schema.apply("c").dataType());
    assertEquals(DataTypes.StringType, schema.apply("j").dataType());
    assertEquals(DataTypes.DateType, schema.apply("dt").dataType());
    assertEquals(DataTypes.TimestampType, schema.apply("ts").dataType());
    assertEquals(DataTypes.TimestampType, schema.apply("tz").dataType());

    List<Row> rows =
        df.selectExpr(
                "id",
                "s",
                "b",
                "d",
                "wide",
                "r",
                "f",
                "ok",
                "c",
                "v",
                "j",
                "cast(dt as string)",
                "cast(ts as string)",
                "cast(tz as string)")
            .orderBy("id")
            .collectAsList();
    Row r = rows.get(0);
    assertEquals(-32768, r.getInt(1));
    assertEquals(Long.MAX_VALUE, r.getLong(2));
    assertEquals(new BigDecimal("-1234567890.12"), r.getDecimal(3));
    assertEquals(new BigDecimal("12345678901234567890.0123456789"), r.getDecimal(4));
    assertEquals(1.5f, r.getFloat(5));
    assertEquals(-2.25e300, r.getDouble(6));
    assertEquals(true, r.getBoolean(7));
    assertEquals("ab   ", r.getString(8)); // CHAR padding is kept
    assertEquals("héllo ✓", r.getString(9));
    assertEquals("{\"a\":[1,null]}", r.getString(10)); // compact, as Redshift serializes SUPER
    assertEquals("1582-10-04", r.getString(11));
    assertEquals(
        "2024-03-10 02:30:00.123456", r.getString(12)); // wall clock, whatever the zone rules
    assertEquals("2024-03-10 12:30:00.5", r.getString(13)); // the instant, in UTC
    Row nulls = rows.get(1);
    for (int i = 1; i < nulls.length(); i++) {
      if (i == 9) {
        assertEquals("", nulls.getString(i)); // an empty string is not a null
      } else {
        assertTrue(nulls.isNullAt(i), "column " + i + " should be null");
      }
    }

    JsonNode manifest = readManifest(result.manifestUrl());
    assertEquals(prefixUrl(prefix) + "manifest", result.manifestUrl());
    assertManifestMatchesFiles(manifest, 2);
    List<String> names = manifestSchema(manifest);
    assertEquals(
        List.of(
            "id:integer",
            "s:smallint",
            "b:bigint",
            "d:numeric",
            "wide:numeric",
            "r:real",
            "f:double precision",
            "ok:boolean",
            "c:character",
            "v:character varying",
            "j:super",
            "dt:date",
            "ts:timestamp without time zone",
            "tz:timestamp with time zone"),
        names);
    assertEquals(12, manifest.at("/schema/elements/3/type/precision").asInt());
    assertEquals(2, manifest.at("/schema/elements/3/type/scale").asInt());
    assertEquals(5, manifest.at("/schema/elements/8/type/byte_length").asInt());
    assertEquals(20, manifest.at("/schema/elements/9/type/byte_length").asInt());
    assertEquals("Amazon Redshift", manifest.at("/author/name").asText());
  }

  @Test
  void unconstrainedNumericUsesTheResultMetadataRule() throws Exception {
    // sum(numeric(12,2)) has no declared precision in PostgreSQL: DECIMAL(38,18), as in
    // ColumnMetadata and
    // DescribeTable (RedshiftTypeNames); a computed string is character varying(65535).
    String prefix = prefix("unconstrained");
    UnloadResult result =
        unload(
            "select sum(d) as total, max(v) || '!' as label from unload_types",
            prefix,
            "MANIFEST VERBOSE");
    StructType schema =
        SharedSpark.session().read().parquet(s3a(result.files().get(0).url())).schema();
    assertEquals(DataTypes.createDecimalType(38, 18), schema.apply("total").dataType());
    JsonNode manifest = readManifest(result.manifestUrl());
    assertEquals(List.of("total:numeric", "label:character varying"), manifestSchema(manifest));
    assertEquals(38, manifest.at("/schema/elements/0/type/precision").asInt());
    assertEquals(18, manifest.at("/schema/elements/0/type/scale").asInt());
    assertEquals(65535, manifest.at("/schema/elements/1/type/byte_length").asInt());
  }

  @Test
  void timestampEncodingSwitchWritesInt64Micros() throws Exception {
    settings.timestampEncoding(TimestampEncoding.INT64_MICROS);
    UnloadResult result = unload("select ts from unload_types where id = 1", prefix("ts64"), "");
    Dataset<Row> df = SharedSpark.session().read().parquet(s3a(result.files().get(0).url()));
    assertEquals(DataTypes.TimestampNTZType, df.schema().apply("ts").dataType());
    assertEquals(
        "2024-03-10 02:30:00.123456", df.selectExpr("cast(ts as string)").first().getString(0));
  }

  @Test
  void parallelSlicesAndMaxFileSizeRolloverProduceManyFiles() throws Exception {
    settings.rowsPerSliceChunk(5_000).maxFileSizeCap(64 * 1024);
    UnloadResult result = unload("select * from unload_many", prefix("many"), "MANIFEST VERBOSE");
    assertEquals(30_000, result.rows());
    assertTrue(result.files().size() > 2, "files: " + result.files());
    assertTrue(result.files().stream().anyMatch(f -> f.url().endsWith("0001_part_00.parquet")));
    assertTrue(result.files().stream().anyMatch(f -> f.url().endsWith("0000_part_01.parquet")));
    JsonNode manifest = readManifest(result.manifestUrl());
    assertManifestMatchesFiles(manifest, 30_000);
    List<String> urls = result.files().stream().map(f -> s3a(f.url())).collect(Collectors.toList());
    Dataset<Row> df = SharedSpark.session().read().parquet(urls.toArray(String[]::new));
    assertEquals(30_000, df.count());
    assertEquals(30_000, df.select("id").distinct().count());
    assertEquals(450_015_000L, df.selectExpr("sum(id)").first().getLong(0));
  }

  @Test
  void parallelOffWritesSerialNames() throws Exception {
    UnloadResult result =
        unload("select * from unload_many order by id", prefix("serial"), "PARALLEL OFF");
    assertEquals(1, result.files().size());
    assertTrue(result.files().get(0).url().endsWith("/000.parquet"), result.files().get(0).url());
    assertNull(result.manifestUrl());
    Dataset<Row> df = SharedSpark.session().read().parquet(s3a(result.files().get(0).url()));
    List<Row> first = df.limit(3).collectAsList();
    assertEquals(
        List.of(1, 2, 3), first.stream().map(r -> r.getInt(0)).collect(Collectors.toList()));
  }

  @Test
  void existingFilesFailUnlessAllowOverwriteOrCleanPath() throws Exception {
    String prefix = prefix("overwrite");
    unload("select 1 as one", prefix, "MANIFEST");
    RedshiftSqlError e =
        assertThrows(RedshiftSqlError.class, () -> unload("select 1 as one", prefix, "MANIFEST"));
    assertTrue(
        e.getMessage().startsWith("Specified unload destination on S3 is not empty"),
        e.getMessage());
    assertEquals(1, unload("select 1 as one", prefix, "MANIFEST ALLOWOVERWRITE").rows());
    // A stray object under the prefix survives ALLOWOVERWRITE but not CLEANPATH.
    try (FileSystem fs = s3.fileSystem(redshift.config().bucket())) {
      S3Objects.writeString(fs, S3Objects.path(prefixUrl(prefix) + "stray.txt"), "x");
      unload("select 2 as two", prefix, "MANIFEST CLEANPATH");
      List<FileStatus> left =
          S3Objects.list(fs, redshift.config().bucket(), "unload-it/overwrite/");
      List<String> keys =
          left.stream().map(s -> s.getPath().getName()).sorted().collect(Collectors.toList());
      assertEquals(List.of("0000_part_00.parquet", "manifest"), keys);
    }
  }

  @Test
  void zeroRowsWriteNothing() throws Exception {
    String prefix = prefix("empty");
    UnloadResult result =
        unload("select * from unload_types where id < 0", prefix, "MANIFEST VERBOSE");
    assertEquals(0, result.rows());
    assertEquals(List.of(), result.files());
    assertNull(result.manifestUrl());
    try (FileSystem fs = s3.fileSystem(redshift.config().bucket())) {
      assertEquals(0, S3Objects.list(fs, redshift.config().bucket(), "unload-it/empty/").size());
    }
  }

  @Test
  void typesRedshiftCannotWriteToParquetAreRefusedBeforeAnyFile() {
    RedshiftSqlError time =
        assertThrows(
            RedshiftSqlError.class,
            () -> unload("select '10:00'::time as value", prefix("time"), ""));
    assertEquals(
        "UNLOAD time without time zone column \"value\" is only supported for TEXT/CSV.",
        time.getMessage());
    RedshiftSqlError bytes =
        assertThrows(
            RedshiftSqlError.class,
            () -> unload("select decode('00', 'hex') as col_0", prefix("varbyte"), ""));
    assertEquals(
        "UNLOAD varbyte column \"col_0\" is only supported for TEXT/CSV.", bytes.getMessage());
  }

  @Test
  void csvTextAndJsonFormatsWriteRedshiftsTextForms() throws Exception {
    String select =
        "select 1 as id, 'a,b \"q\"' as s, null::int as n, '10:11:12'::time as t,"
            + " decode('0aff', 'hex') as bin, true as ok, '{\"k\": 1}'::jsonb as j";
    UnloadResult csv =
        unloadRaw(select, prefix("csv"), "FORMAT CSV HEADER NULL AS 'NIL' PARALLEL OFF");
    assertEquals(
        "id,s,n,t,bin,ok,j\n1,\"a,b \"\"q\"\"\",NIL,10:11:12,0aff,t,\"{\"\"k\"\": 1}\"\n",
        read(csv.files().get(0).url()));
    assertTrue(csv.files().get(0).url().endsWith("/000"), csv.files().get(0).url());
    UnloadResult text =
        unloadRaw("select 'x|y' as a, null as b", prefix("text"), "ESCAPE ADDQUOTES PARALLEL OFF");
    assertEquals("\"x\\|y\"|\n", read(text.files().get(0).url()));
    UnloadResult json = unloadRaw(select, prefix("json"), "FORMAT JSON PARALLEL OFF");
    assertEquals(
        "{\"id\":1,\"s\":\"a,b \\\"q\\\"\",\"n\":null,\"t\":\"10:11:12\",\"bin\":\"0aff\","
            + "\"ok\":true,\"j\":{\"k\": 1}}\n",
        read(json.files().get(0).url()));
    UnloadResult gz =
        unloadRaw("select * from unload_many", prefix("gzip"), "CSV GZIP MANIFEST VERBOSE");
    assertTrue(gz.files().get(0).url().endsWith("0000_part_00.gz"), gz.files().get(0).url());
    assertEquals(
        30_000, gz.files().stream().mapToLong(UnloadResult.UnloadedFile::recordCount).sum());
    assertEquals(30_000, SharedSpark.session().read().csv(s3a(gz.files().get(0).url())).count());
  }

  @Test
  void partitionByWritesHiveFoldersAndOneRootManifest() throws Exception {
    UnloadResult result =
        unload(
            "select id, id % 3 as bucket, case when id % 5 = 0 then null else 'p/' || (id % 2) end as tag, h"
                + " from unload_many where id <= 300",
            "unload-it/parts", "PARTITION BY (bucket, tag) MANIFEST");
    assertEquals(300, result.rows());
    assertEquals(prefixUrl("unload-it/parts/") + "manifest", result.manifestUrl());
    List<String> folders =
        result.files().stream()
            .map(f -> f.url().substring(prefixUrl("unload-it/parts/").length()))
            .map(u -> u.substring(0, u.lastIndexOf('/') + 1))
            .distinct()
            .sorted()
            .collect(Collectors.toList());
    assertEquals(9, folders.size(), folders.toString());
    assertTrue(folders.contains("bucket=0/tag=__HIVE_DEFAULT_PARTITION__/"), folders.toString());
    assertTrue(folders.contains("bucket=2/tag=p%2F1/"), folders.toString());
    Dataset<Row> df = SharedSpark.session().read().parquet(s3a(result.files().get(0).url()));
    assertEquals(
        List.of("id", "h"), Arrays.asList(df.columns())); // partition columns left out of the files
    assertManifestMatchesFiles(readManifest(result.manifestUrl()), 300, false);

    // CLEANPATH cleans only the partition folders that get new files.
    UnloadResult again =
        unload(
            "select id, 0 as bucket, 'p/0' as tag, h from unload_many where id <= 10",
            "unload-it/parts",
            "PARTITION BY (bucket, tag) CLEANPATH");
    assertEquals(10, again.rows());
    try (FileSystem fs = s3.fileSystem(redshift.config().bucket())) {
      long rewritten =
          S3Objects.list(fs, redshift.config().bucket(), "unload-it/parts/bucket=0/tag=p%2F0/")
              .stream()
              .mapToLong(f -> 1)
              .sum();
      assertEquals(again.files().size(), rewritten);
      assertTrue(
          !S3Objects.list(fs, redshift.config().bucket(), "unload-it/parts/bucket=2/tag=p%2F1/")
              .isEmpty(),
          "untouched partition folders stay");
    }
  }

  private static String read(String url) throws Exception {
    try (FileSystem fs = s3.fileSystem(redshift.config().bucket());
        InputStream in = fs.open(S3Objects.path(url))) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private static UnloadResult unload(String select, String prefix, String options)
      throws Exception {
    return unloadRaw(select, prefix, "FORMAT PARQUET " + options);
  }

  private static UnloadResult unloadRaw(String select, String prefix, String options)
      throws Exception {
    String sql =
        "UNLOAD ('"
            + select.replace("'", "''")
            + "') TO '"
            + prefixUrl(prefix)
            + "' IAM_ROLE default "
            + options;
    UnloadCommand command = UnloadParser.parse(sql);
    try (Connection c = connect()) {
      return executor.execute(c, command, command.selectSql());
    }
  }

  private static String prefix(String name) {
    return "unload-it/" + name + "/";
  }

  private static String prefixUrl(String prefix) {
    return "s3://" + redshift.config().bucket() + "/" + prefix;
  }

  private static String s3a(String s3Url) {
    return S3Objects.path(s3Url).toString();
  }

  private static Connection connect() throws Exception {
    return redshift
        .postgres()
        .connect(redshift.config().defaultCluster().postgresDatabase("dev"), "awsuser");
  }

  private static JsonNode readManifest(String url) throws Exception {
    try (FileSystem fs = s3.fileSystem(redshift.config().bucket());
        InputStream in = fs.open(S3Objects.path(url))) {
      return JSON.readTree(in);
    }
  }

  /** Every entry's content_length and record_count agree with the object actually written. */
  private static void assertManifestMatchesFiles(JsonNode manifest, long expectedRows)
      throws Exception {
    assertManifestMatchesFiles(manifest, expectedRows, true);
  }

  private static void assertManifestMatchesFiles(
      JsonNode manifest, long expectedRows, boolean verbose) throws Exception {
    long rows = 0;
    long bytes = 0;
    try (FileSystem fs = s3.fileSystem(redshift.config().bucket())) {
      for (JsonNode e : manifest.get("entries")) {
        FileStatus status = fs.getFileStatus(S3Objects.path(e.get("url").asText()));
        assertEquals(status.getLen(), e.at("/meta/content_length").asLong(), e.toString());
        long count = SharedSpark.session().read().parquet(status.getPath().toString()).count();
        if (verbose) {
          assertEquals(count, e.at("/meta/record_count").asLong(), e.toString());
        }
        rows += count;
        bytes += status.getLen();
      }
    }
    assertEquals(expectedRows, rows);
    if (verbose) {
      assertEquals(expectedRows, manifest.at("/meta/record_count").asLong());
      assertEquals(bytes, manifest.at("/meta/content_length").asLong());
    }
  }

  private static List<String> manifestSchema(JsonNode manifest) {
    return Arrays.stream(JSON.convertValue(manifest.at("/schema/elements"), JsonNode[].class))
        .map(e -> e.get("name").asText() + ":" + e.at("/type/base").asText())
        .collect(Collectors.toList());
  }
}
