package dev.redshiftdata.local.dataapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Replaces the Data API's {@code :name} placeholders by JDBC {@code ?} and lists the values in
 * order. Like Redshift, it leaves placeholders alone inside comments, string literals, quoted
 * identifiers and dollar quotes, and treats {@code ::} as a cast. Values are bound as untyped
 * strings (stringtype=unspecified), so PostgreSQL converts them implicitly as Redshift does.
 */
final class ParameterBinder {

  record Bound(String sql, List<String> values) {}

  private ParameterBinder() {}

  /**
   * @throws ApiException ValidationException when a placeholder has no value
   */
  static Bound bind(String sql, Map<String, String> values) {
    StringBuilder out = new StringBuilder(sql.length());
    List<String> ordered = new ArrayList<>();
    int n = sql.length();
    int i = 0;
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '\'') {
        int end = endOfQuoted(sql, i, '\'', true);
        out.append(sql, i, end);
        i = end;
      } else if (c == '"') {
        int end = endOfQuoted(sql, i, '"', false);
        out.append(sql, i, end);
        i = end;
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int end = sql.indexOf('\n', i);
        end = end < 0 ? n : end;
        out.append(sql, i, end);
        i = end;
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int end = endOfBlockComment(sql, i);
        out.append(sql, i, end);
        i = end;
      } else if (c == '$' && dollarTag(sql, i) != null) {
        String tag = dollarTag(sql, i);
        int close = sql.indexOf(tag, i + tag.length());
        int end = close < 0 ? n : close + tag.length();
        out.append(sql, i, end);
        i = end;
      } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
        out.append("::");
        i += 2;
      } else if (c == ':' && i + 1 < n && isNameChar(sql.charAt(i + 1))) {
        int end = i + 1;
        while (end < n && isNameChar(sql.charAt(end))) {
          end++;
        }
        String name = sql.substring(i + 1, end);
        String value = values.get(name);
        if (value == null) {
          throw ApiException.validation(
              "Parameter value is missing for placeholder :" + name + ".");
        }
        ordered.add(value);
        out.append('?');
        i = end;
      } else if (c == '?') {
        // A literal '?' (e.g. jsonb operator) would be taken for a JDBC placeholder: escape it as
        // pgjdbc wants.
        out.append("??");
        i++;
      } else {
        out.append(c);
        i++;
      }
    }
    // Without placeholders the SQL runs as a plain Statement, where '?' needs no escaping.
    return ordered.isEmpty() ? new Bound(sql, ordered) : new Bound(out.toString(), ordered);
  }

  private static boolean isNameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }

  /**
   * End (exclusive) of a quoted run; backslash escapes count in literals
   * (standard_conforming_strings=off).
   */
  private static int endOfQuoted(String s, int start, char q, boolean backslash) {
    int i = start + 1;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (backslash && c == '\\') {
        i += 2;
      } else if (c == q) {
        if (i + 1 < s.length() && s.charAt(i + 1) == q) {
          i += 2;
        } else {
          return i + 1;
        }
      } else {
        i++;
      }
    }
    return s.length();
  }

  private static int endOfBlockComment(String s, int start) {
    int depth = 0;
    int i = start;
    while (i < s.length() - 1) {
      if (s.charAt(i) == '/' && s.charAt(i + 1) == '*') {
        depth++;
        i += 2;
      } else if (s.charAt(i) == '*' && s.charAt(i + 1) == '/') {
        depth--;
        i += 2;
        if (depth == 0) {
          return i;
        }
      } else {
        i++;
      }
    }
    return s.length();
  }

  private static String dollarTag(String s, int start) {
    int i = start + 1;
    while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
      i++;
    }
    if (i < s.length()
        && s.charAt(i) == '$'
        && (i == start + 1 || !Character.isDigit(s.charAt(start + 1)))) {
      return s.substring(start, i + 1);
    }
    return null;
  }
}
