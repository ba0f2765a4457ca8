package dev.redshiftdata.spark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.redshiftdata.model.Field;

/**
 * The rows of a small query run by {@link RedshiftData#query}, as the Data API returned them: each
 * value a {@code String}, {@code Long}, {@code Double}, {@code Boolean}, {@code byte[]} or {@code
 * null}. For large results or Spark types, read with {@code spark.read.format("redshift-data")} and
 * the {@code query} option instead.
 */
public final class QueryResult {
  private final String statementId;
  private final List<String> columns;
  private final List<List<Object>> rows;

  public QueryResult(String statementId, List<String> columns, List<List<Object>> rows) {
    this.statementId = statementId;
    this.columns = List.copyOf(columns);
    List<List<Object>> copy = new ArrayList<>(rows.size());
    for (List<Object> row : rows) {
      copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
    }
    this.rows = Collections.unmodifiableList(copy);
  }

  public String statementId() {
    return statementId;
  }

  public List<String> columns() {
    return columns;
  }

  public List<List<Object>> rows() {
    return rows;
  }

  /** The value of {@code column} (case-insensitive) in row {@code row}. */
  public Object value(int row, String column) {
    return rows.get(row).get(columnIndex(column));
  }

  private int columnIndex(String column) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).equalsIgnoreCase(column)) {
        return i;
      }
    }
    throw new IllegalArgumentException(
        "Cannot find column '" + column + "' in the result; its columns are " + columns + ".");
  }

  /**
   * The rows of a two-column result (such as {@code SHOW MODEL}'s key/value rows) as a map from the
   * first column's text to the second's.
   */
  public Map<String, String> asKeyValues() {
    if (columns.size() != 2) {
      throw new IllegalStateException(
          "Cannot read key/value rows from a result of "
              + columns.size()
              + " columns "
              + columns
              + "; it needs exactly 2.");
    }
    Map<String, String> out = new java.util.LinkedHashMap<>();
    for (List<Object> row : rows) {
      out.put(Objects.toString(row.get(0), null), Objects.toString(row.get(1), null));
    }
    return out;
  }

  /** One Data API field as a Java value. Pure. */
  static Object valueOf(Field field) {
    if (Boolean.TRUE.equals(field.isNull())) {
      return null;
    }
    return switch (field.type()) {
      case STRING_VALUE -> field.stringValue();
      case LONG_VALUE -> field.longValue();
      case DOUBLE_VALUE -> field.doubleValue();
      case BOOLEAN_VALUE -> field.booleanValue();
      case BLOB_VALUE -> {
        SdkBytes bytes = field.blobValue();
        yield bytes.asByteArray();
      }
      default -> null;
    };
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "QueryResult{statementId=%s, columns=%s, rows=%d}",
        statementId,
        columns,
        rows.size());
  }
}
