package dev.redshiftdata.examples.ml;

import java.net.URI;
import java.util.Locale;

/** The Redshift ML statements of the example, built from names and options. Pure. */
final class CreateModelSql {
  private CreateModelSql() {}

  /**
   * {@code CREATE MODEL}: trains on {@code trainingQuery}'s rows to predict {@code target}, and
   * registers {@code function} (its parameters: the query's other columns, in order) in the model's
   * schema; Redshift takes the function's name without a schema.
   */
  static String createModel(
      String model,
      String trainingQuery,
      String target,
      String function,
      String iamRole,
      String s3Bucket) {
    return "CREATE MODEL "
        + model
        + " FROM ("
        + trainingQuery
        + ") TARGET "
        + target
        + " FUNCTION "
        + function
        + " IAM_ROLE "
        + (iamRole.equalsIgnoreCase("default") ? "default" : quote(iamRole))
        + " SETTINGS (S3_BUCKET "
        + quote(s3Bucket)
        + ")";
  }

  /**
   * The bucket of a staging prefix such as {@code s3a://bucket/prefix/}: Redshift ML stages its
   * training data and model artifacts there.
   */
  static String bucketOf(String tempdir) {
    URI uri = URI.create(tempdir);
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.startsWith("s3") || uri.getAuthority() == null) {
      throw new IllegalArgumentException(
          "Cannot find the S3 bucket for Redshift ML in option 'tempdir' ("
              + tempdir
              + "): it is not an s3://, s3a:// or s3n:// URI with a bucket.");
    }
    return uri.getAuthority();
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "''") + "'";
  }
}
