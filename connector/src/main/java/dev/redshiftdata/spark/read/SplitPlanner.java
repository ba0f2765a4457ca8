package dev.redshiftdata.spark.read;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Packs unloaded files into read partitions the way Spark's file sources do: files are cut into
 * byte ranges of at most {@code maxSplitBytes} (the Parquet reader keeps the row groups whose
 * midpoint falls in a range, so every row is read exactly once), sorted largest first and packed
 * next-fit, each split costing its length plus {@code openCostInBytes}. Pure.
 */
final class SplitPlanner {

  /**
   * A byte range of one file.
   *
   * @param url the file's Hadoop URL
   * @param start first byte
   * @param length bytes in the range
   * @param fileSize the whole file's size
   */
  record Split(String url, long start, long length, long fileSize) implements Serializable {}

  /** A file to split: its Hadoop URL and size. */
  record FileSize(String url, long size) {}

  private SplitPlanner() {}

  /**
   * Spark's {@code maxSplitBytes}: {@code min(maxPartitionBytes, max(openCost, total /
   * minPartitions))}, where {@code total} counts every file's size plus the open cost.
   */
  static long maxSplitBytes(
      List<FileSize> files, long maxPartitionBytes, long openCostInBytes, int minPartitions) {
    long total = 0;
    for (FileSize f : files) {
      total += f.size() + openCostInBytes;
    }
    long perCore = total / Math.max(1, minPartitions);
    return Math.min(maxPartitionBytes, Math.max(openCostInBytes, perCore));
  }

  /** The partitions, each a list of splits; no partition is empty. */
  static List<List<Split>> plan(
      List<FileSize> files, long maxPartitionBytes, long openCostInBytes, int minPartitions) {
    long maxSplit = maxSplitBytes(files, maxPartitionBytes, openCostInBytes, minPartitions);
    List<Split> splits = new ArrayList<>();
    for (FileSize f : files) {
      if (f.size() == 0) {
        // An empty file still gets a split, so its footer check runs (it has no rows to read).
        splits.add(new Split(f.url(), 0, 0, 0));
        continue;
      }
      for (long offset = 0; offset < f.size(); offset += maxSplit) {
        splits.add(new Split(f.url(), offset, Math.min(maxSplit, f.size() - offset), f.size()));
      }
    }
    splits.sort(Comparator.comparingLong(Split::length).reversed());
    List<List<Split>> partitions = new ArrayList<>();
    List<Split> current = new ArrayList<>();
    long currentSize = 0;
    for (Split s : splits) {
      if (!current.isEmpty() && currentSize + s.length() > maxSplit) {
        partitions.add(current);
        current = new ArrayList<>();
        currentSize = 0;
      }
      current.add(s);
      currentSize += s.length() + openCostInBytes;
    }
    if (!current.isEmpty()) {
      partitions.add(current);
    }
    return partitions;
  }
}
