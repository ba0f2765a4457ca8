package dev.redshiftdata.spark.sql;

import dev.redshiftdata.spark.config.RedshiftOptions;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.types.StructType;

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
 * {@code columnComments}) are matched to the schema's fields as {@link OptionColumns} says; a
 * quoted name carries commas only in {@code columnEncodings} (the list options {@code sortKey} and
 * {@code mergeKeys} are split at every comma). The SQL always uses the schema's spelling. The parts
 * come from {@link ColumnEncodings}, {@link TableKeyClauses} and {@link TableComments}.
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

  public TableProperties {
    Objects.requireNonNull(columnSuffixes, "columnSuffixes is null");
    Objects.requireNonNull(tableSuffix, "tableSuffix is null");
    Objects.requireNonNull(commentStatements, "commentStatements is null");
    columnSuffixes = Collections.unmodifiableMap(new LinkedHashMap<>(columnSuffixes));
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
    OptionColumns columns = new OptionColumns(schema, table);
    Map<String, String> suffixes = new LinkedHashMap<>();
    for (String name : columns.names) {
      suffixes.put(name, "");
    }
    ColumnEncodings.of(options, schema, columns)
        .forEach((column, encoding) -> suffixes.put(column, " ENCODE " + encoding));
    String keys = TableKeyClauses.of(options, columns);
    List<String> comments = TableComments.statements(options, schema, table, columns);
    return new TableProperties(suffixes, keys, comments);
  }
}
