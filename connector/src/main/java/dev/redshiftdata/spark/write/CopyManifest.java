package dev.redshiftdata.spark.write;

import dev.redshiftdata.spark.sql.StagingUrls;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.connector.write.WriterCommitMessage;

/**
 * The COPY manifest of a write, built from the commit messages of committed task attempts only:
 * {@code {"entries":[{"url":"s3://b/k","mandatory":true,"meta":{"content_length":123}}]}}. COPY
 * from Parquet requires {@code content_length}; {@code mandatory} makes a missing file fail the
 * COPY instead of loading fewer rows. Pure.
 */
public record CopyManifest(List<StagedFile> files) {

  public CopyManifest {
    files = List.copyOf(files);
  }

  /**
   * The files of the given messages (null messages, of attempts that did not commit, are skipped).
   *
   * @throws IllegalArgumentException for a message this write did not produce
   */
  public static CopyManifest of(WriterCommitMessage[] messages) {
    List<StagedFile> files = new ArrayList<>();
    for (WriterCommitMessage m : messages) {
      if (m == null) {
        continue;
      }
      if (!(m instanceof StagedFiles staged)) {
        throw new IllegalArgumentException(
            "Cannot commit the write: unexpected commit message " + m.getClass().getName());
      }
      files.addAll(staged.files());
    }
    return new CopyManifest(files);
  }

  public long rows() {
    return files.stream().mapToLong(StagedFile::rows).sum();
  }

  public long bytes() {
    return files.stream().mapToLong(StagedFile::bytes).sum();
  }

  /** The manifest JSON, with {@code s3://} URLs as Redshift reads them. */
  public String json() {
    StringBuilder sb = new StringBuilder("{\"entries\":[");
    for (int i = 0; i < files.size(); i++) {
      StagedFile f = files.get(i);
      if (i > 0) {
        sb.append(',');
      }
      sb.append("{\"url\":\"")
          .append(escape(StagingUrls.toS3(f.url())))
          .append("\",\"mandatory\":true,\"meta\":{\"content_length\":")
          .append(f.bytes())
          .append("}}");
    }
    return sb.append("]}").toString();
  }

  private static String escape(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
