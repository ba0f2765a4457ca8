package dev.redshiftdata.local.dataapi;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error the Data API answers with: AWS JSON 1.1 puts the exception name in {@code __type} (and
 * the {@code x-amzn-ErrorType} header) and the text in {@code message}; some shapes carry extra
 * required members (ResourceNotFoundException.ResourceId, ExecuteStatementException.StatementId).
 */
public final class ApiException extends RuntimeException {
  private final String type;
  private final int status;
  private final Map<String, String> members = new LinkedHashMap<>();

  public ApiException(String type, int status, String message) {
    super(message);
    this.type = type;
    this.status = status;
  }

  public static ApiException validation(String message) {
    return new ApiException("ValidationException", 400, message);
  }

  /** AWS's standard wording for a member that breaks a model constraint. */
  public static ApiException constraint(String member, Object value, String constraint) {
    String shown = value == null ? "null" : "'" + value + "'";
    return validation(
        "1 validation error detected: Value "
            + shown
            + " at '"
            + member
            + "' failed to satisfy constraint: "
            + constraint);
  }

  public static ApiException notFound(String id) {
    return new ApiException("ResourceNotFoundException", 400, "Query does not exist.")
        .with("ResourceId", id);
  }

  public static ApiException internal(String message) {
    return new ApiException("InternalServerException", 500, message);
  }

  public ApiException with(String member, String value) {
    members.put(member, value);
    return this;
  }

  public String type() {
    return type;
  }

  public int status() {
    return status;
  }

  public Map<String, String> members() {
    return members;
  }
}
