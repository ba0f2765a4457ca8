package dev.redshiftdata.local.bulk;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DateLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimestampLogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Turns one Parquet value into the text PostgreSQL's COPY reads, for the target column it loads
 * into. Pure. Returns null for a Parquet null.
 */
final class ParquetValues {
  private ParquetValues() {}

  private static final long JULIAN_EPOCH_DAY = 2_440_588L;
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd");
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");

  static String text(Group record, int field, TargetTable.Column target, boolean serializeToJson) {
    if (record.getFieldRepetitionCount(field) == 0) {
      return null;
    }
    Type type = record.getType().getType(field);
    if (!type.isPrimitive()) {
      if (!serializeToJson) {
        throw new RedshiftSqlError(
            "Spectrum Scan Error: nested column '"
                + type.getName()
                + "' can only be loaded with SERIALIZETOJSON");
      }
      return NestedJson.of(record.getGroup(field, 0), type.asGroupType());
    }
    PrimitiveType p = type.asPrimitiveType();
    LogicalTypeAnnotation logical = p.getLogicalTypeAnnotation();
    return switch (p.getPrimitiveTypeName()) {
      case BOOLEAN -> record.getBoolean(field, 0) ? "t" : "f";
      case INT32 -> {
        int v = record.getInteger(field, 0);
        if (logical instanceof DateLogicalTypeAnnotation) {
          yield date(LocalDate.ofEpochDay(v));
        }
        if (logical instanceof DecimalLogicalTypeAnnotation d) {
          yield new BigDecimal(BigInteger.valueOf(v), d.getScale()).toPlainString();
        }
        yield Integer.toString(v);
      }
      case INT64 -> {
        long v = record.getLong(field, 0);
        if (logical instanceof TimestampLogicalTypeAnnotation ts) {
          yield timestamp(micros(v, ts.getUnit()), ts.isAdjustedToUTC());
        }
        if (logical instanceof DecimalLogicalTypeAnnotation d) {
          yield new BigDecimal(BigInteger.valueOf(v), d.getScale()).toPlainString();
        }
        yield Long.toString(v);
      }
      // INT96 holds an instant (Spark's and Hive's convention): into TIMESTAMPTZ it keeps its zone.
      case INT96 -> timestamp(int96Micros(record.getInt96(field, 0)), true);
      case FLOAT -> floating(record.getFloat(field, 0));
      case DOUBLE -> floating(record.getDouble(field, 0));
      case BINARY, FIXED_LEN_BYTE_ARRAY -> {
        Binary b = record.getBinary(field, 0);
        if (logical instanceof DecimalLogicalTypeAnnotation d) {
          yield new BigDecimal(new BigInteger(b.getBytes()), d.getScale()).toPlainString();
        }
        if (target.isBinary()) {
          yield "\\x" + HexFormat.of().formatHex(b.getBytes());
        }
        yield b.toStringUsingUTF8();
      }
    };
  }

  private static long micros(long v, LogicalTypeAnnotation.TimeUnit unit) {
    return switch (unit) {
      case MILLIS -> v * 1000;
      case MICROS -> v;
      case NANOS -> Math.floorDiv(v, 1000);
    };
  }

  private static long int96Micros(Binary int96) {
    ByteBuffer buf = int96.toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
    long nanosOfDay = buf.getLong();
    long epochDay = buf.getInt() - JULIAN_EPOCH_DAY;
    return Math.multiplyExact(epochDay, 86_400_000_000L) + nanosOfDay / 1000;
  }

  private static String floating(double v) {
    if (Double.isNaN(v)) {
      return "NaN";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "Infinity" : "-Infinity";
    }
    return Double.toString(v);
  }

  private static String floating(float v) {
    if (Float.isNaN(v) || Float.isInfinite(v)) {
      return floating((double) v);
    }
    return Float.toString(v);
  }

  static String date(LocalDate d) {
    if (d.getYear() <= 0) {
      return DATE.format(d.withYear(1 - d.getYear())) + " BC";
    }
    return DATE.format(d);
  }

  private static String timestamp(long epochMicros, boolean utc) {
    Instant instant =
        Instant.EPOCH
            .plusNanos(0)
            .plusSeconds(Math.floorDiv(epochMicros, 1_000_000L))
            .plusNanos(Math.floorMod(epochMicros, 1_000_000L) * 1000);
    LocalDateTime t = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    String text;
    if (t.getYear() <= 0) {
      text = TIMESTAMP.format(t.withYear(1 - t.getYear())) + " BC";
    } else {
      text = TIMESTAMP.format(t);
    }
    return utc ? text + "+00" : text;
  }

  /**
   * A nested Parquet group as JSON text, for SERIALIZETOJSON into SUPER: a struct is an object (its
   * null fields left out), a LIST an array (null elements kept), a MAP an object with every entry
   * (keys as strings, null values kept). Decimals are exact JSON numbers; dates, times and
   * timestamps are strings in Redshift's text form (AWS documents date/time attributes becoming
   * varchar in SUPER); binary without a string annotation is hex, as Redshift prints VARBYTE.
   */
  static final class NestedJson {
    private NestedJson() {}

    private static final DateTimeFormatter SECONDS =
        DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    static String of(Group g, GroupType type) {
      StringBuilder sb = new StringBuilder();
      group(sb, g, type);
      return sb.toString();
    }

    private static void group(StringBuilder sb, Group g, GroupType type) {
      LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
      if (logical instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation) {
        list(sb, g, type);
      } else if (logical instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation
          || logical instanceof LogicalTypeAnnotation.MapKeyValueTypeAnnotation) {
        map(sb, g, type);
      } else {
        struct(sb, g, type);
      }
    }

    /** {@code <list> { repeated group list { <element> } }}, or a legacy repeated element. */
    private static void list(StringBuilder sb, Group g, GroupType type) {
      Type repeated = type.getType(0);
      sb.append('[');
      for (int i = 0; i < g.getFieldRepetitionCount(0); i++) {
        if (i > 0) {
          sb.append(',');
        }
        if (repeated.isPrimitive() || repeated.asGroupType().getFieldCount() != 1) {
          value(sb, g, 0, i, repeated);
        } else {
          field(sb, g.getGroup(0, i), 0, repeated.asGroupType().getType(0));
        }
      }
      sb.append(']');
    }

    /** {@code <map> { repeated group key_value { key; value } }}: one member per entry. */
    private static void map(StringBuilder sb, Group g, GroupType type) {
      GroupType entryType = type.getType(0).asGroupType();
      sb.append('{');
      for (int i = 0; i < g.getFieldRepetitionCount(0); i++) {
        if (i > 0) {
          sb.append(',');
        }
        Group entry = g.getGroup(0, i);
        StringBuilder key = new StringBuilder();
        value(key, entry, 0, 0, entryType.getType(0));
        String k = key.toString();
        if (k.startsWith("\"")) {
          sb.append(k); // already a JSON string
        } else {
          sb.append('"').append(JsonText.escape(k)).append('"');
        }
        sb.append(':');
        if (entryType.getFieldCount() > 1) {
          field(sb, entry, 1, entryType.getType(1));
        } else {
          sb.append("null");
        }
      }
      sb.append('}');
    }

    private static void struct(StringBuilder sb, Group g, GroupType type) {
      sb.append('{');
      boolean first = true;
      for (int f = 0; f < type.getFieldCount(); f++) {
        if (g.getFieldRepetitionCount(f) == 0) {
          continue;
        }
        if (!first) {
          sb.append(',');
        }
        first = false;
        sb.append('"').append(JsonText.escape(type.getType(f).getName())).append("\":");
        value(sb, g, f, 0, type.getType(f));
      }
      sb.append('}');
    }

    /** An optional field: its value, or {@code null} when absent. */
    private static void field(StringBuilder sb, Group g, int f, Type t) {
      if (g.getFieldRepetitionCount(f) == 0) {
        sb.append("null");
      } else {
        value(sb, g, f, 0, t);
      }
    }

    private static void value(StringBuilder sb, Group g, int f, int i, Type t) {
      if (!t.isPrimitive()) {
        group(sb, g.getGroup(f, i), t.asGroupType());
        return;
      }
      PrimitiveType p = t.asPrimitiveType();
      LogicalTypeAnnotation logical = p.getLogicalTypeAnnotation();
      switch (p.getPrimitiveTypeName()) {
        case BOOLEAN -> sb.append(g.getBoolean(f, i));
        case INT32 -> {
          int v = g.getInteger(f, i);
          if (logical instanceof DateLogicalTypeAnnotation) {
            string(sb, date(LocalDate.ofEpochDay(v)));
          } else if (logical instanceof DecimalLogicalTypeAnnotation d) {
            sb.append(new BigDecimal(BigInteger.valueOf(v), d.getScale()).toPlainString());
          } else if (logical instanceof TimeLogicalTypeAnnotation) {
            string(sb, time(v * 1000L));
          } else {
            sb.append(v);
          }
        }
        case INT64 -> {
          long v = g.getLong(f, i);
          if (logical instanceof TimestampLogicalTypeAnnotation ts) {
            string(sb, timestampText(micros(v, ts.getUnit()), ts.isAdjustedToUTC()));
          } else if (logical instanceof DecimalLogicalTypeAnnotation d) {
            sb.append(new BigDecimal(BigInteger.valueOf(v), d.getScale()).toPlainString());
          } else if (logical instanceof TimeLogicalTypeAnnotation tm) {
            string(sb, time(micros(v, tm.getUnit())));
          } else {
            sb.append(v);
          }
        }
        case INT96 -> string(sb, timestampText(int96Micros(g.getInt96(f, i)), true));
        case FLOAT -> number(sb, g.getFloat(f, i));
        case DOUBLE -> number(sb, g.getDouble(f, i));
        case BINARY, FIXED_LEN_BYTE_ARRAY -> {
          Binary b = g.getBinary(f, i);
          if (logical instanceof DecimalLogicalTypeAnnotation d) {
            sb.append(new BigDecimal(new BigInteger(b.getBytes()), d.getScale()).toPlainString());
          } else if (logical == null) {
            string(sb, HexFormat.of().formatHex(b.getBytes()));
          } else {
            string(sb, b.toStringUsingUTF8());
          }
        }
      }
    }

    private static void string(StringBuilder sb, String s) {
      sb.append('"').append(JsonText.escape(s)).append('"');
    }

    /** JSON has no NaN or infinity: those are strings. */
    private static void number(StringBuilder sb, double v) {
      if (Double.isNaN(v) || Double.isInfinite(v)) {
        string(sb, floating(v));
      } else {
        sb.append(v);
      }
    }

    private static void number(StringBuilder sb, float v) {
      if (Float.isNaN(v) || Float.isInfinite(v)) {
        string(sb, floating(v));
      } else {
        sb.append(v);
      }
    }

    /**
     * Redshift's timestamp text: {@code 2024-01-02 03:04:05.5} (fraction without trailing zeros,
     * none when whole seconds), {@code +00} for an instant, {@code BC} before year 1.
     */
    static String timestampText(long epochMicros, boolean utc) {
      LocalDateTime t =
          LocalDateTime.ofEpochSecond(
              Math.floorDiv(epochMicros, 1_000_000L),
              (int) Math.floorMod(epochMicros, 1_000_000L) * 1000,
              ZoneOffset.UTC);
      boolean bc = t.getYear() <= 0;
      String text = SECONDS.format(bc ? t.withYear(1 - t.getYear()) : t) + fraction(t.getNano());
      return text + (utc ? "+00" : "") + (bc ? " BC" : "");
    }

    static String time(long microsOfDay) {
      LocalTime t = LocalTime.ofNanoOfDay(microsOfDay * 1000);
      return String.format("%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond())
          + fraction(t.getNano());
    }

    private static String fraction(int nanos) {
      if (nanos == 0) {
        return "";
      }
      String digits = String.format(".%06d", nanos / 1000);
      int end = digits.length();
      while (digits.charAt(end - 1) == '0') {
        end--;
      }
      return digits.substring(0, end);
    }
  }
}
