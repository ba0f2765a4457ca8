package dev.redshiftdata.spark.read;

import dev.redshiftdata.spark.compat.FileRange;
import java.io.Serializable;
import java.util.List;
import org.apache.spark.sql.connector.read.InputPartition;

/**
 * One unload-path partition: byte ranges of unloaded Parquet files, plus the manifest facts to
 * check for each file whose first range is here.
 *
 * @param files the ranges to read
 * @param checks one per file whose range starting at byte 0 is in this partition
 */
record UnloadInputPartition(List<FileRange> files, List<FileCheck> checks)
    implements InputPartition {

  /**
   * What the manifest says about one file.
   *
   * @param url the file's Hadoop URL
   * @param contentLength {@code meta.content_length}
   * @param recordCount {@code meta.record_count}
   * @param wholeFile whether one range covers the whole file: its rows are then counted as they are
   *     read instead of reading the footer twice
   */
  record FileCheck(String url, long contentLength, long recordCount, boolean wholeFile)
      implements Serializable {}

  @Override
  public String[] preferredLocations() {
    return new String[0];
  }
}
