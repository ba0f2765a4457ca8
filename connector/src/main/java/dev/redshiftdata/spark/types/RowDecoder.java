package dev.redshiftdata.spark.types;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.RandomAccess;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import software.amazon.awssdk.services.redshiftdata.model.Field;

/**
 * Turns one result record (a {@code List<Field>} of GetStatementResult, or the cells of one
 * GetStatementResultV2 CSV line) into an {@code InternalRow} of a projected schema. Column
 * positions and decoders are fixed at construction.
 */
public final class RowDecoder {

  private final int[] ordinals;
  private final FieldDecoder[] fieldDecoders;
  private final TextDecoder[] textDecoders;
  private final StructType schema;

  private RowDecoder(
      int[] ordinals, StructType schema, List<RedshiftType> columns, ZoneId wallClockZone) {
    this.ordinals = ordinals;
    this.schema = schema;
    StructField[] fields = schema.fields();
    fieldDecoders = new FieldDecoder[fields.length];
    textDecoders = new TextDecoder[fields.length];
    for (int i = 0; i < fields.length; i++) {
      RedshiftType column = columns.get(ordinals[i]);
      fieldDecoders[i] = Decoders.field(column, fields[i].dataType(), wallClockZone);
      textDecoders[i] = Decoders.text(column, fields[i].dataType(), wallClockZone);
    }
  }

  /**
   * A decoder producing rows of {@code projection} from records with {@code resultColumns} (the
   * statement's ColumnMetadata, in order). Projection fields are found by name: exact first, then
   * case-insensitively when that is unambiguous. Their Spark types choose the decoders; a TIMESTAMP
   * read as {@code TimestampType} is its wall clock in {@code wallClockZone}.
   */
  public static RowDecoder create(
      List<RedshiftType> resultColumns, StructType projection, ZoneId wallClockZone) {
    StructField[] fields = projection.fields();
    int[] ordinals = new int[fields.length];
    for (int i = 0; i < fields.length; i++) {
      ordinals[i] = ordinal(resultColumns, fields[i].name());
    }
    return new RowDecoder(ordinals, projection, resultColumns, wallClockZone);
  }

  /** All result columns, mapped with {@code options}. */
  public static RowDecoder create(List<RedshiftType> resultColumns, MappingOptions options) {
    int[] ordinals = new int[resultColumns.size()];
    for (int i = 0; i < ordinals.length; i++) {
      ordinals[i] = i;
    }
    return new RowDecoder(
        ordinals, TypeMapping.schema(resultColumns, options), resultColumns, options.zone());
  }

  public StructType schema() {
    return schema;
  }

  /** One GetStatementResult record. */
  public InternalRow decode(List<Field> record) {
    // The SDK hands records as linked lists: index into an array copy, not the list.
    List<Field> fields = record instanceof RandomAccess ? record : new ArrayList<>(record);
    Object[] values = new Object[ordinals.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = fieldDecoders[i].decode(fields.get(ordinals[i]));
    }
    return new GenericInternalRow(values);
  }

  /** One CSV record's cells ({@code null} = SQL NULL), as {@link CsvRecords} splits them. */
  public InternalRow decodeCsv(String[] cells) {
    Object[] values = new Object[ordinals.length];
    for (int i = 0; i < values.length; i++) {
      String cell = cells[ordinals[i]];
      values[i] = cell == null ? null : textDecoders[i].decode(cell);
    }
    return new GenericInternalRow(values);
  }

  private static int ordinal(List<RedshiftType> columns, String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        return i;
      }
    }
    int found = -1;
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
        if (found >= 0) {
          throw new IllegalArgumentException(
              "Column '" + name + "' is ambiguous in the result (several case variants)");
        }
        found = i;
      }
    }
    if (found < 0) {
      throw new IllegalArgumentException("Column '" + name + "' is not in the result");
    }
    return found;
  }
}
