package dev.redshiftdata.local.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The synchronous Data API operations (ListSchemas, ListTables, DescribeTable) answered from PostgreSQL's
 * catalog with Redshift's names and types. Paging is the caller's job: these return everything in order.
 */
public final class CatalogQueries {
  private CatalogQueries() {}

  /** Schemas of the connected database whose names match a LIKE pattern (null = all). */
  public static List<String> listSchemas(Connection c, String schemaPattern) throws SQLException {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /** Tables and views matching LIKE patterns (null = all). */
  public static List<TableInfo> listTables(Connection c, String schemaPattern, String tablePattern)
      throws SQLException {
    throw new UnsupportedOperationException("not implemented yet");
  }

  /**
   * Columns of tables matching an exact schema (null = all) and exact table name (null = all), in table
   * then ordinal order.
   */
  public static List<ColumnInfo> describeTable(Connection c, String schema, String table)
      throws SQLException {
    throw new UnsupportedOperationException("not implemented yet");
  }
}
