package dev.redshiftdata.spark.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redshiftdata.local.LocalRedshift;
import dev.redshiftdata.local.junit.LocalRedshiftExtension;
import dev.redshiftdata.spark.SharedSpark;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every flat type round-trips write -> read with exact equality, into a table the write creates
 * from the DataFrame's schema in its COPY transaction.
 */
@ExtendWith(LocalRedshiftExtension.class)
class WriteTypesIT {

  private static LocalRedshift redshift;
  private final SparkSession spark = SharedSpark.session();

  @BeforeAll
  static void start() {
    redshift = WriteSupport.redshift();
  }

  private static final StructType SCHEMA =
      new StructType()
          .add("id", DataTypes.IntegerType, false)
          .add("c_bool", DataTypes.BooleanType)
          .add("c_short", DataTypes.ShortType)
          .add("c_long", DataTypes.LongType)
          .add("c_float", DataTypes.FloatType)
          .add("c_double", DataTypes.DoubleType)
          .add("c_dec", DataTypes.createDecimalType(10, 2))
          .add("c_dec38", DataTypes.createDecimalType(38, 10))
          .add("c_str", DataTypes.StringType)
          .add("c_date", DataTypes.DateType)
          .add("c_ts", DataTypes.TimestampType)
          .add("c_ts_ntz", DataTypes.TimestampNTZType)
          .add("c_bin", DataTypes.BinaryType);

  private static List<Row> data() {
    List<Row> rows = new ArrayList<>();
    rows.add(
        RowFactory.create(
            1,
            true,
            (short) -32768,
            Long.MAX_VALUE,
            1.5f,
            Math.PI,
            new BigDecimal("-12345678.90"),
            new BigDecimal("1234567890123456789012345678.0123456789"),
            "héllo, 'quoted' \"x\" \\ ✓",
            Date.valueOf("1999-12-31"),
            Timestamp.valueOf("2024-02-29 23:59:59.123456"),
            LocalDateTime.parse("1970-01-01T00:00:00.000001"),
            new byte[] {0, 1, (byte) 0xff}));
    rows.add(
        RowFactory.create(
            2,
            false,
            (short) 7,
            Long.MIN_VALUE,
            -0.25f,
            -1e-300,
            new BigDecimal("0.01"),
            new BigDecimal("-0.0000000001"),
            "",
            Date.valueOf("2038-01-19"),
            Timestamp.valueOf("1969-12-31 23:59:59.999999"),
            LocalDateTime.parse("2262-04-11T23:47:16.854775"),
            new byte[0]));
    Object[] nulls = new Object[SCHEMA.fields().length];
    nulls[0] = 3;
    rows.add(RowFactory.create(nulls));
    return rows;
  }

  @Test
  void everyTypeRoundTripsIntoACreatedTable() throws Exception {
    String t = "types_" + System.nanoTime();
    Dataset<Row> df = spark.createDataFrame(data(), SCHEMA).repartition(2);
    redshift.dataApi().requests().clear();
    df.write()
        .format("redshift-data")
        .options(WriteSupport.options(redshift))
        .option("dbtable", t)
        .mode(SaveMode.Append)
        .save();
    List<String> sqls = WriteSupport.batches(redshift).get(0).sqls();
    assertEquals(
        "CREATE TABLE \""
            + t
            + "\" (\"id\" INTEGER NOT NULL, \"c_bool\" BOOLEAN, \"c_short\" SMALLINT, \"c_long\""
            + " BIGINT, \"c_float\" REAL, \"c_double\" DOUBLE PRECISION, \"c_dec\" DECIMAL(10,2),"
            + " \"c_dec38\" DECIMAL(38,10), \"c_str\" VARCHAR(65535), \"c_date\" DATE, \"c_ts\""
            + " TIMESTAMPTZ, \"c_ts_ntz\" TIMESTAMP, \"c_bin\" VARBYTE)",
        sqls.get(0));
    assertTrue(sqls.get(1).startsWith("COPY "), sqls.toString());
    assertEquals(0, WriteSupport.objectsUnder(spark, WriteSupport.lastCopyPrefix(redshift)));

    Dataset<Row> back =
        spark
            .read()
            .format("redshift-data")
            .options(WriteSupport.options(redshift))
            .option("dbtable", t)
            .load();
    StructType backSchema = back.schema();
    for (int i = 0; i < SCHEMA.fields().length; i++) {
      assertEquals(
          SCHEMA.fields()[i].dataType(),
          backSchema.fields()[i].dataType(),
          SCHEMA.fields()[i].name());
      assertEquals(SCHEMA.fields()[i].name(), backSchema.fields()[i].name());
    }
    List<Row> rows = back.orderBy("id").collectAsList();
    List<Row> expected = data();
    assertEquals(expected.size(), rows.size());
    for (int r = 0; r < expected.size(); r++) {
      for (int c = 0; c < SCHEMA.fields().length; c++) {
        Object want = expected.get(r).get(c);
        Object got = rows.get(r).get(c);
        String where = "row " + r + " column " + SCHEMA.fields()[c].name();
        if (want instanceof byte[] b) {
          assertTrue(Arrays.equals(b, (byte[]) got), where);
        } else {
          assertEquals(want, got, where);
        }
      }
    }
  }

  @Test
  void timestampsCrossIntoTheOtherRedshiftTimestampAsUtc() {
    String t = "ts_cross_" + System.nanoTime();
    WriteSupport.sql(redshift, "create table " + t + " (id int, ts timestamp, tstz timestamptz)");
    // A Spark timestamp into TIMESTAMP keeps its UTC wall-clock time; a timestamp_ntz into
    // TIMESTAMPTZ is read as UTC: whatever the session time zone (not UTC here).
    String zone = spark.conf().get("spark.sql.session.timeZone");
    spark.conf().set("spark.sql.session.timeZone", "America/Los_Angeles");
    try {
      spark
          .sql(
              "select 1 as id, timestamp_ntz'2024-05-06 07:08:09.5' as tstz,"
                  + " to_timestamp('2024-05-06 07:08:09.5+02:00') as ts")
          .write()
          .format("redshift-data")
          .options(WriteSupport.options(redshift))
          .option("dbtable", t)
          .mode(SaveMode.Append)
          .save();
    } finally {
      spark.conf().set("spark.sql.session.timeZone", zone);
    }
    assertEquals(
        List.of(List.of("2024-05-06 05:08:09.500", "2024-05-06 07:08:09.500")),
        WriteSupport.query(
            redshift,
            "select to_char(ts, 'YYYY-MM-DD HH24:MI:SS.MS')::varchar,"
                + " to_char(tstz at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.MS')::varchar from "
                + t));
  }

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private static JsonNode json(String text) throws Exception {
    return text == null ? null : JSON.readTree(text);
  }

  @Test
  void nestedColumnsBecomeSuperThroughSerializeToJson() throws Exception {
    String t = "nested_" + System.nanoTime();
    redshift.dataApi().requests().clear();
    spark
        .sql(
            "select 1 as id, named_struct('amount', cast(12.50 as decimal(10,2)), 'big',"
                + " cast('12345678901234567890.123456789' as decimal(38,9)), 'small', cast(-7 as"
                + " decimal(5,0)), 'day', date'2024-02-29', 'at',"
                + " to_timestamp('2024-05-06 07:08:09.5+02:00'), 'local',"
                + " timestamp_ntz'2024-01-02 03:04:05.678901', 'none', cast(null as string)) as s,"
                + " array(named_struct('k', 1, 'tags', array('a', null)), named_struct('k', 2,"
                + " 'tags', array())) as items, map('a', cast(1.5 as decimal(4,2)), 'b', null,"
                + " 'c', cast(-0.01 as decimal(4,2))) as m, array(date'1999-12-31', null,"
                + " date'0001-01-01') as days"
                + " union all select 2, null, null, null, null"
                + " union all select 3, named_struct('amount', null, 'big', null, 'small', null,"
                + " 'day', null, 'at', null, 'local', null, 'none', null), array(), map(), array()")
        .repartition(1)
        .write()
        .format("redshift-data")
        .options(WriteSupport.options(redshift))
        .option("dbtable", t)
        .mode(SaveMode.Append)
        .save();
    List<String> sqls = WriteSupport.batches(redshift).get(0).sqls();
    assertTrue(
        sqls.get(0).endsWith("\"s\" SUPER, \"items\" SUPER, \"m\" SUPER, \"days\" SUPER)"),
        sqls.get(0));
    assertTrue(sqls.get(1).endsWith("FORMAT AS PARQUET MANIFEST SERIALIZETOJSON"), sqls.get(1));

    // Struct -> object (null fields left out), array -> array, map -> object of every entry;
    // decimals are exact numbers, dates and timestamps Redshift's text.
    List<List<JsonNode>> expected =
        List.of(
            List.of(
                json(
                    "{\"amount\": 12.50, \"big\": 12345678901234567890.123456789, \"small\": -7,"
                        + " \"day\": \"2024-02-29\", \"at\": \"2024-05-06 05:08:09.5+00\","
                        + " \"local\": \"2024-01-02 03:04:05.678901\"}"),
                json("[{\"k\": 1, \"tags\": [\"a\", null]}, {\"k\": 2, \"tags\": []}]"),
                json("{\"a\": 1.50, \"b\": null, \"c\": -0.01}"),
                json("[\"1999-12-31\", null, \"0001-01-01\"]")),
            Arrays.asList(null, null, null, null),
            List.of(json("{}"), json("[]"), json("{}"), json("[]")));
    List<List<String>> stored =
        WriteSupport.query(
            redshift,
            "select json_serialize(s), json_serialize(items), json_serialize(m),"
                + " json_serialize(days) from "
                + t
                + " order by id");
    List<Row> read = readBack(t);
    assertEquals(3, stored.size());
    assertEquals(3, read.size());
    for (int r = 0; r < 3; r++) {
      for (int c = 0; c < 4; c++) {
        String where = "row " + (r + 1) + " column " + (c + 1);
        assertEquals(expected.get(r).get(c), json(stored.get(r).get(c)), where);
        // Read back through the connector: SUPER is a JSON string in Spark.
        assertEquals(expected.get(r).get(c), json(read.get(r).getString(c + 1)), where);
      }
    }
  }

  @Test
  void mapKeysThatAreNotStringsAreRefusedBeforeAnythingRuns() throws Exception {
    String t = "map_keys_" + System.nanoTime();
    redshift.dataApi().requests().clear();
    Exception e =
        assertThrows(
            Exception.class,
            () ->
                append(
                    spark.sql("select 1 as id, named_struct('m', map(1, 'one', 2, 'two')) as s"),
                    t));
    assertTrue(
        e.getMessage()
            .contains(
                "Cannot write column 's': a SUPER object's keys are strings, but map<int,string>"
                    + " has int keys"),
        e.getMessage());
    assertTrue(e.getMessage().contains("transform_keys"), e.getMessage());
    assertTrue(WriteSupport.batches(redshift).isEmpty());
    // Only the search_path lookup of the (new) table ran: no CREATE, no COPY.
    List<String> sent = redshift.dataApi().requests().sqls();
    assertEquals(1, sent.size(), sent.toString());
    assertTrue(sent.get(0).contains("pg_catalog.pg_table_is_visible(c.oid)"), sent.get(0));
  }

  private void append(Dataset<Row> df, String t, String... extra) {
    var w =
        df.write()
            .format("redshift-data")
            .options(WriteSupport.options(redshift))
            .option("dbtable", t)
            .mode(SaveMode.Append);
    for (int i = 0; i < extra.length; i += 2) {
      w = w.option(extra[i], extra[i + 1]);
    }
    w.save();
  }

  private List<Row> readBack(String t) {
    return spark
        .read()
        .format("redshift-data")
        .options(WriteSupport.options(redshift))
        .option("dbtable", t)
        .load()
        .orderBy("id")
        .collectAsList();
  }

  @Test
  void ancientDatesAreStagedAsTheyAreWhateverTheSessionsRebaseMode() {
    // LEGACY would shift them into the hybrid calendar; Redshift reads Parquet as proleptic
    // Gregorian (and Spark 3.5's default, EXCEPTION, would fail the write).
    for (String mode : List.of("LEGACY", "EXCEPTION")) {
      String t = "types_ancient_" + mode.toLowerCase(java.util.Locale.ROOT) + System.nanoTime();
      spark.conf().set("spark.sql.parquet.datetimeRebaseModeInWrite", mode);
      try {
        append(
            spark.sql(
                "select 1 as id, date'0044-03-15' as d, date'1582-10-04' as d2,"
                    + " timestamp_ntz'1500-06-01 12:00:00.5' as ts"),
            t);
      } finally {
        spark.conf().unset("spark.sql.parquet.datetimeRebaseModeInWrite");
      }
      assertEquals(
          List.of(List.of("0044-03-15", "1582-10-04", "1500-06-01 12:00:00.5")),
          WriteSupport.query(
              redshift,
              "select to_char(d, 'YYYY-MM-DD'), to_char(d2, 'YYYY-MM-DD'), ts::varchar from " + t),
          mode);
    }
  }

  @Test
  void everyTypeRoundTripsIntoAnExistingTable() {
    String t = "types_existing_" + System.nanoTime();
    WriteSupport.sql(
        redshift,
        "create table "
            + t
            + " (id int, c_int2 smallint, c_int4 integer, c_int8 bigint, c_real real,"
            + " c_double double precision, c_num numeric(12,3), c_bool boolean, c_char char(4),"
            + " c_varchar varchar(10), c_date date, c_ts timestamp, c_tstz timestamptz,"
            + " c_varbyte varbyte(8))");
    // The DataFrame has the Spark types the table reads as: written and read back unchanged.
    StructType schema =
        new StructType()
            .add("id", DataTypes.IntegerType)
            .add("c_int2", DataTypes.ShortType)
            .add("c_int4", DataTypes.IntegerType)
            .add("c_int8", DataTypes.LongType)
            .add("c_real", DataTypes.FloatType)
            .add("c_double", DataTypes.DoubleType)
            .add("c_num", DataTypes.createDecimalType(12, 3))
            .add("c_bool", DataTypes.BooleanType)
            .add("c_char", DataTypes.StringType)
            .add("c_varchar", DataTypes.StringType)
            .add("c_date", DataTypes.DateType)
            .add("c_ts", DataTypes.TimestampNTZType)
            .add("c_tstz", DataTypes.TimestampType)
            .add("c_varbyte", DataTypes.BinaryType);
    List<Row> rows = new ArrayList<>();
    rows.add(
        RowFactory.create(
            1,
            Short.MIN_VALUE,
            Integer.MAX_VALUE,
            Long.MIN_VALUE,
            Float.MAX_VALUE,
            Double.MIN_VALUE,
            new BigDecimal("-123456789.012"),
            true,
            "abcd",
            "h\u00e9llo\u2713",
            Date.valueOf("0001-01-01"),
            LocalDateTime.parse("2024-03-10T02:30:00.000001"),
            Timestamp.valueOf("2000-01-01 00:00:00"),
            new byte[] {(byte) 0xde, (byte) 0xad, 0, (byte) 0xbe, (byte) 0xef}));
    rows.add(
        RowFactory.create(
            2,
            (short) 0,
            Integer.MIN_VALUE,
            Long.MAX_VALUE,
            Float.NaN,
            Double.NEGATIVE_INFINITY,
            new BigDecimal("0.001"),
            false,
            "a b ",
            "",
            Date.valueOf("9999-12-31"),
            LocalDateTime.parse("1900-01-01T00:00:00"),
            Timestamp.valueOf("2262-04-11 23:47:16.854775"),
            new byte[0]));
    Object[] nulls = new Object[schema.fields().length];
    nulls[0] = 3;
    rows.add(RowFactory.create(nulls));
    append(spark.createDataFrame(rows, schema).repartition(2), t);

    Dataset<Row> back =
        spark
            .read()
            .format("redshift-data")
            .options(WriteSupport.options(redshift))
            .option("dbtable", t)
            .load();
    for (int c = 0; c < schema.fields().length; c++) {
      assertEquals(
          schema.fields()[c].dataType(),
          back.schema().fields()[c].dataType(),
          schema.fields()[c].name());
    }
    assertRowsEqual(rows, readBack(t), schema);
  }

  private static void assertRowsEqual(List<Row> expected, List<Row> got, StructType schema) {
    assertEquals(expected.size(), got.size());
    for (int r = 0; r < expected.size(); r++) {
      for (int c = 0; c < schema.fields().length; c++) {
        Object want = expected.get(r).get(c);
        Object have = got.get(r).get(c);
        String where = "row " + r + " column " + schema.fields()[c].name();
        if (want instanceof byte[] b) {
          assertTrue(Arrays.equals(b, (byte[]) have), where);
        } else {
          assertEquals(want, have, where);
        }
      }
    }
  }

  @Test
  void widerTableColumnsGetTheValuesExactlyAndFilesInTheTablesTypes() throws Exception {
    String t = "widen_" + System.nanoTime();
    WriteSupport.sql(
        redshift,
        "create table "
            + t
            + " (id int, a bigint, b integer, c double precision, d double precision,"
            + " e numeric(12,3), f numeric(20,0), g real, ts timestamp)");
    Dataset<Row> df =
        spark.sql(
            "select * from values"
                + " (1, 2147483647, cast(-32768 as smallint), cast(1.1 as float),"
                + " -2147483648, cast(123.45 as decimal(5,2)), 9223372036854775807L,"
                + " cast(32767 as smallint), timestamp_ntz'2024-01-02 03:04:05.678901'),"
                + " (2, null, cast(7 as tinyint), cast(-2.5 as float), null, null,"
                + " -9223372036854775808L, cast(-1 as tinyint), null)"
                + " as v(id, a, b, c, d, e, f, g, ts)");
    redshift.dataApi().requests().clear();
    append(df, t, "keepStaging", "true");

    List<Row> got = readBack(t);
    assertEquals(2, got.size());
    Row r = got.get(0);
    assertEquals(2147483647L, r.get(1));
    assertEquals(-32768, r.get(2));
    assertEquals((double) 1.1f, r.get(3)); // the float's exact value, not 1.1
    assertEquals(-2147483648d, r.get(4));
    assertEquals(new BigDecimal("123.450"), r.get(5));
    assertEquals(new BigDecimal("9223372036854775807"), r.get(6));
    assertEquals(32767f, r.get(7));
    assertEquals(LocalDateTime.parse("2024-01-02T03:04:05.678901"), r.get(8));
    r = got.get(1);
    assertEquals(7, r.get(2));
    assertEquals(-2.5d, r.get(3));
    assertEquals(new BigDecimal("-9223372036854775808"), r.get(6));
    assertEquals(-1f, r.get(7));
    assertEquals(null, r.get(1));

    // COPY is given files in the table's own types: it never converts.
    org.apache.hadoop.fs.Path prefix = WriteSupport.lastCopyPrefix(redshift);
    org.apache.hadoop.conf.Configuration conf = spark.sessionState().newHadoopConf();
    org.apache.hadoop.fs.FileSystem fs = prefix.getFileSystem(conf);
    String fileSchema = null;
    for (org.apache.hadoop.fs.FileStatus f : fs.listStatus(prefix)) {
      if (f.getPath().getName().endsWith(".parquet")) {
        try (org.apache.parquet.hadoop.ParquetFileReader reader =
            org.apache.parquet.hadoop.ParquetFileReader.open(
                org.apache.parquet.hadoop.util.HadoopInputFile.fromPath(f.getPath(), conf))) {
          fileSchema = reader.getFooter().getFileMetaData().getSchema().toString();
        }
      }
    }
    fs.delete(prefix, true);
    assertNotNull(fileSchema);
    for (String column :
        List.of(
            "optional int32 id",
            "optional int64 a",
            "optional int32 b",
            "optional double c",
            "optional double d",
            "optional int64 e (DECIMAL(12,3))",
            "optional fixed_len_byte_array(9) f (DECIMAL(20,0))",
            "optional float g",
            "optional int64 ts (TIMESTAMP(MICROS,false))")) {
      assertTrue(fileSchema.contains(column + ";"), column + " in " + fileSchema);
    }
  }

  @Test
  void narrowingOrInexactConversionsAreRefusedNamingColumnAndBothTypes() {
    String t = "narrow_" + System.nanoTime();
    WriteSupport.sql(redshift, "create table " + t + " (id int, r real, d double precision)");
    redshift.dataApi().requests().clear();
    for (String[] c :
        List.of(
            new String[] {
              "cast(1 as bigint) as id, 1.0f as r, 1.0d as d",
              "'id' is bigint",
              "Redshift int4 (Spark int)"
            },
            new String[] {
              "1 as id, 1.5d as r, 1.0d as d", "'r' is double", "Redshift float4 (Spark float)"
            },
            new String[] {
              "1 as id, 1.0f as r, 9007199254740993L as d",
              "'d' is bigint",
              "Redshift float8 (Spark double)"
            })) {
      Exception e = assertThrows(Exception.class, () -> append(spark.sql("select " + c[0]), t));
      String m = e.getMessage();
      assertTrue(m.contains("Cannot write to table \"public\".\"" + t + "\": column " + c[1]), m);
      assertTrue(m.contains(c[2]), m);
      assertTrue(m.contains("the connector converts only where no value can change"), m);
    }
    assertTrue(WriteSupport.batches(redshift).isEmpty());
    assertEquals(0, WriteSupport.count(redshift, t));
  }
}
