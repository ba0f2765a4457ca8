package dev.redshiftdata.local.dataapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * Everything the Data API reports about one statement, a batch parent or one of its sub-statements.
 * Mutable state is guarded by the record's monitor; the worker that runs the statement is the only
 * writer of results.
 */
final class StatementRecord {
  final String id;
  final StatementRecord parent;
  final List<String>
      sqls; // one for a single statement or a sub-statement, several for a batch parent
  final JsonNode parameters; // QueryParameters as sent, or null
  final Target target;
  final String statementName;
  final String resultFormat; // JSON or CSV
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
  private long
      transactionId; // SYS_QUERY_HISTORY.transaction_id, shared by a batch's sub-statements
  private HistoryRecorder recorder; // set once the statement started and was recorded
  int pollsToHold; // fault: DescribeStatement polls left while held in STARTED

  StatementRecord(
      String id,
      StatementRecord parent,
      List<String> sqls,
      JsonNode parameters,
      Target target,
      String statementName,
      String resultFormat,
      String clientToken) {
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

  synchronized StatementStatus status() {
    return status;
  }

  synchronized Instant updatedAt() {
    return updatedAt;
  }

  synchronized String error() {
    return error;
  }

  synchronized long durationNanos() {
    return durationNanos;
  }

  synchronized long resultRows() {
    return resultRows;
  }

  synchronized long resultSize() {
    return resultSize;
  }

  synchronized boolean hasResultSet() {
    return hasResultSet;
  }

  synchronized long queryId() {
    return queryId;
  }

  synchronized int pid() {
    return pid;
  }

  synchronized StoredResult result() {
    return result;
  }

  synchronized boolean cancelRequested() {
    return cancelRequested;
  }

  synchronized Instant startedAt() {
    return startedAt;
  }

  synchronized long transactionId() {
    return transactionId;
  }

  synchronized void recordWith(HistoryRecorder r, long transactionId) {
    recorder = r;
    this.transactionId = transactionId;
  }

  /** Takes the history hook, once: only the first terminal transition records the end. */
  private synchronized HistoryRecorder takeRecorder() {
    HistoryRecorder r = status.active() ? recorder : null;
    recorder = null;
    return r;
  }

  /**
   * Terminal states are final: a worker finishing late cannot overwrite an ABORTED set by
   * CancelStatement.
   */
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

  /*
   * History: FINISHED and FAILED complete the statement's history row before the status a client polls for turns
   * terminal (so a client that saw FINISHED finds the row), written outside the monitor so DescribeStatement is
   * never blocked on it. ABORTED turns terminal first and records afterwards: CancelStatement callers expect
   * ABORTED promptly.
   */

  void finished(long durationNanos, long rows, long size, boolean hasResultSet, StoredResult r) {
    HistoryRecorder history = takeRecorder();
    if (history != null) {
      history.ended(this, StatementStatus.FINISHED, null, rows, size, hasResultSet);
    }
    synchronized (this) {
      if (!status.active()) {
        return;
      }
      this.durationNanos = durationNanos;
      this.resultRows = rows;
      this.resultSize = size;
      this.hasResultSet = hasResultSet;
      this.result = r;
      status(StatementStatus.FINISHED);
    }
  }

  void failed(long durationNanos, String error) {
    HistoryRecorder history = takeRecorder();
    if (history != null) {
      history.ended(this, StatementStatus.FAILED, error, 0, 0, false);
    }
    synchronized (this) {
      if (!status.active()) {
        return;
      }
      this.durationNanos = durationNanos;
      this.error = error;
      status(StatementStatus.FAILED);
    }
  }

  void aborted(long durationNanos) {
    HistoryRecorder history;
    synchronized (this) {
      if (!status.active()) {
        return;
      }
      history = recorder;
      recorder = null;
      this.durationNanos = durationNanos;
      status(StatementStatus.ABORTED);
    }
    if (history != null) {
      history.ended(this, StatementStatus.ABORTED, null, 0, 0, false);
    }
  }

  /** Batch parent summary per the newer observation: QueryId 0, ResultRows/Size -1. */
  synchronized void summarize(
      StatementStatus s, String error, long durationNanos, boolean anyResultSet) {
    if (!status.active()) {
      return;
    }
    this.error = error;
    this.durationNanos = durationNanos;
    this.hasResultSet = anyResultSet;
    this.queryId = 0;
    status(s);
  }

  /** The JDBC statement executing now, or null. */
  synchronized java.sql.Statement runningStatement() {
    return running;
  }

  synchronized void running(java.sql.Statement st) {
    running = st;
  }

  synchronized void pid(int pid) {
    this.pid = pid;
  }

  /**
   * Marks the statement for cancellation and returns the JDBC statement to cancel, if it is
   * executing. A statement still waiting for a worker (SUBMITTED) is ABORTED at once, as is every
   * sub-statement of a batch.
   */
  synchronized java.sql.Statement requestCancel() {
    cancelRequested = true;
    notifyAll(); // a statement held by a fault stops waiting
    if (status == StatementStatus.SUBMITTED) {
      aborted(0);
      subStatements.forEach(sub -> sub.aborted(0));
    }
    return running;
  }
}
