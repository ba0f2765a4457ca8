package dev.redshiftdata.spark.read;

import dev.redshiftdata.spark.types.SparkTypes;
import dev.redshiftdata.spark.types.TextDecoder;
import java.io.IOException;
import java.util.List;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.execution.vectorized.OnHeapColumnVector;
import org.apache.spark.sql.execution.vectorized.WritableColumnVector;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.vectorized.ColumnVector;
import org.apache.spark.sql.vectorized.ColumnarBatch;
import org.apache.spark.unsafe.types.VariantVal;

/**
 * Columnar unload-path reader: Spark's vectorized Parquet batches, with each column fixed up as a
 * whole vector ({@link UnloadColumns.Fix}); columns that need no fix pass through untouched.
 */
final class UnloadBatchReader implements PartitionReader<ColumnarBatch> {

  private static final int INITIAL_CAPACITY = 4096;

  private final PartitionReader<ColumnarBatch> parquet;
  private final List<UnloadColumns.Column> columns;
  private final TextDecoder[] decoders;
  private final WritableColumnVector[] decoded;

  UnloadBatchReader(PartitionReader<ColumnarBatch> parquet, UnloadColumns columns) {
    this.parquet = parquet;
    this.columns = columns.columns();
    this.decoders = columns.decoders();
    this.decoded = new WritableColumnVector[decoders.length];
    for (int i = 0; i < decoders.length; i++) {
      if (decoders[i] != null) {
        decoded[i] = new OnHeapColumnVector(INITIAL_CAPACITY, this.columns.get(i).sparkType());
      }
    }
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
  public ColumnarBatch get() {
    ColumnarBatch batch = parquet.get();
    if (columns.isEmpty()) {
      return batch;
    }
    int rows = batch.numRows();
    ColumnVector[] out = new ColumnVector[columns.size()];
    for (int i = 0; i < out.length; i++) {
      UnloadColumns.Column c = columns.get(i);
      ColumnVector in = batch.column(i);
      out[i] =
          switch (c.fix()) {
            case NONE -> in;
            case RELABEL -> new RelabeledColumnVector(in, c.sparkType());
            case DECODE_TEXT -> decode(i, in, rows);
          };
    }
    return new ColumnarBatch(out, rows);
  }

  private ColumnVector decode(int column, ColumnVector text, int rows) {
    WritableColumnVector out = decoded[column];
    out.reset();
    out.reserve(rows);
    if (SparkTypes.isVariant(columns.get(column).sparkType())) {
      out.getChild(0).reserve(rows);
      out.getChild(1).reserve(rows);
    }
    DataType type = columns.get(column).sparkType();
    TextDecoder decoder = decoders[column];
    for (int r = 0; r < rows; r++) {
      if (text.isNullAt(r)) {
        out.putNull(r);
        continue;
      }
      Object value = decoder.decode(text.getUTF8String(r).toString());
      out.putNotNull(r);
      if (type instanceof BinaryType) {
        out.putByteArray(r, (byte[]) value);
      } else if (SparkTypes.isVariant(type)) {
        VariantVal v = (VariantVal) value;
        out.getChild(0).putByteArray(r, v.getValue());
        out.getChild(1).putByteArray(r, v.getMetadata());
      } else if (SparkTypes.isTime(type)) {
        out.putLong(r, (Long) value);
      } else {
        throw new IllegalStateException("No vector decoding for Spark type " + type.simpleString());
      }
    }
    return out;
  }

  @Override
  public void close() throws IOException {
    try {
      parquet.close();
    } finally {
      for (WritableColumnVector v : decoded) {
        if (v != null) {
          v.close();
        }
      }
    }
  }
}
