package dev.redshiftdata.spark.read;

import static dev.redshiftdata.spark.read.ReadTestSupport.messages;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.local.LocalRedshift;
import dev.redshiftdata.local.LocalRedshiftConfig;
import dev.redshiftdata.local.junit.LocalRedshiftExtension;
import dev.redshiftdata.spark.SharedSpark;
import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.dataapi.DataApi;
import dev.redshiftdata.spark.dataapi.StatementRequest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Direct-path reads (one statement, one partition paging GetStatementResult) in a SparkSession. */
@ExtendWith(LocalRedshiftExtension.class)
class DirectReadIT {

  private static final String TABLE = "direct_types_" + System.nanoTime();
  private static final String MULTI_BYTE = "héllo 世界 🙂";

  private static LocalRedshift redshift;
  private final SparkSession spark = SharedSpark.session();

  @BeforeAll
  static void createTable() {
    redshift = ReadTestSupport.redshift();
    LocalRedshiftConfig config = redshift.config();
    run(
        "create table "
            + TABLE
            + " (id int4, c_i2 int2, c_i8 int8, c_n38 numeric(38,10), c_n12 numeric(12,2),"
            + " c_f4 float4, c_f8 float8, c_bool bool, c_char char(5), c_vc varchar(40), c_date date,"
            + " c_ts timestamp, c_tstz timestamptz, c_time time, c_vb varbyte(10), c_super super)");
    run(
        "insert into "
            + TABLE
            + " values (1, -32768, 9223372036854775807, 1234567890123456789012345678.0123456789,"
            + " 1234567890.12, 1.5, -2.25, true, 'ab', 'x,y', '2023-10-23',"
            + " '2022-02-22 01:02:03.456789', '2023-10-23 09:26:38.779304+00', '09:26:38.779304',"
            + " '\\\\x01ff', '{\"b\": [1, 2], \"a\": \"x\"}')");
    run("insert into " + TABLE + " (id) values (2)");
    run(
        "insert into "
            + TABLE
            + " values (3, 7, -1, -0.0000000001, -0.01, 'NaN', 'Infinity', false, 'abcde', '', '1582-10-04',"
            + " '1582-10-04 23:59:59', '1969-12-31 23:59:59.999999+00', '00:00:00', '\\\\x',"
            + " '[]')");
    run(
        "insert into "
            + TABLE
            + " values (4, 0, 0, 0, 0, '-Infinity', 'NaN', true, '"
            + MULTI_BYTE.substring(0, 1)
            + "', '"
            + MULTI_BYTE
            + "', '0044-03-15 BC', null, null, null, null, null)");
  }

  @BeforeEach
  void java8Api() {
    spark.conf().set("spark.sql.datetime.java8API.enabled", "true");
    redshift.dataApi().requests().clear();
  }

  @AfterEach
  void restore() {
    spark.conf().unset("spark.sql.datetime.java8API.enabled");
    spark.conf().set("spark.sql.session.timeZone", "UTC");
    redshift.dataApi().reset();
  }

  static void run(String sql) {
    DataApi api = RedshiftOptions.parse(ReadTestSupport.directOptions(), Map.of()).dataApi();
    api.execute(StatementRequest.sql(sql));
  }

  private DataFrameReader reader() {
    return spark.read().format("redshift-data").options(ReadTestSupport.directOptions());
  }

  private static DataType type(Dataset<Row> df, String column) {
    return df.schema().apply(column).dataType();
  }

  @Test
  void everyTypeByDbtable() {
    Dataset<Row> df = reader().option("dbtable", TABLE).load();
    assertEquals(
        List.of(
            "id", "c_i2", "c_i8", "c_n38", "c_n12", "c_f4", "c_f8", "c_bool", "c_char", "c_vc",
            "c_date", "c_ts", "c_tstz", "c_time", "c_vb", "c_super"),
        Arrays.asList(df.schema().fieldNames()));
    assertEquals(DataTypes.IntegerType, type(df, "id"));
    assertEquals(DataTypes.ShortType, type(df, "c_i2"));
    assertEquals(DataTypes.LongType, type(df, "c_i8"));
    assertEquals(DataTypes.createDecimalType(38, 10), type(df, "c_n38"));
    assertEquals(DataTypes.createDecimalType(12, 2), type(df, "c_n12"));
    assertEquals(DataTypes.FloatType, type(df, "c_f4"));
    assertEquals(DataTypes.DoubleType, type(df, "c_f8"));
    assertEquals(DataTypes.BooleanType, type(df, "c_bool"));
    assertEquals(DataTypes.StringType, type(df, "c_char"));
    assertEquals(DataTypes.StringType, type(df, "c_vc"));
    assertEquals(DataTypes.DateType, type(df, "c_date"));
    assertEquals(DataTypes.TimestampNTZType, type(df, "c_ts"));
    assertEquals(DataTypes.TimestampType, type(df, "c_tstz"));
    assertEquals(DataTypes.StringType, type(df, "c_time"));
    assertEquals(DataTypes.BinaryType, type(df, "c_vb"));
    assertEquals(DataTypes.StringType, type(df, "c_super"));
    assertEveryTypeRows(df.orderBy("id").collectAsList());
  }

  @Test
  void everyTypeByQuery() {
    Dataset<Row> df = reader().option("query", "select * from " + TABLE + " where id > 0").load();
    assertEquals(DataTypes.createDecimalType(38, 10), type(df, "c_n38"));
    assertEquals(DataTypes.TimestampType, type(df, "c_tstz"));
    assertEquals(DataTypes.BinaryType, type(df, "c_vb"));
    assertTrue(
        redshift.dataApi().requests().sqls().stream().anyMatch(s -> s.endsWith("LIMIT 0")),
        redshift.dataApi().requests().sqls().toString());
    assertEveryTypeRows(df.orderBy("id").collectAsList());
  }

  private static void assertEveryTypeRows(List<Row> rows) {
    assertEquals(4, rows.size());
    Row r = rows.get(0);
    assertEquals(1, r.getInt(0));
    assertEquals((short) -32768, r.getShort(1));
    assertEquals(Long.MAX_VALUE, r.getLong(2));
    assertEquals(new BigDecimal("1234567890123456789012345678.0123456789"), r.getDecimal(3));
    assertEquals(new BigDecimal("1234567890.12"), r.getDecimal(4));
    assertEquals(1.5f, r.getFloat(5));
    assertEquals(-2.25, r.getDouble(6));
    assertTrue(r.getBoolean(7));
    assertEquals("ab   ", r.getString(8));
    assertEquals("x,y", r.getString(9));
    assertEquals(LocalDate.of(2023, 10, 23), r.get(10));
    assertEquals(LocalDateTime.of(2022, 2, 22, 1, 2, 3, 456_789_000), r.get(11));
    assertEquals(Instant.parse("2023-10-23T09:26:38.779304Z"), r.get(12));
    assertEquals("09:26:38.779304", r.getString(13));
    assertArrayEquals(new byte[] {1, (byte) 0xff}, (byte[]) r.get(14));
    assertEquals("{\"a\":\"x\",\"b\":[1,2]}", r.getString(15));

    Row nulls = rows.get(1);
    assertEquals(2, nulls.getInt(0));
    for (int i = 1; i < nulls.length(); i++) {
      assertTrue(nulls.isNullAt(i), "column " + i + " of the all-null row: " + nulls);
    }

    Row edge = rows.get(2);
    assertEquals(new BigDecimal("-0.0000000001"), edge.getDecimal(3));
    assertEquals(new BigDecimal("-0.01"), edge.getDecimal(4));
    assertTrue(Float.isNaN(edge.getFloat(5)));
    assertEquals(Double.POSITIVE_INFINITY, edge.getDouble(6));
    assertFalse(edge.getBoolean(7));
    assertEquals("abcde", edge.getString(8));
    assertEquals("", edge.getString(9));
    assertEquals(LocalDate.of(1582, 10, 4), edge.get(10));
    assertEquals(LocalDateTime.of(1582, 10, 4, 23, 59, 59), edge.get(11));
    assertEquals(Instant.parse("1969-12-31T23:59:59.999999Z"), edge.get(12));
    assertEquals("00:00:00", edge.getString(13));
    assertArrayEquals(new byte[0], (byte[]) edge.get(14));
    assertEquals("[]", edge.getString(15));

    Row text = rows.get(3);
    assertEquals(Float.NEGATIVE_INFINITY, text.getFloat(5));
    assertTrue(Double.isNaN(text.getDouble(6)));
    assertEquals(MULTI_BYTE.substring(0, 1) + "    ", text.getString(8));
    assertEquals(MULTI_BYTE, text.getString(9));
    assertEquals(LocalDate.of(-43, 3, 15), text.get(10));
    assertNull(text.get(11));
  }

  @Test
  void pruningAndAPushedFilterReachRedshift() {
    Dataset<Row> df =
        reader().option("dbtable", TABLE).load().filter("c_i2 > 0").select("id", "c_vc");
    List<Row> rows = df.collectAsList();
    assertEquals(1, rows.size());
    assertEquals(3, rows.get(0).getInt(0));
    assertEquals("", rows.get(0).getString(1));
    List<String> selects =
        redshift.dataApi().requests().sqls().stream()
            .filter(s -> s.startsWith("SELECT") && !s.endsWith("LIMIT 0"))
            .filter(s -> !ReadTestSupport.isSearchPathLookup(s))
            .toList();
    assertEquals(1, selects.size(), selects.toString());
    String sql = selects.get(0);
    // An integer comparison is exact in Redshift: Spark does not evaluate it again, nor read c_i2.
    assertTrue(sql.startsWith("SELECT \"id\", \"c_vc\" FROM "), sql);
    assertTrue(sql.contains("\"c_i2\" IS NOT NULL"), sql);
    assertTrue(sql.contains("\"c_i2\" > 0"), sql);
    String explain = df.queryExecution().executedPlan().toString();
    assertTrue(explain.contains("path=direct"), explain);
    assertFalse(explain.contains(redshift.config().secretAccessKey()), explain);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.CsvSource({
    "json,GetStatementResult",
    "csv,GetStatementResultV2"
  })
  void pagesOverThreeOrMorePages(String format, String operation) {
    redshift.dataApi().settings().resultPageRows(100);
    Dataset<Row> df =
        reader()
            .option("resultFormat", format)
            .option("query", "select n, repeat('x', 10) as pad from generate_series(1, 350) as n")
            .load();
    List<Row> rows = df.orderBy("n").collectAsList();
    assertEquals(350, rows.size());
    for (int i = 0; i < 350; i++) {
      assertEquals(i + 1, ((Number) rows.get(i).get(0)).intValue());
      assertEquals("xxxxxxxxxx", rows.get(i).getString(1));
    }
    assertTrue(
        redshift.dataApi().requests().count(operation) >= 4,
        operation + " calls: " + redshift.dataApi().requests().count(operation));
  }

  @Test
  void jsonAndCsvPagesGiveIdenticalRows() {
    List<Row> json =
        reader()
            .option("resultFormat", "json")
            .option("dbtable", TABLE)
            .load()
            .orderBy("id")
            .collectAsList();
    assertTrue(redshift.dataApi().requests().count("GetStatementResult") >= 1);
    List<Row> csv =
        reader()
            .option("resultFormat", "csv")
            .option("dbtable", TABLE)
            .load()
            .orderBy("id")
            .collectAsList();
    assertTrue(redshift.dataApi().requests().count("GetStatementResultV2") >= 1);
    assertEquals(json, csv);
    assertEveryTypeRows(csv);
  }

  @Test
  void aMissingTableSaysSoWithRedshiftsMessage() {
    Exception e =
        assertThrows(
            Exception.class, () -> reader().option("dbtable", "no_such_table_here").load());
    String message = messages(e);
    assertTrue(message.contains("no_such_table_here"), message);
    assertTrue(message.contains("does not exist"), message);
  }

  @Test
  void aUserSchemaIsHonouredAndCheckedByColumn() {
    StructType good = new StructType().add("id", DataTypes.IntegerType).add("c_vc", "string");
    List<Row> rows =
        reader().schema(good).option("dbtable", TABLE).load().orderBy("id").collectAsList();
    assertEquals(4, rows.size());
    assertEquals(2, rows.get(0).length());
    assertEquals("x,y", rows.get(0).getString(1));

    StructType wrongType = new StructType().add("id", DataTypes.IntegerType).add("c_i8", "int");
    Exception e =
        assertThrows(
            Exception.class, () -> reader().schema(wrongType).option("dbtable", TABLE).load());
    String message = messages(e);
    assertTrue(message.contains("'c_i8'") && message.contains("bigint"), message);

    StructType missing = new StructType().add("nope", DataTypes.IntegerType);
    Exception e2 =
        assertThrows(
            Exception.class, () -> reader().schema(missing).option("dbtable", TABLE).load());
    assertTrue(messages(e2).contains("'nope'"), messages(e2));
  }

  @Test
  void aQueryIsProbedOnceAndRunOnce() {
    List<Row> rows = reader().option("query", "select 41 + 1 as answer").load().collectAsList();
    assertEquals(42, ((Number) rows.get(0).get(0)).intValue());
    List<String> sqls = redshift.dataApi().requests().sqls();
    assertEquals(1, sqls.stream().filter(s -> s.endsWith("LIMIT 0")).count(), sqls.toString());
    assertEquals(1, sqls.stream().filter(s -> !s.endsWith("LIMIT 0")).count(), sqls.toString());
  }

  @Test
  void aLateBindingViewFallsBackToTheQueryProbe() {
    String view = "direct_lbv_" + System.nanoTime();
    run(
        "create view "
            + view
            + " as select id, c_vc from public."
            + TABLE
            + " where id = 1 with no schema binding");
    redshift.dataApi().requests().clear();
    Dataset<Row> df = reader().option("dbtable", view).load();
    assertEquals(DataTypes.StringType, type(df, "c_vc"));
    List<String> sqls = redshift.dataApi().requests().sqls();
    assertEquals(2, sqls.size(), sqls.toString());
    assertTrue(ReadTestSupport.isSearchPathLookup(sqls.get(0)), sqls.get(0));
    assertEquals(
        "SELECT * FROM \"public\".\"" + view + "\" LIMIT 0",
        sqls.get(1),
        "DescribeTable has no columns for a late-binding view, so the probe supplies them");
    List<Row> rows = df.collectAsList();
    assertEquals(1, rows.size());
    assertEquals("x,y", rows.get(0).getString(1));
  }

  /** Instants around DST transitions in New York and in Europe, and a pre-epoch one. */
  private static final String TSTZ_QUERY =
      "select 1 as id, '2023-11-05 05:30:00+00'::timestamptz as t"
          + " union all select 2, '2023-11-05 06:30:00+00'::timestamptz"
          + " union all select 3, '2023-03-12 07:30:00+00'::timestamptz"
          + " union all select 4, '2023-03-26 01:30:00+00'::timestamptz"
          + " union all select 5, '1900-01-01 00:00:00+00'::timestamptz";

  private List<Row> readInstants(String source, String value) {
    return reader()
        .option(source, value)
        .load()
        .select("id", "c_tstz")
        .orderBy("id")
        .collectAsList();
  }

  @Test
  void timestamptzIsTheSameInstantInEverySessionAndJvmTimeZone() {
    java.util.TimeZone jvm = java.util.TimeZone.getDefault();
    List<List<Row>> results = new java.util.ArrayList<>();
    try {
      for (String zone : List.of("UTC", "America/New_York", "Asia/Kolkata", "Europe/Berlin")) {
        spark.conf().set("spark.sql.session.timeZone", zone);
        java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone(zone));
        List<Row> both = new java.util.ArrayList<>(readInstants("dbtable", TABLE));
        both.addAll(
            reader()
                .option("query", TSTZ_QUERY)
                .load()
                .withColumnRenamed("t", "c_tstz")
                .orderBy("id")
                .collectAsList());
        results.add(both);
      }
    } finally {
      java.util.TimeZone.setDefault(jvm);
    }
    for (List<Row> r : results) {
      assertEquals(results.get(0), r);
    }
    List<Row> utc = results.get(0);
    assertEquals(Instant.parse("2023-10-23T09:26:38.779304Z"), utc.get(0).get(1));
    assertEquals(Instant.parse("2023-11-05T05:30:00Z"), utc.get(4).get(1));
    assertEquals(Instant.parse("2023-11-05T06:30:00Z"), utc.get(5).get(1));
    assertEquals(Instant.parse("2023-03-12T07:30:00Z"), utc.get(6).get(1));
    assertEquals(Instant.parse("2023-03-26T01:30:00Z"), utc.get(7).get(1));
    assertEquals(Instant.parse("1900-01-01T00:00:00Z"), utc.get(8).get(1));
  }
}
