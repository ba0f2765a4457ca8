package dev.redshiftdata.local.bulk;

import java.util.List;

/**
 * Rows a COPY loaded, rows it skipped under MAXERROR, and per source file what it scanned (for
 * STL_LOAD_COMMITS and SYS_LOAD_HISTORY).
 */
public record CopyResult(long rowsLoaded, long rowsSkipped, List<FileLoad> files) {

  /** One source file: its URL, size, lines (records) scanned and rows rejected from it. */
  public record FileLoad(String url, long contentLength, long linesScanned, long errors) {}

  public CopyResult {
    files = List.copyOf(files);
  }

  public CopyResult(long rowsLoaded, long rowsSkipped) {
    this(rowsLoaded, rowsSkipped, List.of());
  }
}
