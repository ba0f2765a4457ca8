package dev.redshiftdata.spark.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.mapreduce.Job;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.execution.datasources.parquet.ParquetOptions;
import org.apache.spark.sql.execution.datasources.parquet.ParquetUtils;
import org.apache.spark.sql.execution.datasources.parquet.ParquetWriteSupport;
import org.apache.spark.sql.internal.SQLConf;
import org.apache.spark.sql.types.StructType;

/** Spark's own row to Parquet conversion, for files the connector writes itself. */
public final class ParquetWriting {
  private ParquetWriting() {}

  /**
   * The configuration of Spark's Parquet write support for {@code schema}: snappy, and INT64
   * TIMESTAMP_MICROS ({@code prepareWrite} copies the session's output timestamp type, INT96 by
   * default).
   */
  public static Configuration conf(Configuration base, StructType schema) {
    try {
      Job job = Job.getInstance(base);
      SQLConf sql = SQLConf.get();
      ParquetUtils.prepareWrite(
          sql, job, schema, new ParquetOptions(ScalaCollections.immutableMap(Map.of()), sql));
      Configuration conf = job.getConfiguration();
      conf.set(SQLConf.PARQUET_OUTPUT_TIMESTAMP_TYPE().key(), "TIMESTAMP_MICROS");
      conf.set("parquet.compression", "SNAPPY");
      return conf;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Spark's write support: reads the schema {@link #conf} put into the configuration. */
  public static WriteSupport<InternalRow> writeSupport() {
    return new ParquetWriteSupport();
  }
}
