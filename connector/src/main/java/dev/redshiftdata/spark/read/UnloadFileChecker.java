package dev.redshiftdata.spark.read;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/**
 * Checks an unloaded file against its manifest entry: before it is read, it exists and its size is
 * the manifest's {@code content_length}; its row count is {@code record_count}, counted as it is
 * read when one range covers the file, else from its Parquet footer. A mismatch fails the task with
 * a clear error; rows are never silently lost or doubled.
 */
final class UnloadFileChecker {

  private UnloadFileChecker() {}

  /** The checks due before reading: size, and the footer's row count for a file read in ranges. */
  static void check(UnloadInputPartition.FileCheck expected, Configuration conf) {
    Path path = new Path(expected.url());
    FileStatus status;
    try {
      status = path.getFileSystem(conf).getFileStatus(path);
    } catch (FileNotFoundException e) {
      throw new IllegalStateException(
          "Unloaded file "
              + expected.url()
              + " listed in the UNLOAD manifest does not exist. Its staging prefix may have been"
              + " deleted: after a failed or cancelled action the staging files are removed, so"
              + " create the DataFrame again (spark.read...load()) to unload afresh.",
          e);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read unloaded file " + expected.url(), e);
    }
    if (status.getLen() != expected.contentLength()) {
      throw new IllegalStateException(
          "Unloaded file "
              + expected.url()
              + " has "
              + status.getLen()
              + " bytes but the UNLOAD manifest says "
              + expected.contentLength()
              + ": refusing to read a file that changed after the UNLOAD.");
    }
    if (expected.wholeFile()) {
      return; // its rows are counted as they are read: checkRowsRead
    }
    long rows;
    try (ParquetFileReader reader =
        ParquetFileReader.open(HadoopInputFile.fromStatus(status, conf))) {
      rows = reader.getRecordCount();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the Parquet footer of " + expected.url(), e);
    }
    if (rows != expected.recordCount()) {
      throw new IllegalStateException(
          "Unloaded file "
              + expected.url()
              + " holds "
              + rows
              + " rows but the UNLOAD manifest says "
              + expected.recordCount()
              + ": refusing to return a partial or altered result.");
    }
  }

  /** After a whole file was read: the rows it gave are the manifest's {@code record_count}. */
  static void checkRowsRead(UnloadInputPartition.FileCheck expected, long rowsRead) {
    if (rowsRead != expected.recordCount()) {
      throw new IllegalStateException(
          "Unloaded file "
              + expected.url()
              + " gave "
              + rowsRead
              + " rows but the UNLOAD manifest says "
              + expected.recordCount()
              + ": refusing to return a partial or altered result.");
    }
  }
}
