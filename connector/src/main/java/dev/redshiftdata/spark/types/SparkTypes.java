package dev.redshiftdata.spark.types;

import java.io.IOException;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.TimeType;
import org.apache.spark.sql.types.VariantType$;
import org.apache.spark.types.variant.Variant;
import org.apache.spark.types.variant.VariantBuilder;
import org.apache.spark.unsafe.types.VariantVal;

/**
 * The only place in {@code types/} that names Spark types newer than Spark 3.5 ({@code TimeType}
 * from 4.1, {@code VariantType} from 4.0). A build for an older Spark replaces this class (for
 * example with one whose methods throw {@code UnsupportedOperationException} and whose {@code is*}
 * methods return false).
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

  static String abbreviate(String s) {
    return s.length() <= 64 ? s : s.substring(0, 61) + "...";
  }
}
