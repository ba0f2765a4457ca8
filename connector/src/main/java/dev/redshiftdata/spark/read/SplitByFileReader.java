package dev.redshiftdata.spark.read;

import dev.redshiftdata.spark.compat.FileRange;
import dev.redshiftdata.spark.dataapi.CallStats;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;
import org.apache.spark.sql.connector.read.PartitionReader;

/**
 * Reads a partition's file ranges one after another, each with its own Parquet reader, counting the
 * rows of each; when a range that covers a whole file ends, its count is checked against the
 * manifest ({@link UnloadFileChecker#checkRowsRead}), which spares a second footer read.
 *
 * @param <T> rows or columnar batches
 */
final class SplitByFileReader<T> implements PartitionReader<T> {

  private final List<FileRange> files;
  private final Map<String, UnloadInputPartition.FileCheck> wholeFiles = new HashMap<>();
  private final Function<FileRange, PartitionReader<T>> open;
  private final ToIntFunction<T> rowsOf;

  /** Reading unloaded files makes no Data API call. */
  private static final CallStats NO_CALLS = new CallStats();

  private int index = -1;
  private PartitionReader<T> current;
  private long rowsInFile;
  private long rowsRead;

  SplitByFileReader(
      UnloadInputPartition partition,
      Function<FileRange, PartitionReader<T>> open,
      ToIntFunction<T> rowsOf) {
    this.files = partition.files();
    for (UnloadInputPartition.FileCheck c : partition.checks()) {
      if (c.wholeFile()) {
        wholeFiles.put(c.url(), c);
      }
    }
    this.open = open;
    this.rowsOf = rowsOf;
  }

  @Override
  public boolean next() throws IOException {
    while (true) {
      if (current != null) {
        if (current.next()) {
          int rows = rowsOf.applyAsInt(current.get());
          rowsInFile += rows;
          rowsRead += rows;
          return true;
        }
        finishFile();
      }
      if (++index >= files.size()) {
        return false;
      }
      current = open.apply(files.get(index));
      rowsInFile = 0;
    }
  }

  private void finishFile() throws IOException {
    PartitionReader<T> done = current;
    current = null;
    done.close();
    UnloadInputPartition.FileCheck check = wholeFiles.get(files.get(index).url());
    if (check != null) {
      UnloadFileChecker.checkRowsRead(check, rowsInFile);
    }
  }

  @Override
  public T get() {
    return current.get();
  }

  /** Rows read so far, across the ranges (the Spark UI's {@code rowsRead}). */
  @Override
  public CustomTaskMetric[] currentMetricsValues() {
    return ReadMetrics.task(rowsRead, 0, NO_CALLS);
  }

  @Override
  public void close() throws IOException {
    if (current != null) {
      current.close();
      current = null;
    }
  }
}
