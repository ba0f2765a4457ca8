package dev.redshiftdata.spark.dataapi;

import java.util.Objects;
import java.util.Optional;

/**
 * The one exception of the Data API layer: a failed, cancelled or timed-out statement, or a Data
 * API call the SDK gave up on. Callers decide by {@link #kind()}, never by message text. The SQL it
 * carries and shows is already redacted; Redshift's own error text is kept as Redshift wrote it
 * (redacted too: credentials and Secrets Manager ARNs).
 */
public final class RedshiftDataException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** What went wrong; each kind has a stable, unique code for logs and support. */
  public enum Kind {
    /** The request was refused as invalid (Data API {@code ValidationException}). */
    VALIDATION("RSD-001", false),
    /** Throttled beyond the SDK's retries. */
    THROTTLED("RSD-002", true),
    /** Too many active statements or sessions on the cluster or workgroup. */
    LIMIT_EXCEEDED("RSD-003", true),
    /** Redshift ran the statement and it failed ({@code FAILED}); Redshift's message says why. */
    STATEMENT_FAILED("RSD-004", false),
    /** The statement was cancelled ({@code ABORTED}) by someone else. */
    CANCELLED("RSD-005", false),
    /** The statement ran longer than {@code statementTimeout}; it was cancelled. */
    TIMEOUT("RSD-006", false),
    /** The waiting thread was interrupted; the statement was cancelled. */
    INTERRUPTED("RSD-007", false),
    /**
     * The result is over the Data API's result-size or row-size limit; read through UNLOAD instead.
     */
    RESULT_TOO_LARGE("RSD-008", false),
    /**
     * A statement id or resource the service does not know (e.g. results past their 24 h
     * retention).
     */
    NOT_FOUND("RSD-009", false),
    /** The service could not connect to the database. */
    DATABASE_CONNECTION("RSD-010", true),
    /** Credentials missing, expired or without permission. */
    ACCESS_DENIED("RSD-011", false),
    /** A 5xx or other service fault, after the SDK's retries. */
    SERVICE("RSD-012", true),
    /** The client could not reach the service (network, DNS, TLS), after the SDK's retries. */
    CLIENT("RSD-013", true),
    /**
     * The statement is over the Data API's size limit ({@link StatementRequest#MAX_SQL_BYTES}); it
     * was refused before being sent.
     */
    STATEMENT_TOO_LARGE("RSD-014", false),
    /**
     * Redshift aborted the transaction for a serializable isolation violation (error 1023): a
     * concurrent transaction touched the same tables. Running the whole transaction again may
     * succeed; a write does so itself ({@code commitMaxAttempts}).
     */
    SERIALIZATION_CONFLICT("RSD-015", false);

    private final String code;
    private final boolean transientFailure;

    Kind(String code, boolean transientFailure) {
      this.code = code;
      this.transientFailure = transientFailure;
    }

    public String code() {
      return code;
    }

    /** Whether running the same work again later may succeed. */
    public boolean isTransient() {
      return transientFailure;
    }
  }

  private final Kind kind;
  private final String statementId;
  private final String sql;
  private final String redshiftError;

  private RedshiftDataException(
      Kind kind,
      String action,
      String statementId,
      String sql,
      String redshiftError,
      Throwable cause) {
    super(message(kind, action, statementId, sql, redshiftError), cause);
    this.kind = Objects.requireNonNull(kind, "kind is null");
    this.statementId = statementId;
    this.sql = Redaction.redactSql(sql);
    this.redshiftError = Redaction.redactMessage(redshiftError);
  }

  /**
   * @param action what was being done, e.g. "run statement" (the message reads "Cannot run
   *     statement ...")
   * @param statementId the Data API statement id, or {@code null} before one exists
   * @param sql the SQL; it is redacted here
   * @param redshiftError the error text from Redshift or the service, or {@code null}
   */
  public static RedshiftDataException of(
      Kind kind, String action, String statementId, String sql, String redshiftError) {
    return new RedshiftDataException(kind, action, statementId, sql, redshiftError, null);
  }

  public static RedshiftDataException of(
      Kind kind,
      String action,
      String statementId,
      String sql,
      String redshiftError,
      Throwable cause) {
    return new RedshiftDataException(kind, action, statementId, sql, redshiftError, cause);
  }

  private static String message(
      Kind kind, String action, String statementId, String sql, String redshiftError) {
    StringBuilder sb = new StringBuilder("Cannot ").append(action);
    if (statementId != null) {
      sb.append(" (statement ").append(statementId).append(')');
    }
    sb.append(": ").append(reason(kind));
    if (redshiftError != null && !redshiftError.isBlank()) {
      sb.append(": ").append(Redaction.redactMessage(redshiftError.strip()));
    }
    sb.append(". ").append(hint(kind));
    sb.append(" [").append(kind.code()).append(' ').append(kind.name()).append(']');
    if (sql != null) {
      sb.append(" SQL: ").append(Redaction.redactSql(sql));
    }
    return sb.toString();
  }

  private static String reason(Kind kind) {
    switch (kind) {
      case VALIDATION:
        return "the Data API refused the request";
      case THROTTLED:
        return "the Data API kept throttling the request";
      case LIMIT_EXCEEDED:
        return "too many active statements or sessions";
      case STATEMENT_FAILED:
        return "Redshift reported an error";
      case CANCELLED:
        return "the statement was cancelled";
      case TIMEOUT:
        return "the statement ran past 'statementTimeout' and was cancelled";
      case INTERRUPTED:
        return "the waiting thread was interrupted and the statement was cancelled";
      case RESULT_TOO_LARGE:
        return "the result is over the Data API's size limits";
      case NOT_FOUND:
        return "the Data API does not know the statement or resource";
      case DATABASE_CONNECTION:
        return "the Data API could not connect to the database";
      case ACCESS_DENIED:
        return "access was denied";
      case SERVICE:
        return "the Data API failed";
      case STATEMENT_TOO_LARGE:
        return "the statement is over the Data API's limit of "
            + String.format(java.util.Locale.ROOT, "%,d", StatementRequest.MAX_SQL_BYTES)
            + " bytes (UTF-8) per statement, so it was not sent";
      default:
        return "the Data API could not be reached";
    }
  }

  private static String hint(Kind kind) {
    switch (kind) {
      case VALIDATION:
        return "Check the options and the SQL.";
      case THROTTLED:
        return "Retry later or raise 'retryMaxAttempts'.";
      case LIMIT_EXCEEDED:
        return "Retry later or run fewer statements at once.";
      case STATEMENT_FAILED:
        return "Fix the SQL or the data it reads.";
      case CANCELLED:
        return "Run it again if the cancel was not intended.";
      case TIMEOUT:
        return "Raise 'statementTimeout' or make the statement cheaper.";
      case INTERRUPTED:
        return "Nothing to do if the job was cancelled on purpose.";
      case RESULT_TOO_LARGE:
        return "Use 'readMode' unload.";
      case NOT_FOUND:
        return "Results are kept 24 hours; run the statement again.";
      case DATABASE_CONNECTION:
        return "Check the cluster or workgroup is available and retry.";
      case ACCESS_DENIED:
        return "Check the AWS credentials (provider chain, 'profile', 'assumeRoleArn') and 'secretArn' or 'dbUser'.";
      case SERVICE:
        return "Retry later.";
      case STATEMENT_TOO_LARGE:
        return "Read or write fewer columns, use fewer or shorter values in filters (IN lists,"
            + " string literals), shorten 'query', 'preActions' or 'postActions'.";
      default:
        return "Check 'endpoint', 'region' and the network.";
    }
  }

  public Kind kind() {
    return kind;
  }

  public Optional<String> statementId() {
    return Optional.ofNullable(statementId);
  }

  /** The SQL, redacted. */
  public Optional<String> sql() {
    return Optional.ofNullable(sql);
  }

  /** Redshift's or the service's own error text, redacted. */
  public Optional<String> redshiftError() {
    return Optional.ofNullable(redshiftError);
  }
}
