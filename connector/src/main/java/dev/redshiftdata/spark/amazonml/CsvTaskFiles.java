package dev.redshiftdata.spark.amazonml;

import java.io.Serializable;
import java.util.List;

/**
 * What one task attempt's Amazon ML CSV writer produced: its files (under the write's private CSV
 * staging prefix, not yet published), the observations written and dropped, and each column's
 * {@link ColumnStats} for type inference.
 *
 * @param files the CSV files
 * @param rows observations written
 * @param droppedNewline rows dropped for an end-of-line character ({@code amazonMl.newlines}
 *     reject)
 * @param droppedTooLarge rows dropped for being larger than {@code amazonMl.maxRowBytes}
 * @param stats one per CSV column
 */
public record CsvTaskFiles(
    List<CsvFile> files,
    long rows,
    long droppedNewline,
    long droppedTooLarge,
    List<ColumnStats> stats)
    implements Serializable {

  /** One CSV file: its URL as Hadoop reads it, its observations and its length. */
  public record CsvFile(String url, long rows, long bytes) implements Serializable {}

  public CsvTaskFiles {
    files = List.copyOf(files);
    stats = List.copyOf(stats);
  }

  public long dropped() {
    return droppedNewline + droppedTooLarge;
  }
}
