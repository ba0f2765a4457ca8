package dev.redshiftdata.spark.dataapi;

import dev.redshiftdata.spark.dataapi.RedshiftDataException.Kind;
import java.util.List;
import java.util.Locale;

/**
 * Refuses, before anything is sent, a statement (or a batch's statement) over the Data API's size
 * limit: the service would refuse it anyway, and an error naming the statement and its size says
 * what to change.
 */
final class StatementSizeCheck {

  /** Characters of an over-limit statement shown in its error: enough to recognise it. */
  static final int TOO_LARGE_SQL_SHOWN = 500;

  /** The longest keyword {@link #firstWord} takes. */
  private static final int MAX_KEYWORD_LENGTH = 20;

  private StatementSizeCheck() {}

  /**
   * @throws RedshiftDataException of kind {@link Kind#STATEMENT_TOO_LARGE} for the first statement
   *     over {@link StatementRequest#MAX_SQL_BYTES}, showing its start, redacted
   */
  static void check(StatementRequest request) {
    List<String> sqls = request.sqls();
    for (int i = 0; i < sqls.size(); i++) {
      String sql = sqls.get(i);
      long bytes = StatementRequest.utf8Length(sql);
      if (bytes > StatementRequest.MAX_SQL_BYTES) {
        String what =
            firstWord(sql) + " statement of " + String.format(Locale.ROOT, "%,d", bytes) + " bytes";
        String action =
            request.isBatch()
                ? "run batch statement " + (i + 1) + " of " + sqls.size() + ", a " + what
                : "run " + what;
        ApiCalls.LOG.info(
            "Data API: not sending a {} (limit {})", what, StatementRequest.MAX_SQL_BYTES);
        throw RedshiftDataException.of(Kind.STATEMENT_TOO_LARGE, action, null, shown(sql), null);
      }
    }
  }

  /**
   * The statement's start for an error, redacted before it is cut so that no secret is cut out of
   * its quotes and left visible.
   */
  static String shown(String sql) {
    String shown = Redaction.redactSql(sql);
    return shown.length() > TOO_LARGE_SQL_SHOWN
        ? shown.substring(0, TOO_LARGE_SQL_SHOWN) + " ... (cut)"
        : shown;
  }

  /** The statement's keyword ({@code SELECT}, {@code UNLOAD}, ...), upper case; "SQL" when none. */
  static String firstWord(String sql) {
    String s = sql.stripLeading();
    int end = 0;
    while (end < s.length() && end < MAX_KEYWORD_LENGTH && Character.isLetter(s.charAt(end))) {
      end++;
    }
    return end == 0 ? "SQL" : s.substring(0, end).toUpperCase(Locale.ROOT);
  }
}
