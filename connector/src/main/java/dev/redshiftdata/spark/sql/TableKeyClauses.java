package dev.redshiftdata.spark.sql;

import dev.redshiftdata.spark.config.RedshiftOption;
import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.config.RedshiftOptions.DistStyle;
import dev.redshiftdata.spark.config.RedshiftOptions.SortKeyStyle;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The distribution and sort key clauses of a {@code CREATE TABLE} ({@code DISTSTYLE}, {@code
 * DISTKEY}, {@code SORTKEY}) from the table options, checked against each other and the columns.
 */
final class TableKeyClauses {

  /** Most columns of an interleaved sort key. */
  static final int MAX_INTERLEAVED_SORT_KEY_COLUMNS = 8;

  /** Most columns of a compound sort key. */
  static final int MAX_COMPOUND_SORT_KEY_COLUMNS = 400;

  private TableKeyClauses() {}

  /**
   * The clauses to append after the column list, each starting with a space; {@code ""} when the
   * options set none.
   */
  static String of(RedshiftOptions options, OptionColumns columns) {
    StringBuilder sb = new StringBuilder();
    distribution(options, columns, sb);
    sortKey(options, columns, sb);
    return sb.toString();
  }

  private static void distribution(
      RedshiftOptions options, OptionColumns columns, StringBuilder sb) {
    DistStyle style = options.table().distStyle().orElse(null);
    String key = options.table().distKey().orElse(null);
    if (key != null && style != null && style != DistStyle.KEY) {
      throw columns.error(
          "option '"
              + RedshiftOption.DIST_KEY
              + "' needs '"
              + RedshiftOption.DIST_STYLE
              + "' KEY or unset, not "
              + style.name());
    }
    if (key == null && style == DistStyle.KEY) {
      throw columns.error(
          "option '"
              + RedshiftOption.DIST_STYLE
              + "' is KEY but '"
              + RedshiftOption.DIST_KEY
              + "' is not set. Set '"
              + RedshiftOption.DIST_KEY
              + "' to the distribution column");
    }
    if (style != null) {
      sb.append(" DISTSTYLE ").append(style.name());
    }
    if (key != null) {
      sb.append(" DISTKEY(")
          .append(Identifiers.quote(columns.resolve(RedshiftOption.DIST_KEY, key)))
          .append(')');
    }
  }

  private static void sortKey(RedshiftOptions options, OptionColumns columns, StringBuilder sb) {
    List<String> keys = options.table().sortKey();
    if (keys.isEmpty()) {
      return;
    }
    boolean interleaved = options.table().sortKeyStyle() == SortKeyStyle.INTERLEAVED;
    if (keys.stream().anyMatch(k -> k.equalsIgnoreCase("auto"))) {
      if (keys.size() > 1) {
        throw columns.error(
            "option '"
                + RedshiftOption.SORT_KEY
                + "' is either AUTO or a list of columns, not both (quote a column named auto:"
                + " \"auto\")");
      }
      if (interleaved) {
        throw columns.error(
            "option '"
                + RedshiftOption.SORT_KEY
                + "' AUTO cannot be INTERLEAVED. Unset '"
                + RedshiftOption.SORT_KEY_STYLE
                + "'");
      }
      sb.append(" SORTKEY AUTO");
      return;
    }
    int max = interleaved ? MAX_INTERLEAVED_SORT_KEY_COLUMNS : MAX_COMPOUND_SORT_KEY_COLUMNS;
    if (keys.size() > max) {
      throw columns.error(
          "option '"
              + RedshiftOption.SORT_KEY
              + "' has "
              + keys.size()
              + " columns; an "
              + (interleaved ? "INTERLEAVED" : "COMPOUND")
              + " sort key has at most "
              + max);
    }
    Set<String> resolved = columns.resolveEach(RedshiftOption.SORT_KEY, keys);
    sb.append(interleaved ? " INTERLEAVED SORTKEY(" : " COMPOUND SORTKEY(")
        .append(resolved.stream().map(Identifiers::quote).collect(Collectors.joining(", ")))
        .append(')');
  }
}
