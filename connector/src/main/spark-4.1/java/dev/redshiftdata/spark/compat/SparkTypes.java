package dev.redshiftdata.spark.compat;

import java.io.IOException;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.TimeType;
import org.apache.spark.sql.types.VariantType$;
import org.apache.spark.types.variant.Variant;
import org.apache.spark.types.variant.VariantBuilder;
import org.apache.spark.unsafe.types.VariantVal;

/**
 * Spark types that not every line has, for Spark 4.1: {@code TimeType} (4.1), {@code VariantType}
 * (4.0) and string collations (4.0). The builds for older lines have their own copy of this class.
 */
public final class SparkTypes {

  /** Microsecond precision: Redshift's TIME/TIMETZ resolution. */
  public static final int TIME_PRECISION = 6;

  private SparkTypes() {}

  /** {@code TimeType(6)}; its internal value is a {@code long} of nanoseconds since midnight. */
  public static DataType timeType() {
    return TimeType.apply(TIME_PRECISION);
  }

  public static boolean isTime(DataType t) {
    return t instanceof TimeType;
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
