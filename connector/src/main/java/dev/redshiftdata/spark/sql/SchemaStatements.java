package dev.redshiftdata.spark.sql;

/** The statements that create, rename and drop schemas and tables. Pure. */
public final class SchemaStatements {
  private SchemaStatements() {}

  public static String createSchema(String schema) {
    return "CREATE SCHEMA " + Identifiers.quote(schema);
  }

  public static String dropSchema(String schema, boolean cascade) {
    return "DROP SCHEMA " + Identifiers.quote(schema) + (cascade ? " CASCADE" : "");
  }

  public static String dropTable(TableName table) {
    return "DROP TABLE " + table.quoted();
  }

  public static String dropTableIfExists(TableName table) {
    return "DROP TABLE IF EXISTS " + table.quoted();
  }

  /** Renames {@code from} within its schema (Redshift's RENAME TO takes a one-part name). */
  public static String renameTable(TableName from, String newName) {
    return "ALTER TABLE " + from.quoted() + " RENAME TO " + Identifiers.quote(newName);
  }
}
