package dev.redshiftdata.local.aml;

import dev.redshiftdata.local.bulk.S3Objects;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;

/** Amazon ML's reads from the local S3 server: schema files and the data files of a location. */
final class S3Reader implements AutoCloseable {

  /** One data object: its s3:// URL and size. */
  record S3File(String url, long size) {}

  private final S3Objects s3;
  private final java.util.Map<String, FileSystem> fileSystems = new java.util.HashMap<>();

  S3Reader(S3Objects s3) {
    this.s3 = s3;
  }

  String readText(String url) throws DataSourceFailure {
    try (InputStream in = open(url)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (java.io.FileNotFoundException e) {
      throw new DataSourceFailure("Amazon ML cannot find " + url + ".");
    } catch (IOException e) {
      throw new DataSourceFailure("Amazon ML cannot read " + url + ": " + e.getMessage(), e);
    }
  }

  InputStream open(String url) throws IOException {
    return new java.io.BufferedInputStream(fs(url).open(S3Objects.path(url)), 1 << 16);
  }

  /**
   * The data files of a location: every object under a prefix ending in '/', in key order (but not
   * {@code skip}, the schema file when it lies under the prefix), or the one object named.
   */
  List<S3File> dataFiles(String location, String skip) throws DataSourceFailure {
    String bucket = bucket(location);
    String key = location.substring(("s3://" + bucket).length()).replaceFirst("^/", "");
    try {
      FileSystem fs = fs(location);
      List<S3File> out = new ArrayList<>();
      if (location.endsWith("/") || key.isEmpty()) {
        for (FileStatus s : S3Objects.list(fs, bucket, key)) {
          String url = "s3://" + bucket + s.getPath().toUri().getPath();
          if (s.isFile() && !url.equals(skip)) {
            out.add(new S3File(url, s.getLen()));
          }
        }
        out.sort(Comparator.comparing(S3File::url));
      } else {
        FileStatus s = fs.getFileStatus(S3Objects.path(location));
        out.add(new S3File(location, s.getLen()));
      }
      if (out.isEmpty()) {
        throw new DataSourceFailure("Amazon ML found no data files under " + location + ".");
      }
      return out;
    } catch (java.io.FileNotFoundException e) {
      throw new DataSourceFailure("Amazon ML cannot find " + location + ".");
    } catch (IOException e) {
      throw new DataSourceFailure("Amazon ML cannot list " + location + ": " + e.getMessage(), e);
    }
  }

  static String bucket(String url) {
    String rest = url.substring("s3://".length());
    int slash = rest.indexOf('/');
    return slash < 0 ? rest : rest.substring(0, slash);
  }

  private synchronized FileSystem fs(String url) {
    return fileSystems.computeIfAbsent(bucket(url), s3::fileSystem);
  }

  @Override
  public synchronized void close() {
    for (FileSystem fs : fileSystems.values()) {
      try {
        fs.close();
      } catch (IOException ignored) {
        // shutting down
      }
    }
    fileSystems.clear();
  }
}
