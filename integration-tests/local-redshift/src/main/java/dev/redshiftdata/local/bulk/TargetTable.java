package dev.redshiftdata.local.bulk;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The columns a COPY loads, in load order, with what is needed to check values the way Redshift
 * does.
 */
record TargetTable(String qualifiedName, int oid, List<Column> columns) {

  /**
   * {@code maxBytes} is the declared CHAR/VARCHAR length (Redshift counts bytes), or 0 when
   * unbounded.
   */
  record Column(String name, String typeName, int maxBytes, int scale, boolean notNull) {
    boolean isCharacter() {
      return typeName.equals("varchar") || typeName.equals("bpchar") || typeName.equals("text");
    }

    /** Whether a value is longer than the declared length, which Redshift counts in UTF-8 bytes. */
    boolean tooLong(String v) {
      // At most 3 bytes per UTF-16 char: most values are decided without encoding them.
      return v != null
          && maxBytes > 0
          && v.length() * 3 > maxBytes
          && v.getBytes(StandardCharsets.UTF_8).length > maxBytes;
    }

    /**
     * Redshift's reason when a value for a CHAR column holds a multibyte character (CHAR takes
     * single-byte characters only), else null. The same text as the translator's CHECK constraint,
     * which cannot name the column in a load error.
     */
    String multibyteCharReason(String v) {
      if (v == null || !typeName.equals("bpchar")) {
        return null;
      }
      for (int i = 0; i < v.length(); i += Character.charCount(v.codePointAt(i))) {
        int cp = v.codePointAt(i);
        if (cp > 0x7F) {
          StringBuilder hex = new StringBuilder();
          for (byte b : Character.toString(cp).getBytes(StandardCharsets.UTF_8)) {
            hex.append(hex.length() == 0 ? "" : " ").append(String.format("%02x", b & 0xFF));
          }
          return "Multibyte character not supported for CHAR (Hint: try using VARCHAR)."
              + " Invalid char: "
              + hex;
        }
      }
      return null;
    }

    /**
     * The longest prefix that fits the declared length, cut at a whole character (TRUNCATECOLUMNS).
     */
    String truncateToFit(String v) {
      byte[] bytes = v.getBytes(StandardCharsets.UTF_8);
      int end = maxBytes;
      while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
        end--;
      }
      return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }

    boolean isBinary() {
      return typeName.equals("bytea")
          || typeName.equals("varbyte")
          || typeName.equals("geometry")
          || typeName.equals("geography");
    }
  }

  /**
   * Resolves a table name as written in the COPY (quoted parts keep their quotes) and the optional
   * column list.
   */
  static TargetTable resolve(
      Connection c, String tableName, List<String> columnList, boolean caseSensitive)
      throws SQLException {
    String pgName = foldQuoted(tableName, caseSensitive);
    int oid;
    String qualified;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT c.oid, quote_ident(n.nspname) || '.' || quote_ident(c.relname) FROM pg_class c"
                + " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = to_regclass(?)")) {
      ps.setString(1, pgName);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new RedshiftSqlError(
              "relation \"" + unquote(tableName, caseSensitive) + "\" does not exist");
        }
        oid = rs.getInt(1);
        qualified = rs.getString(2);
      }
    }
    List<Column> all = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT a.attname, t.typname, bt.typname, a.atttypmod, a.attnotnull FROM pg_attribute a"
                + " JOIN pg_type t ON t.oid = a.atttypid LEFT JOIN pg_type bt ON bt.oid = t.typbasetype"
                + " WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum")) {
      ps.setInt(1, oid);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String type = rs.getString(2);
          int typmod = rs.getInt(4);
          boolean sized = type.equals("varchar") || type.equals("bpchar");
          int scale = type.equals("numeric") && typmod > 4 ? (typmod - 4) & 0xffff : -1;
          all.add(
              new Column(
                  rs.getString(1),
                  type,
                  sized && typmod > 4 ? typmod - 4 : 0,
                  scale,
                  rs.getBoolean(5)));
        }
      }
    }
    if (columnList.isEmpty()) {
      return new TargetTable(qualified, oid, all);
    }
    List<Column> chosen = new ArrayList<>();
    for (String name : columnList) {
      String folded = caseSensitive ? name : name.toLowerCase(Locale.ROOT);
      Column col =
          all.stream()
              .filter(a -> a.name().equals(folded))
              .findFirst()
              .orElseThrow(
                  () ->
                      new RedshiftSqlError(
                          "column \""
                              + folded
                              + "\" of relation \""
                              + unquote(tableName, caseSensitive)
                              + "\" does not exist"));
      chosen.add(col);
    }
    return new TargetTable(qualified, oid, chosen);
  }

  /**
   * Folds the ASCII letters of quoted parts to lower case, as Redshift does unless case-sensitive.
   */
  static String foldQuoted(String name, boolean caseSensitive) {
    if (caseSensitive) {
      return name;
    }
    StringBuilder sb = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < name.length(); i++) {
      char ch = name.charAt(i);
      if (ch == '"') {
        quoted = !quoted;
      }
      sb.append(quoted && ch >= 'A' && ch <= 'Z' ? (char) (ch + 32) : ch);
    }
    return sb.toString();
  }

  private static String unquote(String name, boolean caseSensitive) {
    String folded = foldQuoted(name, caseSensitive);
    String last = folded.contains(".") ? folded.substring(folded.lastIndexOf('.') + 1) : folded;
    return last.replace("\"", "").toLowerCase(Locale.ROOT);
  }
}
