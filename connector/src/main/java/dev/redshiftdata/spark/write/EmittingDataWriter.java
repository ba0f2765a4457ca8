package dev.redshiftdata.spark.write;

import dev.redshiftdata.spark.amazonml.CsvTaskWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.BoundReference;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.UnsafeProjection;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;
import org.apache.spark.sql.connector.write.DataWriter;
import org.apache.spark.sql.connector.write.WriterCommitMessage;
import org.apache.spark.sql.types.StructType;

/**
 * A task attempt of a write that emits an Amazon ML datasource: each row, put in the table's column
 * order once, goes to the Parquet writer (unless {@code amazonMl.s3Only}) and to the CSV writer.
 */
final class EmittingDataWriter implements DataWriter<InternalRow> {

  private final UnsafeProjection projection;
  private final StagedDataWriter parquet;
  private final CsvTaskWriter csv;

  /**
   * @param ordinals for each file column, the input ordinal; null when the input is in file order
   * @param parquet the Parquet writer, taking rows in file order; null to load nothing
   */
  EmittingDataWriter(
      StructType inputSchema, int[] ordinals, StagedDataWriter parquet, CsvTaskWriter csv) {
    this.projection = ordinals == null ? null : projection(inputSchema, ordinals);
    this.parquet = parquet;
    this.csv = csv;
  }

  private static UnsafeProjection projection(StructType input, int[] ordinals) {
    List<Expression> refs = new ArrayList<>();
    for (int ordinal : ordinals) {
      refs.add(new BoundReference(ordinal, input.fields()[ordinal].dataType(), true));
    }
    return UnsafeProjection.create(scala.jdk.javaapi.CollectionConverters.asScala(refs).toSeq());
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
    return AmazonMlMetrics.task(csv.dropped());
  }
}
