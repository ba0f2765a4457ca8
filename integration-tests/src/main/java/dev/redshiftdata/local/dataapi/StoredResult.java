package dev.redshiftdata.local.dataapi;

import dev.redshiftdata.local.catalog.ColumnInfo;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A finished statement's result set, held compactly: every row is already encoded in its wire form (a JSON
 * array of Field objects, or one CSV line) and appended to one byte buffer with an offset table, so a 100 MB
 * result costs about 100 MB and a page is a slice of it.
 */
final class StoredResult {
  private final List<ColumnInfo> columns;
  private final ByteArrayOutputStream data = new ByteArrayOutputStream();
  private int[] offsets = new int[64];
  private int rows;

  StoredResult(List<ColumnInfo> columns) {
    this.columns = List.copyOf(columns);
  }

  void add(byte[] encodedRow) {
    if (rows + 1 >= offsets.length) {
      offsets = Arrays.copyOf(offsets, offsets.length * 2);
    }
    data.write(encodedRow, 0, encodedRow.length);
    rows++;
    offsets[rows] = data.size();
  }

  List<ColumnInfo> columns() { return columns; }
  int rows() { return rows; }
  long bytes() { return data.size(); }

  /** The encoded row, as text. */
  String row(int i) {
    byte[] all = data.toByteArray();
    return new String(all, offsets[i], offsets[i + 1] - offsets[i], StandardCharsets.UTF_8);
  }

  int rowBytes(int i) {
    return offsets[i + 1] - offsets[i];
  }

  /** Rows [from, to) as text, copying the buffer once. */
  String[] rows(int from, int to) {
    byte[] all = data.toByteArray();
    String[] out = new String[to - from];
    for (int i = from; i < to; i++) {
      out[i - from] = new String(all, offsets[i], offsets[i + 1] - offsets[i], StandardCharsets.UTF_8);
    }
    return out;
  }
}
