package dev.redshiftdata.spark.sql;

import dev.redshiftdata.spark.types.TypeMapping;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * {@code CREATE TABLE "s"."t" ("a" BIGINT NOT NULL, "b" VARCHAR(65535), ...)} from a Spark schema,
 * types from {@link TypeMapping#redshiftDdlType}; non-nullable fields are {@code NOT NULL}; {@link
 * TableProperties} add encodings, dist style, dist key and sort key. No {@code IF NOT EXISTS}: the
 * write runs it in its COPY transaction, so a table created concurrently fails the write instead of
 * being appended to unnoticed. Pure.
 */
public final class CreateTableStatement {

  private CreateTableStatement() {}

  /**
   * @param caseSensitive whether column names keep their case ({@code caseSensitiveIdentifiers});
   *     otherwise they are folded to lower case, as Redshift folds them
   * @throws IllegalArgumentException naming a field Redshift has no type for, or when the schema
   *     has no fields
   */
  public static String sql(TableName table, StructType schema, boolean caseSensitive) {
    return sql(table, schema, caseSensitive, TableProperties.none());
  }

  /**
   * The statement with {@link TableProperties}: each column's {@code ENCODE}, then the table's dist
   * style, dist key and sort key. Their comments are separate statements ({@link
   * TableProperties#commentStatements()}), run after this one.
   *
   * @param properties built for the created column names ({@link #columnNames})
   */
  public static String sql(
      TableName table, StructType schema, boolean caseSensitive, TableProperties properties) {
    if (schema.fields().length == 0) {
      throw new IllegalArgumentException(
          "Cannot create table " + table.quoted() + ": the DataFrame has no columns.");
    }
    List<String> columns = new ArrayList<>();
    for (StructField f : schema.fields()) {
      String name = caseSensitive ? f.name() : Identifiers.foldAscii(f.name());
      columns.add(
          Identifiers.quote(name)
              + " "
              + TypeMapping.redshiftDdlType(f)
              + (f.nullable() ? "" : " NOT NULL")
              + properties.columnSuffix(name));
    }
    return "CREATE TABLE "
        + table.quoted()
        + " ("
        + String.join(", ", columns)
        + ")"
        + properties.tableSuffix();
  }

  /** The column names as the created table has them. */
  public static List<String> columnNames(StructType schema, boolean caseSensitive) {
    List<String> out = new ArrayList<>();
    for (StructField f : schema.fields()) {
      out.add(caseSensitive ? f.name() : Identifiers.foldAscii(f.name()));
    }
    return out;
  }
}
