package dev.redshiftdata.spark.compat;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetInputFormat;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.paths.SparkPath;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.execution.WholeStageCodegenExec;
import org.apache.spark.sql.execution.datasources.FilePartition;
import org.apache.spark.sql.execution.datasources.PartitionedFile;
import org.apache.spark.sql.execution.datasources.parquet.ParquetOptions;
import org.apache.spark.sql.execution.datasources.parquet.ParquetReadSupport;
import org.apache.spark.sql.execution.datasources.parquet.ParquetUtils;
import org.apache.spark.sql.execution.datasources.parquet.ParquetWriteSupport;
import org.apache.spark.sql.execution.datasources.v2.parquet.ParquetPartitionReaderFactory;
import org.apache.spark.sql.internal.SQLConf;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.vectorized.ColumnarBatch;
import org.apache.spark.util.SerializableConfiguration;

/**
 * Spark's own Parquet reader over given file ranges: created on the driver, shipped to executors,
 * where it opens one reader per range (vectorized when Spark takes batches).
 */
public final class ParquetReaders implements Serializable {
  private static final long serialVersionUID = 1L;

  private final PartitionReaderFactory factory;
  private final Broadcast<SerializableConfiguration> conf;

  private ParquetReaders(
      PartitionReaderFactory factory, Broadcast<SerializableConfiguration> conf) {
    this.factory = factory;
    this.conf = conf;
  }

  /**
   * Readers of files with {@code fileSchema} that return {@code readSchema}'s columns.
   *
   * @param hadoop the Hadoop configuration to read with (changed: Spark's Parquet settings added)
   * @param options Spark Parquet data source options ({@code datetimeRebaseMode}, ...)
   */
  public static ParquetReaders create(
      SparkSession spark,
      Configuration hadoop,
      StructType fileSchema,
      StructType readSchema,
      Map<String, String> options) {
    SQLConf c = spark.sessionState().conf();
    String json = readSchema.json();
    hadoop.set(ParquetInputFormat.READ_SUPPORT_CLASS, ParquetReadSupport.class.getName());
    hadoop.set(ParquetReadSupport.SPARK_ROW_REQUESTED_SCHEMA(), json);
    hadoop.set(ParquetWriteSupport.SPARK_ROW_SCHEMA(), json);
    hadoop.set(SQLConf.SESSION_LOCAL_TIMEZONE().key(), c.sessionLocalTimeZone());
    hadoop.setBoolean(SQLConf.CASE_SENSITIVE().key(), false);
    hadoop.setBoolean(SQLConf.PARQUET_BINARY_AS_STRING().key(), false);
    hadoop.setBoolean(SQLConf.PARQUET_INT96_AS_TIMESTAMP().key(), true);
    hadoop.setBoolean(SQLConf.PARQUET_INFER_TIMESTAMP_NTZ_ENABLED().key(), true);
    hadoop.setBoolean(SQLConf.LEGACY_PARQUET_NANOS_AS_LONG().key(), false);
    Broadcast<SerializableConfiguration> broadcast =
        JavaSparkContext.fromSparkContext(spark.sparkContext())
            .broadcast(new SerializableConfiguration(hadoop));
    PartitionReaderFactory factory =
        new ParquetPartitionReaderFactory(
            c,
            broadcast,
            fileSchema,
            readSchema,
            new StructType(),
            new Filter[0],
            scala.Option.empty(),
            new ParquetOptions(ScalaCollections.immutableMap(options), c));
    return new ParquetReaders(factory, broadcast);
  }

  /**
   * Whether Spark's Parquet reader returns columnar batches for {@code schema} in this session (as
   * Spark's own Parquet scan decides, without planning).
   */
  public static boolean batchReadSupported(StructType schema) {
    SQLConf c = SQLConf.get();
    return ParquetUtils.isBatchReadSupportedForSchema(c, schema)
        && c.wholeStageEnabled()
        && !WholeStageCodegenExec.isTooManyFields(c, schema);
  }

  /** Whether {@link #batches} may be used. */
  public boolean columnar() {
    return factory.supportColumnarReads(partition(List.of()));
  }

  public PartitionReader<InternalRow> rows(FileRange range) {
    return factory.createReader(partition(List.of(range)));
  }

  public PartitionReader<ColumnarBatch> batches(FileRange range) {
    return factory.createColumnarReader(partition(List.of(range)));
  }

  /** The Hadoop configuration the readers use (on executors too). */
  public Configuration hadoopConf() {
    return conf.value().value();
  }

  private static FilePartition partition(List<FileRange> ranges) {
    PartitionedFile[] files = new PartitionedFile[ranges.size()];
    for (int i = 0; i < files.length; i++) {
      FileRange r = ranges.get(i);
      files[i] =
          new PartitionedFile(
              InternalRow.empty(),
              SparkPath.fromPathString(r.url()),
              r.start(),
              r.length(),
              new String[0],
              0L,
              r.fileSize(),
              ScalaCollections.immutableMap(Map.<String, Object>of()));
    }
    return new FilePartition(0, files);
  }
}
