package dev.redshiftdata.spark.dataapi;

import dev.redshiftdata.spark.dataapi.RedshiftDataException.Kind;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns SDK exceptions and failed statement states into {@link RedshiftDataException} kinds, in one
 * place.
 */
final class ErrorClassifier {

  private static final Set<String> ACCESS_DENIED_CODES =
      Set.of(
          "AccessDeniedException",
          "AccessDenied",
          "UnrecognizedClientException",
          "InvalidSignatureException",
          "ExpiredTokenException",
          "ExpiredToken",
          "IncompleteSignature",
          "InvalidClientTokenId",
          "MissingAuthenticationToken",
          "SignatureDoesNotMatch",
          "NotAuthorized");

  private ErrorClassifier() {}

  /** Kind of an SDK exception (after the SDK's own retries). */
  static Kind kindOf(SdkException e) {
    if (e instanceof AwsServiceException) {
      AwsServiceException service = (AwsServiceException) e;
      if (service.isThrottlingException()) {
        return Kind.THROTTLED;
      }
      AwsErrorDetails details = service.awsErrorDetails();
      String code = details == null || details.errorCode() == null ? "" : details.errorCode();
      switch (code) {
        case "ValidationException":
          return Kind.VALIDATION;
        case "ResourceNotFoundException":
          return Kind.NOT_FOUND;
        case "ActiveStatementsExceededException":
        case "ActiveSessionsExceededException":
          return Kind.LIMIT_EXCEEDED;
        case "DatabaseConnectionException":
          return Kind.DATABASE_CONNECTION;
        case "QueryTimeoutException":
          return Kind.TIMEOUT;
        default:
          break;
      }
      if (ACCESS_DENIED_CODES.contains(code)
          || service.statusCode() == 401
          || service.statusCode() == 403) {
        return Kind.ACCESS_DENIED;
      }
      return service.statusCode() >= 500 || service.statusCode() == 0
          ? Kind.SERVICE
          : Kind.VALIDATION;
    }
    if (e instanceof AbortedException || hasInterruptedCause(e)) {
      return Kind.INTERRUPTED;
    }
    if (e instanceof SdkClientException
        && String.valueOf(e.getMessage()).contains("Unable to load credentials")) {
      return Kind.ACCESS_DENIED;
    }
    return Kind.CLIENT;
  }

  /**
   * Text the service sent (without the SDK's request-id decorations), or the exception's message.
   */
  static String messageOf(SdkException e) {
    if (e instanceof AwsServiceException) {
      AwsErrorDetails details = ((AwsServiceException) e).awsErrorDetails();
      if (details != null && details.errorMessage() != null) {
        return (details.errorCode() == null ? "" : details.errorCode() + ": ")
            + details.errorMessage();
      }
    }
    return e.getMessage();
  }

  static RedshiftDataException wrap(SdkException e, String action, String statementId, String sql) {
    return RedshiftDataException.of(kindOf(e), action, statementId, sql, messageOf(e), causeOf(e));
  }

  /**
   * The SDK exception, or, when its text carries a secret (the Data API echoes a wrong {@code
   * SecretArn}), a stand-in with the text redacted and the same stack trace: Spark prints causes.
   */
  static Throwable causeOf(SdkException e) {
    String text = String.valueOf(e.getMessage());
    String redacted = Redaction.redactMessage(text);
    if (redacted.equals(text)) {
      return e;
    }
    RuntimeException standIn = new RuntimeException(e.getClass().getName() + ": " + redacted);
    standIn.setStackTrace(e.getStackTrace());
    return standIn;
  }

  /**
   * Kind of a statement that ended {@code FAILED}: over-limit results and serialization conflicts
   * get their own kinds, so that the read path can fall back to UNLOAD and a write can run its
   * transaction again without matching text themselves.
   */
  private static final Pattern SERIALIZATION_CODE = Pattern.compile("error:\\s*1023\\b");

  static Kind kindOfFailedStatement(String error) {
    String lower = error == null ? "" : error.toLowerCase(Locale.ROOT);
    // "ERROR: 1023 DETAIL: Serializable isolation violation on table ..."; a bare 1023 elsewhere
    // (a row count in the write guard's message) is not a conflict.
    if (lower.contains("serializable isolation violation")
        || SERIALIZATION_CODE.matcher(lower).find()) {
      return Kind.SERIALIZATION_CONFLICT;
    }
    if (lower.contains("exceeded size limit")
        || lower.contains("packet for query is too large")
        || lower.contains("result size") && lower.contains("limit")) {
      return Kind.RESULT_TOO_LARGE;
    }
    return Kind.STATEMENT_FAILED;
  }

  private static boolean hasInterruptedCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InterruptedException
          || t instanceof java.io.InterruptedIOException
              && !(t instanceof java.net.SocketTimeoutException)) {
        return true;
      }
    }
    return false;
  }
}
