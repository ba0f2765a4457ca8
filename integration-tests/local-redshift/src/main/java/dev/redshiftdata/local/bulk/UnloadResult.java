package dev.redshiftdata.local.bulk;

import java.util.List;

/**
 * What an UNLOAD wrote: rows, data files (as {@code s3://} URLs, in manifest order) and the
 * manifest URL.
 */
public record UnloadResult(long rows, List<UnloadedFile> files, String manifestUrl) {

  public record UnloadedFile(String url, long contentLength, long recordCount) {}

  public UnloadResult {
    files = List.copyOf(files);
  }
}
