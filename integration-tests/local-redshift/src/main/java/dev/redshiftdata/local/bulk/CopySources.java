package dev.redshiftdata.local.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;

/**
 * The files a COPY reads: the entries of its manifest, or every object whose key starts with its
 * prefix.
 */
final class CopySources {
  private CopySources() {}

  private static final ObjectMapper JSON = new ObjectMapper();

  record Source(String url, long contentLength) {}

  static List<Source> resolve(FileSystem fs, CopyCommand command) throws IOException {
    if (command.manifest()) {
      return fromManifest(fs, command);
    }
    List<Source> out = new ArrayList<>();
    for (FileStatus s : S3Objects.list(fs, command.bucket(), command.keyPrefix())) {
      out.add(new Source("s3://" + command.bucket() + s.getPath().toUri().getPath(), s.getLen()));
    }
    out.sort((a, b) -> a.url().compareTo(b.url()));
    if (out.isEmpty()) {
      throw new RedshiftSqlError(
          "The specified S3 prefix '" + command.keyPrefix() + "' does not exist");
    }
    return out;
  }

  private static List<Source> fromManifest(FileSystem fs, CopyCommand command) throws IOException {
    JsonNode manifest;
    if (!fs.exists(S3Objects.path(command.source()))) {
      throw new RedshiftSqlError("Manifest file is not found: " + command.source());
    }
    try (InputStream in = fs.open(S3Objects.path(command.source()))) {
      manifest = JSON.readTree(in);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new RedshiftSqlError(
          "Manifest file is not in correct json format: " + command.source());
    }
    JsonNode entries = manifest.get("entries");
    if (entries == null || !entries.isArray()) {
      throw new RedshiftSqlError(
          "Manifest file is not in correct json format: " + command.source());
    }
    List<Source> out = new ArrayList<>();
    for (JsonNode e : entries) {
      String url = e.path("url").asText(null);
      if (url == null || !url.startsWith("s3://")) {
        throw new RedshiftSqlError("Invalid entry in manifest file: " + e);
      }
      boolean mandatory = e.path("mandatory").asBoolean(false);
      JsonNode length = e.path("meta").path("content_length");
      if (command.format() == CopyCommand.Format.PARQUET && !length.isNumber()) {
        throw new RedshiftSqlError(
            "Manifest entry for "
                + url
                + " is missing meta.content_length, required for PARQUET and ORC");
      }
      if (!fs.exists(S3Objects.path(url))) {
        if (mandatory) {
          throw new RedshiftSqlError(
              "Manifest file has a mandatory file that does not exist: " + url);
        }
        continue;
      }
      out.add(new Source(url, length.isNumber() ? length.asLong() : -1));
    }
    if (out.isEmpty()) {
      throw new RedshiftSqlError("No files found to load from manifest " + command.source());
    }
    return out;
  }
}
