package dev.redshiftdata.spark.read;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.local.LocalRedshift;
import dev.redshiftdata.local.junit.LocalRedshiftExtension;
import dev.redshiftdata.spark.SharedSpark;
import dev.redshiftdata.spark.TestQueries;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code timestampType=ltz}: a Redshift TIMESTAMP is Spark's {@code TimestampType}, the wall clock
 * in the session time zone (as spark-redshift reads it), on every read path, and a {@code
 * TimestampType} is written to TIMESTAMP as its session wall clock. Checked against Spark's own
 * cast of the {@code ntz} read under a zone with DST, gap and overlap wall clocks included.
 */
@ExtendWith(LocalRedshiftExtension.class)
class TimestampTypeIT {

  private static final String ZONE = "America/New_York";
  private static final String TABLE = "ts_ltz_" + System.nanoTime();

  private static LocalRedshift redshift;
  private final SparkSession spark = SharedSpark.session();
  private String sessionZone;

  @BeforeAll
  static void createTable() {
    redshift = ReadTestSupport.redshift();
    ReadTestSupport.run("CREATE TABLE " + TABLE + " (id INT, ts TIMESTAMP, tz TIMESTAMPTZ)");
    ReadTestSupport.run(
        "INSERT INTO "
            + TABLE
            + " VALUES (1, '2024-01-15 12:00:00.123456', '2024-01-15 12:00:00+00'),"
            + " (2, '2024-07-01 08:30:00', NULL),"
            + " (3, '2024-03-10 02:30:00', NULL)," // in New York's spring-forward gap
            + " (4, '2024-11-03 01:30:00', NULL)," // in New York's fall-back overlap
            + " (5, '2024-11-03 01:45:00', NULL),"
            + " (6, '1850-06-01 00:00:00', NULL)," // local mean time, -04:56:02
            + " (7, NULL, NULL),"
            + " (8, '2024-12-01 00:00:00', NULL)");
  }

  @BeforeEach
  void newYork() {
    sessionZone = spark.conf().get("spark.sql.session.timeZone");
    spark.conf().set("spark.sql.session.timeZone", ZONE);
    redshift.dataApi().requests().clear();
  }

  @AfterEach
  void restoreZone() {
    spark.conf().set("spark.sql.session.timeZone", sessionZone);
  }

  private Dataset<Row> read(String timestampType, Map<String, String> extra) {
    Map<String, String> o = new HashMap<>(ReadTestSupport.stagingOptions());
    o.put("dbtable", TABLE);
    o.put("timestampType", timestampType);
    o.putAll(extra);
    return spark.read().format("redshift-data").options(o).load();
  }

  private static List<Row> sorted(Dataset<Row> df) {
    return df.collectAsList().stream()
        .sorted(Comparator.comparingInt((Row r) -> r.getInt(0)))
        .toList();
  }

  @Test
  void everyReadPathGivesSparksOwnCastOfTheWallClockInTheSessionZone() {
    List<Row> expected =
        sorted(read("ntz", Map.of()).selectExpr("id", "CAST(ts AS TIMESTAMP) AS ts", "tz"));
    assertEquals(8, expected.size());
    assertEquals(
        Instant.parse("2024-03-10T07:30:00Z"), expected.get(2).getTimestamp(1).toInstant());
    assertEquals(
        Instant.parse("2024-11-03T05:30:00Z"), expected.get(3).getTimestamp(1).toInstant());

    for (Map<String, String> path :
        List.of(
            Map.of("readMode", "direct"),
            Map.of("readMode", "direct", "resultFormat", "json"),
            Map.of("readMode", "unload"))) {
      Dataset<Row> ltz = read("ltz", path);
      assertEquals(DataTypes.TimestampType, ltz.schema().apply("ts").dataType(), path.toString());
      assertEquals(expected, sorted(ltz), path.toString());
      // the wall clock Redshift holds is the one Spark shows in the session zone
      assertEquals(
          "2024-01-15 12:00:00.123456",
          ltz.filter("id = 1")
              .selectExpr("date_format(ts, 'yyyy-MM-dd HH:mm:ss.SSSSSS')")
              .first()
              .getString(0),
          path.toString());
    }
    assertFalse(ReadTestSupport.unloads().isEmpty()); // the unload path did run
  }

  /** The statements that read rows (not schema probes). */
  private static List<String> rowStatements() {
    return redshift.dataApi().requests().sqls().stream()
        .filter(q -> q.contains(TABLE) && (q.startsWith("SELECT") || q.startsWith("UNLOAD")))
        .filter(q -> !ReadTestSupport.isSearchPathLookup(q))
        .filter(q -> !q.contains("LIMIT 0") && !q.contains("WHERE 1 = 0"))
        .toList();
  }

  @Test
  void filtersAggregatesAndTopNOnTheColumnStayInSparkWhereDstMakesWallClocksOrderOtherwise() {
    // 01:30 EST (06:30Z) is after 01:45 EDT (05:45Z): Redshift comparing wall clocks would keep
    // rows 4 and 5.
    Timestamp afterOverlap = Timestamp.from(Instant.parse("2024-11-03T06:30:00Z"));
    for (String mode : List.of("direct", "unload")) {
      Map<String, String> path = Map.of("readMode", mode);
      Map<String, String> inSpark = new HashMap<>(path);
      inSpark.putAll(
          Map.of(
              "pushDownPredicates", "false",
              "pushDownAggregates", "false",
              "pushDownLimit", "false"));

      redshift.dataApi().requests().clear();
      List<Row> filtered = sorted(read("ltz", path).filter(col("ts").geq(lit(afterOverlap))));
      assertEquals(sorted(read("ltz", inSpark).filter(col("ts").geq(lit(afterOverlap)))), filtered);
      assertEquals(List.of(8), filtered.stream().map(r -> r.getInt(0)).toList(), mode);

      Row agg = read("ltz", path).agg(min("ts"), max("ts")).first();
      assertEquals(read("ltz", inSpark).agg(min("ts"), max("ts")).first(), agg, mode);
      List<Row> top = read("ltz", path).orderBy(col("ts").desc()).limit(3).collectAsList();
      assertEquals(
          read("ltz", inSpark).orderBy(col("ts").desc()).limit(3).collectAsList(), top, mode);
      assertEquals(List.of(8, 5, 4), top.stream().map(r -> r.getInt(0)).toList(), mode);

      for (String sql : rowStatements()) {
        assertFalse(sql.contains("WHERE"), sql);
        assertFalse(sql.contains("MIN(") || sql.contains("MAX("), sql);
        assertFalse(sql.contains("ORDER BY"), sql);
      }
    }
  }

  @Test
  void aUtcSessionStillPushesFiltersOnTheColumn() {
    spark.conf().set("spark.sql.session.timeZone", "UTC");
    Timestamp after = Timestamp.from(Instant.parse("2024-11-03T01:35:00Z"));
    List<Row> pushed = sorted(read("ltz", Map.of()).filter(col("ts").geq(lit(after))));
    assertEquals(List.of(5, 8), pushed.stream().map(r -> r.getInt(0)).toList());
    assertTrue(
        rowStatements().stream().anyMatch(q -> q.contains("WHERE")), rowStatements().toString());
  }

  @Test
  void aTimestampIsWrittenToTimestampAsItsSessionWallClock() {
    String t = "ts_ltz_write_" + System.nanoTime();
    Map<String, String> o = new HashMap<>(ReadTestSupport.stagingOptions());
    o.put("dbtable", t);
    o.put("timestampType", "ltz");
    Dataset<Row> df =
        spark.sql(
            "SELECT 1 AS id, TIMESTAMP'2024-01-15 12:00:00' AS ts,"
                + " TIMESTAMP'2024-03-10 03:30:00' AS after_gap");
    assertEquals(DataTypes.TimestampType, df.schema().apply("ts").dataType());

    df.write().format("redshift-data").options(o).mode(SaveMode.Append).save(); // creates
    df.write().format("redshift-data").options(o).mode(SaveMode.Append).save(); // appends
    Map<String, String> ntz = new HashMap<>(o);
    ntz.remove("timestampType");
    df.write().format("redshift-data").options(ntz).mode(SaveMode.Append).save();

    assertEquals(
        List.of(List.of("timestamp without time zone"), List.of("timestamp without time zone")),
        TestQueries.rows(
            ReadTestSupport.dataApi(),
            "SELECT data_type FROM information_schema.columns WHERE table_name = '"
                + t
                + "' AND column_name IN ('ts', 'after_gap')"));
    assertEquals(
        List.of(
            List.of("2024-01-15 12:00:00", "2024-03-10 03:30:00"),
            List.of("2024-01-15 12:00:00", "2024-03-10 03:30:00"),
            // the default (ntz) writes a timestamp's UTC wall clock
            List.of("2024-01-15 17:00:00", "2024-03-10 07:30:00")),
        TestQueries.rows(
            ReadTestSupport.dataApi(),
            "SELECT ts::VARCHAR, after_gap::VARCHAR FROM " + t + " ORDER BY ts"));

    Dataset<Row> back = spark.read().format("redshift-data").options(o).load();
    assertEquals(df.collectAsList().get(0), back.orderBy("ts").first());

    // Redshift would select the rows to replace by wall clock: refused, the table unchanged
    String catalog = "ltz_catalog";
    spark
        .conf()
        .set("spark.sql.catalog." + catalog, "dev.redshiftdata.spark.catalog.RedshiftCatalog");
    for (Map.Entry<String, String> e : ReadTestSupport.stagingOptions().entrySet()) {
      spark.conf().set("spark.sql.catalog." + catalog + "." + e.getKey(), e.getValue());
    }
    spark.conf().set("spark.sql.catalog." + catalog + ".timestampType", "ltz");
    Timestamp noon = Timestamp.from(Instant.parse("2024-01-15T17:00:00Z"));
    Exception e =
        assertThrows(
            Exception.class,
            () -> df.writeTo(catalog + ".public." + t).overwrite(col("ts").leq(lit(noon))));
    assertTrue(
        ReadTestSupport.messages(e).contains("Cannot overwrite the rows of table"), e.toString());
    assertEquals(3, spark.read().format("redshift-data").options(o).load().count());
  }
}
