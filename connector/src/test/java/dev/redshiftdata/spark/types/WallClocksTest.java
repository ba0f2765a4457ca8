package dev.redshiftdata.spark.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** TIMESTAMP wall clocks as instants in a zone (option {@code timestampType=ltz}), both ways. */
class WallClocksTest {

  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  private static long micros(String instant) {
    Instant i = Instant.parse(instant);
    return i.getEpochSecond() * 1_000_000 + i.getNano() / 1000;
  }

  /** The micros of a wall clock as the direct path's text decoder reads it (as UTC). */
  private static long wall(String text) {
    return RedshiftText.parseTimestamp(text);
  }

  @Test
  void aWallClockIsItsInstantInTheZoneWithJavaTimesGapAndOverlapRules() {
    assertEquals(
        micros("2024-01-15T17:00:00.123456Z"),
        WallClocks.toInstant(wall("2024-01-15 12:00:00.123456"), NEW_YORK));
    assertEquals(
        micros("2024-07-01T12:30:00Z"),
        WallClocks.toInstant(wall("2024-07-01 08:30:00"), NEW_YORK));
    // spring-forward gap: moved forward by the gap, as Spark's CAST does
    assertEquals(
        micros("2024-03-10T07:30:00Z"),
        WallClocks.toInstant(wall("2024-03-10 02:30:00"), NEW_YORK));
    // fall-back overlap: the earlier offset
    assertEquals(
        micros("2024-11-03T05:30:00Z"),
        WallClocks.toInstant(wall("2024-11-03 01:30:00"), NEW_YORK));
    // before 1883, local mean time -04:56:02; and before the epoch, micros below zero
    assertEquals(
        micros("1850-06-01T04:56:02Z"),
        WallClocks.toInstant(wall("1850-06-01 00:00:00"), NEW_YORK));
    assertEquals(
        micros("1969-12-31T23:59:59.999999Z"),
        WallClocks.toInstant(wall("1969-12-31 23:59:59.999999"), ZoneId.of("UTC")));
  }

  @Test
  void anInstantIsItsWallClockInTheZone() {
    assertEquals(
        wall("2024-01-15 12:00:00.000001"),
        WallClocks.toWallClock(micros("2024-01-15T17:00:00.000001Z"), NEW_YORK));
    // both instants of the overlap have the same wall clock
    assertEquals(
        wall("2024-11-03 01:30:00"),
        WallClocks.toWallClock(micros("2024-11-03T06:30:00Z"), NEW_YORK));
    assertEquals(
        wall("2024-11-03 01:30:00"),
        WallClocks.toWallClock(micros("2024-11-03T05:30:00Z"), NEW_YORK));
  }

  @Test
  void onlyAZoneAtUtcAllYearIsUtc() {
    assertTrue(WallClocks.isUtc(ZoneId.of("UTC")));
    assertTrue(WallClocks.isUtc(ZoneId.of("Etc/UTC")));
    assertTrue(WallClocks.isUtc(ZoneId.of("+00:00")));
    assertFalse(WallClocks.isUtc(ZoneId.of("Europe/London"))); // GMT in winter only
    assertFalse(WallClocks.isUtc(ZoneId.of("+01:00")));
  }

  @Test
  void ltzMapsTimestampToTimestampTypeAndDecodesInTheZone() {
    MappingOptions ltz = new MappingOptions(false, false, true, "America/New_York");
    RedshiftType ts = new RedshiftType("ts", "timestamp", 29, 6, 0, 1);
    StructField f = TypeMapping.field(ts, ltz);
    assertEquals(DataTypes.TimestampType, f.dataType());
    assertEquals(
        DataTypes.TimestampNTZType, TypeMapping.field(ts, MappingOptions.DEFAULTS).dataType());
    assertTrue(ltz.shiftsWallClocks());
    assertFalse(new MappingOptions(false, false, true, "UTC").shiftsWallClocks());

    assertEquals(
        micros("2024-03-10T07:30:00Z"),
        Decoders.text(ts, DataTypes.TimestampType, ltz.zone()).decode("2024-03-10 02:30:00"));
    // without a zone, a TimestampType read of TIMESTAMP is the wall clock as UTC (unchanged)
    assertEquals(
        micros("2024-03-10T02:30:00Z"),
        Decoders.text(ts, DataTypes.TimestampType).decode("2024-03-10 02:30:00"));
    // TIMESTAMPTZ is an instant whatever the zone
    RedshiftType tz = new RedshiftType("tz", "timestamptz", 35, 6, 0, 1);
    assertEquals(
        micros("2024-03-10T02:30:00Z"),
        Decoders.text(tz, DataTypes.TimestampType, ltz.zone()).decode("2024-03-10 02:30:00+00"));
    RowDecoder rows = RowDecoder.create(java.util.List.of(ts), ltz);
    assertEquals(
        new StructType().add(f).fields()[0].dataType(), rows.schema().fields()[0].dataType());
    assertEquals(
        micros("2024-01-15T17:00:00Z"),
        rows.decodeCsv(new String[] {"2024-01-15 12:00:00"}).getLong(0));
  }
}
