package dev.redshiftdata.local.bulk;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * The local Redshift's side of S3: objects of the local S3 server, named by {@code s3://bucket/key}
 * as Redshift's SQL names them, reached through Hadoop's s3a (the same client code path Spark uses
 * to read them).
 */
public final class S3Objects {

  private final Configuration conf;

  public S3Objects(Map<String, String> s3aSettings) {
    this.conf = new Configuration();
    s3aSettings.forEach(conf::set);
    // Our own FileSystem instances: closing a client's must never close ours.
    conf.set("fs.s3a.impl.disable.cache", "true");
    conf.set("fs.s3a.bucket.probe", "0");
  }

  public Configuration hadoopConf() {
    return conf;
  }

  /** {@code s3://b/k} -> {@code s3a://b/k}. */
  public static Path path(String s3Url) {
    if (!s3Url.startsWith("s3://")) {
      throw new IllegalArgumentException("not an s3:// URL: " + s3Url);
    }
    return new Path("s3a://" + s3Url.substring("s3://".length()));
  }

  public FileSystem fileSystem(String bucket) {
    try {
      return FileSystem.newInstance(URI.create("s3a://" + bucket + "/"), conf);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Objects whose key starts with {@code keyPrefix}, with their sizes, recursively. */
  public static List<FileStatus> list(FileSystem fs, String bucket, String keyPrefix)
      throws IOException {
    int slash = keyPrefix.lastIndexOf('/');
    String dir = slash < 0 ? "" : keyPrefix.substring(0, slash + 1);
    Path dirPath = new Path("s3a://" + bucket + "/" + dir);
    List<FileStatus> out = new ArrayList<>();
    if (!dir.isEmpty() && !fs.exists(dirPath)) {
      return out;
    }
    RemoteIterator<org.apache.hadoop.fs.LocatedFileStatus> it = fs.listFiles(dirPath, true);
    while (it.hasNext()) {
      FileStatus s = it.next();
      String key = s.getPath().toUri().getPath().substring(1);
      if (key.startsWith(keyPrefix)) {
        out.add(s);
      }
    }
    return out;
  }

  public static void writeString(FileSystem fs, Path path, String content) throws IOException {
    try (OutputStream out = fs.create(path, true)) {
      out.write(content.getBytes(StandardCharsets.UTF_8));
    }
  }
}
