package dev.redshiftdata.spark.read;

import dev.redshiftdata.spark.types.TextDecoder;
import java.io.IOException;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;
import org.apache.spark.sql.connector.read.PartitionReader;

/**
 * Row-based unload-path reader, used when Spark cannot take columnar batches (e.g. more columns
 * than whole-stage codegen handles): Parquet rows with text-travelled columns decoded. Timestamps
 * need no fix here: a row holds the same long for both timestamp types.
 */
final class UnloadRowReader implements PartitionReader<InternalRow> {

  private final PartitionReader<InternalRow> parquet;
  private final List<UnloadColumns.Column> columns;
  private final TextDecoder[] decoders;
  private final boolean decoding;

  UnloadRowReader(PartitionReader<InternalRow> parquet, UnloadColumns columns) {
    this.parquet = parquet;
    this.columns = columns.columns();
    this.decoders = columns.decoders();
    this.decoding = columns.needsDecoding();
  }

  @Override
  public boolean next() throws IOException {
    return parquet.next();
  }

  /** The rows read so far, counted by the reader of the file ranges. */
  @Override
  public CustomTaskMetric[] currentMetricsValues() {
    return parquet.currentMetricsValues();
  }

  @Override
  public InternalRow get() {
    InternalRow in = parquet.get();
    if (!decoding) {
      return in;
    }
    Object[] values = new Object[decoders.length];
    for (int i = 0; i < values.length; i++) {
      if (in.isNullAt(i)) {
        continue;
      }
      values[i] =
          decoders[i] != null
              ? decoders[i].decode(in.getUTF8String(i).toString())
              : in.get(i, columns.get(i).fileType());
    }
    return new GenericInternalRow(values);
  }

  @Override
  public void close() throws IOException {
    parquet.close();
  }
}
