package dev.redshiftdata.local.bulk;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Result values as UNLOAD writes them to text, CSV and JSON files (PostgreSQL's text forms, VARBYTE
 * as hex).
 */
final class TextValues {
  private TextValues() {}

  enum Kind {
    NUMBER,
    BOOLEAN,
    JSON,
    BINARY,
    TEXT
  }

  record Column(String name, Kind kind) {
    String read(ResultSet rs, int index) throws SQLException {
      String v = rs.getString(index);
      if (v == null) {
        return null;
      }
      // PostgreSQL prints bytea as \x0a0b; Redshift unloads VARBYTE (and GEOMETRY as EWKB) as plain
      // hex.
      return kind == Kind.BINARY && v.startsWith("\\x") ? v.substring(2) : v;
    }
  }

  static List<Column> columns(ResultSetMetaData md) throws SQLException {
    List<Column> out = new ArrayList<>();
    for (int i = 1; i <= md.getColumnCount(); i++) {
      String type = md.getColumnTypeName(i).toLowerCase(Locale.ROOT);
      Kind kind =
          switch (type) {
            case "int2", "int4", "int8", "numeric", "float4", "float8", "oid" -> Kind.NUMBER;
            case "bool" -> Kind.BOOLEAN;
            case "jsonb", "json", "super" -> Kind.JSON;
            case "bytea", "varbyte", "geometry" -> Kind.BINARY;
            default -> Kind.TEXT;
          };
      out.add(new Column(md.getColumnLabel(i).toLowerCase(Locale.ROOT), kind));
    }
    return out;
  }
}
