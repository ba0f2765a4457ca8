package dev.redshiftdata.spark.read;

import dev.redshiftdata.spark.compat.DecodedColumn;
import dev.redshiftdata.spark.types.TextDecoder;
import java.io.IOException;
import java.time.ZoneId;
import java.util.List;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.vectorized.ColumnVector;
import org.apache.spark.sql.vectorized.ColumnarBatch;

/**
 * Columnar unload-path reader: Spark's vectorized Parquet batches, with each column fixed up as a
 * whole vector ({@link UnloadColumns.Fix}); columns that need no fix pass through untouched.
 */
final class UnloadBatchReader implements PartitionReader<ColumnarBatch> {

  private static final int INITIAL_CAPACITY = 4096;

  private final PartitionReader<ColumnarBatch> parquet;
  private final List<UnloadColumns.Column> columns;
  private final TextDecoder[] decoders;
  private final DecodedColumn[] decoded;
  private final ZoneId wallClockZone;

  UnloadBatchReader(PartitionReader<ColumnarBatch> parquet, UnloadColumns columns) {
    this.parquet = parquet;
    this.columns = columns.columns();
    this.decoders = columns.decoders();
    this.wallClockZone = columns.wallClockZone();
    this.decoded = new DecodedColumn[decoders.length];
    for (int i = 0; i < decoders.length; i++) {
      if (decoders[i] != null) {
        decoded[i] = new DecodedColumn(this.columns.get(i).sparkType(), INITIAL_CAPACITY);
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
            case WALL_CLOCK -> new RelabeledColumnVector(in, c.sparkType(), wallClockZone);
          };
    }
    return new ColumnarBatch(out, rows);
  }

  private ColumnVector decode(int column, ColumnVector text, int rows) {
    DecodedColumn out = decoded[column];
    out.reset(rows);
    TextDecoder decoder = decoders[column];
    for (int r = 0; r < rows; r++) {
      if (text.isNullAt(r)) {
        out.putNull(r);
      } else {
        out.put(r, decoder.decode(text.getUTF8String(r).toString()));
      }
    }
    return out.vector();
  }

  @Override
  public void close() throws IOException {
    try {
      parquet.close();
    } finally {
      for (DecodedColumn v : decoded) {
        if (v != null) {
          v.close();
        }
      }
    }
  }
}
