package dev.redshiftdata.spark.dataapi;

import static dev.redshiftdata.spark.dataapi.ApiCalls.LOG;

import dev.redshiftdata.spark.dataapi.RedshiftDataException.Kind;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.services.redshiftdata.model.DescribeStatementResponse;
import software.amazon.awssdk.services.redshiftdata.model.StatusString;
import software.amazon.awssdk.services.redshiftdata.model.SubStatementData;

/**
 * Waits for submitted statements: polls DescribeStatement on a {@link PollSchedule}, never past the
 * statement timeout, and cancels a statement nobody will wait for any more (timed out, interrupted,
 * or its polling failed). Logs one INFO line per statement with its outcome.
 */
record StatementPoller(ApiCalls calls, Duration statementTimeout, PollSchedule schedule) {

  /**
   * Polls until the statement finishes; throws if it fails, is cancelled, times out or the thread
   * is interrupted.
   *
   * @param startNanos when the timeout started ({@link DataApi.Waiter#nanoTime()})
   * @param operation what the log line calls the statement, e.g. "ExecuteStatement"
   */
  FinishedStatement await(String id, String sql, long startNanos, String operation) {
    long deadline = startNanos + statementTimeout.toNanos();
    int polls = 0;
    while (true) {
      long remaining = deadline - calls.waiter.nanoTime();
      if (remaining <= 0) {
        cancelQuietly(id);
        log(operation, id, "TIMEOUT", startNanos, polls);
        throw RedshiftDataException.of(
            Kind.TIMEOUT, "run statement", id, sql, "still running after " + statementTimeout);
      }
      try {
        calls.waiter.sleep(schedule.delay(polls, Duration.ofNanos(remaining)));
      } catch (InterruptedException e) {
        throw interrupted(id, sql, operation, startNanos, polls, e);
      }
      DescribeStatementResponse d;
      try {
        d = describe(id, sql);
      } catch (RedshiftDataException e) {
        if (e.kind() == Kind.INTERRUPTED || Thread.currentThread().isInterrupted()) {
          throw interrupted(id, sql, operation, startNanos, polls, e);
        }
        // Nobody will read this statement's outcome: stop it rather than leave it running
        // unobserved. (A caller retrying with the same ClientToken then gets this aborted
        // statement back: use a new token.)
        cancelQuietly(id);
        log(operation, id, e.kind().name(), startNanos, polls);
        throw e;
      }
      polls++;
      calls.countPolled();
      StatusString status = d.status();
      if (status == StatusString.FINISHED) {
        log(operation, id, "FINISHED", startNanos, polls);
        FinishedStatement done =
            new FinishedStatement(d, polls, Duration.ofNanos(calls.waiter.nanoTime() - startNanos));
        calls.countFinished(done);
        return done;
      }
      if (status == StatusString.FAILED) {
        log(operation, id, "FAILED", startNanos, polls);
        throw failed(d, sql);
      }
      if (status == StatusString.ABORTED) {
        log(operation, id, "ABORTED", startNanos, polls);
        throw RedshiftDataException.of(Kind.CANCELLED, "run statement", id, sql, d.error());
      }
    }
  }

  private RedshiftDataException interrupted(
      String id, String sql, String operation, long startNanos, int polls, Exception cause) {
    // Clear the flag so that the SDK does not abort the cancel call itself, then restore it.
    Thread.interrupted();
    try {
      cancelQuietly(id);
    } finally {
      Thread.currentThread().interrupt();
    }
    log(operation, id, "INTERRUPTED", startNanos, polls);
    return RedshiftDataException.of(Kind.INTERRUPTED, "run statement", id, sql, null, cause);
  }

  /** A FAILED statement; for a batch, names the sub-statement that failed and shows its SQL. */
  private static RedshiftDataException failed(DescribeStatementResponse d, String sql) {
    List<SubStatementData> subs = d.subStatements();
    for (int i = 0; i < subs.size(); i++) {
      SubStatementData sub = subs.get(i);
      if (sub.status() != null && "FAILED".equals(sub.statusAsString())) {
        String error = sub.error() != null ? sub.error() : d.error();
        return RedshiftDataException.of(
            ErrorClassifier.kindOfFailedStatement(error),
            "run batch statement " + (i + 1) + " of " + subs.size() + ", the batch was rolled back",
            sub.id(),
            sub.queryString() != null ? sub.queryString() : sql,
            error);
      }
    }
    return RedshiftDataException.of(
        ErrorClassifier.kindOfFailedStatement(d.error()), "run statement", d.id(), sql, d.error());
  }

  /** Cancels a running statement; false when it was no longer running. */
  boolean cancel(String id) {
    boolean cancelled =
        ApiCalls.call(
            "cancel statement",
            id,
            null,
            () ->
                Boolean.TRUE.equals(
                    calls.client.cancelStatement(r -> calls.counted(r.id(id))).status()));
    LOG.info("Data API CancelStatement {}: {}", id, cancelled ? "cancelled" : "not running");
    return cancelled;
  }

  /** Cancels, logging rather than throwing a failure to: the caller reports its own reason. */
  void cancelQuietly(String id) {
    try {
      cancel(id);
    } catch (RuntimeException e) {
      // The statement may have ended meanwhile.
      LOG.warn("Data API CancelStatement {} failed: {}", id, e.getMessage());
    }
  }

  /** The current DescribeStatement answer; {@code sql}, if known, is shown in its error. */
  DescribeStatementResponse describe(String id, String sql) {
    return ApiCalls.call(
        "describe statement",
        id,
        sql,
        () -> calls.client.describeStatement(r -> calls.counted(r.id(id))));
  }

  private void log(String operation, String id, String outcome, long startNanos, int polls) {
    LOG.info(
        "Data API {} {} {} in {} ms ({} polls)",
        operation,
        id,
        outcome,
        calls.millisSince(startNanos),
        polls);
  }
}
