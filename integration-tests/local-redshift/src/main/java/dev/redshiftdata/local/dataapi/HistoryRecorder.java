package dev.redshiftdata.local.dataapi;

import dev.redshiftdata.local.history.QueryHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Feeds SYS_QUERY_HISTORY / STL_QUERY from the statements the Data API runs: a row when a statement
 * (or a batch's sub-statement) starts, completed when it ends. Statements that never started
 * (cancelled while waiting, sub-statements after a failure) are not recorded: Redshift never saw
 * them.
 */
final class HistoryRecorder implements AutoCloseable {
  private final QueryHistory history;

  /**
   * Completes rows of cancelled statements without holding up the worker (it still has to free the
   * session).
   */
  private final ExecutorService background =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "data-api-history");
            t.setDaemon(true);
            return t;
          });

  HistoryRecorder(QueryHistory history) {
    this.history = history;
  }

  /** After {@link StatementRecord#started}: records it as running and arms the end hook. */
  void started(StatementRecord r, long transactionId) {
    if (r.queryId() == 0) {
      return; // ended before it could start (cancelled): nothing ran
    }
    String label = r.parent != null ? r.parent.statementName : r.statementName;
    history.started(
        new QueryHistory.Start(
            r.target.pgDatabase(),
            r.queryId(),
            r.target.role(),
            label,
            transactionId,
            r.pid(),
            r.target.database(),
            Redaction.redact(r.sqls.get(0)),
            r.startedAt()));
    r.recordWith(this, transactionId);
  }

  /**
   * Called by the record itself as it turns terminal, with the values it ends with (ABORTED: in the
   * background).
   */
  void ended(
      StatementRecord r,
      StatementStatus status,
      String error,
      long rows,
      long size,
      boolean hasResultSet) {
    Instant end = Instant.now();
    String s =
        switch (status) {
          case FINISHED -> "success";
          case ABORTED -> "canceled";
          default -> "failed";
        };
    boolean returned = status == StatementStatus.FINISHED && hasResultSet;
    QueryHistory.End row =
        new QueryHistory.End(
            r.target.pgDatabase(),
            r.queryId(),
            s,
            end,
            Duration.between(r.startedAt(), end).toNanos() / 1000,
            error,
            returned ? rows : 0,
            returned ? size : 0);
    if (status == StatementStatus.ABORTED) {
      background.execute(() -> history.ended(row));
    } else {
      history.ended(row);
    }
  }

  @Override
  public void close() {
    background.shutdown();
  }
}
