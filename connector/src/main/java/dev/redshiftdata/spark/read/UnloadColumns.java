package dev.redshiftdata.spark.read;

import dev.redshiftdata.spark.compat.SparkTypes;
import dev.redshiftdata.spark.sql.Identifiers;
import dev.redshiftdata.spark.types.Decoders;
import dev.redshiftdata.spark.types.RedshiftType;
import dev.redshiftdata.spark.types.TextDecoder;
import dev.redshiftdata.spark.types.TypeMapping;
import java.io.Serializable;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/**
 * How each read column travels through UNLOAD to Parquet and back, so the unload path returns
 * exactly what the direct path returns. Pure.
 *
 * <ul>
 *   <li>Every column is aliased by position ({@code "c0"}, {@code "c1"}, ...) in the unload select:
 *       Parquet column names then never depend on case, quoting or duplicate names.
 *   <li>Types Redshift cannot unload to Parquet travel as text and are decoded per column vector
 *       with the direct path's own text decoders: {@code TIME}/{@code TIMETZ} ({@code CAST ... AS
 *       VARCHAR}), {@code VARBYTE} ({@code TO_HEX}), {@code GEOMETRY}/{@code GEOGRAPHY} ({@code
 *       ST_AsHexEWKB}). {@code SUPER} arrives as Parquet JSON text; as a variant it is decoded.
 *   <li>{@code TIMESTAMP} is requested as Spark's {@code TimestampType}, which Spark reads from
 *       both encodings Redshift may write (INT96, or INT64 micros not adjusted to UTC) without any
 *       zone shift, and then relabelled {@code TimestampNTZType}: both hold the wall clock as
 *       microseconds. Spark refuses to read INT96 as {@code TimestampNTZType} directly.
 * </ul>
 *
 * <p>A table too wide to name its columns within the Data API's statement limit is unloaded whole
 * instead ({@link #planStar}): {@code SELECT * FROM (<inner>) AS "unload"}, whose Parquet columns
 * carry the table's own names; the reader then takes the read columns by those names.
 */
final class UnloadColumns implements Serializable {
  private static final long serialVersionUID = 1L;

  /** What happens to a column's Parquet values before Spark sees them. */
  enum Fix {
    /** The Parquet values are the Spark values. */
    NONE,
    /** Same physical values, another Spark type (TIMESTAMP read as LTZ, returned as NTZ). */
    RELABEL,
    /** Text decoded with the direct path's {@link TextDecoder} for the column. */
    DECODE_TEXT,
    /**
     * A TIMESTAMP read as {@code TimestampType} with {@code timestampType=ltz}: each wall clock
     * becomes its instant in {@link #wallClockZone()}.
     */
    WALL_CLOCK
  }

  /**
   * One column.
   *
   * @param sourceName the column's name in the select being unloaded
   * @param fileName its name in the Parquet files ({@code c<i>})
   * @param expression the unload select item, before its alias
   * @param fileType the Spark type requested from the Parquet reader
   * @param sparkType the Spark type the scan returns
   * @param redshiftType Redshift's type name ({@code ""} when unknown)
   * @param fix how file values become Spark values
   */
  record Column(
      String sourceName,
      String fileName,
      String expression,
      DataType fileType,
      DataType sparkType,
      String redshiftType,
      Fix fix)
      implements Serializable {

    /** The decoder of a {@link Fix#DECODE_TEXT} column. */
    TextDecoder decoder() {
      RedshiftType t = new RedshiftType(sourceName, redshiftType, 0, 0, 0, RedshiftType.NULLABLE);
      return Decoders.text(t, sparkType);
    }
  }

  private final List<Column> columns;

  /** Whether the select unloads every column of the inner select as is ({@code SELECT *}). */
  private final boolean star;

  /** The zone of {@link Fix#WALL_CLOCK} columns; null when TIMESTAMP wall clocks are UTC. */
  private final String wallClockZone;

  private UnloadColumns(List<Column> columns, boolean star, String wallClockZone) {
    this.columns = List.copyOf(columns);
    this.star = star;
    this.wallClockZone = wallClockZone;
  }

  /** The zone of {@link Fix#WALL_CLOCK} columns (null when there are none). */
  ZoneId wallClockZone() {
    return wallClockZone == null ? null : ZoneId.of(wallClockZone);
  }

  /**
   * Plans the columns of {@code readSchema}, whose fields carry {@link TypeMapping#METADATA_TYPE};
   * {@code sourceNames} are their names in the select being unloaded, in the same order.
   */
  static UnloadColumns plan(StructType readSchema, List<String> sourceNames) {
    return plan(readSchema, sourceNames, null);
  }

  /**
   * As {@link #plan(StructType, List)}; a TIMESTAMP read as {@code TimestampType} is the wall clock
   * in {@code wallClockZone} (null: UTC, no conversion).
   */
  static UnloadColumns plan(StructType readSchema, List<String> sourceNames, String wallClockZone) {
    StructField[] fields = readSchema.fields();
    if (fields.length != sourceNames.size()) {
      throw new IllegalArgumentException(
          "Read schema has " + fields.length + " columns but the select has " + sourceNames.size());
    }
    List<Column> out = new ArrayList<>(fields.length);
    for (int i = 0; i < fields.length; i++) {
      out.add(column(fields[i], sourceNames.get(i), "c" + i, wallClockZone));
    }
    return new UnloadColumns(out, false, wallClockZone);
  }

  /**
   * Plans the read columns of an unload of {@code SELECT *} from a table whose columns are {@code
   * tableSchema}: each Parquet column is named as the table's column. Empty when some table column
   * cannot be unloaded as is (it needs a conversion, see above, which {@code *} cannot apply) or no
   * column is read.
   *
   * @param readSchema the read columns, with {@link TypeMapping#METADATA_TYPE}
   * @param sourceNames their names in the table, in the same order
   * @param wallClockZone as in {@link #plan(StructType, List, String)}
   */
  static Optional<UnloadColumns> planStar(
      StructType readSchema,
      List<String> sourceNames,
      StructType tableSchema,
      String wallClockZone) {
    StructField[] fields = readSchema.fields();
    if (fields.length == 0 || fields.length != sourceNames.size()) {
      return Optional.empty();
    }
    for (StructField f : tableSchema.fields()) {
      if (!column(f, f.name(), f.name(), null).expression().equals(Identifiers.quote(f.name()))) {
        return Optional.empty();
      }
    }
    List<Column> out = new ArrayList<>(fields.length);
    for (int i = 0; i < fields.length; i++) {
      out.add(column(fields[i], sourceNames.get(i), sourceNames.get(i), wallClockZone));
    }
    return Optional.of(new UnloadColumns(out, true, wallClockZone));
  }

  /** Whether this plan unloads {@code SELECT *} (see {@link #planStar}). */
  boolean isStar() {
    return star;
  }

  private static Column column(
      StructField field, String sourceName, String fileName, String wallClockZone) {
    String rs =
        field.metadata().contains(TypeMapping.METADATA_TYPE)
            ? field.metadata().getString(TypeMapping.METADATA_TYPE).toLowerCase(Locale.ROOT)
            : "";
    DataType spark = field.dataType();
    String ref = Identifiers.quote(sourceName);
    switch (rs) {
      case "time", "timetz" -> {
        String text = "CAST(" + ref + " AS VARCHAR)";
        Fix fix = spark instanceof StringType ? Fix.NONE : Fix.DECODE_TEXT;
        return new Column(sourceName, fileName, text, DataTypes.StringType, spark, rs, fix);
      }
      case "varbyte" -> {
        return new Column(
            sourceName,
            fileName,
            "TO_HEX(" + ref + ")",
            DataTypes.StringType,
            spark,
            rs,
            Fix.DECODE_TEXT);
      }
      case "geometry", "geography" -> {
        return new Column(
            sourceName,
            fileName,
            "ST_AsHexEWKB(" + ref + ")",
            DataTypes.StringType,
            spark,
            rs,
            Fix.DECODE_TEXT);
      }
      default -> {
        // handled below
      }
    }
    if (SparkTypes.isVariant(spark)) {
      return new Column(
          sourceName, fileName, ref, DataTypes.StringType, spark, rs, Fix.DECODE_TEXT);
    }
    if (wallClockZone != null && "timestamp".equals(rs) && spark instanceof TimestampType) {
      return new Column(sourceName, fileName, ref, spark, spark, rs, Fix.WALL_CLOCK);
    }
    if (spark instanceof TimestampNTZType) {
      return new Column(sourceName, fileName, ref, DataTypes.TimestampType, spark, rs, Fix.RELABEL);
    }
    return new Column(sourceName, fileName, ref, spark, spark, rs, Fix.NONE);
  }

  List<Column> columns() {
    return columns;
  }

  /** Per column, its text decoder when it is {@link Fix#DECODE_TEXT}, else null. */
  TextDecoder[] decoders() {
    TextDecoder[] out = new TextDecoder[columns.size()];
    for (int i = 0; i < out.length; i++) {
      if (columns.get(i).fix() == Fix.DECODE_TEXT) {
        out[i] = columns.get(i).decoder();
      }
    }
    return out;
  }

  /** True when some column needs more than the Parquet reader's own values. */
  boolean needsDecoding() {
    return columns.stream().anyMatch(c -> c.fix() == Fix.DECODE_TEXT);
  }

  /**
   * The select to unload: {@code SELECT <expr> AS "c0", ... FROM (<inner>) AS "unload"}. No outer
   * LIMIT, which UNLOAD refuses; a LIMIT inside {@code inner} is fine. With no column at all (e.g.
   * a count), one constant column keeps the files valid.
   */
  String select(String innerSelect) {
    if (star) {
      return "SELECT * FROM (" + innerSelect + ") AS " + Identifiers.quote("unload");
    }
    List<String> items = new ArrayList<>();
    for (Column c : columns) {
      items.add(c.expression() + " AS " + Identifiers.quote(c.fileName()));
    }
    if (items.isEmpty()) {
      items.add("1 AS " + Identifiers.quote("c0"));
    }
    return "SELECT "
        + String.join(", ", items)
        + " FROM ("
        + innerSelect
        + ") AS "
        + Identifiers.quote("unload");
  }

  /** The schema of the unloaded files (all of them, including a constant column). */
  StructType fileSchema() {
    if (columns.isEmpty()) {
      return new StructType().add("c0", DataTypes.IntegerType, true);
    }
    return readFileSchema();
  }

  /** The columns requested from the Parquet reader. */
  StructType readFileSchema() {
    StructType s = new StructType();
    for (Column c : columns) {
      s = s.add(c.fileName(), c.fileType(), true);
    }
    return s;
  }
}
