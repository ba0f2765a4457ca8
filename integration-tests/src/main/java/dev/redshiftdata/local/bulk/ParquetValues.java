package dev.redshiftdata.local.bulk;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DateLogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.DecimalLogicalTypeAnnotation;
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
          long micros =
              switch (ts.getUnit()) {
                case MILLIS -> v * 1000;
                case MICROS -> v;
                case NANOS -> Math.floorDiv(v, 1000);
              };
          yield timestamp(micros, ts.isAdjustedToUTC());
        }
        if (logical instanceof DecimalLogicalTypeAnnotation d) {
          yield new BigDecimal(BigInteger.valueOf(v), d.getScale()).toPlainString();
        }
        yield Long.toString(v);
      }
      case INT96 -> {
        ByteBuffer buf = record.getInt96(field, 0).toByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        long nanosOfDay = buf.getLong();
        long epochDay = buf.getInt() - JULIAN_EPOCH_DAY;
        long micros = Math.multiplyExact(epochDay, 86_400_000_000L) + nanosOfDay / 1000;
        // INT96 holds an instant (Spark's and Hive's convention): into TIMESTAMPTZ it keeps its
        // zone.
        yield timestamp(micros, true);
      }
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

  /** A nested Parquet group as JSON text, for SERIALIZETOJSON into SUPER. */
  static final class NestedJson {
    private NestedJson() {}

    static String of(Group g, GroupType type) {
      StringBuilder sb = new StringBuilder();
      append(sb, g, type);
      return sb.toString();
    }

    private static void append(StringBuilder sb, Group g, GroupType type) {
      LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
      if (logical instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation) {
        sb.append('[');
        int n = g.getFieldRepetitionCount(0);
        for (int i = 0; i < n; i++) {
          if (i > 0) {
            sb.append(',');
          }
          Group element = g.getGroup(0, i);
          GroupType elementType = type.getType(0).asGroupType();
          if (element.getFieldRepetitionCount(0) == 0) {
            sb.append("null");
          } else {
            value(sb, element, 0, elementType.getType(0));
          }
        }
        sb.append(']');
        return;
      }
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
        value(sb, g, f, type.getType(f));
      }
      sb.append('}');
    }

    private static void value(StringBuilder sb, Group g, int f, Type t) {
      if (!t.isPrimitive()) {
        append(sb, g.getGroup(f, 0), t.asGroupType());
        return;
      }
      PrimitiveType p = t.asPrimitiveType();
      switch (p.getPrimitiveTypeName()) {
        case BOOLEAN -> sb.append(g.getBoolean(f, 0));
        case INT32 -> sb.append(g.getInteger(f, 0));
        case INT64 -> sb.append(g.getLong(f, 0));
        case FLOAT -> sb.append(g.getFloat(f, 0));
        case DOUBLE -> sb.append(g.getDouble(f, 0));
        default ->
            sb.append('"')
                .append(JsonText.escape(g.getBinary(f, 0).toStringUsingUTF8()))
                .append('"');
      }
    }
  }
}
