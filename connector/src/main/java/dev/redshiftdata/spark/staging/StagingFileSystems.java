package dev.redshiftdata.spark.staging;

import dev.redshiftdata.spark.config.RedshiftOption;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * Checks, before any statement runs, that Spark can open {@code tempdir}: Redshift's UNLOAD and
 * COPY write and read {@code s3://}, and the files they leave must be readable and deletable by
 * Hadoop under the scheme the user gave (e.g. {@code s3n://} has no FileSystem since Hadoop 3, so
 * an UNLOAD there would leave files nobody deletes).
 */
public final class StagingFileSystems {

  /** The Hadoop schemes that name S3 objects (S3A, EMRFS or Databricks, the removed S3N). */
  static final List<String> S3_SCHEMES = List.of("s3a", "s3", "s3n");

  private StagingFileSystems() {}

  /**
   * @throws IllegalArgumentException naming {@code tempdir}, its scheme and the schemes this
   *     configuration accepts, when the scheme is not S3 or has no FileSystem here
   */
  public static void check(String tempdir, Configuration conf) {
    String scheme = scheme(tempdir);
    boolean s3 = S3_SCHEMES.contains(scheme);
    if (s3 && opens(scheme, conf)) {
      return;
    }
    List<String> accepted =
        S3_SCHEMES.stream().filter(s -> opens(s, conf)).collect(Collectors.toList());
    throw new IllegalArgumentException(
        "Cannot use option '"
            + RedshiftOption.TEMPDIR
            + "' "
            + tempdir
            + ": scheme '"
            + scheme
            + "' "
            + (s3
                ? "has no Hadoop FileSystem in this Spark configuration, so the staged files could"
                    + " be neither read nor deleted"
                : "is not S3, and Redshift UNLOAD and COPY only reach S3")
            + ". "
            + (accepted.isEmpty()
                ? "No S3 scheme has a FileSystem here: add hadoop-aws (s3a) to the classpath."
                : "Use "
                    + accepted.stream().map(s -> s + "://").collect(Collectors.joining(" or "))
                    + " (the S3 schemes this Hadoop configuration can open), e.g. "
                    + accepted.get(0)
                    + "://bucket/prefix/."));
  }

  private static String scheme(String tempdir) {
    String scheme = URI.create(tempdir).getScheme();
    return scheme == null ? "" : scheme.toLowerCase(Locale.ROOT);
  }

  private static boolean opens(String scheme, Configuration conf) {
    try {
      return FileSystem.getFileSystemClass(scheme, conf) != null;
    } catch (IOException | RuntimeException | LinkageError e) {
      return false; // UnsupportedFileSystemException, or an impl class that cannot load
    }
  }
}
