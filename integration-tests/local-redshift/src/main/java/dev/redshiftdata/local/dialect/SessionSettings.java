package dev.redshiftdata.local.dialect;

import static dev.redshiftdata.local.dialect.RedshiftSqlTranslator.CASE_SENSITIVE_SETTING;

import dev.redshiftdata.local.dialect.SqlLexer.Kind;
import dev.redshiftdata.local.dialect.SqlLexer.Token;
import java.util.Locale;
import java.util.Map;

/**
 * SET, RESET and SHOW of the Redshift session parameters PostgreSQL lacks: {@code
 * enable_case_sensitive_identifier} (and its inverse {@code downcase_delimited_identifier}) on the
 * custom setting {@link RedshiftSqlTranslator#CASE_SENSITIVE_SETTING}, and the {@link
 * #REDSHIFT_ONLY_PARAMETERS} on custom settings {@code localredshift.<name>}.
 */
final class SessionSettings {
  private SessionSettings() {}

  /**
   * Redshift session parameters PostgreSQL lacks, with Redshift's defaults: SET/RESET/SHOW of them
   * work on custom settings {@code localredshift.<name>} and have no other effect.
   */
  static final Map<String, String> REDSHIFT_ONLY_PARAMETERS =
      Map.of(
          "query_group", "default",
          "wlm_query_slot_count", "1",
          "enable_result_cache_for_session", "on",
          "describe_field_name_in_uppercase", "off",
          "analyze_threshold_percent", "10",
          "json_parse_truncate_strings", "off",
          "enable_case_sensitive_super_attribute", "off",
          "enable_numeric_rounding", "on",
          "max_concurrency_scaling_clusters", "1",
          "mv_enable_aqmv_for_session", "on");

  /** A parsed SET/RESET of enable_case_sensitive_identifier or downcase_delimited_identifier. */
  static final class SetStatement {
    /** SET downcase_delimited_identifier: the inverse of enable_case_sensitive_identifier. */
    boolean inverted;

    boolean reset;
    boolean local;
    boolean valid;
    boolean value;
  }

  /**
   * The SET/RESET of enable_case_sensitive_identifier (or downcase_delimited_identifier) that
   * {@code c} holds, possibly not {@link SetStatement#valid}; null when it holds none.
   */
  static SetStatement parseSet(TokenCursor c) {
    SetStatement set = new SetStatement();
    int p;
    if (c.isWord(0, "reset")) {
      set.reset = true;
      p = 1;
    } else if (c.isWord(0, "set")) {
      p = 1;
      if (c.isWord(p, "session") || c.isWord(p, "local")) {
        set.local = c.isWord(p, "local");
        p++;
      }
    } else {
      return null;
    }
    if (c.isWord(p, "downcase_delimited_identifier")) {
      set.inverted = true;
    } else if (!c.isWord(p, "enable_case_sensitive_identifier")) {
      return null;
    }
    p++;
    int end = c.size();
    if (end > p && c.isSym(end - 1, ";")) {
      end--;
    }
    if (set.reset) {
      set.valid = p == end;
      return set;
    }
    if (p < end && (c.isWord(p, "to") || c.isSym(p, "="))) {
      p++;
    }
    if (p + 1 == end) {
      parseValue(c.tok(p), set);
    }
    return set;
  }

  /** Redshift's boolean spellings, and DEFAULT; anything else leaves {@code set} invalid. */
  private static void parseValue(Token v, SetStatement set) {
    String text =
        switch (v.kind()) {
          case WORD, NUMBER -> TokenCursor.lower(v);
          case STRING -> v.stringValue().toLowerCase(Locale.ROOT);
          case QUOTED_IDENTIFIER -> v.identifierValue().toLowerCase(Locale.ROOT);
          default -> null;
        };
    if (text == null) {
      return;
    }
    switch (text) {
      case "true", "on", "yes", "1", "t", "y" -> {
        set.valid = true;
        set.value = !set.inverted;
      }
      case "false", "off", "no", "0", "f", "n" -> {
        set.valid = true;
        set.value = set.inverted;
      }
      case "default" -> {
        if (v.kind() == Kind.WORD) {
          set.valid = true;
          set.reset = true;
        }
      }
      default -> {}
    }
  }

  /**
   * The SET/RESET of {@link StatementKind#SET_CASE_SENSITIVE_IDENTIFIER} on the custom setting, or
   * Redshift's error for a value that is not a boolean.
   */
  static String translateSet(TokenCursor c) {
    SetStatement set = parseSet(c);
    if (!set.valid) {
      String name =
          set.inverted ? "downcase_delimited_identifier" : "enable_case_sensitive_identifier";
      return "DO $localredshift$BEGIN RAISE EXCEPTION "
          + "'parameter \""
          + name
          + "\" requires a Boolean value'; END$localredshift$";
    }
    if (set.reset) {
      return "RESET " + CASE_SENSITIVE_SETTING;
    }
    return "SET "
        + (set.local ? "LOCAL " : "")
        + CASE_SENSITIVE_SETTING
        + " = '"
        + (set.value ? "on" : "off")
        + "'";
  }

  /**
   * SHOW enable_case_sensitive_identifier / downcase_delimited_identifier as a query of the custom
   * setting; else null.
   */
  static String showCaseSensitive(TokenCursor c) {
    if (!c.isWord(0, "show")) {
      return null;
    }
    String current =
        "coalesce(nullif(current_setting('" + CASE_SENSITIVE_SETTING + "', true), ''), 'off')";
    if (c.isWord(1, "enable_case_sensitive_identifier")) {
      return "SELECT " + current + " AS enable_case_sensitive_identifier";
    }
    if (c.isWord(1, "downcase_delimited_identifier")) {
      return "SELECT CASE "
          + current
          + " WHEN 'on' THEN 'off' ELSE 'on' END AS downcase_delimited_identifier";
    }
    return null;
  }

  /** SET/RESET/SHOW of a {@link #REDSHIFT_ONLY_PARAMETERS} parameter, translated; else null. */
  static String redshiftOnlyParameter(TokenCursor c, TokenEdits edits) {
    boolean show = c.isWord(0, "show");
    boolean reset = c.isWord(0, "reset");
    if (!show && !reset && !c.isWord(0, "set")) {
      return null;
    }
    int p = 1;
    boolean local = false;
    if (!show && !reset && (c.isWord(p, "session") || c.isWord(p, "local"))) {
      local = c.isWord(p, "local");
      p++;
    }
    String name = c.word(p);
    if (name == null || !REDSHIFT_ONLY_PARAMETERS.containsKey(name)) {
      return null;
    }
    String setting = "localredshift." + name;
    if (show) {
      return "SELECT coalesce(nullif(current_setting('"
          + setting
          + "', true), ''), '"
          + REDSHIFT_ONLY_PARAMETERS.get(name)
          + "') AS "
          + name;
    }
    if (reset) {
      return "RESET " + setting;
    }
    int from = p + 1;
    if (c.isWord(from, "to") || c.isSym(from, "=")) {
      from++;
    }
    int end = c.end();
    if (from > end) {
      return null;
    }
    if (from == end && c.isWord(from, "default")) {
      return "RESET " + setting;
    }
    String value =
        from == end && c.isKind(from, Kind.STRING)
            ? c.tok(from).stringValue()
            : edits.text(from, end).strip();
    return "SET " + (local ? "LOCAL " : "") + setting + " = " + TokenEdits.literal(value);
  }
}
