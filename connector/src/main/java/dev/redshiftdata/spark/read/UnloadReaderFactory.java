package dev.redshiftdata.spark.read;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.execution.datasources.FilePartition;
import org.apache.spark.sql.execution.datasources.PartitionedFile;
import org.apache.spark.sql.vectorized.ColumnarBatch;
import org.apache.spark.util.SerializableConfiguration;

/**
 * Creates unload-path readers on executors: checks the files whose first range the partition holds
 * against the manifest, then reads with Spark's own Parquet reader factory (vectorized when Spark
 * takes batches) and fixes the columns up per vector.
 */
final class UnloadReaderFactory implements PartitionReaderFactory {
  private static final long serialVersionUID = 1L;

  private final PartitionReaderFactory parquet;
  private final Broadcast<SerializableConfiguration> conf;
  private final UnloadColumns columns;

  /**
   * The staging files' owner (the Scan), kept reachable for as long as Spark holds this factory on
   * the driver: an RDD taken from the plan ({@code df.rdd}) may outlive the Dataset and must still
   * find its files. Never shipped to executors.
   */
  @SuppressWarnings({"unused", "serial"})
  private final transient Object owner;

  UnloadReaderFactory(
      PartitionReaderFactory parquet,
      Broadcast<SerializableConfiguration> conf,
      UnloadColumns columns,
      Object owner) {
    this.parquet = parquet;
    this.conf = conf;
    this.columns = columns;
    this.owner = owner;
  }

  @Override
  public boolean supportColumnarReads(InputPartition partition) {
    return parquet.supportColumnarReads(((UnloadInputPartition) partition).files());
  }

  @Override
  public PartitionReader<InternalRow> createReader(InputPartition partition) {
    UnloadInputPartition p = checked(partition);
    return new UnloadRowReader(
        new SplitByFileReader<>(p, f -> parquet.createReader(single(f)), row -> 1), columns);
  }

  @Override
  public PartitionReader<ColumnarBatch> createColumnarReader(InputPartition partition) {
    UnloadInputPartition p = checked(partition);
    return new UnloadBatchReader(
        new SplitByFileReader<>(
            p, f -> parquet.createColumnarReader(single(f)), ColumnarBatch::numRows),
        columns);
  }

  private static FilePartition single(PartitionedFile file) {
    return new FilePartition(0, new PartitionedFile[] {file});
  }

  private UnloadInputPartition checked(InputPartition partition) {
    UnloadInputPartition p = (UnloadInputPartition) partition;
    Configuration hadoop = conf.value().value();
    for (UnloadInputPartition.FileCheck check : p.checks()) {
      UnloadFileChecker.check(check, hadoop);
    }
    return p;
  }
}
