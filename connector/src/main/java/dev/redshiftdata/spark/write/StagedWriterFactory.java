package dev.redshiftdata.spark.write;

import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.write.DataWriter;
import org.apache.spark.sql.connector.write.DataWriterFactory;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.SerializableConfiguration;

/**
 * Ships what executors need to stage Parquet files: the Hadoop configuration prepared for Spark's
 * Parquet write support (no connector options, no Data API credentials), the staging prefix, the
 * file schema and which input column goes where.
 */
final class StagedWriterFactory implements DataWriterFactory {

  private final SerializableConfiguration conf;
  private final String prefix;
  private final StructType inputSchema;
  private final StructType fileSchema;
  private final int[] ordinals;
  private final long maxFileSize;

  /**
   * @param prefix the write's staging prefix as Hadoop reads it, ending in '/'
   * @param ordinals for each file column, the input ordinal; null when the input is in file order
   */
  StagedWriterFactory(
      SerializableConfiguration conf,
      String prefix,
      StructType inputSchema,
      StructType fileSchema,
      int[] ordinals,
      long maxFileSize) {
    this.conf = conf;
    this.prefix = prefix;
    this.inputSchema = inputSchema;
    this.fileSchema = fileSchema;
    this.ordinals = ordinals;
    this.maxFileSize = maxFileSize;
  }

  @Override
  public DataWriter<InternalRow> createWriter(int partitionId, long taskId) {
    return new StagedDataWriter(
        conf.value(), prefix, partitionId, taskId, inputSchema, fileSchema, ordinals, maxFileSize);
  }
}
