package dev.redshiftdata.spark.sql;

/**
 * The lookup of an unqualified table name on the search_path ({@code read/SearchPath} runs it and
 * reads its row). Pure.
 */
public final class SearchPathQuery {
  private SearchPathQuery() {}

  /**
   * One row: the search_path, and the schema of the relation the unqualified name resolves to (NULL
   * when none does).
   */
  public static String sql(String table) {
    return "SELECT CAST(current_setting('search_path') AS VARCHAR(1024)) AS search_path,"
        + " (SELECT CAST(n.nspname AS VARCHAR(128)) FROM pg_catalog.pg_class c"
        + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
        + " WHERE c.relname = "
        + Literals.string(table)
        + " AND pg_catalog.pg_table_is_visible(c.oid) LIMIT 1) AS schema_name";
  }
}
