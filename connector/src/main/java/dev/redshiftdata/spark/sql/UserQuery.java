package dev.redshiftdata.spark.sql;

/**
 * The body of a user's {@code query} as it can sit inside {@code (...) AS q}: trailing semicolons
 * go (comments stay; the caller closes the parenthesis on a new line), found by a scan that skips
 * string literals ({@code '...'}, with {@code ''} and {@code \'}), quoted identifiers ({@code
 * "..."}), {@code --} and {@code /* *}{@code /} comments. A semicolon anywhere else means several
 * statements, which a derived table cannot hold: refused with a clear message. Pure.
 */
final class UserQuery {

  private UserQuery() {}

  /**
   * @throws IllegalArgumentException naming option {@code query} when it is empty or holds a
   *     semicolon before its end
   */
  static String body(String query) {
    int end = 0; // just past the last character that is neither blank, comment nor ';'
    int firstSemicolon = -1;
    StringBuilder body = new StringBuilder(query); // semicolons after 'end' become spaces
    int i = 0;
    int n = query.length();
    while (i < n) {
      char c = query.charAt(i);
      if (c == '-' && i + 1 < n && query.charAt(i + 1) == '-') {
        int nl = query.indexOf('\n', i);
        i = nl < 0 ? n : nl + 1;
      } else if (c == '/' && i + 1 < n && query.charAt(i + 1) == '*') {
        int close = query.indexOf("*/", i + 2);
        if (close < 0) {
          return query.strip(); // unterminated: Redshift names the problem
        }
        i = close + 2;
      } else if (c == '\'' || c == '"') {
        int close = closingQuote(query, i);
        if (close < 0) {
          return query.strip();
        }
        if (firstSemicolon >= 0) {
          throw severalStatements(firstSemicolon);
        }
        i = close + 1;
        end = i;
      } else if (c == ';') {
        if (firstSemicolon < 0) {
          firstSemicolon = i;
        }
        body.setCharAt(i, ' ');
        i++;
      } else if (Character.isWhitespace(c)) {
        i++;
      } else {
        if (firstSemicolon >= 0) {
          throw severalStatements(firstSemicolon);
        }
        i++;
        end = i;
      }
    }
    if (end == 0) {
      throw new IllegalArgumentException(
          "Invalid option 'query': the query is empty. Set it to one SELECT.");
    }
    return body.toString().strip();
  }

  /** Index of the quote closing the literal or identifier opened at {@code open}, or -1. */
  private static int closingQuote(String s, int open) {
    char quote = s.charAt(open);
    for (int i = open + 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote == '\'' && c == '\\') {
        i++; // Redshift accepts \' inside string literals
      } else if (c == quote) {
        if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
          i++; // a doubled quote stands for itself
        } else {
          return i;
        }
      }
    }
    return -1;
  }

  private static IllegalArgumentException severalStatements(int semicolon) {
    return new IllegalArgumentException(
        "Invalid option 'query': it holds more than one statement (a ';' at character "
            + (semicolon + 1)
            + " is followed by more SQL). Set it to one SELECT; only a trailing ';' is"
            + " allowed.");
  }
}
