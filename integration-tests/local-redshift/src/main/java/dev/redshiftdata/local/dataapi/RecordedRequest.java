package dev.redshiftdata.local.dataapi;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One Data API call as the server saw it. {@code sqls} holds the redacted SQL (one element for
 * ExecuteStatement, several for BatchExecuteStatement, none otherwise); {@code statementId} is the
 * Id the call created or addressed; {@code outcome} is "OK" or the error type; {@code dropped}
 * marks a response a fault swallowed.
 */
public record RecordedRequest(
    Instant at,
    String operation,
    List<String> sqls,
    String statementId,
    String clientToken,
    int httpStatus,
    String outcome,
    boolean dropped,
    Duration elapsed) {

  public boolean ok() {
    return "OK".equals(outcome);
  }

  /** The single SQL of an ExecuteStatement, or null. */
  public String sql() {
    return sqls.isEmpty() ? null : sqls.get(0);
  }
}
