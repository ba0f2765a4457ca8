package dev.redshiftdata.spark.amazonml;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.catalyst.InternalRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one task attempt's rows as one Amazon ML CSV file under the write's private CSV staging
 * prefix, through Hadoop's FileSystem. The file is named after the partition and the attempt's task
 * id, so attempts never share a file; the driver publishes only the files of committed attempts,
 * and the rest go with the staging prefix. Rows the {@link CsvLineEncoder} rejects are counted, not
 * written. Nothing is created for an attempt without rows.
 */
public final class CsvTaskWriter {

  private static final Logger LOG = LoggerFactory.getLogger(CsvTaskWriter.class);

  private final Configuration conf;
  private final CsvWriterSettings settings;
  private final Path path;
  private final CsvValues.Renderer[] renderers;
  private final CsvLineEncoder encoder;
  private final List<ColumnStats> stats;
  private final String[] values;

  private OutputStream out;
  private long rows;
  private long bytes;
  private long droppedNewline;
  private long droppedTooLarge;

  public CsvTaskWriter(
      Configuration conf, CsvWriterSettings settings, int partitionId, long taskId) {
    this.conf = conf;
    this.settings = settings;
    this.path =
        new Path(settings.stagingPrefix() + String.format("part-%05d-%d.csv", partitionId, taskId));
    this.renderers = CsvValues.renderers(settings.schema());
    this.encoder = new CsvLineEncoder(settings.newlines(), settings.maxRowBytes());
    this.stats = ColumnStats.forColumns(renderers.length, settings.statsLimit());
    this.values = new String[renderers.length];
  }

  /** Writes {@code row} (in the CSV's column order), or counts it as dropped. */
  public void write(InternalRow row) throws IOException {
    for (int i = 0; i < values.length; i++) {
      values[i] = renderers[i].render(row, i);
    }
    CsvLineEncoder.Encoded e = encoder.encode(values);
    if (e.drop() == CsvLineEncoder.Drop.NEWLINE) {
      droppedNewline++;
      return;
    }
    if (e.drop() == CsvLineEncoder.Drop.TOO_LARGE) {
      droppedTooLarge++;
      return;
    }
    if (out == null) {
      open();
    }
    out.write(e.line());
    bytes += e.line().length;
    rows++;
    for (int i = 0; i < values.length; i++) {
      stats.get(i).add(values[i]);
    }
  }

  private void open() throws IOException {
    out = new BufferedOutputStream(path.getFileSystem(conf).create(path, true), 1 << 16);
    if (settings.header()) {
      byte[] header = CsvLineEncoder.header(List.of(settings.schema().fieldNames()));
      out.write(header);
      bytes += header.length;
    }
  }

  /** Rows dropped so far, for the task's metric. */
  public long dropped() {
    return droppedNewline + droppedTooLarge;
  }

  /** Closes the file and reports it. */
  public CsvTaskFiles commit() throws IOException {
    List<CsvTaskFiles.CsvFile> files = List.of();
    if (out != null) {
      out.close();
      out = null;
      files = List.of(new CsvTaskFiles.CsvFile(path.toString(), rows, bytes));
    }
    LOG.info(
        "Amazon ML CSV: wrote {} rows ({} bytes) to {}; dropped {} rows ({} with end-of-line"
            + " characters, {} larger than {} bytes)",
        rows,
        bytes,
        files.isEmpty() ? "no file" : path,
        dropped(),
        droppedNewline,
        droppedTooLarge,
        settings.maxRowBytes());
    return new CsvTaskFiles(files, rows, droppedNewline, droppedTooLarge, stats);
  }

  /** Closes and deletes this attempt's file. Never throws. */
  public void abort() {
    boolean created = out != null;
    close();
    if (created) {
      try {
        FileSystem fs = path.getFileSystem(conf);
        fs.delete(path, false);
      } catch (IOException | RuntimeException e) {
        LOG.warn("Cannot delete Amazon ML CSV file {} of an aborted task: {}", path, e.toString());
      }
    }
  }

  /** Closes the file if open. Never throws. */
  public void close() {
    if (out != null) {
      try {
        out.close();
      } catch (IOException | RuntimeException e) {
        LOG.debug("Closing an Amazon ML CSV file failed", e);
      }
      out = null;
    }
  }
}
