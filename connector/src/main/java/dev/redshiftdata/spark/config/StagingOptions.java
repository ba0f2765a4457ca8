package dev.redshiftdata.spark.config;

import static dev.redshiftdata.spark.config.RedshiftOption.*;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Optional;

/**
 * The staging options: the S3 prefix UNLOAD and COPY share with Spark, the role Redshift reaches it
 * with, and how long staged files live.
 */
public final class StagingOptions {
  private final String tempdir;
  private final String tempdirRegion;
  private final String iamRole;
  private final boolean keepStaging;
  private final Duration stagingSweepAge;

  private StagingOptions(
      String tempdir,
      String tempdirRegion,
      String iamRole,
      boolean keepStaging,
      Duration stagingSweepAge) {
    this.tempdir = tempdir;
    this.tempdirRegion = tempdirRegion;
    this.iamRole = iamRole;
    this.keepStaging = keepStaging;
    this.stagingSweepAge = stagingSweepAge;
  }

  static StagingOptions parse(OptionLookup in) {
    return new StagingOptions(
        in.explicit(TEMPDIR).map(StagingOptions::checkTempdir).orElse(null),
        in.explicit(TEMPDIR_REGION).orElse(null),
        in.explicit(IAM_ROLE).orElse(null),
        in.bool(KEEP_STAGING),
        in.duration(STAGING_SWEEP_AGE, Duration.ZERO, Duration.ofDays(3650)));
  }

  private static String checkTempdir(String value) {
    int space = indexOfWhitespace(value);
    if (space >= 0) {
      // Redshift's UNLOAD and COPY take the prefix as an s3:// URL, and Hadoop paths would
      // percent-encode the space: the two sides would not name the same objects.
      throw OptionLookup.invalid(
          TEMPDIR,
          value,
          "contains a space (at character " + (space + 1) + ")",
          "Use a staging prefix without spaces, e.g. s3a://bucket/prefix/.");
    }
    try {
      URI uri = new URI(value);
      if (uri.getScheme() != null && uri.getAuthority() != null) {
        return value;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw OptionLookup.invalid(
        TEMPDIR,
        value,
        "is not a Hadoop URI with a scheme and a bucket",
        "Use e.g. s3a://bucket/prefix/.");
  }

  private static int indexOfWhitespace(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (Character.isWhitespace(value.charAt(i)) || Character.isSpaceChar(value.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Fails unless {@code tempdir} and {@code iamRole} are set; {@code action} is e.g. "unload" or
   * "write".
   */
  public void require(String action) {
    if (tempdir == null) {
      throw new IllegalArgumentException(
          "Cannot "
              + action
              + ": option '"
              + TEMPDIR
              + "' is not set. Set it to a staging prefix Redshift can reach, e.g. s3a://bucket/prefix/.");
    }
    if (iamRole == null) {
      throw new IllegalArgumentException(
          "Cannot "
              + action
              + ": option '"
              + IAM_ROLE
              + "' is not set. Set it to the ARN of a role attached to the cluster that can use '"
              + TEMPDIR
              + "', or to default for the cluster's default IAM role.");
    }
  }

  public Optional<String> tempdir() {
    return Optional.ofNullable(tempdir);
  }

  public Optional<String> tempdirRegion() {
    return Optional.ofNullable(tempdirRegion);
  }

  public Optional<String> iamRole() {
    return Optional.ofNullable(iamRole);
  }

  public boolean keepStaging() {
    return keepStaging;
  }

  /** Zero disables the sweep of stale staging prefixes. */
  public Duration stagingSweepAge() {
    return stagingSweepAge;
  }
}
