package dev.redshiftdata.spark.config;

import static dev.redshiftdata.spark.config.RedshiftOption.*;

import dev.redshiftdata.spark.config.RedshiftOptions.DistStyle;
import dev.redshiftdata.spark.config.RedshiftOptions.SortKeyStyle;
import java.util.List;
import java.util.Optional;

/**
 * The table options: distribution, sort key, encodings and comments of a table a write or the
 * catalog creates.
 */
public final class TableDdlOptions {
  private final DistStyle distStyle;
  private final String distKey;
  private final List<String> sortKey;
  private final SortKeyStyle sortKeyStyle;
  private final String columnEncodings;
  private final String tableComment;
  private final String columnComments;

  private TableDdlOptions(OptionLookup in) {
    this.distKey = in.explicit(DIST_KEY).orElse(null);
    DistStyle style = in.isSet(DIST_STYLE) ? in.choice(DIST_STYLE, DistStyle.class) : null;
    if (distKey != null && style != null && style != DistStyle.KEY) {
      throw new IllegalArgumentException(
          "Cannot create a table with option '"
              + DIST_KEY
              + "': '"
              + DIST_STYLE
              + "' is "
              + style.name()
              + ". Remove '"
              + DIST_STYLE
              + "' or set it to KEY.");
    }
    this.distStyle = distKey != null ? DistStyle.KEY : style;
    this.sortKey = in.explicit(SORT_KEY).map(OptionLookup::commaList).orElse(List.of());
    this.sortKeyStyle = in.choice(SORT_KEY_STYLE, SortKeyStyle.class);
    this.columnEncodings = in.explicit(COLUMN_ENCODINGS).orElse(null);
    this.tableComment = in.explicit(TABLE_COMMENT).orElse(null);
    this.columnComments = in.explicit(COLUMN_COMMENTS).orElse(null);
  }

  static TableDdlOptions parse(OptionLookup in) {
    return new TableDdlOptions(in);
  }

  public Optional<DistStyle> distStyle() {
    return Optional.ofNullable(distStyle);
  }

  public Optional<String> distKey() {
    return Optional.ofNullable(distKey);
  }

  public List<String> sortKey() {
    return sortKey;
  }

  public SortKeyStyle sortKeyStyle() {
    return sortKeyStyle;
  }

  /** Raw {@code col=ENCODING} pairs; the write path parses them against the table's columns. */
  public Optional<String> columnEncodings() {
    return Optional.ofNullable(columnEncodings);
  }

  public Optional<String> tableComment() {
    return Optional.ofNullable(tableComment);
  }

  /** Raw JSON object; the write path parses it against the table's columns. */
  public Optional<String> columnComments() {
    return Optional.ofNullable(columnComments);
  }
}
