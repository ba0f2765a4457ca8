package dev.redshiftdata.local.dataapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * Everything the Data API reports about one statement, a batch parent or one of its sub-statements. Mutable
 * state is guarded by the record's monitor; the worker that runs the statement is the only writer of results.
 */
final class StatementRecord {
  final String id;
  final StatementRecord parent;
  final List<String> sqls;          // one for a single statement or a sub-statement, several for a batch parent
  final JsonNode parameters;        // QueryParameters as sent, or null
  final Target target;
  final String statementName;
  final String resultFormat;        // JSON or CSV
  final String clientToken;
  final Instant createdAt;
  volatile List<StatementRecord> subStatements = List.of();

  private StatementStatus status = StatementStatus.SUBMITTED;
  private Instant updatedAt;
  private String error;
  private long durationNanos;
  private long resultRows = -1;
  private long resultSize = -1;
  private boolean hasResultSet;
  private long queryId;
  private int pid;
  private StoredResult result;
  private java.sql.Statement running;
  private boolean cancelRequested;
  private Instant startedAt;
  private long transactionId;       // SYS_QUERY_HISTORY.transaction_id, shared by a batch's sub-statements
  private HistoryRecorder recorder;  // set once the statement started and was recorded
  int pollsToHold;                  // fault: DescribeStatement polls left while held in STARTED

  StatementRecord(String id, StatementRecord parent, List<String> sqls, JsonNode parameters, Target target,
      String statementName, String resultFormat, String clientToken) {
    this.id = id;
    this.parent = parent;
    this.sqls = List.copyOf(sqls);
    this.parameters = parameters;
    this.target = target;
    this.statementName = statementName;
    this.resultFormat = resultFormat;
    this.clientToken = clientToken;
    this.createdAt = Instant.now();
    this.updatedAt = createdAt;
  }

  boolean isBatch() {
    return parent == null && !subStatements.isEmpty();
  }

  synchronized StatementStatus status() { return status; }
  synchronized Instant updatedAt() { return updatedAt; }
  synchronized String error() { return error; }
  synchronized long durationNanos() { return durationNanos; }
  synchronized long resultRows() { return resultRows; }
  synchronized long resultSize() { return resultSize; }
  synchronized boolean hasResultSet() { return hasResultSet; }
  synchronized long queryId() { return queryId; }
  synchronized int pid() { return pid; }
  synchronized StoredResult result() { return result; }
  synchronized boolean cancelRequested() { return cancelRequested; }
  synchronized Instant startedAt() { return startedAt; }

  synchronized long transactionId() { return transactionId; }

  synchronized void recordWith(HistoryRecorder r, long transactionId) {
    recorder = r;
    this.transactionId = transactionId;
  }

  /** Completes the statement's history row before the status a client polls for turns terminal. */
  private void recordEnd(StatementStatus s) {
    if (recorder != null) {
      recorder.ended(this, s);
      recorder = null;
    }
  }

  /** Terminal states are final: a worker finishing late cannot overwrite an ABORTED set by CancelStatement. */
  synchronized void status(StatementStatus s) {
    if (!status.active()) {
      return;
    }
    status = s;
    updatedAt = Instant.now();
  }

  synchronized void started(long queryId, int pid) {
    if (!status.active()) {
      return;
    }
    this.queryId = queryId;
    this.pid = pid;
    this.startedAt = Instant.now();
    status(StatementStatus.STARTED);
  }

  synchronized void finished(long durationNanos, long rows, long size, boolean hasResultSet, StoredResult r) {
    if (!status.active()) {
      return;
    }
    this.durationNanos = durationNanos;
    this.resultRows = rows;
    this.resultSize = size;
    this.hasResultSet = hasResultSet;
    this.result = r;
    recordEnd(StatementStatus.FINISHED);
    status(StatementStatus.FINISHED);
  }

  synchronized void failed(long durationNanos, String error) {
    if (!status.active()) {
      return;
    }
    this.durationNanos = durationNanos;
    this.error = error;
    recordEnd(StatementStatus.FAILED);
    status(StatementStatus.FAILED);
  }

  synchronized void aborted(long durationNanos) {
    if (!status.active()) {
      return;
    }
    this.durationNanos = durationNanos;
    recordEnd(StatementStatus.ABORTED);
    status(StatementStatus.ABORTED);
  }

  /** Batch parent summary per the newer observation: QueryId 0, ResultRows/Size -1. */
  synchronized void summarize(StatementStatus s, String error, long durationNanos, boolean anyResultSet) {
    if (!status.active()) {
      return;
    }
    this.error = error;
    this.durationNanos = durationNanos;
    this.hasResultSet = anyResultSet;
    this.queryId = 0;
    status(s);
  }

  synchronized void running(java.sql.Statement st) {
    running = st;
  }

  synchronized void pid(int pid) {
    this.pid = pid;
  }

  /**
   * Marks the statement for cancellation and returns the JDBC statement to cancel, if it is executing. A
   * statement still waiting for a worker (SUBMITTED) is ABORTED at once, as is every sub-statement of a batch.
   */
  synchronized java.sql.Statement requestCancel() {
    cancelRequested = true;
    if (status == StatementStatus.SUBMITTED) {
      aborted(0);
      subStatements.forEach(sub -> sub.aborted(0));
    }
    return running;
  }
}
