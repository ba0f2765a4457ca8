package dev.redshiftdata.spark.dataapi;

import java.util.List;
import software.amazon.awssdk.services.redshiftdata.model.ColumnMetadata;
import software.amazon.awssdk.services.redshiftdata.model.Field;

/**
 * The whole result of a finished statement, read on the driver ({@link DataApi#query}): for the
 * connector's own small queries (schema probes, EXPLAIN, the search_path, load errors) and {@code
 * RedshiftData.query}.
 *
 * @param statementId the statement's id
 * @param columns its column metadata (empty without a result set)
 * @param records every record of every page, in order
 */
public record StatementRows(
    String statementId, List<ColumnMetadata> columns, List<List<Field>> records) {

  public StatementRows {
    columns = List.copyOf(columns);
    records = List.copyOf(records);
  }

  /** A field as text: its string, number or boolean; null for SQL NULL. */
  public static String text(Field f) {
    if (f == null || Boolean.TRUE.equals(f.isNull())) {
      return null;
    }
    if (f.stringValue() != null) {
      return f.stringValue();
    }
    if (f.longValue() != null) {
      return Long.toString(f.longValue());
    }
    if (f.doubleValue() != null) {
      return Double.toString(f.doubleValue());
    }
    if (f.booleanValue() != null) {
      return Boolean.toString(f.booleanValue());
    }
    return String.valueOf(f);
  }
}
