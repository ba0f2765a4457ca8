package dev.redshiftdata.spark.write;

import dev.redshiftdata.spark.amazonml.CsvTaskWriter;
import dev.redshiftdata.spark.amazonml.CsvWriterSettings;
import dev.redshiftdata.spark.compat.ParquetWriting;
import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.staging.SerializableHadoopConf;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.write.DataWriter;
import org.apache.spark.sql.connector.write.DataWriterFactory;
import org.apache.spark.sql.types.StructType;

/**
 * Ships what executors need to stage Parquet files: the Hadoop configuration prepared for Spark's
 * Parquet write support (no connector options, no Data API credentials), the staging prefix, the
 * file schema and which input column goes where; with an Amazon ML datasource, also the CSV
 * writer's settings.
 */
final class StagedWriterFactory implements DataWriterFactory {

  private final SerializableHadoopConf conf;
  private final String prefix;
  private final StructType inputSchema;
  private final StructType fileSchema;
  private final FileRows rows;
  private final long maxFileSize;
  private final CsvWriterSettings csv;
  private final boolean loads;

  /**
   * @param prefix the write's staging prefix as Hadoop reads it, ending in '/'
   * @param rows how input rows become file rows
   */
  StagedWriterFactory(
      SerializableHadoopConf conf,
      String prefix,
      StructType inputSchema,
      StructType fileSchema,
      FileRows rows,
      long maxFileSize) {
    this.conf = conf;
    this.prefix = prefix;
    this.inputSchema = inputSchema;
    this.fileSchema = fileSchema;
    this.rows = rows;
    this.maxFileSize = maxFileSize;
    this.csv = null;
    this.loads = true;
  }

  /**
   * The factory of a write planned as {@code plan} into {@code staged}'s prefix, once its
   * transaction is known to be sendable: one that could not be fails before tasks stage any file.
   */
  static StagedWriterFactory checked(
      StagedCommit staged, WritePlan plan, StructType input, RedshiftOptions options) {
    staged.checkStatements(plan.transaction());
    return new StagedWriterFactory(
        new SerializableHadoopConf(ParquetWriting.conf(staged.conf(), plan.fileSchema())),
        staged.prefix(),
        input,
        plan.fileSchema(),
        plan.fileRows(),
        options.write().writeMaxFileSize());
  }

  private StagedWriterFactory(StagedWriterFactory base, CsvWriterSettings csv, boolean loads) {
    this.conf = base.conf;
    this.prefix = base.prefix;
    this.inputSchema = base.inputSchema;
    this.fileSchema = base.fileSchema;
    this.rows = base.rows;
    this.maxFileSize = base.maxFileSize;
    this.csv = csv;
    this.loads = loads;
  }

  /**
   * This factory's writers also write the Amazon ML CSV ({@code loads} false: only the CSV, no
   * Parquet to load).
   */
  StagedWriterFactory emitting(CsvWriterSettings csv, boolean loads) {
    return new StagedWriterFactory(this, csv, loads);
  }

  @Override
  public DataWriter<InternalRow> createWriter(int partitionId, long taskId) {
    if (csv != null) {
      StagedDataWriter parquet =
          loads
              ? new StagedDataWriter(
                  conf.get(),
                  prefix,
                  partitionId,
                  taskId,
                  fileSchema,
                  fileSchema,
                  FileRows.AS_IS,
                  maxFileSize)
              : null;
      return new EmittingDataWriter(
          inputSchema,
          fileSchema,
          rows,
          parquet,
          new CsvTaskWriter(conf.get(), csv, partitionId, taskId));
    }
    return new StagedDataWriter(
        conf.get(), prefix, partitionId, taskId, inputSchema, fileSchema, rows, maxFileSize);
  }
}
