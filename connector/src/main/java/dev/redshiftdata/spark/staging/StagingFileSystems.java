package dev.redshiftdata.spark.staging;

import dev.redshiftdata.spark.config.RedshiftOption;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
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
    URI uri = URI.create(tempdir);
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    boolean s3 = S3_SCHEMES.contains(scheme);
    String failure = s3 ? openFailure(scheme, uri.getAuthority(), conf) : null;
    if (s3 && failure == null) {
      return;
    }
    List<String> accepted =
        S3_SCHEMES.stream()
            .filter(s -> openFailure(s, uri.getAuthority(), conf) == null)
            .collect(Collectors.toList());
    throw new IllegalArgumentException(
        "Cannot use option '"
            + RedshiftOption.TEMPDIR
            + "' "
            + tempdir
            + ": scheme '"
            + scheme
            + "' "
            + (s3
                ? "has no Hadoop FileSystem in this Spark configuration ("
                    + failure
                    + "), so the staged files could be neither read nor deleted"
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

  /**
   * Null when Hadoop opens {@code scheme://authority/} (a cached instance after the first time),
   * else why not: Hadoop 3 still maps {@code s3n} to a class that fails when it starts.
   */
  private static String openFailure(String scheme, String authority, Configuration conf) {
    try {
      FileSystem.get(new URI(scheme, authority, "/", null, null), conf);
      return null;
    } catch (IOException | URISyntaxException | RuntimeException | LinkageError e) {
      return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
  }
}
