package dev.redshiftdata.spark.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a {@code preActions}/{@code postActions} value into statements at semicolons outside
 * quotes.
 */
final class SqlStatements {
  private SqlStatements() {}

  static List<String> split(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        current.append(c);
        if (c == '\\' && quote == '\'' && i + 1 < text.length()) {
          current.append(text.charAt(++i)); // Redshift accepts \' inside string literals
        } else if (c == quote) {
          quote = 0; // a doubled quote closes and reopens, which is equivalent
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        current.append(c);
      } else if (c == ';') {
        add(out, current);
      } else {
        current.append(c);
      }
    }
    add(out, current);
    return List.copyOf(out);
  }

  private static void add(List<String> out, StringBuilder current) {
    String statement = current.toString().trim();
    if (!statement.isEmpty()) {
      out.add(statement);
    }
    current.setLength(0);
  }
}
