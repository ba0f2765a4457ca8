package dev.redshiftdata.local.dataapi;

import dev.redshiftdata.local.catalog.ColumnInfo;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A finished statement's result set, held compactly: every row is already encoded in its wire form
 * (a JSON array of Field objects, or one CSV line) and appended to one growing byte array with an
 * offset table, so a 100 MB result costs about 100 MB and serving a page reads a slice without
 * copying the rest.
 */
final class StoredResult {
  private final List<ColumnInfo> columns;
  private byte[] data = new byte[1024];
  private int size;
  private int[] offsets = new int[64];
  private int rows;

  StoredResult(List<ColumnInfo> columns) {
    this.columns = List.copyOf(columns);
  }

  /**
   * Only the statement's worker appends, before the result is published through the record's
   * monitor.
   */
  void add(byte[] encodedRow) {
    if (rows + 1 >= offsets.length) {
      offsets = Arrays.copyOf(offsets, offsets.length * 2);
    }
    if (size + encodedRow.length > data.length) {
      data = Arrays.copyOf(data, Math.max(data.length * 2, size + encodedRow.length));
    }
    System.arraycopy(encodedRow, 0, data, size, encodedRow.length);
    size += encodedRow.length;
    rows++;
    offsets[rows] = size;
  }

  /** Releases the slack of the growing buffer once the result is complete. */
  void trim() {
    data = Arrays.copyOf(data, size);
    offsets = Arrays.copyOf(offsets, rows + 1);
  }

  List<ColumnInfo> columns() {
    return columns;
  }

  int rows() {
    return rows;
  }

  long bytes() {
    return size;
  }

  int rowBytes(int i) {
    return offsets[i + 1] - offsets[i];
  }

  /** Rows [from, to) as text. */
  String[] rows(int from, int to) {
    String[] out = new String[to - from];
    for (int i = from; i < to; i++) {
      out[i - from] =
          new String(data, offsets[i], offsets[i + 1] - offsets[i], StandardCharsets.UTF_8);
    }
    return out;
  }
}
