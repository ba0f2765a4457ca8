package dev.redshiftdata.spark.compat;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StringType;

/**
 * Spark types that not every line has, for Spark 3.5: none of them. SUPER and TIME/TIMETZ are read
 * as strings ({@link SparkLine}), and every string compares byte by byte (no collations).
 */
public final class SparkTypes {

  /** Microsecond precision: Redshift's TIME/TIMETZ resolution. */
  public static final int TIME_PRECISION = 6;

  private SparkTypes() {}

  /** Never called on this line ({@link SparkLine#HAS_TIME} is false). */
  public static DataType timeType() {
    throw new UnsupportedOperationException("Spark " + SparkLine.VERSION + " has no TIME type");
  }

  public static boolean isTime(DataType t) {
    return false;
  }

  /** Never called on this line ({@link SparkLine#HAS_VARIANT} is false). */
  public static DataType variantType() {
    throw new UnsupportedOperationException("Spark " + SparkLine.VERSION + " has no VARIANT type");
  }

  public static boolean isVariant(DataType t) {
    return false;
  }

  /** Never called on this line ({@link SparkLine#HAS_VARIANT} is false). */
  public static Object variantFromJson(String json) {
    throw new UnsupportedOperationException("Spark " + SparkLine.VERSION + " has no VARIANT type");
  }

  /** Never called on this line. */
  public static byte[] variantValue(Object variant) {
    throw new UnsupportedOperationException("Spark " + SparkLine.VERSION + " has no VARIANT type");
  }

  /** Never called on this line. */
  public static byte[] variantMetadata(Object variant) {
    throw new UnsupportedOperationException("Spark " + SparkLine.VERSION + " has no VARIANT type");
  }

  /** Spark 3.5 strings have no collation: they compare byte by byte, as Redshift's do. */
  public static boolean comparesAsBytes(StringType t) {
    return true;
  }
}
