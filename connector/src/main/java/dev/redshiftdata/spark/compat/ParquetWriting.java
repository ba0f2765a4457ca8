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

  /**
   * Spark's write support: reads the schema {@link #conf} put into the configuration. Dates and
   * timestamps are always written as they are (proleptic Gregorian, as Redshift reads them), never
   * rebased to the hybrid calendar, whatever the session's {@code
   * spark.sql.parquet.*RebaseModeInWrite} (Spark 3.5 defaults to failing on dates before 1582).
   */
  public static WriteSupport<InternalRow> writeSupport() {
    // The write support reads the rebase modes from SQLConf.get when it is constructed.
    SQLConf conf = new SQLConf();
    ScalaCollections.toJava(SQLConf.get().getAllConfs()).forEach(conf::setConfString);
    conf.setConfString(DATETIME_REBASE_IN_WRITE, "CORRECTED");
    conf.setConfString(INT96_REBASE_IN_WRITE, "CORRECTED");
    return SQLConf.withExistingConf(conf, ParquetWriteSupport::new);
  }

  static final String DATETIME_REBASE_IN_WRITE = "spark.sql.parquet.datetimeRebaseModeInWrite";
  static final String INT96_REBASE_IN_WRITE = "spark.sql.parquet.int96RebaseModeInWrite";
}
