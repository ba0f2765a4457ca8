package dev.redshiftdata.spark.compat;

/** The Spark line this build of the connector is for, and the types that line has. */
public final class SparkLine {
  private SparkLine() {}

  /** Spark's major.minor version the connector was compiled against. */
  public static final String VERSION = "4.0";

  /** Spark's {@code VariantType} (from 4.0): SUPER may be read as VARIANT. */
  public static final boolean HAS_VARIANT = true;

  /** Spark's {@code TimeType} (from 4.1): TIME/TIMETZ may be read as TIME. */
  public static final boolean HAS_TIME = false;
}
