package dev.redshiftdata.spark.types;

import dev.redshiftdata.spark.compat.SessionInternals;
import dev.redshiftdata.spark.compat.SparkLine;

/**
 * Switches of the Redshift -> Spark type mapping.
 *
 * @param superAsVariant read {@code SUPER} as Spark's {@code VariantType} instead of a JSON string
 *     (the connector's {@code superAsVariant} option)
 * @param timeTypeEnabled read {@code TIME}/{@code TIMETZ} as Spark's {@code TimeType(6)} instead of
 *     strings (Spark's {@code spark.sql.timeType.enabled})
 */
public record MappingOptions(boolean superAsVariant, boolean timeTypeEnabled) {

  /** SUPER as JSON string, TIME/TIMETZ as string. */
  public static final MappingOptions DEFAULTS = new MappingOptions(false, false);

  /** Spark's switch for its TIME type (off by default in Spark 4.1; absent before). */
  public static final String TIME_TYPE_ENABLED = "spark.sql.timeType.enabled";

  /**
   * The mapping for the current session: the {@code superAsVariant} option, and TIME when the
   * session enables it. A Spark line without VARIANT refuses {@code superAsVariant}; one without
   * TIME reads TIME/TIMETZ as strings.
   */
  public static MappingOptions forSession(boolean superAsVariant) {
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
    return new MappingOptions(superAsVariant, time);
  }
}
