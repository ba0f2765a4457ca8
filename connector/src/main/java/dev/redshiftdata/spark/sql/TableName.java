package dev.redshiftdata.spark.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A table name as Redshift resolves it: optional database, optional schema, table. Parts are the
 * names as stored (already case-folded), not SQL text; {@link #quoted()} renders them back.
 *
 * @param database the database part of a 3-part name, or null
 * @param schema the schema part of a 2- or 3-part name, or null
 * @param table the table part, never null
 */
public record TableName(String database, String schema, String table) {

  public TableName {
    Objects.requireNonNull(table, "table");
    if (database != null && schema == null) {
      throw new IllegalArgumentException("A table name with a database needs a schema");
    }
  }

  public static TableName of(String table) {
    return new TableName(null, null, table);
  }

  public static TableName of(String schema, String table) {
    return new TableName(null, schema, table);
  }

  public Optional<String> databaseName() {
    return Optional.ofNullable(database);
  }

  public Optional<String> schemaName() {
    return Optional.ofNullable(schema);
  }

  /** The parts present, outermost first. */
  public List<String> parts() {
    List<String> parts = new ArrayList<>(3);
    if (database != null) {
      parts.add(database);
    }
    if (schema != null) {
      parts.add(schema);
    }
    parts.add(table);
    return parts;
  }

  /** Every part quoted and escaped, joined with dots: {@code "sales"."orders"}. */
  public String quoted() {
    return String.join(".", parts().stream().map(Identifiers::quote).toList());
  }

  @Override
  public String toString() {
    return quoted();
  }
}
