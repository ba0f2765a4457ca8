package dev.redshiftdata.local.aml;

/**
 * Why Amazon ML could not build a datasource: the text becomes {@code Message} of GetDataSource
 * when the datasource turns FAILED.
 */
final class DataSourceFailure extends Exception {
  DataSourceFailure(String message) {
    super(message);
  }

  DataSourceFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
