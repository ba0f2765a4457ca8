package dev.redshiftdata.spark.compat;

import java.io.IOException;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.VariantType$;
import org.apache.spark.types.variant.Variant;
import org.apache.spark.types.variant.VariantBuilder;
import org.apache.spark.unsafe.types.VariantVal;

/**
 * Spark types that not every line has, for Spark 4.0: {@code VariantType} and string collations; no
 * {@code TimeType} (4.1), so TIME/TIMETZ are read as strings.
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

  public static DataType variantType() {
    return VariantType$.MODULE$;
  }

  public static boolean isVariant(DataType t) {
    return t == VariantType$.MODULE$;
  }

  /** SUPER's JSON text as Spark's internal variant value. */
  public static Object variantFromJson(String json) {
    try {
      Variant v = VariantBuilder.parseJson(json, false);
      return new VariantVal(v.getValue(), v.getMetadata());
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("Not a valid SUPER/JSON value: " + abbreviate(json), e);
    }
  }

  /** The value bytes of an internal variant value ({@link #variantFromJson}'s result). */
  public static byte[] variantValue(Object variant) {
    return ((VariantVal) variant).getValue();
  }

  /** The metadata bytes of an internal variant value. */
  public static byte[] variantMetadata(Object variant) {
    return ((VariantVal) variant).getMetadata();
  }

  /** Whether strings of {@code t} compare byte by byte, as Redshift's do (no collation). */
  public static boolean comparesAsBytes(StringType t) {
    return t.isUTF8BinaryCollation();
  }

  private static String abbreviate(String s) {
    return s.length() <= 64 ? s : s.substring(0, 61) + "...";
  }
}
