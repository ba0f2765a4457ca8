package dev.redshiftdata.spark.sql;

import dev.redshiftdata.spark.config.RedshiftOption;
import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.types.PeerMetadata;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;
import org.apache.spark.sql.types.VarcharType;

/**
 * Column compression encodings for a {@code CREATE TABLE}: from the {@code columnEncodings} option
 * ({@code col=ENCODING, ...}) or else a field's {@code encoding} metadata, checked against the
 * encodings Redshift knows and the column's type.
 *
 * @see <a href="https://docs.aws.amazon.com/redshift/latest/dg/c_Compression_encodings.html">
 *     Compression encodings</a>
 */
final class ColumnEncodings {

  /**
   * Redshift's column compression encodings. {@code AUTO} is a table-level setting ({@code ENCODE
   * AUTO}, the default when no column has an encoding), not a column encoding.
   */
  static final Set<String> ENCODINGS =
      Set.of(
          "RAW",
          "AZ64",
          "BYTEDICT",
          "DELTA",
          "DELTA32K",
          "LZO",
          "MOSTLY8",
          "MOSTLY16",
          "MOSTLY32",
          "RUNLENGTH",
          "TEXT255",
          "TEXT32K",
          "ZSTD");

  private ColumnEncodings() {}

  /** Column (schema spelling) to upper-case encoding, for the columns that have one. */
  static Map<String, String> of(RedshiftOptions options, StructType schema, OptionColumns columns) {
    Map<String, String> byOption =
        options.table().columnEncodings().map(spec -> parse(spec, columns)).orElse(Map.of());
    Map<String, String> out = new LinkedHashMap<>();
    for (StructField f : schema.fields()) {
      String encoding = byOption.get(f.name());
      if (encoding == null && f.metadata().contains(PeerMetadata.ENCODING)) {
        encoding =
            checked(
                "field metadata '" + PeerMetadata.ENCODING + "'",
                f.name(),
                f.metadata().getString(PeerMetadata.ENCODING),
                columns);
      }
      if (encoding != null) {
        out.put(f.name(), encoding);
      }
    }
    return out;
  }

  /** {@code col=ENCODING, ...} as column (schema spelling) -> upper-case encoding. */
  private static Map<String, String> parse(String spec, OptionColumns columns) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : OptionColumns.splitOutsideQuotes(spec, ',')) {
      if (pair.isBlank()) {
        continue;
      }
      int eq = OptionColumns.lastOutsideQuotes(pair, '=');
      if (eq < 0) {
        throw columns.error(
            "option '"
                + RedshiftOption.COLUMN_ENCODINGS
                + "' expects col=ENCODING pairs separated by commas, got '"
                + pair.strip()
                + "'");
      }
      String column = columns.resolve(RedshiftOption.COLUMN_ENCODINGS, pair.substring(0, eq));
      String encoding =
          checked(
              "option '" + RedshiftOption.COLUMN_ENCODINGS + "'",
              column,
              pair.substring(eq + 1),
              columns);
      if (out.put(column, encoding) != null) {
        throw columns.namedTwice(RedshiftOption.COLUMN_ENCODINGS, column);
      }
    }
    return out;
  }

  /**
   * {@code given} as an upper-case encoding Redshift knows and {@code column}'s type can take.
   *
   * @param source what gave it, for errors: "option 'columnEncodings'", "field metadata 'encoding'"
   */
  private static String checked(String source, String column, String given, OptionColumns columns) {
    String encoding = given.strip().toUpperCase(Locale.ROOT);
    if (!ENCODINGS.contains(encoding)) {
      throw columns.error(
          source
              + " gives column '"
              + column
              + "' the unknown encoding '"
              + given.strip()
              + "'. Use one of "
              + ENCODINGS.stream().sorted().collect(Collectors.joining(", ")));
    }
    String allowedFor = allowedFor(encoding, columns.type(column));
    if (allowedFor != null) {
      throw columns.error(
          source
              + " gives column '"
              + column
              + "' ("
              + columns.type(column).simpleString()
              + ") the encoding "
              + encoding
              + ", which Redshift allows only for "
              + allowedFor
              + " columns");
    }
    return encoding;
  }

  /**
   * Null when {@code encoding} suits a column of Spark type {@code type}, else the column kinds it
   * suits. Only the combinations Redshift's encoding table rules out are refused (a text encoding
   * on a non-string, a numeric one on a string, boolean, float, binary or nested column); Redshift
   * itself has the last word on the rest.
   */
  static String allowedFor(String encoding, DataType type) {
    if (type == null) {
      return null;
    }
    boolean small = type instanceof ByteType || type instanceof ShortType;
    boolean integer = small || type instanceof IntegerType || type instanceof LongType;
    boolean decimal = type instanceof DecimalType;
    boolean temporal =
        type instanceof DateType
            || type instanceof TimestampType
            || type instanceof TimestampNTZType;
    switch (encoding) {
      case "TEXT255":
      case "TEXT32K":
        return type instanceof StringType || type instanceof VarcharType ? null : "VARCHAR";
      case "AZ64":
      case "DELTA":
      case "DELTA32K":
        return integer || decimal || temporal ? null : "integer, decimal, date and timestamp";
      case "MOSTLY8":
        return integer || decimal ? null : "integer and decimal";
      case "MOSTLY16":
        return (integer && !small) || decimal ? null : "INTEGER, BIGINT and DECIMAL";
      case "MOSTLY32":
        return type instanceof LongType || decimal ? null : "BIGINT and DECIMAL";
      default:
        return null;
    }
  }
}
