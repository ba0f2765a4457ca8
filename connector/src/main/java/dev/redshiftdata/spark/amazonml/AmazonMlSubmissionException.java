package dev.redshiftdata.spark.amazonml;

/**
 * Amazon ML refused a request spec, or a submitted datasource ended FAILED (or did not finish in
 * {@code amazonMl.submitTimeout}). The message names the DataSourceId and carries the service's own
 * message; it never contains a password.
 */
public final class AmazonMlSubmissionException extends RuntimeException {
  private final String dataSourceId;

  AmazonMlSubmissionException(String dataSourceId, String message, Throwable cause) {
    super(message, cause);
    this.dataSourceId = dataSourceId;
  }

  public String dataSourceId() {
    return dataSourceId;
  }
}
