package dev.redshiftdata.spark.dataapi;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.redshiftdata.model.DescribeStatementResponse;
import software.amazon.awssdk.services.redshiftdata.model.SubStatementData;

/**
 * A statement that reached {@code FINISHED}: its last DescribeStatement answer and how long waiting
 * took.
 */
public final class FinishedStatement {
  private final DescribeStatementResponse description;
  private final int polls;
  private final Duration elapsed;

  FinishedStatement(DescribeStatementResponse description, int polls, Duration elapsed) {
    this.description = description;
    this.polls = polls;
    this.elapsed = elapsed;
  }

  public String id() {
    return description.id();
  }

  public boolean hasResultSet() {
    return Boolean.TRUE.equals(description.hasResultSet());
  }

  /** Rows returned, or affected by DML/COPY; -1 when the service does not say. */
  public long resultRows() {
    return description.resultRows() == null ? -1 : description.resultRows();
  }

  /** Result size in bytes; -1 when the service does not say. */
  public long resultSize() {
    return description.resultSize() == null ? -1 : description.resultSize();
  }

  /**
   * Ids of a batch's sub-statements ({@code <id>:1}, ...), in order; empty for a single statement.
   */
  public List<String> subStatementIds() {
    return description.subStatements().stream()
        .map(SubStatementData::id)
        .collect(Collectors.toUnmodifiableList());
  }

  /**
   * The Data API session the statement ran in, when it was sent with a keep-alive or a session id.
   */
  public java.util.Optional<String> sessionId() {
    return java.util.Optional.ofNullable(description.sessionId());
  }

  /** DescribeStatement calls made while waiting. */
  public int polls() {
    return polls;
  }

  /** Time from submission (or from the start of waiting) to the answer that said FINISHED. */
  public Duration elapsed() {
    return elapsed;
  }

  public DescribeStatementResponse description() {
    return description;
  }

  @Override
  public String toString() {
    return "FinishedStatement{id="
        + id()
        + ", rows="
        + resultRows()
        + ", polls="
        + polls
        + ", elapsed="
        + elapsed.toMillis()
        + "ms}";
  }
}
