package dev.redshiftdata.spark.read;

import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.dataapi.CallStats;
import dev.redshiftdata.spark.dataapi.FinishedStatement;
import dev.redshiftdata.spark.dataapi.StatementRequest;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.types.StructType;

/**
 * The direct path: the SELECT runs on the driver while partitions are planned; one partition then
 * pages its result with GetStatementResult.
 */
final class RedshiftDirectBatch implements Batch {

  private final RedshiftOptions options;
  private final StructType readSchema;
  private final String sql;
  private final CallStats stats;
  private InputPartition[] partitions;

  /**
   * @param stats counts the statement run on the driver (the scan reports it as driver metrics)
   */
  RedshiftDirectBatch(RedshiftOptions options, StructType readSchema, String sql, CallStats stats) {
    this.options = options;
    this.readSchema = readSchema;
    this.sql = sql;
    this.stats = stats;
  }

  @Override
  public synchronized InputPartition[] planInputPartitions() {
    if (partitions == null) {
      FinishedStatement done =
          options.dataApi().withStats(stats).execute(StatementRequest.sql(sql));
      partitions =
          new InputPartition[] {
            new DirectInputPartition(done.id(), ExecutorConnection.of(options))
          };
    }
    return partitions.clone();
  }

  @Override
  public PartitionReaderFactory createReaderFactory() {
    return new DirectReaderFactory(readSchema);
  }
}
