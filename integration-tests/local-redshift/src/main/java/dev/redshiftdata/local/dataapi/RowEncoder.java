package dev.redshiftdata.local.dataapi;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Encodes one result row in its wire form: a JSON array of Field unions (GetStatementResult) or one
 * RFC 4180 CSV line (GetStatementResultV2). The Field member per type follows REDSHIFT_REFERENCE.md
 * §3.1; value texts are Redshift's (timestamps with at least one fractional digit, VARBYTE as hex,
 * SUPER as compact JSON).
 */
final class RowEncoder {
  private static final Pattern TS =
      Pattern.compile("^(\\d{4,}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d)(\\.\\d+)?(.*)$");

  private enum Kind {
    LONG,
    DOUBLE,
    BOOL,
    TIMESTAMP,
    BYTES,
    JSON,
    STRING
  }

  private final Kind[] kinds;
  private final boolean csv;

  RowEncoder(List<String> baseTypes, boolean csv) {
    this.csv = csv;
    kinds = new Kind[baseTypes.size()];
    for (int i = 0; i < kinds.length; i++) {
      kinds[i] =
          switch (baseTypes.get(i)) {
            case "int2", "int4", "int8", "oid" -> Kind.LONG;
            case "float4", "float8" -> Kind.DOUBLE;
            case "bool" -> Kind.BOOL;
            case "timestamp", "timestamptz" -> Kind.TIMESTAMP;
            case "bytea" -> Kind.BYTES;
            case "jsonb", "json" -> Kind.JSON;
            default -> Kind.STRING;
          };
    }
  }

  String encode(ResultSet rs) throws SQLException {
    StringBuilder b = new StringBuilder(64);
    if (!csv) {
      b.append('[');
    }
    for (int i = 0; i < kinds.length; i++) {
      if (i > 0) {
        b.append(',');
      }
      if (csv) {
        csvField(b, text(rs, i + 1));
      } else {
        jsonField(b, rs, i + 1);
      }
    }
    b.append(csv ? "\n" : "]");
    return b.toString();
  }

  private void jsonField(StringBuilder b, ResultSet rs, int col) throws SQLException {
    Kind k = kinds[col - 1];
    switch (k) {
      case LONG -> {
        long v = rs.getLong(col);
        b.append(rs.wasNull() ? "{\"isNull\":true}" : "{\"longValue\":" + v + "}");
      }
      case DOUBLE -> {
        double v = rs.getDouble(col);
        if (rs.wasNull()) {
          b.append("{\"isNull\":true}");
        } else if (Double.isNaN(v) || Double.isInfinite(v)) {
          // JSON has no NaN/Infinity numbers: sent as PostgreSQL's text ("NaN", "Infinity",
          // "-Infinity").
          stringField(b, rs.getString(col));
        } else {
          b.append("{\"doubleValue\":").append(v).append('}');
        }
      }
      case BOOL -> {
        boolean v = rs.getBoolean(col);
        b.append(rs.wasNull() ? "{\"isNull\":true}" : "{\"booleanValue\":" + v + "}");
      }
      default -> {
        String s = text(rs, col);
        if (s == null) {
          b.append("{\"isNull\":true}");
        } else {
          stringField(b, s);
        }
      }
    }
  }

  private static void stringField(StringBuilder b, String s) {
    b.append("{\"stringValue\":\"");
    JsonStringEncoder.getInstance().quoteAsString(s, b);
    b.append("\"}");
  }

  /** The value's text as Redshift prints it, or null for SQL NULL. */
  private String text(ResultSet rs, int col) throws SQLException {
    Kind k = kinds[col - 1];
    if (k == Kind.BYTES) {
      byte[] v = rs.getBytes(col);
      return v == null ? null : HexFormat.of().formatHex(v);
    }
    if (k == Kind.BOOL) {
      boolean v = rs.getBoolean(col);
      return rs.wasNull() ? null : Boolean.toString(v);
    }
    String s = rs.getString(col);
    if (s == null) {
      return null;
    }
    return switch (k) {
      case TIMESTAMP -> timestamp(s);
      case JSON -> compactJson(s);
      default -> s;
    };
  }

  /** "2022-02-22 00:00:00" -> "2022-02-22 00:00:00.0"; offsets ("+00") and fractions kept. */
  static String timestamp(String pg) {
    Matcher m = TS.matcher(pg);
    if (!m.matches()) {
      return pg;
    }
    return m.group(1) + (m.group(2) == null ? ".0" : m.group(2)) + m.group(3);
  }

  /** jsonb prints {"a": 1, "b": [1, 2]}; Redshift's SUPER prints {"a":1,"b":[1,2]}. */
  private static String compactJson(String s) {
    try {
      return Json.MAPPER.writeValueAsString(Json.MAPPER.readTree(s));
    } catch (Exception e) {
      return s;
    }
  }

  private static void csvField(StringBuilder b, String s) {
    if (s == null) {
      return; // NULL: empty, unquoted
    }
    if (s.isEmpty()
        || s.indexOf(',') >= 0
        || s.indexOf('"') >= 0
        || s.indexOf('\n') >= 0
        || s.indexOf('\r') >= 0) {
      b.append('"').append(s.replace("\"", "\"\"")).append('"');
    } else {
      b.append(s);
    }
  }
}
