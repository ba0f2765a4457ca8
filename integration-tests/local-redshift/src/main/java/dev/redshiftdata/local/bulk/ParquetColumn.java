package dev.redshiftdata.local.bulk;

import dev.redshiftdata.local.catalog.RedshiftTypeNames;
import dev.redshiftdata.local.catalog.RedshiftTypeNames.RedshiftType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * One result column as UNLOAD writes it to Parquet: its Parquet type (as Redshift writes it, per
 * the evidence in REDSHIFT_REFERENCE.md section 14) and how to read its value from a JDBC row and
 * write it. All columns are OPTIONAL, whatever NOT NULL says.
 */
final class ParquetColumn {

  /** Julian day number of 1970-01-01, for INT96 timestamps. */
  private static final long JULIAN_EPOCH_DAY = 2_440_588L;

  private static final long NANOS_PER_DAY = 86_400_000_000_000L;

  private enum Kind {
    INT16,
    INT32,
    INT64,
    DECIMAL,
    FLOAT,
    DOUBLE,
    BOOLEAN,
    STRING,
    JSON,
    DATE,
    TIMESTAMP_INT96,
    TIMESTAMP_MICROS,
    TIMESTAMPTZ_MICROS
  }

  private final String name;
  private final Kind kind;
  private final int precision;
  private final int scale;
  private final int decimalBytes;

  private ParquetColumn(String name, Kind kind, int precision, int scale) {
    this.name = name;
    this.kind = kind;
    this.precision = precision;
    this.scale = scale;
    this.decimalBytes = kind == Kind.DECIMAL ? bytesForPrecision(precision) : 0;
  }

  /**
   * The Parquet column for result column {@code index} (1-based); refuses the types Redshift cannot
   * unload to Parquet with Redshift's error text.
   */
  static ParquetColumn of(ResultSetMetaData md, int index, TimestampEncoding timestamps)
      throws SQLException {
    String name = md.getColumnLabel(index).toLowerCase(Locale.ROOT);
    String type = md.getColumnTypeName(index).toLowerCase(Locale.ROOT);
    return switch (type) {
      case "int2" -> new ParquetColumn(name, Kind.INT16, 0, 0);
      case "int4", "oid" -> new ParquetColumn(name, Kind.INT32, 0, 0);
      case "int8" -> new ParquetColumn(name, Kind.INT64, 0, 0);
      case "numeric" -> {
        // The result-metadata rule: an unconstrained numeric (e.g. an aggregate) is DECIMAL(38,18).
        RedshiftType t = RedshiftTypeNames.ofJdbc(type, md.getPrecision(index), md.getScale(index));
        yield new ParquetColumn(name, Kind.DECIMAL, t.precision(), t.scale());
      }
      case "float4" -> new ParquetColumn(name, Kind.FLOAT, 0, 0);
      case "float8" -> new ParquetColumn(name, Kind.DOUBLE, 0, 0);
      case "bool" -> new ParquetColumn(name, Kind.BOOLEAN, 0, 0);
      case "bpchar", "varchar", "text", "name", "char" ->
          new ParquetColumn(name, Kind.STRING, 0, 0);
      case "jsonb", "json", "super" -> new ParquetColumn(name, Kind.JSON, 0, 0);
      case "date" -> new ParquetColumn(name, Kind.DATE, 0, 0);
      case "timestamp" ->
          new ParquetColumn(
              name,
              timestamps == TimestampEncoding.INT96 ? Kind.TIMESTAMP_INT96 : Kind.TIMESTAMP_MICROS,
              0,
              0);
      case "timestamptz" -> new ParquetColumn(name, Kind.TIMESTAMPTZ_MICROS, 0, 0);
      case "time" -> throw unsupported("time without time zone", name);
      case "timetz" -> throw unsupported("time with time zone", name);
      case "bytea", "varbyte" -> throw unsupported("varbyte", name);
      case "geometry" -> throw unsupported("geometry", name);
      default ->
          throw new RedshiftSqlError(
              "UNLOAD of column \"" + name + "\" of type " + type + " is not supported");
    };
  }

  private static RedshiftSqlError unsupported(String typeText, String column) {
    return new RedshiftSqlError(
        "UNLOAD " + typeText + " column \"" + column + "\" is only supported for TEXT/CSV.");
  }

  String name() {
    return name;
  }

  Type parquetType() {
    Types.PrimitiveBuilder<PrimitiveType> b =
        switch (kind) {
          case INT16, INT32 -> Types.optional(PrimitiveTypeName.INT32);
          case INT64 -> Types.optional(PrimitiveTypeName.INT64);
          case DECIMAL ->
              Types.optional(PrimitiveTypeName.FIXED_LEN_BYTE_ARRAY)
                  .length(decimalBytes)
                  .as(LogicalTypeAnnotation.decimalType(scale, precision));
          case FLOAT -> Types.optional(PrimitiveTypeName.FLOAT);
          case DOUBLE -> Types.optional(PrimitiveTypeName.DOUBLE);
          case BOOLEAN -> Types.optional(PrimitiveTypeName.BOOLEAN);
          case STRING ->
              Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType());
          case JSON ->
              Types.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.jsonType());
          case DATE -> Types.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType());
          case TIMESTAMP_INT96 -> Types.optional(PrimitiveTypeName.INT96);
          case TIMESTAMP_MICROS ->
              Types.optional(PrimitiveTypeName.INT64)
                  .as(
                      LogicalTypeAnnotation.timestampType(
                          false, LogicalTypeAnnotation.TimeUnit.MICROS));
          case TIMESTAMPTZ_MICROS ->
              Types.optional(PrimitiveTypeName.INT64)
                  .as(
                      LogicalTypeAnnotation.timestampType(
                          true, LogicalTypeAnnotation.TimeUnit.MICROS));
        };
    return b.named(name);
  }

  /** Reads this column of the current row into a compact Java value (null for SQL NULL). */
  Object read(ResultSet rs, int index) throws SQLException {
    Object v =
        switch (kind) {
          case INT16, INT32 -> rs.getInt(index);
          case INT64 -> rs.getLong(index);
          case DECIMAL -> rs.getBigDecimal(index);
          case FLOAT -> rs.getFloat(index);
          case DOUBLE -> rs.getDouble(index);
          case BOOLEAN -> rs.getBoolean(index);
          case STRING -> rs.getString(index);
          case JSON -> {
            String json = rs.getString(index);
            yield json == null ? null : JsonText.compact(json);
          }
          case DATE -> rs.getObject(index, LocalDate.class);
          case TIMESTAMP_INT96, TIMESTAMP_MICROS -> rs.getObject(index, LocalDateTime.class);
          case TIMESTAMPTZ_MICROS -> rs.getObject(index, OffsetDateTime.class);
        };
    return rs.wasNull() ? null : v;
  }

  /** Writes a non-null value read by {@link #read}. */
  void write(RecordConsumer out, Object v) {
    switch (kind) {
      case INT16, INT32 -> out.addInteger((Integer) v);
      case INT64 -> out.addLong((Long) v);
      case DECIMAL -> out.addBinary(Binary.fromConstantByteArray(decimalBytes((BigDecimal) v)));
      case FLOAT -> out.addFloat((Float) v);
      case DOUBLE -> out.addDouble((Double) v);
      case BOOLEAN -> out.addBoolean((Boolean) v);
      case STRING, JSON -> out.addBinary(Binary.fromString((String) v));
      case DATE -> out.addInteger((int) ((LocalDate) v).toEpochDay());
      case TIMESTAMP_INT96 -> out.addBinary(Binary.fromConstantByteArray(int96((LocalDateTime) v)));
      case TIMESTAMP_MICROS -> out.addLong(micros((LocalDateTime) v));
      case TIMESTAMPTZ_MICROS ->
          out.addLong(
              micros(((OffsetDateTime) v).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime()));
    }
  }

  /** Rough bytes a value takes in the file, for MAXFILESIZE rollover. */
  int estimatedSize(Object v) {
    return switch (kind) {
      case STRING, JSON -> ((String) v).length() + 4;
      case DECIMAL -> decimalBytes;
      case INT64, DOUBLE, TIMESTAMP_MICROS, TIMESTAMPTZ_MICROS -> 8;
      case TIMESTAMP_INT96 -> 12;
      case BOOLEAN -> 1;
      default -> 4;
    };
  }

  private byte[] decimalBytes(BigDecimal value) {
    BigInteger unscaled = value.setScale(scale, RoundingMode.HALF_UP).unscaledValue();
    byte[] raw = unscaled.toByteArray();
    byte[] out = new byte[decimalBytes];
    byte pad = (byte) (unscaled.signum() < 0 ? 0xFF : 0x00);
    int offset = decimalBytes - raw.length;
    for (int i = 0; i < offset; i++) {
      out[i] = pad;
    }
    System.arraycopy(raw, 0, out, offset, raw.length);
    return out;
  }

  private static int bytesForPrecision(int precision) {
    int bytes = 1;
    while (BigInteger.TEN.pow(precision).compareTo(BigInteger.ONE.shiftLeft(8 * bytes - 1)) > 0) {
      bytes++;
    }
    return bytes;
  }

  private static long micros(LocalDateTime t) {
    return ChronoUnit.MICROS.between(LocalDateTime.of(1970, 1, 1, 0, 0), t);
  }

  private static byte[] int96(LocalDateTime t) {
    long epochDay = t.toLocalDate().toEpochDay();
    long nanosOfDay = t.toLocalTime().toNanoOfDay();
    ByteBuffer buf = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
    buf.putLong(nanosOfDay);
    buf.putInt((int) (epochDay + JULIAN_EPOCH_DAY));
    assert nanosOfDay < NANOS_PER_DAY;
    return buf.array();
  }
}
