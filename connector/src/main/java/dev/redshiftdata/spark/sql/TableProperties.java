package dev.redshiftdata.spark.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redshiftdata.spark.config.RedshiftOption;
import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.config.RedshiftOptions.DistStyle;
import dev.redshiftdata.spark.config.RedshiftOptions.SortKeyStyle;
import dev.redshiftdata.spark.types.PeerMetadata;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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
 * What the table options add to a {@code CREATE TABLE} built from a Spark schema: column
 * compression, distribution and sort keys, and comments. Pure; validated against the schema when
 * built, so a bad option fails before any statement runs.
 *
 * <p>How to use it (the text pieces start with a space, so they are appended as they are):
 *
 * <pre>
 * CREATE TABLE "s"."t" ("id" BIGINT{columnSuffix("id")}, "v" VARCHAR(MAX){columnSuffix("v")}){tableSuffix}
 * -- e.g. CREATE TABLE "s"."t" ("id" BIGINT ENCODE AZ64, "v" VARCHAR(MAX) ENCODE ZSTD)
 * --        DISTSTYLE KEY DISTKEY("id") COMPOUND SORTKEY("id")
 * -- then, in the same transaction, each of commentStatements:
 * COMMENT ON TABLE "s"."t" IS 'text'
 * COMMENT ON COLUMN "s"."t"."v" IS 'text'
 * </pre>
 *
 * <p>Columns named in the options ({@code distKey}, {@code sortKey}, {@code columnEncodings},
 * {@code columnComments}) are matched to the schema's fields by exact name first, then ignoring
 * ASCII case (Redshift folds names); a name may be written as a quoted identifier ({@code "a,b"})
 * to carry commas, {@code =} or surrounding blanks in {@code columnEncodings} (the list options
 * {@code sortKey} and {@code mergeKeys} are split at every comma). The SQL always uses the schema's
 * spelling.
 *
 * @param columnSuffixes for every column of the schema (by its Spark name), the text to append
 *     after its type: {@code " ENCODE ZSTD"} or {@code ""}; empty in {@link #none()}, so prefer
 *     {@link #columnSuffix(String)}
 * @param tableSuffix text to append after the column list's closing parenthesis, or {@code ""}
 * @param commentStatements {@code COMMENT ON} statements to run after the {@code CREATE TABLE}
 * @see <a href="https://docs.aws.amazon.com/redshift/latest/dg/r_CREATE_TABLE_NEW.html">CREATE
 *     TABLE</a>
 */
public record TableProperties(
    Map<String, String> columnSuffixes, String tableSuffix, List<String> commentStatements) {

  /**
   * Redshift's column compression encodings. {@code AUTO} is a table-level setting ({@code ENCODE
   * AUTO}, the default when no column has an encoding), not a column encoding.
   *
   * @see <a href="https://docs.aws.amazon.com/redshift/latest/dg/c_Compression_encodings.html">
   *     Compression encodings</a>
   */
  public static final Set<String> ENCODINGS =
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

  /** Most columns of an interleaved sort key. */
  public static final int MAX_INTERLEAVED_SORT_KEY_COLUMNS = 8;

  /** Most columns of a compound sort key. */
  public static final int MAX_COMPOUND_SORT_KEY_COLUMNS = 400;

  private static final ObjectMapper JSON = new ObjectMapper();

  public TableProperties {
    Objects.requireNonNull(columnSuffixes, "columnSuffixes is null");
    Objects.requireNonNull(tableSuffix, "tableSuffix is null");
    Objects.requireNonNull(commentStatements, "commentStatements is null");
    columnSuffixes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columnSuffixes));
    commentStatements = List.copyOf(commentStatements);
  }

  /**
   * No additions: Redshift's defaults ({@code DISTSTYLE AUTO}, {@code SORTKEY AUTO}, {@code ENCODE
   * AUTO}).
   */
  public static TableProperties none() {
    return new TableProperties(Map.of(), "", List.of());
  }

  /** The text to append after the column's type, {@code ""} when it has none. */
  public String columnSuffix(String column) {
    return columnSuffixes.getOrDefault(column, "");
  }

  /**
   * The additions the options ask for, checked against the schema.
   *
   * @throws IllegalArgumentException naming the option and the column for a column not in the
   *     schema, an unknown encoding or one the column's type cannot take, a {@code distKey} without
   *     {@code distStyle} KEY (or the reverse), more sort key columns than Redshift allows, or
   *     malformed {@code columnComments}
   */
  public static TableProperties of(RedshiftOptions options, StructType schema, TableName table) {
    Objects.requireNonNull(options, "options is null");
    Objects.requireNonNull(schema, "schema is null");
    Objects.requireNonNull(table, "table is null");
    Columns columns = new Columns(schema, table);

    Map<String, String> suffixes = new LinkedHashMap<>();
    for (String name : columns.names) {
      suffixes.put(name, "");
    }
    Map<String, String> byOption =
        options.columnEncodings().map(spec -> encodings(spec, columns)).orElse(Map.of());
    for (StructField f : schema.fields()) {
      String encoding = byOption.get(f.name());
      if (encoding == null && f.metadata().contains(PeerMetadata.ENCODING)) {
        encoding =
            checkedEncoding(
                "field metadata '" + PeerMetadata.ENCODING + "'",
                f.name(),
                f.metadata().getString(PeerMetadata.ENCODING),
                columns);
      }
      if (encoding != null) {
        suffixes.put(f.name(), " ENCODE " + encoding);
      }
    }

    StringBuilder suffix = new StringBuilder();
    distribution(options, columns, suffix);
    sortKey(options, columns, suffix);

    List<String> comments = new ArrayList<>();
    options
        .tableComment()
        .ifPresent(
            text ->
                comments.add(
                    "COMMENT ON TABLE " + table.quoted() + " IS " + literal(text, table, null)));
    Map<String, String> columnComments = new LinkedHashMap<>();
    for (StructField f : schema.fields()) {
      if (f.metadata().contains(PeerMetadata.DESCRIPTION)) {
        columnComments.put(f.name(), f.metadata().getString(PeerMetadata.DESCRIPTION));
      }
    }
    // The option wins over a field's description.
    options
        .columnComments()
        .ifPresent(json -> columnComments.putAll(columnComments(json, columns)));
    for (Map.Entry<String, String> e : columnComments.entrySet()) {
      comments.add(
          "COMMENT ON COLUMN "
              + table.quoted()
              + "."
              + Identifiers.quote(e.getKey())
              + " IS "
              + literal(e.getValue(), table, e.getKey()));
    }
    return new TableProperties(suffixes, suffix.toString(), comments);
  }

  private static void distribution(RedshiftOptions options, Columns columns, StringBuilder sb) {
    DistStyle style = options.distStyle().orElse(null);
    String key = options.distKey().orElse(null);
    if (key != null && style != null && style != DistStyle.KEY) {
      throw columns.error(
          "option '"
              + RedshiftOption.DIST_KEY
              + "' needs '"
              + RedshiftOption.DIST_STYLE
              + "' KEY or unset, not "
              + style.name());
    }
    if (key == null && style == DistStyle.KEY) {
      throw columns.error(
          "option '"
              + RedshiftOption.DIST_STYLE
              + "' is KEY but '"
              + RedshiftOption.DIST_KEY
              + "' is not set. Set '"
              + RedshiftOption.DIST_KEY
              + "' to the distribution column");
    }
    if (style != null) {
      sb.append(" DISTSTYLE ").append(style.name());
    }
    if (key != null) {
      sb.append(" DISTKEY(")
          .append(Identifiers.quote(columns.resolve(RedshiftOption.DIST_KEY, key)))
          .append(')');
    }
  }

  private static void sortKey(RedshiftOptions options, Columns columns, StringBuilder sb) {
    List<String> keys = options.sortKey();
    if (keys.isEmpty()) {
      return;
    }
    boolean interleaved = options.sortKeyStyle() == SortKeyStyle.INTERLEAVED;
    if (keys.stream().anyMatch(k -> k.equalsIgnoreCase("auto"))) {
      if (keys.size() > 1) {
        throw columns.error(
            "option '"
                + RedshiftOption.SORT_KEY
                + "' is either AUTO or a list of columns, not both (quote a column named auto:"
                + " \"auto\")");
      }
      if (interleaved) {
        throw columns.error(
            "option '"
                + RedshiftOption.SORT_KEY
                + "' AUTO cannot be INTERLEAVED. Unset '"
                + RedshiftOption.SORT_KEY_STYLE
                + "'");
      }
      sb.append(" SORTKEY AUTO");
      return;
    }
    int max = interleaved ? MAX_INTERLEAVED_SORT_KEY_COLUMNS : MAX_COMPOUND_SORT_KEY_COLUMNS;
    if (keys.size() > max) {
      throw columns.error(
          "option '"
              + RedshiftOption.SORT_KEY
              + "' has "
              + keys.size()
              + " columns; an "
              + (interleaved ? "INTERLEAVED" : "COMPOUND")
              + " sort key has at most "
              + max);
    }
    Set<String> resolved = new LinkedHashSet<>();
    for (String k : keys) {
      String name = columns.resolve(RedshiftOption.SORT_KEY, k);
      if (!resolved.add(name)) {
        throw columns.error(
            "option '" + RedshiftOption.SORT_KEY + "' names column '" + name + "' twice");
      }
    }
    sb.append(interleaved ? " INTERLEAVED SORTKEY(" : " COMPOUND SORTKEY(")
        .append(resolved.stream().map(Identifiers::quote).collect(Collectors.joining(", ")))
        .append(')');
  }

  /** {@code col=ENCODING, ...} as column (schema spelling) -> upper-case encoding. */
  private static Map<String, String> encodings(String spec, Columns columns) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : splitOutsideQuotes(spec, ',')) {
      if (pair.isBlank()) {
        continue;
      }
      int eq = lastOutsideQuotes(pair, '=');
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
          checkedEncoding(
              "option '" + RedshiftOption.COLUMN_ENCODINGS + "'",
              column,
              pair.substring(eq + 1),
              columns);
      if (out.put(column, encoding) != null) {
        throw columns.error(
            "option '" + RedshiftOption.COLUMN_ENCODINGS + "' names column '" + column + "' twice");
      }
    }
    return out;
  }

  /**
   * {@code given} as an upper-case encoding Redshift knows and {@code column}'s type can take.
   *
   * @param source what gave it, for errors: "option 'columnEncodings'", "field metadata 'encoding'"
   */
  private static String checkedEncoding(
      String source, String column, String given, Columns columns) {
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
   *
   * @see <a href="https://docs.aws.amazon.com/redshift/latest/dg/c_Compression_encodings.html">
   *     Compression encodings</a>
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

  /** {@code {"col": "text", ...}} as column (schema spelling) -> text, in the object's order. */
  private static Map<String, String> columnComments(String json, Columns columns) {
    JsonNode node;
    try {
      node = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      node = null;
    }
    if (node == null || !node.isObject()) {
      throw columns.error(
          "option '"
              + RedshiftOption.COLUMN_COMMENTS
              + "' must be a JSON object of strings, e.g. {\"id\": \"the key\"}");
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String column = columns.resolve(RedshiftOption.COLUMN_COMMENTS, e.getKey());
      if (!e.getValue().isTextual()) {
        throw columns.error(
            "option '"
                + RedshiftOption.COLUMN_COMMENTS
                + "' gives column '"
                + column
                + "' a comment that is not a JSON string");
      }
      if (out.put(column, e.getValue().textValue()) != null) {
        throw columns.error(
            "option '" + RedshiftOption.COLUMN_COMMENTS + "' names column '" + column + "' twice");
      }
    }
    return out;
  }

  private static String literal(String text, TableName table, String column) {
    try {
      return Literals.string(text);
    } catch (IllegalArgumentException e) {
      String option =
          column == null
              ? "option '" + RedshiftOption.TABLE_COMMENT + "'"
              : "option '" + RedshiftOption.COLUMN_COMMENTS + "' for column '" + column + "'";
      throw new IllegalArgumentException(
          "Cannot create table " + table.quoted() + ": " + option + " contains a NUL character.",
          e);
    }
  }

  /** Splits on {@code sep} outside double-quoted parts ({@code ""} is a quote inside one). */
  static List<String> splitOutsideQuotes(String s, char sep) {
    List<String> parts = new ArrayList<>();
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == sep && !quoted) {
        parts.add(s.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(s.substring(start));
    return parts;
  }

  private static int lastOutsideQuotes(String s, char c) {
    boolean quoted = false;
    int last = -1;
    for (int i = 0; i < s.length(); i++) {
      char d = s.charAt(i);
      if (d == '"') {
        quoted = !quoted;
      } else if (d == c && !quoted) {
        last = i;
      }
    }
    return last;
  }

  /** The schema's column names and how option values resolve to them. */
  static final class Columns {
    final List<String> names;
    private final Map<String, DataType> types = new java.util.HashMap<>();
    private final String action;

    Columns(StructType schema, TableName table) {
      this(
          java.util.Arrays.stream(schema.fields()).map(StructField::name).toList(),
          "create table " + table.quoted());
      for (StructField f : schema.fields()) {
        types.put(f.name(), f.dataType());
      }
    }

    /** {@code action} completes "Cannot ..." in error messages, e.g. "merge into "s"."t"". */
    Columns(List<String> names, String action) {
      this.names = List.copyOf(names);
      this.action = action;
    }

    /** The column's Spark type, or null when only names are known. */
    DataType type(String column) {
      return types.get(column);
    }

    /**
     * The column {@code given} (trimmed; a {@code "quoted"} name is unquoted) names: an exact
     * match, else the only match ignoring ASCII case.
     */
    String resolve(RedshiftOption option, String given) {
      String name = unquote(given.strip());
      if (names.contains(name)) {
        return name;
      }
      String folded = Identifiers.foldAscii(name);
      List<String> matches =
          names.stream().filter(n -> Identifiers.foldAscii(n).equals(folded)).toList();
      if (matches.size() == 1) {
        return matches.get(0);
      }
      if (matches.isEmpty()) {
        throw error(
            "option '"
                + option
                + "' names column '"
                + name
                + "', which is not among the columns ("
                + String.join(", ", names)
                + ")");
      }
      throw error(
          "option '"
              + option
              + "' names column '"
              + name
              + "', which matches "
              + String.join(" and ", matches)
              + " ignoring case. Write the exact name");
    }

    IllegalArgumentException error(String reason) {
      return new IllegalArgumentException("Cannot " + action + ": " + reason + ".");
    }

    private static String unquote(String s) {
      if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
        return s.substring(1, s.length() - 1).replace("\"\"", "\"");
      }
      return s;
    }
  }
}
