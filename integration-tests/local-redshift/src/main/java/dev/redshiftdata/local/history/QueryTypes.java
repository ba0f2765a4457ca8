package dev.redshiftdata.local.history;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SYS_QUERY_HISTORY.query_type of a statement from its leading keywords: SELECT, INSERT, UPDATE,
 * DELETE, COPY, UNLOAD, CTAS, DDL, UTILITY, or OTHER. A cheap look at the text, not a parse.
 */
public final class QueryTypes {
  private QueryTypes() {}

  private static final Pattern LEADING_NOISE =
      Pattern.compile("(?s)^(?:\\s|--[^\\n]*(?:\\n|$)|/\\*.*?\\*/|\\()*");
  private static final Pattern FIRST_WORD = Pattern.compile("^([A-Za-z_]+)");
  private static final Pattern CTAS =
      Pattern.compile(
          "(?is)^create\\s+(?:(?:local|global)\\s+)?(?:(?:temp|temporary)\\s+)?table\\s.*?\\bas\\s*\\(?\\s*(?:select|with|values)\\b.*");
  private static final Pattern SELECT_INTO =
      Pattern.compile("(?is)^select\\s.*?\\binto\\s+(?:temp\\w*\\s+|table\\s+)?\\w.*?\\bfrom\\b.*");
  private static final Pattern WITH_DML = Pattern.compile("(?is)\\)\\s*(insert|update|delete)\\b");

  public static String classify(String sql) {
    String s = LEADING_NOISE.matcher(sql).replaceFirst("");
    Matcher m = FIRST_WORD.matcher(s);
    if (!m.find()) {
      return "OTHER";
    }
    String word = m.group(1).toUpperCase(Locale.ROOT);
    return switch (word) {
      case "SELECT" -> SELECT_INTO.matcher(s).matches() ? "CTAS" : "SELECT";
      case "VALUES" -> "SELECT";
      case "WITH" -> {
        Matcher dml = WITH_DML.matcher(s);
        yield dml.find() ? dml.group(1).toUpperCase(Locale.ROOT) : "SELECT";
      }
      case "INSERT", "UPDATE", "DELETE", "COPY", "UNLOAD" -> word;
      case "CREATE" -> CTAS.matcher(s).matches() ? "CTAS" : "DDL";
      case "ALTER", "DROP", "GRANT", "REVOKE", "COMMENT", "TRUNCATE" -> "DDL";
      case "MERGE" -> "OTHER";
      default -> "UTILITY";
    };
  }
}
