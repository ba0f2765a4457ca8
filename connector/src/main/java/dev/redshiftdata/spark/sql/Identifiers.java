package dev.redshiftdata.spark.sql;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Quotes identifiers and parses a user's {@code dbtable} the way Redshift resolves names.
 *
 * <p>Redshift folds ASCII letters to lower case in unquoted <em>and</em> quoted identifiers, unless
 * case-sensitive identifiers are enabled ({@code enable_case_sensitive_identifier}), in which case
 * quoted identifiers keep their case. Non-ASCII letters are never folded. A name is 1 to 127 bytes
 * of UTF-8.
 */
public final class Identifiers {

  /** Redshift's maximum identifier length, in UTF-8 bytes. */
  public static final int MAX_BYTES = 127;

  private Identifiers() {}

  /**
   * The identifier as a delimited SQL identifier: {@code a"b} becomes {@code "a""b"}. The name is
   * used as given (no folding): pass the name Redshift reports.
   *
   * @throws IllegalArgumentException for an empty name or one containing a NUL character
   */
  public static String quote(String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("An identifier cannot be empty");
    }
    if (name.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("An identifier cannot contain a NUL character");
    }
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  /** ASCII letters to lower case, everything else unchanged (Redshift's folding). */
  public static String foldAscii(String name) {
    StringBuilder sb = null;
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        if (sb == null) {
          sb = new StringBuilder(name);
        }
        sb.setCharAt(i, (char) (c + ('a' - 'A')));
      }
    }
    return sb == null ? name : sb.toString();
  }

  /**
   * Parses a 1-, 2- or 3-part table name ({@code table}, {@code schema.table}, {@code
   * db.schema.table}). Unquoted parts are folded to lower case; quoted parts ({@code "..."}, with
   * {@code ""} for a quote) may contain any character including dots and spaces and are folded for
   * ASCII letters unless {@code caseSensitive}. Whitespace around parts is ignored.
   *
   * @throws IllegalArgumentException naming the option {@code dbtable} for malformed input
   */
  public static TableName parseTableName(String dbtable, boolean caseSensitive) {
    if (dbtable == null || dbtable.isBlank()) {
      throw invalid(dbtable, "the name is empty");
    }
    if (dbtable.strip().startsWith("(")) {
      throw invalid(dbtable, "a table name is expected; pass a query with the option 'query'");
    }
    List<String> parts = new ArrayList<>(3);
    int n = dbtable.length();
    int i = 0;
    while (true) {
      i = skipSpaces(dbtable, i);
      if (i >= n) {
        throw invalid(dbtable, "a name part is empty");
      }
      String part;
      if (dbtable.charAt(i) == '"') {
        StringBuilder sb = new StringBuilder();
        i++;
        boolean closed = false;
        while (i < n) {
          char c = dbtable.charAt(i);
          if (c == '"') {
            if (i + 1 < n && dbtable.charAt(i + 1) == '"') {
              sb.append('"');
              i += 2;
              continue;
            }
            i++;
            closed = true;
            break;
          }
          sb.append(c);
          i++;
        }
        if (!closed) {
          throw invalid(dbtable, "a quoted part is not terminated");
        }
        if (sb.length() == 0) {
          throw invalid(dbtable, "a name part is empty");
        }
        part = caseSensitive ? sb.toString() : foldAscii(sb.toString());
      } else {
        int start = i;
        while (i < n && dbtable.charAt(i) != '.' && !Character.isWhitespace(dbtable.charAt(i))) {
          char c = dbtable.charAt(i);
          if (c == '"') {
            throw invalid(dbtable, "a quote inside an unquoted part; quote the whole part");
          }
          if (!unquotedChar(c, i == start)) {
            throw invalid(
                dbtable,
                "character '" + c + "' is not allowed in an unquoted part; quote the part");
          }
          i++;
        }
        if (i == start) {
          throw invalid(dbtable, "a name part is empty");
        }
        part = foldAscii(dbtable.substring(start, i));
      }
      if (part.indexOf('\0') >= 0) {
        throw invalid(dbtable, "a name cannot contain a NUL character");
      }
      if (part.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
        throw invalid(dbtable, "a name part is longer than " + MAX_BYTES + " bytes");
      }
      parts.add(part);
      if (parts.size() > 3) {
        throw invalid(dbtable, "more than 3 parts");
      }
      i = skipSpaces(dbtable, i);
      if (i >= n) {
        break;
      }
      if (dbtable.charAt(i) != '.') {
        throw invalid(dbtable, "unexpected '" + dbtable.charAt(i) + "' after a name part");
      }
      i++;
    }
    return switch (parts.size()) {
      case 1 -> new TableName(null, null, parts.get(0));
      case 2 -> new TableName(null, parts.get(0), parts.get(1));
      default -> new TableName(parts.get(0), parts.get(1), parts.get(2));
    };
  }

  private static boolean unquotedChar(char c, boolean first) {
    if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == '#') {
      return true; // '#' starts a temporary table name in Redshift
    }
    if (c > 127) {
      return Character.isLetterOrDigit(c) || Character.isSurrogate(c);
    }
    return !first && (c >= '0' && c <= '9' || c == '$');
  }

  private static int skipSpaces(String s, int i) {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static IllegalArgumentException invalid(String value, String why) {
    return new IllegalArgumentException(
        "Invalid option 'dbtable' (" + quoteForMessage(value) + "): " + why + ".");
  }

  private static String quoteForMessage(String value) {
    return value == null ? "null" : "'" + value + "'";
  }
}
