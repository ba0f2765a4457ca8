package dev.redshiftdata.spark.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.local.LocalRedshift;
import dev.redshiftdata.local.junit.LocalRedshiftExtension;
import dev.redshiftdata.local.junit.SharedSpark;
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
    // TIMESTAMPTZ is read as UTC.
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
    assertEquals(
        List.of(List.of("2024-05-06 05:08:09.500", "2024-05-06 07:08:09.500")),
        WriteSupport.query(
            redshift,
            "select to_char(ts, 'YYYY-MM-DD HH24:MI:SS.MS')::varchar,"
                + " to_char(tstz at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.MS')::varchar from "
                + t));
  }

  @Test
  void nestedColumnsBecomeSuperThroughSerializeToJson() {
    String t = "nested_" + System.nanoTime();
    redshift.dataApi().requests().clear();
    spark
        .sql(
            "select 1 as id, array(1, 2, 3) as tags, named_struct('a', 7, 'b', 'x') as s,"
                + " map('k', 1.5d) as m")
        .write()
        .format("redshift-data")
        .options(WriteSupport.options(redshift))
        .option("dbtable", t)
        .mode(SaveMode.Append)
        .save();
    List<String> sqls = WriteSupport.batches(redshift).get(0).sqls();
    assertTrue(
        sqls.get(0)
            .endsWith("\"tags\" SUPER NOT NULL, \"s\" SUPER NOT NULL, \"m\" SUPER NOT NULL)"),
        sqls.get(0));
    assertTrue(sqls.get(1).endsWith("FORMAT AS PARQUET MANIFEST SERIALIZETOJSON"), sqls.get(1));
    List<List<String>> rows =
        WriteSupport.query(
            redshift,
            "select id, json_serialize(tags), json_serialize(s), json_serialize(m) from " + t);
    assertEquals(1, rows.size());
    assertEquals("1", rows.get(0).get(0));
    assertEquals("[1,2,3]", rows.get(0).get(1).replace(" ", ""));
    assertEquals("{\"a\":7,\"b\":\"x\"}", rows.get(0).get(2).replace(" ", ""));
    assertTrue(rows.get(0).get(3).replace(" ", "").contains("\"k\""), rows.get(0).get(3));
  }
}
