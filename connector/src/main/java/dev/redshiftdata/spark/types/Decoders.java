package dev.redshiftdata.spark.types;

import dev.redshiftdata.spark.compat.SparkTypes;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;
import org.apache.spark.unsafe.types.UTF8String;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.redshiftdata.model.Field;

/**
 * Builds the per-column decoders: one lambda per (Redshift type, Spark type) pair, chosen once.
 *
 * <p>What each Field member means (REDSHIFT_REFERENCE.md §3.1 and the local Redshift's deviation
 * table): integers arrive as {@code longValue}; floats as {@code doubleValue}, but NaN/Infinity as
 * {@code stringValue} "NaN"/"Infinity"/"-Infinity"; booleans as {@code booleanValue}; VARBYTE and
 * GEOMETRY as lowercase hex {@code stringValue} (a {@code blobValue} is accepted too); everything
 * else as {@code stringValue} text. Numeric members are also accepted as text so that the same
 * decoders work whichever member a real Redshift picks.
 */
public final class Decoders {

  private Decoders() {}

  /** The Field decoder for a column read as {@code sparkType}, TIMESTAMP wall clocks in UTC. */
  public static FieldDecoder field(RedshiftType column, DataType sparkType) {
    return field(column, sparkType, ZoneOffset.UTC);
  }

  /**
   * The Field decoder for a column read as {@code sparkType}; a TIMESTAMP read as {@code
   * TimestampType} is its wall clock in {@code wallClockZone}.
   */
  public static FieldDecoder field(RedshiftType column, DataType sparkType, ZoneId wallClockZone) {
    TextDecoder text = text(column, sparkType, wallClockZone);
    String name = column.name();
    if (sparkType instanceof LongType) {
      return f -> {
        if (isNull(f)) {
          return null;
        }
        Long v = f.longValue();
        return v != null ? v : fromText(f, text, name);
      };
    } else if (sparkType instanceof IntegerType) {
      return f -> {
        if (isNull(f)) {
          return null;
        }
        Long v = f.longValue();
        return v != null ? (Object) toInt(v, name) : fromText(f, text, name);
      };
    } else if (sparkType instanceof ShortType) {
      return f -> {
        if (isNull(f)) {
          return null;
        }
        Long v = f.longValue();
        return v != null ? (Object) toShort(v, name) : fromText(f, text, name);
      };
    } else if (sparkType instanceof DoubleType) {
      return f -> {
        if (isNull(f)) {
          return null;
        }
        Double v = f.doubleValue();
        if (v != null) {
          return v;
        }
        Long l = f.longValue();
        return l != null ? (Object) l.doubleValue() : fromText(f, text, name);
      };
    } else if (sparkType instanceof FloatType) {
      return f -> {
        if (isNull(f)) {
          return null;
        }
        Double v = f.doubleValue();
        if (v != null) {
          return v.floatValue();
        }
        Long l = f.longValue();
        return l != null ? (Object) l.floatValue() : fromText(f, text, name);
      };
    } else if (sparkType instanceof BooleanType) {
      return f -> {
        if (isNull(f)) {
          return null;
        }
        Boolean v = f.booleanValue();
        return v != null ? v : fromText(f, text, name);
      };
    } else if (sparkType instanceof BinaryType) {
      return f -> {
        if (isNull(f)) {
          return null;
        }
        SdkBytes b = f.blobValue();
        return b != null ? b.asByteArray() : fromText(f, text, name);
      };
    }
    return f -> isNull(f) ? null : fromText(f, text, name);
  }

  /** The text decoder for a column read as {@code sparkType}, TIMESTAMP wall clocks in UTC. */
  public static TextDecoder text(RedshiftType column, DataType sparkType) {
    return text(column, sparkType, ZoneOffset.UTC);
  }

  /**
   * The text decoder (stringValue / CSV cell) for a column read as {@code sparkType}; a TIMESTAMP
   * read as {@code TimestampType} is its wall clock in {@code wallClockZone}.
   */
  public static TextDecoder text(RedshiftType column, DataType sparkType, ZoneId wallClockZone) {
    String rs = column.typeName();
    String name = column.name();
    if (sparkType instanceof StringType) {
      return UTF8String::fromString;
    } else if (sparkType instanceof LongType) {
      return s -> Long.parseLong(s.trim());
    } else if (sparkType instanceof IntegerType) {
      return s -> Integer.parseInt(s.trim());
    } else if (sparkType instanceof ShortType) {
      return s -> Short.parseShort(s.trim());
    } else if (sparkType instanceof DoubleType) {
      return Decoders::parseDouble;
    } else if (sparkType instanceof FloatType) {
      return s -> (float) parseDouble(s);
    } else if (sparkType instanceof BooleanType) {
      return Decoders::parseBoolean;
    } else if (sparkType instanceof DecimalType d) {
      int p = d.precision();
      int sc = d.scale();
      return s -> decimal(s, p, sc, name);
    } else if (sparkType instanceof DateType) {
      return RedshiftText::parseDate;
    } else if (sparkType instanceof TimestampNTZType) {
      return RedshiftText::parseTimestamp;
    } else if (sparkType instanceof TimestampType) {
      if (!"timestamp".equals(rs)) {
        return RedshiftText::parseTimestampTz;
      }
      // A TIMESTAMP read as TimestampType: its wall clock in the zone (UTC unless
      // timestampType=ltz)
      return WallClocks.isUtc(wallClockZone)
          ? RedshiftText::parseTimestamp
          : s -> WallClocks.toInstant(RedshiftText.parseTimestamp(s), wallClockZone);
    } else if (sparkType instanceof BinaryType) {
      return RedshiftText::parseHex;
    } else if (SparkTypes.isTime(sparkType)) {
      return "timetz".equals(rs) ? RedshiftText::parseTimeTzNanosUtc : RedshiftText::parseTimeNanos;
    } else if (SparkTypes.isVariant(sparkType)) {
      return SparkTypes::variantFromJson;
    }
    throw new IllegalArgumentException(
        "Cannot decode column '"
            + name
            + "': Redshift type '"
            + rs
            + "' cannot be read as Spark type '"
            + sparkType.simpleString()
            + "'");
  }

  /** Exact: the text's digits, checked against the column's precision and scale. */
  static Decimal decimal(String s, int precision, int scale, String column) {
    Decimal d = Decimal.apply(new BigDecimal(s.trim()));
    if (!d.changePrecision(precision, scale)) {
      throw new ArithmeticException(
          "Value "
              + RedshiftText.abbreviate(s)
              + " of column '"
              + column
              + "' does not fit DECIMAL("
              + precision
              + ","
              + scale
              + ")");
    }
    return d;
  }

  static double parseDouble(String s) {
    return switch (s) {
      case "NaN", "nan" -> Double.NaN;
      case "Infinity", "infinity", "inf" -> Double.POSITIVE_INFINITY;
      case "-Infinity", "-infinity", "-inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(s.trim());
    };
  }

  static Boolean parseBoolean(String s) {
    return switch (s) {
      case "true", "t", "TRUE", "1" -> Boolean.TRUE;
      case "false", "f", "FALSE", "0" -> Boolean.FALSE;
      default -> throw new IllegalArgumentException("Not a BOOLEAN value: " + s);
    };
  }

  private static boolean isNull(Field f) {
    return Boolean.TRUE.equals(f.isNull());
  }

  private static Object fromText(Field f, TextDecoder text, String column) {
    String s = f.stringValue();
    if (s != null) {
      return text.decode(s);
    }
    SdkBytes b = f.blobValue();
    if (b != null) {
      // A blob for a text type: its UTF-8 text (Base64 already undone by the SDK).
      return text.decode(b.asUtf8String());
    }
    throw new IllegalArgumentException(
        "Unexpected Data API value for column '" + column + "': " + f);
  }

  private static int toInt(long v, String column) {
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw new ArithmeticException(v + " of column '" + column + "' does not fit INTEGER");
    }
    return (int) v;
  }

  private static short toShort(long v, String column) {
    if (v < Short.MIN_VALUE || v > Short.MAX_VALUE) {
      throw new ArithmeticException(v + " of column '" + column + "' does not fit SMALLINT");
    }
    return (short) v;
  }
}
