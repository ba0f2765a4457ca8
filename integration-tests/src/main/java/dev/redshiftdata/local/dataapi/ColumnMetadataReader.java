package dev.redshiftdata.local.dataapi;

import dev.redshiftdata.local.catalog.ColumnInfo;
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
 * Builds GetStatementResult's ColumnMetadata from a PostgreSQL result, in Redshift's vocabulary (§3.2): type
 * names (text -> varchar, and the emulated super/varbyte/geometry, which PostgreSQL reports by their base type
 * and are therefore looked up from the source column's declared type), JDBC-style precision and scale, and
 * lower-case names.
 */
final class ColumnMetadataReader {
  /** Declared type names of a table's columns: the domain (super, varbyte, geometry), not its base type. */
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

  static List<ColumnInfo> read(Connection c, ResultSetMetaData md, boolean caseSensitive) throws SQLException {
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
      String type = redshiftTypeName(declared != null ? declared : base);
      String label = md.getColumnLabel(i);
      if (!caseSensitive && !"QUERY PLAN".equals(label)) { // EXPLAIN's column keeps Redshift's name
        label = label.toLowerCase(Locale.ROOT);
      }
      int precision = precision(type, md.getPrecision(i), !table.isEmpty());
      int scale = scale(type, md.getScale(i));
      int nullable = md.isNullable(i);
      boolean signed = switch (type) {
        case "int2", "int4", "int8", "numeric", "float4", "float8" -> true;
        default -> false;
      };
      boolean caseSens = switch (type) {
        case "varchar", "bpchar", "super", "name" -> true;
        default -> false;
      };
      out.add(new ColumnInfo(label, label, type, precision, scale, 0, nullable, signed, caseSens, false,
          schema, table, null));
    }
    return out;
  }

  /** PostgreSQL type name -> the name Redshift reports. */
  static String redshiftTypeName(String pgType) {
    return switch (pgType) {
      case "text" -> "varchar";
      case "jsonb", "json" -> "super";
      case "bytea" -> "varbyte";
      default -> pgType;
    };
  }

  private static int precision(String type, int jdbcPrecision, boolean tableColumn) {
    return switch (type) {
      case "int2" -> 5;
      case "int4" -> 10;
      case "int8" -> 19;
      case "float4" -> 8;
      case "float8" -> 17;
      case "bool" -> 1;
      case "date" -> 13;
      case "time" -> 15;
      case "timetz" -> 21;
      case "timestamp" -> 29;
      case "timestamptz" -> 35;
      case "varbyte" -> 64000;
      case "super" -> 65535;
      // Unbounded text: a TEXT column is VARCHAR(256) in Redshift; a computed string is reported at the max.
      case "varchar", "bpchar" ->
          jdbcPrecision <= 0 || jdbcPrecision >= 10485760 ? (tableColumn ? 256 : 65535) : jdbcPrecision;
      case "numeric" -> jdbcPrecision <= 0 || jdbcPrecision > 1000 ? 38 : jdbcPrecision;
      default -> Math.max(0, Math.min(jdbcPrecision, 65535));
    };
  }

  private static int scale(String type, int jdbcScale) {
    return switch (type) {
      case "time", "timetz", "timestamp", "timestamptz" -> 6;
      case "numeric" -> Math.max(0, jdbcScale);
      default -> 0;
    };
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
