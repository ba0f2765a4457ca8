package dev.redshiftdata.spark.write;

import dev.redshiftdata.spark.compat.ParquetWriting;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;
import org.apache.spark.sql.connector.write.DataWriter;
import org.apache.spark.sql.connector.write.WriterCommitMessage;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one task attempt's rows as snappy Parquet files under the staging prefix, with Spark's own
 * Parquet write support, starting a new file when the current one reaches the size limit. Files are
 * named after the partition, the task attempt and a sequence number, so attempts never share a
 * file; nothing is created for an attempt without rows.
 */
final class StagedDataWriter implements DataWriter<InternalRow> {

  private static final Logger LOG = LoggerFactory.getLogger(StagedDataWriter.class);

  /** How often (in rows) the size of the open file is checked. */
  private static final int SIZE_CHECK_ROWS = 100;

  private final Configuration conf;
  private final String prefix;
  private final int partitionId;
  private final long taskId;
  private final UnaryOperator<InternalRow> projection;
  private final long maxFileSize;

  private final List<StagedFile> done = new ArrayList<>();
  private final List<Path> written = new ArrayList<>();
  private ParquetWriter<InternalRow> writer;
  private Path current;
  private long currentRows;
  private int sequence;
  // Totals of the closed files, for the Spark UI.
  private long closedRows;
  private long closedBytes;

  StagedDataWriter(
      Configuration conf,
      String prefix,
      int partitionId,
      long taskId,
      StructType inputSchema,
      StructType fileSchema,
      FileRows rows,
      long maxFileSize) {
    this.conf = conf;
    this.prefix = prefix;
    this.partitionId = partitionId;
    this.taskId = taskId;
    this.maxFileSize = maxFileSize;
    this.projection = rows.projection(inputSchema, fileSchema);
  }

  /**
   * Writes every row, then closes the open file: Spark reads {@link #currentMetricsValues()} for
   * the last time between this and {@link #commit()}, so the staged bytes it shows are exact.
   */
  // No @Override: DataWriter.writeAll exists from Spark 4.0; Spark 3.5 calls write and commit.
  public void writeAll(Iterator<InternalRow> rows) throws IOException {
    while (rows.hasNext()) {
      write(rows.next());
    }
    if (writer != null) {
      closeCurrent();
    }
  }

  @Override
  public void write(InternalRow row) throws IOException {
    if (writer == null) {
      open();
    }
    writer.write(projection == null ? row : projection.apply(row));
    currentRows++;
    if (currentRows % SIZE_CHECK_ROWS == 0 && writer.getDataSize() >= maxFileSize) {
      closeCurrent();
    }
  }

  private void open() throws IOException {
    current =
        new Path(
            prefix
                + String.format(
                    "part-%05d-%d-%03d.snappy.parquet", partitionId, taskId, sequence++));
    written.add(current);
    writer =
        new RowWriterBuilder(HadoopOutputFile.fromPath(current, conf))
            .withConf(conf)
            .withCompressionCodec(CompressionCodecName.SNAPPY)
            .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
            .build();
    currentRows = 0;
  }

  private void closeCurrent() throws IOException {
    ParquetWriter<InternalRow> w = writer;
    writer = null;
    w.close();
    long bytes = current.getFileSystem(conf).getFileStatus(current).getLen();
    done.add(new StagedFile(current.toString(), currentRows, bytes));
    closedRows += currentRows;
    closedBytes += bytes;
  }

  /** Rows, bytes and files staged so far; an open file counts with its size estimate. */
  @Override
  public CustomTaskMetric[] currentMetricsValues() {
    ParquetWriter<InternalRow> open = writer;
    return WriteMetrics.task(
        closedRows + (open == null ? 0 : currentRows),
        closedBytes + (open == null ? 0 : open.getDataSize()),
        done.size() + (open == null ? 0 : 1));
  }

  @Override
  public WriterCommitMessage commit() throws IOException {
    if (writer != null) {
      closeCurrent();
    }
    return new StagedFiles(partitionId, taskId, done);
  }

  @Override
  public void abort() {
    if (writer != null) {
      try {
        writer.close();
      } catch (IOException | RuntimeException e) {
        LOG.debug("Closing an aborted staging file failed", e);
      }
      writer = null;
    }
    for (Path p : written) {
      try {
        FileSystem fs = p.getFileSystem(conf);
        fs.delete(p, false);
      } catch (IOException | RuntimeException e) {
        LOG.warn("Cannot delete staging file {} of an aborted task: {}", p, e.toString());
      }
    }
  }

  @Override
  public void close() throws IOException {
    if (writer != null) {
      try {
        writer.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        writer = null;
      }
    }
  }

  /**
   * parquet-hadoop's builder around Spark's write support ({@link ParquetWriting#writeSupport}).
   */
  private static final class RowWriterBuilder
      extends ParquetWriter.Builder<InternalRow, RowWriterBuilder> {
    RowWriterBuilder(OutputFile file) {
      super(file);
    }

    @Override
    protected RowWriterBuilder self() {
      return this;
    }

    @Override
    protected WriteSupport<InternalRow> getWriteSupport(Configuration c) {
      return ParquetWriting.writeSupport();
    }
  }
}
