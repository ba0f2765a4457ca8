package dev.redshiftdata.spark.amazonml;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/**
 * How each Spark value becomes CSV text for Amazon ML, which has no date, binary or nested type:
 *
 * <ul>
 *   <li>integers as digits; decimals with their scale ({@code 12.50}); floats and doubles in plain
 *       notation from their shortest decimal form, without exponent or trailing zeros ({@code
 *       1.0E10} is {@code 10000000000}, {@code 2.0} is {@code 2}, {@code 0.1f} is {@code 0.1}); NaN
 *       and infinities as an empty (missing) value;
 *   <li>booleans as {@code 1} and {@code 0}, the values of a BINARY attribute;
 *   <li>dates as ISO {@code 2024-01-31}; {@code timestamp} as the UTC instant {@code
 *       2024-01-31T13:45:00.123456Z}; {@code timestamp_ntz} as {@code 2024-01-31T13:45:00.123456}
 *       (seconds always, the fraction only when not zero);
 *   <li>strings as they are (the {@link CsvLineEncoder} quotes them and removes line breaks);
 *   <li>binary, arrays, structs, maps and other types are refused ({@link #check}).
 * </ul>
 *
 * Pure.
 */
public final class CsvValues {

  /** Renders the value at one ordinal of a row; null for SQL NULL or a missing value. */
  @FunctionalInterface
  public interface Renderer {
    String render(InternalRow row, int ordinal);
  }

  private CsvValues() {}

  /**
   * Fails, naming the first column whose type Amazon ML's CSV cannot hold.
   *
   * @param action what is being done, e.g. "emit an Amazon ML datasource for table \"t\""
   */
  public static void check(StructType schema, String action) {
    for (StructField f : schema.fields()) {
      if (renderer(f.dataType()) == null) {
        throw new IllegalArgumentException(
            "Cannot "
                + action
                + ": column '"
                + f.name()
                + "' is of type "
                + f.dataType().simpleString()
                + ", which Amazon ML's CSV cannot hold (numbers, booleans, strings, dates and"
                + " timestamps only). Cast it to a string or drop it from the DataFrame.");
      }
    }
  }

  /** One renderer per column of {@code schema}, in order; {@link #check} it first. */
  public static Renderer[] renderers(StructType schema) {
    Renderer[] out = new Renderer[schema.fields().length];
    for (int i = 0; i < out.length; i++) {
      DataType type = schema.fields()[i].dataType();
      Renderer r = renderer(type);
      if (r == null) {
        throw new IllegalArgumentException("No Amazon ML CSV rendering for " + type);
      }
      out[i] = (row, ordinal) -> row.isNullAt(ordinal) ? null : r.render(row, ordinal);
    }
    return out;
  }

  /** Whether a column of {@code type} is a number to Amazon ML (inferred NUMERIC). */
  public static boolean isNumeric(DataType type) {
    return type instanceof ByteType
        || type instanceof ShortType
        || type instanceof IntegerType
        || type instanceof LongType
        || type instanceof FloatType
        || type instanceof DoubleType
        || type instanceof DecimalType;
  }

  private static Renderer renderer(DataType type) {
    if (type instanceof BooleanType) {
      return (row, i) -> row.getBoolean(i) ? "1" : "0";
    }
    if (type instanceof ByteType) {
      return (row, i) -> Byte.toString(row.getByte(i));
    }
    if (type instanceof ShortType) {
      return (row, i) -> Short.toString(row.getShort(i));
    }
    if (type instanceof IntegerType) {
      return (row, i) -> Integer.toString(row.getInt(i));
    }
    if (type instanceof LongType) {
      return (row, i) -> Long.toString(row.getLong(i));
    }
    if (type instanceof FloatType) {
      return (row, i) -> plain(row.getFloat(i));
    }
    if (type instanceof DoubleType) {
      return (row, i) -> plain(row.getDouble(i));
    }
    if (type instanceof DecimalType d) {
      return (row, i) ->
          row.getDecimal(i, d.precision(), d.scale()).toJavaBigDecimal().toPlainString();
    }
    if (type instanceof StringType) {
      return (row, i) -> row.getUTF8String(i).toString();
    }
    if (type instanceof DateType) {
      return (row, i) -> LocalDate.ofEpochDay(row.getInt(i)).toString();
    }
    if (type instanceof TimestampType) {
      return (row, i) -> dateTime(row.getLong(i)) + "Z";
    }
    if (type instanceof TimestampNTZType) {
      return (row, i) -> dateTime(row.getLong(i));
    }
    return null;
  }

  /** A float in plain notation from its shortest decimal form ({@code 0.1f} is {@code 0.1}). */
  static String plain(float f) {
    return Float.isFinite(f) ? plain(new BigDecimal(Float.toString(f))) : null;
  }

  static String plain(double d) {
    return Double.isFinite(d) ? plain(new BigDecimal(Double.toString(d))) : null;
  }

  /**
   * Without exponent and trailing zeros: {@code 1.0} is {@code 1}, {@code 1.0E-6} {@code 0.000001}.
   */
  private static String plain(BigDecimal d) {
    return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
  }

  /** Microseconds since the epoch as an ISO local date-time at UTC. */
  static String dateTime(long micros) {
    long seconds = Math.floorDiv(micros, 1_000_000L);
    int nanos = (int) Math.floorMod(micros, 1_000_000L) * 1000;
    return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
        LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC));
  }
}
