package dev.redshiftdata.spark.types;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Redshift {@code TIMESTAMP} values (a wall clock, no zone) as Spark {@code TimestampType} instants
 * in a time zone, and back: the conversions Spark's own {@code CAST} between {@code timestamp_ntz}
 * and {@code timestamp} makes in the session time zone (java.time rules: a wall clock in a DST gap
 * moves forward by the gap, one in an overlap takes the earlier offset). Pure.
 */
public final class WallClocks {
  private WallClocks() {}

  private static final long MICROS_PER_SECOND = 1_000_000L;

  /** Whether {@code zone} is UTC all year, so that wall clocks and instants are the same micros. */
  public static boolean isUtc(ZoneId zone) {
    return zone.getRules().isFixedOffset()
        && zone.getRules().getOffset(Instant.EPOCH).equals(ZoneOffset.UTC);
  }

  /**
   * The instant of wall clock {@code wallMicros} (micros of the wall clock read as UTC) in zone.
   */
  public static long toInstant(long wallMicros, ZoneId zone) {
    LocalDateTime wall =
        LocalDateTime.ofEpochSecond(
            Math.floorDiv(wallMicros, MICROS_PER_SECOND),
            (int) Math.floorMod(wallMicros, MICROS_PER_SECOND) * 1000,
            ZoneOffset.UTC);
    return micros(wall.atZone(zone).toInstant());
  }

  /** The wall clock in {@code zone} (as micros read as UTC) of instant {@code instantMicros}. */
  public static long toWallClock(long instantMicros, ZoneId zone) {
    Instant instant =
        Instant.ofEpochSecond(
            Math.floorDiv(instantMicros, MICROS_PER_SECOND),
            Math.floorMod(instantMicros, MICROS_PER_SECOND) * 1000);
    return micros(LocalDateTime.ofInstant(instant, zone).toInstant(ZoneOffset.UTC));
  }

  private static long micros(Instant i) {
    return Math.addExact(
        Math.multiplyExact(i.getEpochSecond(), MICROS_PER_SECOND), i.getNano() / 1000);
  }
}
