package dev.redshiftdata.local.bulk;

/**
 * An error the local Redshift reports as the statement's {@code Error}, in Redshift's words. The
 * Data API server shows it as {@code ERROR: <message>}.
 */
public final class RedshiftSqlError extends RuntimeException {

  private final int position;

  public RedshiftSqlError(String message) {
    this(message, 0);
  }

  public RedshiftSqlError(String message, int position) {
    super(message);
    this.position = position;
  }

  /** 1-based character position in the statement, or 0 when it does not apply. */
  public int position() {
    return position;
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    return this; // an expected outcome of user SQL, not a bug: no stack trace needed
  }
}
