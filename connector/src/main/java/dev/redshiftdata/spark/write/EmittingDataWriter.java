package dev.redshiftdata.spark.write;

import dev.redshiftdata.spark.amazonml.CsvTaskWriter;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;
import org.apache.spark.sql.connector.write.DataWriter;
import org.apache.spark.sql.connector.write.WriterCommitMessage;
import org.apache.spark.sql.types.StructType;

/**
 * A task attempt of a write that emits an Amazon ML datasource: each row, put in the table's column
 * order once, goes to the Parquet writer (unless {@code amazonMl.s3Only}) and to the CSV writer.
 */
final class EmittingDataWriter implements DataWriter<InternalRow> {

  private final UnaryOperator<InternalRow> projection;
  private final StagedDataWriter parquet;
  private final CsvTaskWriter csv;

  /**
   * @param ordinals for each file column, the input ordinal; null when the input is in file order
   * @param parquet the Parquet writer, taking rows in file order; null to load nothing
   */
  EmittingDataWriter(
      StructType inputSchema,
      StructType fileSchema,
      FileRows rows,
      StagedDataWriter parquet,
      CsvTaskWriter csv) {
    // The same projection as a plain write's, widening casts included: both files hold the
    // table's types.
    this.projection = rows.projection(inputSchema, fileSchema);
    this.parquet = parquet;
    this.csv = csv;
  }

  /** Writes every row, then lets the Parquet writer close its last file (exact metrics). */
  // No @Override: DataWriter.writeAll exists from Spark 4.0; Spark 3.5 calls write and commit.
  public void writeAll(Iterator<InternalRow> rows) throws IOException {
    while (rows.hasNext()) {
      write(rows.next());
    }
    if (parquet != null) {
      parquet.writeAll(Collections.emptyIterator());
    }
  }

  @Override
  public void write(InternalRow row) throws IOException {
    InternalRow r = projection == null ? row : projection.apply(row);
    if (parquet != null) {
      parquet.write(r);
    }
    csv.write(r);
  }

  @Override
  public WriterCommitMessage commit() throws IOException {
    StagedFiles files = parquet == null ? null : (StagedFiles) parquet.commit();
    return new EmittingTaskFiles(files, csv.commit());
  }

  @Override
  public void abort() throws IOException {
    try {
      if (parquet != null) {
        parquet.abort();
      }
    } finally {
      csv.abort();
    }
  }

  @Override
  public void close() throws IOException {
    try {
      if (parquet != null) {
        parquet.close();
      }
    } finally {
      csv.close();
    }
  }

  @Override
  public CustomTaskMetric[] currentMetricsValues() {
    CustomTaskMetric[] dropped = AmazonMlMetrics.task(csv.dropped());
    if (parquet == null) {
      return dropped;
    }
    return Stream.concat(Arrays.stream(parquet.currentMetricsValues()), Arrays.stream(dropped))
        .toArray(CustomTaskMetric[]::new);
  }
}
