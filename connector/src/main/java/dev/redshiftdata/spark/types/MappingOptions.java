package dev.redshiftdata.spark.types;

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
}
