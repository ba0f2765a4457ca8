package dev.redshiftdata.spark.amazonml;

import static dev.redshiftdata.spark.amazonml.AmazonMlTestSupport.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.redshiftdata.local.LocalRedshift;
import dev.redshiftdata.local.junit.LocalRedshiftExtension;
import dev.redshiftdata.spark.SharedSpark;
import dev.redshiftdata.spark.compat.ScalaCollections;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.QueryExecution;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.metric.SQLMetric;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.QueryExecutionListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The CSV files, schema file and S3 request spec a write publishes, read back from S3 byte for
 * byte; rows dropped by Amazon ML's CSV rules are counted, and too many fail the write with nothing
 * loaded or published.
 */
@ExtendWith(LocalRedshiftExtension.class)
class AmazonMlCsvIT {

  private static LocalRedshift redshift;
  private final SparkSession spark = SharedSpark.session();

  @BeforeAll
  static void start() {
    redshift = AmazonMlTestSupport.redshift();
  }

  @BeforeEach
  void clear() {
    redshift.dataApi().requests().clear();
  }

  private void write(Dataset<Row> df, String table, SaveMode mode, String... extra) {
    var w =
        df.write()
            .format("redshift-data")
            .options(options(redshift))
            .option("dbtable", table)
            .mode(mode);
    for (int i = 0; i < extra.length; i += 2) {
      w = w.option(extra[i], extra[i + 1]);
    }
    w.save();
  }

  private static final StructType HOSTILE =
      new StructType()
          .add("id", DataTypes.IntegerType)
          .add("label", DataTypes.StringType)
          .add("note", DataTypes.StringType)
          .add("flag", DataTypes.BooleanType)
          .add("amount", DataTypes.createDecimalType(10, 2))
          .add("day", DataTypes.DateType)
          .add("ts", DataTypes.TimestampType);

  private Dataset<Row> hostileRows() {
    List<Row> rows = new ArrayList<>();
    rows.add(
        RowFactory.create(
            1,
            "yes",
            "plain",
            true,
            new BigDecimal("12.50"),
            Date.valueOf("2024-02-29"),
            Timestamp.from(Instant.parse("2024-01-31T13:45:00.123456Z"))));
    rows.add(RowFactory.create(2, "no", "a,b", false, new BigDecimal("-0.01"), null, null));
    rows.add(RowFactory.create(3, "yes", "say \"hi\"", null, null, null, null));
    rows.add(RowFactory.create(4, "no", "line1\nline2", null, null, null, null));
    rows.add(RowFactory.create(5, "yes", "crlf\r\nend\rcr", null, null, null, null));
    rows.add(RowFactory.create(6, "no", "", null, null, null, null));
    rows.add(RowFactory.create(7, "yes", null, null, null, null, null));
    rows.add(RowFactory.create(8, "no", "ünïcödé ✓ 日本", null, null, null, null));
    rows.add(RowFactory.create(9, null, "\"q,\"\n", null, null, null, null));
    return spark.createDataFrame(rows, HOSTILE).coalesce(1);
  }

  @Test
  void hostileValuesFollowAmazonMlsCsvRulesByteForByte() throws Exception {
    String folder = folder(redshift, "hostile");
    String table = "aml_hostile_" + System.nanoTime();
    String id = "hostile-" + System.nanoTime();
    write(
        hostileRows(),
        table,
        SaveMode.Append,
        "amazonMl.datasource",
        "s3",
        "amazonMl.location",
        folder + "data/",
        "amazonMl.targetAttribute",
        "LABEL",
        "amazonMl.rowId",
        "id",
        "amazonMl.excludedAttributes",
        "ts",
        "amazonMl.categoricalThreshold",
        "5",
        "amazonMl.attributeTypes",
        "day=TEXT,ID=CATEGORICAL",
        "amazonMl.dataSourceId",
        id,
        "amazonMl.dataSourceName",
        "Hostile values");

    // The table got every row, the original values included.
    assertEquals(
        List.of(List.of("9", "line1\nline2")),
        query(
            redshift,
            "select count(*), max(case when id = 4 then note end) from \"" + table + "\""));

    Map<String, String> files = files(spark, folder);
    assertEquals(3, files.size(), files.keySet().toString());
    String csvName =
        files.keySet().stream().filter(k -> k.startsWith("data/")).findFirst().orElseThrow();
    assertTrue(csvName.matches("data/part-00000-\\d+\\.csv"), csvName);
    assertEquals(
        "id,label,note,flag,amount,day,ts\n"
            + "1,yes,plain,1,12.50,2024-02-29,2024-01-31T13:45:00.123456Z\n"
            + "2,no,\"a,b\",0,-0.01,,\n"
            + "3,yes,\"say \"\"hi\"\"\",,,,\n"
            + "4,no,line1 line2,,,,\n"
            + "5,yes,crlf end cr,,,,\n"
            + "6,no,,,,,\n"
            + "7,yes,,,,,\n"
            + "8,no,ünïcödé ✓ 日本,,,,\n"
            + "9,,\"\"\"q,\"\" \",,,,\n",
        files.get(csvName));

    JsonNode schema = json(files.get("data.schema.json"));
    assertEquals("1.0", schema.get("version").asText());
    assertEquals("id", schema.get("rowId").asText());
    assertFalse(schema.has("rowWeight"));
    assertEquals("label", schema.get("targetAttributeName").asText());
    assertEquals("CSV", schema.get("dataFormat").asText());
    assertTrue(schema.get("dataFileContainsHeader").asBoolean());
    List<String> attributes = new ArrayList<>();
    for (JsonNode a : schema.get("attributes")) {
      attributes.add(a.get("attributeName").asText() + "=" + a.get("attributeType").asText());
    }
    assertEquals(
        List.of(
            "id=CATEGORICAL", // override, matched case-insensitively
            "label=BINARY", // a target with two binary states
            "note=TEXT", // 7 distinct values, above the threshold of 5
            "flag=BINARY",
            "amount=NUMERIC",
            "day=TEXT", // override
            "ts=CATEGORICAL"), // one distinct value
        attributes);
    assertEquals("[\"ts\"]", schema.get("excludedAttributeNames").toString());
    assertEquals(7, schema.size(), schema.toString());

    String bucket = redshift.config().bucket();
    String s3Folder = folder.replace("s3a://", "s3://");
    JsonNode spec = json(files.get("data." + id + ".CreateDataSourceFromS3.json"));
    assertEquals(id, spec.get("DataSourceId").asText());
    assertEquals("Hostile values", spec.get("DataSourceName").asText());
    assertEquals(s3Folder + "data/", spec.at("/DataSpec/DataLocationS3").asText());
    assertEquals(s3Folder + "data.schema.json", spec.at("/DataSpec/DataSchemaLocationS3").asText());
    assertTrue(s3Folder.startsWith("s3://" + bucket + "/aml/"), s3Folder);
    assertFalse(spec.get("DataSpec").has("DataRearrangement"));
    assertEquals(2, spec.get("DataSpec").size());
    assertTrue(spec.get("ComputeStatistics").asBoolean());
    assertEquals(4, spec.size(), spec.toString());

    assertEquals(Map.of(), tempdirFiles(spark, redshift));
  }

  @Test
  void rowsWithLineBreaksOrAboveMaxRowBytesAreDroppedAndCounted() throws Exception {
    String folder = folder(redshift, "drops");
    List<Row> rows = new ArrayList<>();
    rows.add(RowFactory.create(1, "yes", "short"));
    rows.add(RowFactory.create(2, "no", "abcdefghijklmno")); // 20 bytes: kept
    rows.add(RowFactory.create(3, "no", "abcdefghijklmnop")); // 21 bytes: dropped
    rows.add(RowFactory.create(4, "no", "ééééébbbbb")); // 20 bytes in 15 characters: kept
    rows.add(RowFactory.create(5, "no", "éééééébbbb")); // 21 bytes: dropped
    rows.add(RowFactory.create(6, "yes", "two\nlines")); // rejected
    StructType schema =
        new StructType()
            .add("id", DataTypes.IntegerType)
            .add("label", DataTypes.StringType)
            .add("note", DataTypes.StringType);
    Dataset<Row> df = spark.createDataFrame(rows, schema).coalesce(1);
    String table = "aml_drops_" + System.nanoTime();

    // df.write.save() reports two executions (the save and its nested write): keep both
    List<QueryExecution> done = new java.util.concurrent.CopyOnWriteArrayList<>();
    QueryExecutionListener listener =
        new QueryExecutionListener() {
          @Override
          public void onSuccess(String funcName, QueryExecution qe, long durationNs) {
            done.add(qe);
          }

          @Override
          public void onFailure(String funcName, QueryExecution qe, Exception exception) {}
        };
    spark.listenerManager().register(listener);
    try {
      write(
          df,
          table,
          SaveMode.Append,
          "amazonMl.datasource",
          "s3",
          "amazonMl.location",
          folder + "data/",
          "amazonMl.targetAttribute",
          "label",
          "amazonMl.newlines",
          "reject",
          "amazonMl.maxRowBytes",
          "20",
          "amazonMl.header",
          "false");
      spark.sparkContext().listenerBus().waitUntilEmpty();
    } finally {
      spark.listenerManager().unregister(listener);
    }

    Map<String, String> files = files(spark, folder);
    String csv =
        files.entrySet().stream()
            .filter(e -> e.getKey().startsWith("data/"))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElseThrow();
    assertEquals("1,yes,short\n2,no,abcdefghijklmno\n4,no,ééééébbbbb\n", csv);
    assertEquals(
        6L, Long.parseLong(query(redshift, "select count(*) from " + table).get(0).get(0)));
    JsonNode schemaJson = json(files.get("data.schema.json"));
    assertFalse(schemaJson.get("dataFileContainsHeader").asBoolean());

    assertFalse(done.isEmpty(), "the write's query execution was not reported");
    // the nested write's plan holds the write node and its metrics
    assertEquals(
        List.of(3L),
        done.stream().map(qe -> droppedRowsMetric(qe.executedPlan())).filter(v -> v >= 0).toList());
  }

  /** The value of the write node's dropped-rows metric. */
  private static long droppedRowsMetric(SparkPlan plan) {
    Map<String, SQLMetric> metrics = ScalaCollections.toJava(plan.metrics());
    if (metrics.containsKey("amazonMlDroppedRows")) {
      return metrics.get("amazonMlDroppedRows").value();
    }
    for (SparkPlan child : ScalaCollections.toJava(plan.children())) {
      long v = droppedRowsMetric(child);
      if (v >= 0) {
        return v;
      }
    }
    return -1;
  }

  @Test
  void tooManyDroppedRowsFailTheWriteWithNothingLoadedOrPublished() throws Exception {
    String folder = folder(redshift, "limit");
    String table = "aml_limit_" + System.nanoTime();
    sql(redshift, "create table " + table + " (id int, label varchar(10), note varchar(100))");
    sql(redshift, "insert into " + table + " values (-1, 'old', 'old')");
    redshift.dataApi().requests().clear();
    List<Row> rows = new ArrayList<>();
    rows.add(RowFactory.create(1, "yes", "ok"));
    rows.add(RowFactory.create(2, "no", "x".repeat(30)));
    rows.add(RowFactory.create(3, "no", "y".repeat(30)));
    StructType schema =
        new StructType()
            .add("id", DataTypes.IntegerType)
            .add("label", DataTypes.StringType)
            .add("note", DataTypes.StringType);
    Dataset<Row> df = spark.createDataFrame(rows, schema).repartition(2);

    Exception e =
        assertThrows(
            Exception.class,
            () ->
                write(
                    df,
                    table,
                    SaveMode.Overwrite,
                    "amazonMl.datasource",
                    "s3",
                    "amazonMl.location",
                    folder + "data/",
                    "amazonMl.targetAttribute",
                    "label",
                    "amazonMl.maxRowBytes",
                    "20",
                    "amazonMl.maxDroppedRows",
                    "1"));
    String m = messages(e);
    assertTrue(
        m.contains("Cannot emit an Amazon ML datasource for table \"public\".\"" + table + "\""),
        m);
    assertTrue(m.contains("2 rows would be left out of the CSV"), m);
    assertTrue(m.contains("2 larger than 20 bytes"), m);
    assertTrue(m.contains("more than 'amazonMl.maxDroppedRows' (1)"), m);
    assertTrue(m.contains("Nothing was loaded or published"), m);

    assertEquals(
        List.of(List.of("-1", "old", "old")),
        query(redshift, "select id, label, note from " + table));
    assertTrue(
        redshift.dataApi().requests().sqls().stream().noneMatch(s -> s.startsWith("COPY")),
        redshift.dataApi().requests().sqls().toString());
    assertEquals(Map.of(), files(spark, folder));
    assertEquals(Map.of(), tempdirFiles(spark, redshift));
  }

  @Test
  void aFailedCopyPublishesNoDatasource() throws Exception {
    String folder = folder(redshift, "copyfail");
    String table = "aml_copyfail_" + System.nanoTime();
    sql(redshift, "create table " + table + " (id bigint, v varchar(5))");
    sql(redshift, "insert into " + table + " values (-1, 'old')");
    Dataset<Row> df =
        spark
            .range(0, 100, 1, 2)
            .selectExpr("id", "case when id = 70 then 'toolong' else 'ok' end as v");
    Exception e =
        assertThrows(
            Exception.class,
            () ->
                write(
                    df,
                    table,
                    SaveMode.Overwrite,
                    "amazonMl.datasource",
                    "s3",
                    "amazonMl.location",
                    folder + "data/",
                    "amazonMl.targetAttribute",
                    "v"));
    assertTrue(messages(e).contains("rolled back and the table is unchanged"), messages(e));
    assertEquals(List.of(List.of("-1", "old")), query(redshift, "select id, v from " + table));
    assertEquals(Map.of(), files(spark, folder));
    assertEquals(Map.of(), tempdirFiles(spark, redshift));
  }

  @Test
  void aDataLocationHoldingFilesIsRefusedBeforeAnythingRuns() throws Exception {
    String folder = folder(redshift, "taken");
    write(
        spark.range(0, 10).selectExpr("id", "id % 2 as label"),
        "aml_taken_" + System.nanoTime(),
        SaveMode.Append,
        "amazonMl.datasource",
        "s3",
        "amazonMl.s3Only",
        "true",
        "amazonMl.location",
        folder + "data/",
        "amazonMl.targetAttribute",
        "label");
    Map<String, String> before = files(spark, folder);
    redshift.dataApi().requests().clear();
    Exception e =
        assertThrows(
            Exception.class,
            () ->
                write(
                    spark.range(0, 10).selectExpr("id", "id % 2 as label"),
                    "aml_taken_" + System.nanoTime(),
                    SaveMode.Append,
                    "amazonMl.datasource",
                    "s3",
                    "amazonMl.location",
                    folder + "data/",
                    "amazonMl.targetAttribute",
                    "label"));
    assertTrue(messages(e).contains("already holds files"), messages(e));
    assertEquals(0, redshift.dataApi().requests().count("BatchExecuteStatement"));
    assertEquals(before, files(spark, folder));
  }

  @Test
  void theDefaultLimitKeepsA100KbRowAndDropsOneByteMore() throws Exception {
    String folder = folder(redshift, "100kb");
    // "1,y," is 4 bytes: 102,396 more make exactly 102,400; one more is dropped.
    Dataset<Row> df =
        spark
            .range(1, 3, 1, 1)
            .selectExpr("id", "'y' as label", "repeat('x', 102395 + cast(id as int)) as note");
    write(
        df,
        "aml_100kb_" + System.nanoTime(),
        SaveMode.Append,
        "amazonMl.datasource",
        "s3",
        "amazonMl.s3Only",
        "true",
        "amazonMl.location",
        folder + "data/",
        "amazonMl.targetAttribute",
        "label",
        "amazonMl.header",
        "false");
    String csv =
        files(spark, folder).entrySet().stream()
            .filter(e -> e.getKey().startsWith("data/"))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElseThrow();
    assertEquals("1,y," + "x".repeat(102_396) + "\n", csv);
  }

  /**
   * Amazon ML's own limits at full size: 10,001 rows of more than 100 KB fail the write. Outside CI
   * (about 1 GB of values): {@code AML_FULL_LIMITS=1}.
   */
  @Test
  @EnabledIfEnvironmentVariable(named = "AML_FULL_LIMITS", matches = "1")
  void tenThousandAndOneRowsAbove100KbFailTheWrite() throws Exception {
    String folder = folder(redshift, "full");
    Dataset<Row> df =
        spark
            .range(0, 10_001, 1, 2)
            .selectExpr("id", "'y' as label", "repeat('x', 102400) as note");
    long start = System.nanoTime();
    Exception e =
        assertThrows(
            Exception.class,
            () ->
                write(
                    df,
                    "aml_full_" + System.nanoTime(),
                    SaveMode.Append,
                    "amazonMl.datasource",
                    "s3",
                    "amazonMl.s3Only",
                    "true",
                    "amazonMl.location",
                    folder + "data/",
                    "amazonMl.targetAttribute",
                    "label"));
    System.out.println(
        "AML_FULL_LIMITS: 10,001 rows of more than 102,400 bytes refused in "
            + (System.nanoTime() - start) / 1_000_000
            + " ms");
    String m = messages(e);
    assertTrue(m.contains("10001 rows would be left out of the CSV"), m);
    assertTrue(m.contains("10001 larger than 102400 bytes"), m);
    assertTrue(m.contains("more than 'amazonMl.maxDroppedRows' (10000)"), m);
    assertEquals(Map.of(), files(spark, folder));
    assertEquals(Map.of(), tempdirFiles(spark, redshift));
  }

  @Test
  void aDatasourceWithoutObservationsIsRefusedAndTheTableUnchanged() throws Exception {
    String folder = folder(redshift, "empty");
    String table = "aml_empty_" + System.nanoTime();
    sql(redshift, "create table " + table + " (id bigint, label varchar(10))");
    sql(redshift, "insert into " + table + " values (-1, 'old')");
    Exception e =
        assertThrows(
            Exception.class,
            () ->
                write(
                    spark.range(0, 0).selectExpr("id", "'y' as label"),
                    table,
                    SaveMode.Overwrite,
                    "amazonMl.datasource",
                    "s3",
                    "amazonMl.location",
                    folder + "data/",
                    "amazonMl.targetAttribute",
                    "label"));
    assertTrue(messages(e).contains("no row reached the CSV (0 dropped)"), messages(e));
    assertEquals(List.of(List.of("-1", "old")), query(redshift, "select id, label from " + table));
    assertEquals(Map.of(), files(spark, folder));
    assertEquals(Map.of(), tempdirFiles(spark, redshift));
  }
}
