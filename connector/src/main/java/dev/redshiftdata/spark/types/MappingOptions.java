package dev.redshiftdata.spark.types;

import dev.redshiftdata.spark.compat.SessionInternals;
import dev.redshiftdata.spark.compat.SparkLine;
import java.io.Serializable;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Switches of the Redshift -> Spark type mapping.
 *
 * @param superAsVariant read {@code SUPER} as Spark's {@code VariantType} instead of a JSON string
 *     (the connector's {@code superAsVariant} option)
 * @param timeTypeEnabled read {@code TIME}/{@code TIMETZ} as Spark's {@code TimeType(6)} instead of
 *     strings (Spark's {@code spark.sql.timeType.enabled})
 * @param timestampAsLtz read {@code TIMESTAMP} as {@code TimestampType} instead of {@code
 *     TimestampNTZType} (option {@code timestampType=ltz})
 * @param wallClockZone the zone in which a {@code TIMESTAMP} wall clock is a {@code TimestampType}
 *     instant, both ways: {@code UTC} by default, the session time zone with {@code ltz}
 */
public record MappingOptions(
    boolean superAsVariant, boolean timeTypeEnabled, boolean timestampAsLtz, String wallClockZone)
    implements Serializable {

  /** SUPER as JSON string, TIME/TIMETZ as string, TIMESTAMP as TimestampNTZType. */
  public static final MappingOptions DEFAULTS = new MappingOptions(false, false);

  /** Spark's switch for its TIME type (off by default in Spark 4.1; absent before). */
  public static final String TIME_TYPE_ENABLED = "spark.sql.timeType.enabled";

  /** Spark's session time zone. */
  public static final String SESSION_TIME_ZONE = "spark.sql.session.timeZone";

  public MappingOptions(boolean superAsVariant, boolean timeTypeEnabled) {
    this(superAsVariant, timeTypeEnabled, false, "UTC");
  }

  /** The wall-clock zone as a {@link ZoneId}. */
  public ZoneId zone() {
    return ZoneId.of(wallClockZone);
  }

  /**
   * Whether TIMESTAMP values and their {@code TimestampType} instants differ (ltz in a zone that is
   * not UTC): such columns need converting, and Redshift cannot compare or order them as Spark
   * does.
   */
  public boolean shiftsWallClocks() {
    return timestampAsLtz && !WallClocks.isUtc(zone());
  }

  /**
   * The columns of {@code schema} that Redshift compares and orders as Spark does under this
   * mapping: all, or all but the TIMESTAMP columns when {@link #shiftsWallClocks()} (across a DST
   * change, wall clocks order otherwise than their instants). Pushdown and overwrite conditions use
   * only these.
   */
  public StructType comparableColumns(StructType schema) {
    if (!shiftsWallClocks()) {
      return schema;
    }
    List<StructField> kept = new ArrayList<>();
    for (StructField f : schema.fields()) {
      boolean timestamp =
          f.metadata().contains(TypeMapping.METADATA_TYPE)
              && "timestamp".equals(f.metadata().getString(TypeMapping.METADATA_TYPE));
      if (!timestamp) {
        kept.add(f);
      }
    }
    return new StructType(kept.toArray(new StructField[0]));
  }

  /**
   * The mapping for the current session: the {@code superAsVariant} option, TIME when the session
   * enables it, and TIMESTAMP as {@code TimestampType} in the session time zone with {@code
   * timestampAsLtz}. A Spark line without VARIANT refuses {@code superAsVariant}; one without TIME
   * reads TIME/TIMETZ as strings.
   */
  public static MappingOptions forSession(boolean superAsVariant, boolean timestampAsLtz) {
    if (superAsVariant && !SparkLine.HAS_VARIANT) {
      throw new IllegalArgumentException(
          "Option 'superAsVariant' needs Spark 4.0 or later (VARIANT type); this connector is"
              + " built for Spark "
              + SparkLine.VERSION
              + ". Accepted values here: false (SUPER is read as a JSON string).");
    }
    boolean time =
        SparkLine.HAS_TIME
            && Boolean.parseBoolean(SessionInternals.sqlConf(TIME_TYPE_ENABLED, "false"));
    String zone =
        timestampAsLtz
            ? ZoneId.of(SessionInternals.sqlConf(SESSION_TIME_ZONE, TimeZone.getDefault().getID()))
                .getId()
            : "UTC";
    return new MappingOptions(superAsVariant, time, timestampAsLtz, zone);
  }
}
