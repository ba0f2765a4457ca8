package dev.redshiftdata.spark.read;

import dev.redshiftdata.spark.compat.ParquetReaders;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.vectorized.ColumnarBatch;

/**
 * Creates unload-path readers on executors: checks the files whose first range the partition holds
 * against the manifest, then reads with Spark's own Parquet reader factory (vectorized when Spark
 * takes batches) and fixes the columns up per vector.
 */
final class UnloadReaderFactory implements PartitionReaderFactory {
  private static final long serialVersionUID = 1L;

  private final ParquetReaders parquet;
  private final UnloadColumns columns;

  /**
   * The staging files' owner (the Scan), kept reachable for as long as Spark holds this factory on
   * the driver: an RDD taken from the plan ({@code df.rdd}) may outlive the Dataset and must still
   * find its files. Never shipped to executors.
   */
  @SuppressWarnings({"unused", "serial"})
  private final transient Object owner;

  UnloadReaderFactory(ParquetReaders parquet, UnloadColumns columns, Object owner) {
    this.parquet = parquet;
    this.columns = columns;
    this.owner = owner;
  }

  @Override
  public boolean supportColumnarReads(InputPartition partition) {
    return parquet.columnar();
  }

  @Override
  public PartitionReader<InternalRow> createReader(InputPartition partition) {
    UnloadInputPartition p = checked(partition);
    return new UnloadRowReader(new SplitByFileReader<>(p, parquet::rows, row -> 1), columns);
  }

  @Override
  public PartitionReader<ColumnarBatch> createColumnarReader(InputPartition partition) {
    UnloadInputPartition p = checked(partition);
    return new UnloadBatchReader(
        new SplitByFileReader<>(p, parquet::batches, ColumnarBatch::numRows), columns);
  }

  private UnloadInputPartition checked(InputPartition partition) {
    UnloadInputPartition p = (UnloadInputPartition) partition;
    Configuration hadoop = parquet.hadoopConf();
    for (UnloadInputPartition.FileCheck check : p.checks()) {
      UnloadFileChecker.check(check, hadoop);
    }
    return p;
  }
}
