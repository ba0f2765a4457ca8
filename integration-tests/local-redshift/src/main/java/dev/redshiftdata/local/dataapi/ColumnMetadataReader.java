package dev.redshiftdata.local.dataapi;

import dev.redshiftdata.local.catalog.ColumnInfo;
import dev.redshiftdata.local.catalog.RedshiftTypeNames;
import dev.redshiftdata.local.catalog.RedshiftTypeNames.RedshiftType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.postgresql.PGResultSetMetaData;

/**
 * Builds GetStatementResult's ColumnMetadata from a PostgreSQL result, in Redshift's vocabulary
 * (§3.2): type names (text -> varchar, and the emulated super/varbyte/geometry, which PostgreSQL
 * reports by their base type and are therefore looked up from the source column's declared type),
 * with every type decision taken by {@link RedshiftTypeNames} (the table DescribeTable uses too),
 * and lower-case names (upper case when the session's describe_field_name_in_uppercase is on, §13).
 */
final class ColumnMetadataReader {
  /**
   * Declared type names of a table's columns: the domain (super, varbyte, geometry), not its base
   * type.
   */
  private static final String DECLARED_TYPES =
      "select a.attname, t.typname from pg_attribute a join pg_class c on c.oid = a.attrelid"
          + " join pg_namespace n on n.oid = c.relnamespace join pg_type t on t.oid = a.atttypid"
          + " where n.nspname = ? and c.relname = ? and a.attnum > 0";

  private ColumnMetadataReader() {}

  /** The PostgreSQL base type of each column (what the row encoder switches on). */
  static List<String> baseTypes(ResultSetMetaData md) throws SQLException {
    List<String> out = new ArrayList<>();
    for (int i = 1; i <= md.getColumnCount(); i++) {
      out.add(md.getColumnTypeName(i));
    }
    return out;
  }

  static List<ColumnInfo> read(
      Connection c, ResultSetMetaData md, boolean caseSensitive, boolean upperCaseNames)
      throws SQLException {
    PGResultSetMetaData pg = md.unwrap(PGResultSetMetaData.class);
    List<ColumnInfo> out = new ArrayList<>();
    Map<String, Map<String, String>> declaredByTable = new HashMap<>();
    for (int i = 1; i <= md.getColumnCount(); i++) {
      String base = md.getColumnTypeName(i);
      String schema = nz(pg.getBaseSchemaName(i));
      String table = nz(pg.getBaseTableName(i));
      String declared = null;
      if (!table.isEmpty()) {
        Map<String, String> types = declaredByTable.get(schema + "." + table);
        if (types == null) {
          types = declaredTypes(c, schema, table);
          declaredByTable.put(schema + "." + table, types);
        }
        declared = types.get(pg.getBaseColumnName(i));
      }
      // One type table for DescribeTable and GetStatementResult: RedshiftTypeNames. The local
      // domains are
      // only visible in the catalog (PostgreSQL sends their base type), hence the declared-type
      // lookup.
      RedshiftType t =
          RedshiftTypeNames.isLocalDomain(declared)
              ? RedshiftTypeNames.ofColumn(declared, null, -1)
              : RedshiftTypeNames.ofJdbc(base, md.getPrecision(i), md.getScale(i));
      String label = md.getColumnLabel(i);
      if (upperCaseNames) {
        label = label.toUpperCase(Locale.ROOT);
      } else if (!caseSensitive
          && !"QUERY PLAN".equals(label)) { // EXPLAIN's column keeps Redshift's name
        label = label.toLowerCase(Locale.ROOT);
      }
      int nullable = md.isNullable(i);
      out.add(
          new ColumnInfo(
              label,
              label,
              t.typeName(),
              t.precision(),
              t.scale(),
              0,
              nullable,
              t.isSigned(),
              t.isCaseSensitive(),
              false,
              schema,
              table,
              null));
    }
    return out;
  }

  private static Map<String, String> declaredTypes(Connection c, String schema, String table)
      throws SQLException {
    Map<String, String> out = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(DECLARED_TYPES)) {
      ps.setString(1, schema);
      ps.setString(2, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), rs.getString(2));
        }
      }
    }
    return out;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
