package dev.redshiftdata.local.dialect;

import dev.redshiftdata.local.dialect.SqlLexer.Kind;
import dev.redshiftdata.local.dialect.SqlLexer.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into statements at top-level semicolons, ignoring semicolons inside string
 * literals (with Redshift's backslash escapes), quoted identifiers, dollar quotes and comments.
 * Pure. The Data API accepts exactly one statement per ExecuteStatement; a trailing semicolon (and
 * empty statements such as {@code ;;}) do not count as statements.
 */
public final class StatementSplitter {
  private StatementSplitter() {}

  /**
   * The statements of {@code sql}, each trimmed and without its terminating semicolon; parts
   * holding only whitespace and comments are left out.
   */
  public static List<String> split(String sql) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean significant = false;
    int depth = 0;
    for (Token t : SqlLexer.tokenize(sql)) {
      if (t.isSymbol("(")) {
        depth++;
      } else if (t.isSymbol(")") && depth > 0) {
        depth--;
      }
      if (t.isSymbol(";") && depth == 0) {
        if (significant) {
          out.add(current.toString().strip());
        }
        current.setLength(0);
        significant = false;
        continue;
      }
      current.append(t.text());
      significant |= t.significant();
    }
    if (significant) {
      out.add(current.toString().strip());
    }
    return out;
  }

  /** How many statements {@code sql} holds (0 for blank or comment-only text). */
  public static int count(String sql) {
    return split(sql).size();
  }

  /** True when {@code sql} holds more than one statement. */
  public static boolean hasMultipleStatements(String sql) {
    return count(sql) > 1;
  }

  /** True when {@code sql} has no statement at all (blank, or only comments and semicolons). */
  public static boolean isEmpty(String sql) {
    for (Token t : SqlLexer.tokenize(sql)) {
      if (t.significant() && !(t.kind() == Kind.SYMBOL && t.text().equals(";"))) {
        return false;
      }
    }
    return true;
  }
}
