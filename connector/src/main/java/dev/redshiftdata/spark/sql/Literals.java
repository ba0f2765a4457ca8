package dev.redshiftdata.spark.sql;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.apache.spark.sql.connector.expressions.Literal;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.NullType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/**
 * Renders values as Redshift SQL literals. The only place values are escaped.
 *
 * <p>Redshift string literals follow {@code standard_conforming_strings=off}: a backslash is an
 * escape character inside an ordinary {@code '...'} literal, so both {@code '} and {@code \} are
 * escaped ({@code ''} and {@code \\}). NUL cannot be stored in a Redshift string and is refused.
 */
public final class Literals {

  private static final long MICROS_PER_SECOND = 1_000_000L;

  private Literals() {}

  /**
   * A string literal: {@code it's a \ } becomes {@code 'it''s a \\ '}.
   *
   * @throws IllegalArgumentException for a string containing NUL
   */
  public static String string(String value) {
    if (value.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("A Redshift string literal cannot contain NUL");
    }
    StringBuilder sb = new StringBuilder(value.length() + 2).append('\'');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\'') {
        sb.append("''");
      } else if (c == '\\') {
        sb.append("\\\\");
      } else {
        sb.append(c);
      }
    }
    return sb.append('\'').toString();
  }

  /** Inverse of {@link #string}: reads a literal the way Redshift does (for tests and checks). */
  public static String unescape(String literal) {
    if (literal.length() < 2
        || literal.charAt(0) != '\''
        || literal.charAt(literal.length() - 1) != '\'') {
      throw new IllegalArgumentException("Not a quoted literal: " + literal);
    }
    StringBuilder sb = new StringBuilder();
    int end = literal.length() - 1;
    for (int i = 1; i < end; i++) {
      char c = literal.charAt(i);
      if (c == '\\') {
        if (i + 1 >= end) {
          throw new IllegalArgumentException("Dangling backslash in " + literal);
        }
        char d = literal.charAt(++i);
        sb.append(
            switch (d) {
              case 'n' -> '\n';
              case 't' -> '\t';
              case 'r' -> '\r';
              case 'b' -> '\b';
              case 'f' -> '\f';
              default -> d;
            });
      } else if (c == '\'') {
        if (i + 1 >= end || literal.charAt(i + 1) != '\'') {
          throw new IllegalArgumentException("Unescaped quote in " + literal);
        }
        sb.append('\'');
        i++;
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** A Spark V2 literal as Redshift SQL; see {@link #render(Object, DataType)}. */
  public static String render(Literal<?> literal) {
    return render(literal.value(), literal.dataType());
  }

  /**
   * A value in Spark's internal representation (as carried by V2 {@code Literal}s: {@code
   * UTF8String}, {@code Decimal}, days since the epoch for dates, microseconds since the epoch for
   * timestamps) as Redshift SQL.
   *
   * <ul>
   *   <li>strings: {@link #string}
   *   <li>integers and decimals: plain digits, never an exponent
   *   <li>float and double: {@code CAST(1.5 AS REAL)} / {@code CAST(1.5 AS DOUBLE PRECISION)},
   *       non-finite values as {@code 'NaN'::float8}, {@code 'Infinity'::float4}, ...
   *   <li>dates: {@code DATE '2024-01-31'} ({@code DATE '0044-03-15 BC'} before year 1)
   *   <li>{@code TimestampNTZType}: {@code TIMESTAMP '2024-01-31 12:00:00.000001'}
   *   <li>{@code TimestampType}: the UTC instant, {@code TIMESTAMPTZ '2024-01-31 12:00:00+00'}
   *   <li>binary: {@code FROM_HEX('00ff')}, a {@code VARBYTE}
   *   <li>null: {@code NULL}
   * </ul>
   *
   * @throws IllegalArgumentException for a type it cannot render
   */
  public static String render(Object value, DataType type) {
    if (value == null || type instanceof NullType) {
      return "NULL";
    }
    if (type instanceof StringType) {
      return string(value.toString());
    }
    if (type instanceof BooleanType) {
      return ((Boolean) value) ? "TRUE" : "FALSE";
    }
    if (type instanceof ByteType
        || type instanceof ShortType
        || type instanceof IntegerType
        || type instanceof LongType) {
      return Long.toString(((Number) value).longValue());
    }
    if (type instanceof DecimalType) {
      BigDecimal d =
          value instanceof Decimal dec ? dec.toJavaBigDecimal() : new BigDecimal(value.toString());
      return d.toPlainString();
    }
    if (type instanceof FloatType) {
      float f = ((Number) value).floatValue();
      if (!Float.isFinite(f)) {
        return nonFinite(f, "float4");
      }
      return "CAST(" + plain(Float.toString(f)) + " AS REAL)";
    }
    if (type instanceof DoubleType) {
      double d = ((Number) value).doubleValue();
      if (!Double.isFinite(d)) {
        return nonFinite(d, "float8");
      }
      return "CAST(" + plain(Double.toString(d)) + " AS DOUBLE PRECISION)";
    }
    if (type instanceof DateType) {
      LocalDate date =
          value instanceof LocalDate ld ? ld : LocalDate.ofEpochDay(((Number) value).longValue());
      return "DATE '" + date(date) + "'";
    }
    if (type instanceof TimestampNTZType) {
      return "TIMESTAMP '" + timestamp(micros(value, true), "") + "'";
    }
    if (type instanceof TimestampType) {
      return "TIMESTAMPTZ '" + timestamp(micros(value, false), "+00") + "'";
    }
    if (type instanceof BinaryType) {
      return "FROM_HEX('" + HexFormat.of().formatHex((byte[]) value) + "')";
    }
    throw new IllegalArgumentException("No Redshift literal for Spark type " + type.typeName());
  }

  /** Shortest decimal digits of a finite float/double, never an exponent. */
  private static String plain(String javaText) {
    return new BigDecimal(javaText).stripTrailingZeros().toPlainString();
  }

  private static String nonFinite(double d, String type) {
    String text = Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity";
    return "'" + text + "'::" + type;
  }

  private static long micros(Object value, boolean ntz) {
    if (value instanceof Number n) {
      return n.longValue();
    }
    if (value instanceof Instant instant && !ntz) {
      return Math.addExact(
          Math.multiplyExact(instant.getEpochSecond(), MICROS_PER_SECOND),
          instant.getNano() / 1000);
    }
    if (value instanceof LocalDateTime ldt && ntz) {
      return micros(ldt.toInstant(ZoneOffset.UTC), false);
    }
    throw new IllegalArgumentException("Not a timestamp value: " + value.getClass().getName());
  }

  /** {@code yyyy-MM-dd}, years before 1 as Redshift writes them ({@code yyyy-MM-dd BC}). */
  private static String date(LocalDate d) {
    return ymd(d) + (d.getYear() <= 0 ? " BC" : "");
  }

  private static String ymd(LocalDate d) {
    int year = d.getYear() <= 0 ? 1 - d.getYear() : d.getYear();
    return String.format("%04d-%02d-%02d", year, d.getMonthValue(), d.getDayOfMonth());
  }

  /** {@code yyyy-MM-dd HH:mm:ss[.ffffff]<zone>[ BC]} from microseconds since the epoch (UTC). */
  private static String timestamp(long micros, String zone) {
    long seconds = Math.floorDiv(micros, MICROS_PER_SECOND);
    int fraction = (int) Math.floorMod(micros, MICROS_PER_SECOND);
    LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, 0, ZoneOffset.UTC);
    StringBuilder sb =
        new StringBuilder(ymd(t.toLocalDate()))
            .append(String.format(" %02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond()));
    if (fraction != 0) {
      sb.append(String.format(".%06d", fraction));
    }
    sb.append(zone);
    if (t.getYear() <= 0) {
      sb.append(" BC");
    }
    return sb.toString();
  }
}
