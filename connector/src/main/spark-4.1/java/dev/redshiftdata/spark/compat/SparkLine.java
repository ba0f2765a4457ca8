package dev.redshiftdata.spark.compat;

/** The Spark line this build of the connector is for, and the types that line has. */
public final class SparkLine {
  private SparkLine() {}

  /** Spark's major.minor version the connector was compiled against. */
  public static final String VERSION = "4.1";

  /** Spark's {@code VariantType} (from 4.0): SUPER may be read as VARIANT. */
  public static final boolean HAS_VARIANT = true;

  /** Spark's {@code TimeType} (from 4.1): TIME/TIMETZ may be read as TIME. */
  public static final boolean HAS_TIME = true;

  /**
   * Spark's {@code Write.reportDriverMetrics} (from 4.0): the write node shows what the commit did
   * (statements, rows loaded, commit time) besides what tasks staged.
   */
  public static final boolean HAS_WRITE_DRIVER_METRICS = true;
}
