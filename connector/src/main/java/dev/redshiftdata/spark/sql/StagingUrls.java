package dev.redshiftdata.spark.sql;

import java.util.Locale;

/**
 * Converts staging URLs between Redshift's {@code s3://} and the scheme Hadoop reads them with
 * ({@code s3a://} for the S3A connector; EMRFS uses {@code s3://} itself). The one place both
 * directions live.
 */
public final class StagingUrls {

  private StagingUrls() {}

  /**
   * The URL as Redshift wants it: {@code s3a://b/k} (or {@code s3n://}, {@code s3://}, any case)
   * becomes {@code s3://b/k}.
   *
   * @throws IllegalArgumentException for another scheme or a URL without a bucket
   */
  public static String toS3(String url) {
    return "s3://" + bucketAndKey(url);
  }

  /** The URL with Hadoop's scheme: {@code toHadoop("s3://b/k", "s3a")} is {@code s3a://b/k}. */
  public static String toHadoop(String url, String scheme) {
    String s = scheme.toLowerCase(Locale.ROOT);
    if (!s.equals("s3") && !s.equals("s3a") && !s.equals("s3n")) {
      throw new IllegalArgumentException("Not an S3 scheme: " + scheme);
    }
    return s + "://" + bucketAndKey(url);
  }

  /** The scheme of an S3 URL, lower case ({@code s3}, {@code s3a} or {@code s3n}). */
  public static String scheme(String url) {
    bucketAndKey(url);
    return url.substring(0, url.indexOf("://")).toLowerCase(Locale.ROOT);
  }

  private static String bucketAndKey(String url) {
    int sep = url == null ? -1 : url.indexOf("://");
    if (sep < 0) {
      throw new IllegalArgumentException("Not an S3 URL: " + url);
    }
    String scheme = url.substring(0, sep).toLowerCase(Locale.ROOT);
    if (!scheme.equals("s3") && !scheme.equals("s3a") && !scheme.equals("s3n")) {
      throw new IllegalArgumentException("Not an S3 URL (s3://, s3a:// or s3n://): " + url);
    }
    String rest = url.substring(sep + 3);
    if (rest.isEmpty() || rest.startsWith("/")) {
      throw new IllegalArgumentException("An S3 URL needs a bucket: " + url);
    }
    return rest;
  }
}
