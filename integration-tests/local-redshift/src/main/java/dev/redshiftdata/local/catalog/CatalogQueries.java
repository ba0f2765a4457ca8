package dev.redshiftdata.local.catalog;

import dev.redshiftdata.local.catalog.RedshiftTypeNames.RedshiftType;
import dev.redshiftdata.local.dialect.RedshiftBootstrap;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The synchronous Data API operations (ListSchemas, ListTables, DescribeTable) answered from
 * PostgreSQL's catalog with Redshift's names and types. Paging is the caller's job: these return
 * everything in order.
 *
 * <p>Run on a connection to the right database as the requesting role. Like the JDBC metadata calls
 * the Data API answers with, these read the catalog, which every role can read: they list objects
 * whatever the role's privileges on them. Hidden everywhere: PostgreSQL's {@code pg_toast*}
 * schemas, other sessions' temporary schemas, and the local Redshift's bookkeeping tables in {@code
 * pg_internal}.
 */
public final class CatalogQueries {
  private CatalogQueries() {}

  /** Schemas that are internal to PostgreSQL; the session's own temporary schema stays visible. */
  private static final String VISIBLE_SCHEMA =
      "n.nspname !~ '^pg_toast' AND (n.nspname !~ '^pg_temp_' OR n.oid = pg_catalog.pg_my_temp_schema())";

  private static final String VISIBLE_RELATION =
      "c.relkind IN ('r', 'p', 'v', 'm', 'f') AND NOT (n.nspname = 'pg_internal' AND c.relname ~"
          + " '^localredshift_')";

  private static final String TABLE_TYPE =
      "CASE"
          + " WHEN n.nspname IN ('pg_catalog', 'information_schema', 'pg_internal') THEN"
          + "   CASE WHEN c.relkind IN ('r', 'p') THEN 'SYSTEM TABLE' ELSE 'SYSTEM VIEW' END"
          + " WHEN c.relpersistence = 't' THEN 'LOCAL TEMPORARY'"
          + " WHEN c.relkind IN ('r', 'p') THEN 'TABLE'"
          + " WHEN c.relkind = 'v' THEN 'VIEW'"
          + " WHEN c.relkind = 'm' THEN 'MATERIALIZED VIEW'"
          + " ELSE 'EXTERNAL TABLE' END";

  /** Schemas of the connected database whose names match a LIKE pattern (null = all), by name. */
  public static List<String> listSchemas(Connection c, String schemaPattern) throws SQLException {
    String sql =
        "SELECT n.nspname FROM pg_catalog.pg_namespace n WHERE "
            + VISIBLE_SCHEMA
            + " AND (?::text IS NULL OR n.nspname LIKE ?) ORDER BY n.nspname";
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, schemaPattern);
      ps.setString(2, schemaPattern);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  /**
   * Tables and views matching LIKE patterns (null = all), ordered as JDBC {@code getTables} orders
   * them: by type, schema, name. Types: TABLE, VIEW, MATERIALIZED VIEW, LOCAL TEMPORARY, SYSTEM
   * TABLE, SYSTEM VIEW, EXTERNAL TABLE (foreign tables).
   */
  public static List<TableInfo> listTables(Connection c, String schemaPattern, String tablePattern)
      throws SQLException {
    String sql =
        "SELECT c.relname, n.nspname, "
            + TABLE_TYPE
            + " AS table_type"
            + " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE "
            + VISIBLE_SCHEMA
            + " AND "
            + VISIBLE_RELATION
            + " AND (?::text IS NULL OR n.nspname LIKE ?) AND (?::text IS NULL OR c.relname LIKE ?)"
            + " ORDER BY table_type, n.nspname, c.relname";
    List<TableInfo> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, schemaPattern);
      ps.setString(2, schemaPattern);
      ps.setString(3, tablePattern);
      ps.setString(4, tablePattern);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new TableInfo(rs.getString(1), rs.getString(2), rs.getString(3)));
        }
      }
    }
    return out;
  }

  /**
   * Columns of tables matching an exact schema (null = all) and exact table name (null = all), in
   * schema, table, then ordinal order, reported like JDBC {@code getColumns} (reference §3.3):
   * {@code length} equals {@code precision}, {@code label} is null, {@code nullable} 0 for NOT NULL
   * else 1, {@code columnDefault} the default expression when there is one (for identity columns
   * Redshift's form {@code "identity"(<table oid>, <column index>, '<seed>,<step>'::text)}).
   * Late-binding views (created {@code WITH NO SCHEMA BINDING}) have no columns, as in Redshift.
   */
  public static List<ColumnInfo> describeTable(Connection c, String schema, String table)
      throws SQLException {
    String sql =
        "SELECT n.nspname, c.relname, a.attname, t.typname,"
            + " CASE WHEN t.typtype = 'd' THEN bt.typname END AS base_type,"
            + " CASE WHEN t.typtype = 'd' THEN t.typtypmod ELSE a.atttypmod END AS typmod,"
            + " a.attnotnull OR (t.typtype = 'd' AND t.typnotnull) AS not_null,"
            + " CASE WHEN a.attidentity <> '' THEN"
            + "   '\"identity\"(' || c.oid || ', ' || (a.attnum - 1) || ', ''' || seq.seqstart || ','"
            + "   || seq.seqincrement || '''::text)'"
            + " ELSE pg_catalog.pg_get_expr(d.adbin, d.adrelid) END AS column_default"
            + " FROM pg_catalog.pg_attribute a"
            + " JOIN pg_catalog.pg_class c ON c.oid = a.attrelid"
            + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + " JOIN pg_catalog.pg_type t ON t.oid = a.atttypid"
            + " LEFT JOIN pg_catalog.pg_type bt ON bt.oid = t.typbasetype"
            + " LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
            + " LEFT JOIN pg_catalog.pg_depend dep ON a.attidentity <> '' AND dep.refclassid ="
            + " 'pg_catalog.pg_class'::regclass AND dep.refobjid = c.oid AND dep.refobjsubid = a.attnum"
            + " AND dep.classid = 'pg_catalog.pg_class'::regclass AND dep.deptype = 'i'"
            + " LEFT JOIN pg_catalog.pg_sequence seq ON seq.seqrelid = dep.objid"
            + " WHERE a.attnum > 0 AND NOT a.attisdropped AND "
            + VISIBLE_SCHEMA
            + " AND "
            + VISIBLE_RELATION
            + " AND (?::text IS NULL OR n.nspname = ?) AND (?::text IS NULL OR c.relname = ?)"
            + " AND NOT EXISTS (SELECT 1 FROM "
            + RedshiftBootstrap.LATE_BINDING_TABLE
            + " l WHERE l.view_oid = c.oid)"
            + " ORDER BY n.nspname, c.relname, a.attnum";
    List<ColumnInfo> out = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, schema);
      ps.setString(2, schema);
      ps.setString(3, table);
      ps.setString(4, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          RedshiftType type =
              RedshiftTypeNames.ofColumn(
                  rs.getString("typname"), rs.getString("base_type"), rs.getInt("typmod"));
          out.add(
              new ColumnInfo(
                  rs.getString("attname"),
                  null,
                  type.typeName(),
                  type.precision(),
                  type.scale(),
                  type.precision(),
                  rs.getBoolean("not_null") ? 0 : 1,
                  type.isSigned(),
                  type.isCaseSensitive(),
                  false,
                  rs.getString("nspname"),
                  rs.getString("relname"),
                  rs.getString("column_default")));
        }
      }
    }
    return out;
  }
}
