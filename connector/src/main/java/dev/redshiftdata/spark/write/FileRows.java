package dev.redshiftdata.spark.write;

import dev.redshiftdata.spark.compat.RowProjections;
import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.sql.ColumnMatcher;
import dev.redshiftdata.spark.types.MappingOptions;
import dev.redshiftdata.spark.types.Narrowing;
import java.io.Serializable;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.StructType;

/**
 * How a write's input rows become the staged files' rows (the table's column order and types).
 *
 * @param ordinals for each file column, the input ordinal; null when rows are written as they are
 * @param castZone the session time zone when timestamps are cast to and from its wall clocks
 *     (option {@code timestampType=ltz} in a zone other than UTC), else null
 * @param narrowing the checked narrowing of option {@code allowNarrowing}, else null
 */
record FileRows(int[] ordinals, String castZone, Narrowing narrowing) implements Serializable {

  /**
   * The session time zone when timestamps are staged as its wall clocks (option {@code
   * timestampType=ltz} in a zone other than UTC), else null.
   */
  static String sessionCastZone(RedshiftOptions options) {
    if (!options.read().timestampAsLtz()) {
      return null;
    }
    MappingOptions mapping = MappingOptions.forSession(false, true);
    return mapping.shiftsWallClocks() ? mapping.wallClockZone() : null;
  }

  /** Rows written as they are. */
  static final FileRows AS_IS = new FileRows(null, null, null);

  /**
   * Picks each file column from its input column, narrowed (checked) or cast to the file's type;
   * timestamps are converted between instants and {@code castZone}'s wall clocks, else relabelled.
   * Null when rows are written as they are. The returned row is reused by the next call.
   */
  UnaryOperator<InternalRow> projection(StructType input, StructType file) {
    if (ordinals == null) {
      return null;
    }
    boolean shifts = castZone != null;
    UnaryOperator<InternalRow> select =
        RowProjections.select(
            narrowing == null ? input : narrowing.narrowedInput(input),
            file,
            ordinals,
            (in, out) -> ColumnMatcher.needsCast(in, out, shifts),
            shifts ? castZone : "UTC");
    return narrowing == null ? select : row -> select.apply(narrowing.apply(row));
  }
}
