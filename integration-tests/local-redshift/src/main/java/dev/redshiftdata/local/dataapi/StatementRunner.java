package dev.redshiftdata.local.dataapi;

import dev.redshiftdata.local.bulk.RedshiftSqlError;
import dev.redshiftdata.local.postgres.PostgresServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.postgresql.PGConnection;

/**
 * Runs submitted statements on the worker pool through SUBMITTED -> PICKED -> STARTED -> FINISHED |
 * FAILED | ABORTED. A single statement runs auto-committed on its own connection (or its
 * session's); a batch runs its sub-statements serially in one transaction and rolls all of them
 * back when one fails.
 */
final class StatementRunner {
  private static final String CANCELED = "57014";

  private final PostgresServer postgres;
  private final ServerSettings settings;
  private final Faults faults;
  private final SqlExecution execution;
  private final ExecutorService pool;
  private final AtomicLong queryIds = new AtomicLong(100_000);
  private final AtomicLong transactionIds = new AtomicLong(5_000);
  private final HistoryRecorder history;

  StatementRunner(
      PostgresServer postgres,
      ServerSettings settings,
      Faults faults,
      SqlExecution execution,
      ExecutorService pool,
      HistoryRecorder history) {
    this.history = history;
    this.postgres = postgres;
    this.settings = settings;
    this.faults = faults;
    this.execution = execution;
    this.pool = pool;
  }

  /**
   * @param bound the SQL with placeholders replaced by JDBC '?' and the values in order
   */
  void submit(StatementRecord r, ParameterBinder.Bound bound) {
    pool.execute(() -> runSingle(r, bound.sql(), bound.values()));
  }

  void submitBatch(StatementRecord parent) {
    pool.execute(() -> runBatch(parent));
  }

  private void runSingle(StatementRecord r, String sql, List<String> values) {
    Session session = r.target.session();
    Connection c = null;
    long start = System.nanoTime();
    try {
      r.status(StatementStatus.PICKED);
      if (r.cancelRequested()) {
        r.aborted(0);
        return;
      }
      c = session != null ? session.connection() : connect(r.target);
      int pid = c.unwrap(PGConnection.class).getBackendPID();
      start = System.nanoTime();
      r.started(queryIds.incrementAndGet(), pid);
      history.started(r, transactionIds.incrementAndGet());
      if (injectFault(r, start)) {
        return;
      }
      SqlExecution.SessionState state =
          new SqlExecution.SessionState(
              session != null ? session.caseSensitive() : settings.caseSensitiveIdentifiers());
      // A query on its own connection runs in a transaction so its rows stream from a cursor;
      // anything else
      // stays auto-committed, as VACUUM or CREATE DATABASE cannot run inside a transaction block.
      boolean streamed = session == null && SqlExecution.isQuery(sql);
      if (streamed) {
        c.setAutoCommit(false);
      }
      SqlExecution.Outcome o =
          execution.run(c, r.target.role(), sql, values, r.resultFormat, state, r, r);
      if (streamed) {
        c.commit();
      }
      if (session != null) {
        session.caseSensitive(state.caseSensitive);
      }
      r.finished(System.nanoTime() - start, o.rows(), o.size(), o.hasResultSet(), o.result());
    } catch (SQLException e) {
      endWithError(r, e, System.nanoTime() - start);
    } catch (RuntimeException e) {
      r.failed(System.nanoTime() - start, runtimeError(e));
    } finally {
      if (session != null) {
        session.release();
      } else {
        closeQuietly(c);
      }
    }
  }

  private void runBatch(StatementRecord parent) {
    Session session = parent.target.session();
    List<StatementRecord> subs = parent.subStatements;
    Connection c = null;
    long start = System.nanoTime();
    boolean anyResultSet = false;
    int current = -1;
    try {
      parent.status(StatementStatus.PICKED);
      if (parent.cancelRequested()) {
        abortFrom(subs, 0);
        parent.aborted(0);
        return;
      }
      c = session != null ? session.connection() : connect(parent.target);
      int pid = c.unwrap(PGConnection.class).getBackendPID();
      start = System.nanoTime();
      parent.started(0, pid);
      if (injectFault(parent, start)) {
        abortFrom(subs, 0);
        return;
      }
      boolean autoCommit = c.getAutoCommit();
      c.setAutoCommit(false);
      long transactionId =
          transactionIds.incrementAndGet(); // one transaction for every sub-statement
      SqlExecution.SessionState state =
          new SqlExecution.SessionState(
              session != null ? session.caseSensitive() : settings.caseSensitiveIdentifiers());
      try {
        for (current = 0; current < subs.size(); current++) {
          StatementRecord sub = subs.get(current);
          long subStart = System.nanoTime();
          sub.pid(pid);
          sub.started(queryIds.incrementAndGet(), pid);
          history.started(sub, transactionId);
          SqlExecution.Outcome o =
              execution.run(
                  c,
                  parent.target.role(),
                  sub.sqls.get(0),
                  List.of(),
                  parent.resultFormat,
                  state,
                  parent,
                  sub);
          sub.finished(
              System.nanoTime() - subStart, o.rows(), o.size(), o.hasResultSet(), o.result());
          anyResultSet |= o.hasResultSet();
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        // Before auto-commit is restored below, which would otherwise commit the partial batch.
        rollbackQuietly(c);
        throw e;
      } finally {
        if (autoCommit) {
          c.setAutoCommit(true);
        }
      }
      if (session != null) {
        session.caseSensitive(state.caseSensitive);
      }
      parent.summarize(StatementStatus.FINISHED, null, System.nanoTime() - start, anyResultSet);
    } catch (SQLException e) {
      long d = System.nanoTime() - start;
      if (current >= 0 && current < subs.size()) {
        StatementRecord failedSub = subs.get(current);
        endWithError(failedSub, e, d);
        // Later sub-statements never run: reported ABORTED (the real service's state for them is
        // unconfirmed).
        abortFrom(subs, current + 1);
      } else {
        abortFrom(subs, 0);
      }
      if (parent.cancelRequested() || CANCELED.equals(e.getSQLState())) {
        parent.aborted(d);
      } else {
        parent.summarize(StatementStatus.FAILED, errorText(e), d, anyResultSet);
      }
    } catch (RuntimeException e) {
      String error = runtimeError(e);
      if (current >= 0 && current < subs.size()) {
        subs.get(current).failed(System.nanoTime() - start, error);
        abortFrom(subs, current + 1);
      }
      rollbackQuietly(c);
      parent.summarize(StatementStatus.FAILED, error, System.nanoTime() - start, false);
    } finally {
      if (session != null) {
        session.release();
      } else {
        closeQuietly(c);
      }
    }
  }

  /**
   * A new connection for the target; an unknown database fails like Redshift's, without
   * PostgreSQL's name.
   */
  private Connection connect(Target t) throws SQLException {
    if (!t.endpoint().databases().contains(t.database())) {
      throw new SqlExecution.FinalError("FATAL: database \"" + t.database() + "\" does not exist");
    }
    return postgres.connect(t.pgDatabase(), t.role());
  }

  /** Applies an armed statement fault; true when the statement ended because of it. */
  private boolean injectFault(StatementRecord r, long start) throws SQLException {
    Faults.Hold hold = faults.takeHold();
    if (hold != null) {
      long deadline =
          hold.duration() == null ? Long.MAX_VALUE : System.nanoTime() + hold.duration().toNanos();
      synchronized (r) {
        r.pollsToHold = hold.polls();
      }
      while (!r.cancelRequested() && System.nanoTime() < deadline) {
        synchronized (r) {
          if (hold.duration() == null && r.pollsToHold <= 0) {
            break;
          }
          try {
            r.wait(5); // CancelStatement wakes it at once (requestCancel notifies)
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            break;
          }
        }
      }
      if (r.cancelRequested()) {
        r.aborted(System.nanoTime() - start);
        return true;
      }
    }
    Faults.StatementFault f = faults.takeStatementFault();
    if (f == Faults.StatementFault.FAIL) {
      r.failed(System.nanoTime() - start, faults.failureText());
      return true;
    }
    if (f == Faults.StatementFault.ABORT) {
      sleep(20);
      r.aborted(System.nanoTime() - start);
      return true;
    }
    return false;
  }

  private static void endWithError(StatementRecord r, SQLException e, long duration) {
    if (r.cancelRequested()
        || (r.parent != null && r.parent.cancelRequested())
        || CANCELED.equals(e.getSQLState()) && !(e instanceof SqlExecution.FinalError)) {
      r.aborted(duration);
    } else {
      r.failed(duration, errorText(e));
    }
  }

  private static String errorText(SQLException e) {
    return e instanceof SqlExecution.FinalError ? e.getMessage() : ErrorTranslator.redshiftError(e);
  }

  /** A dialect or bulk error that escaped as an unchecked exception, in Redshift's Error form. */
  private static String runtimeError(RuntimeException e) {
    if (e instanceof RedshiftSqlError r) {
      return "ERROR: " + r.getMessage() + (r.position() > 0 ? "\n Position: " + r.position() : "");
    }
    return "ERROR: " + (e.getMessage() != null ? e.getMessage() : e.toString());
  }

  private static void abortFrom(List<StatementRecord> subs, int from) {
    for (int i = from; i < subs.size(); i++) {
      subs.get(i).aborted(0);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void rollbackQuietly(Connection c) {
    if (c == null) {
      return;
    }
    try {
      c.rollback();
    } catch (SQLException ignored) {
      // The connection is closed next anyway.
    }
  }

  private static void closeQuietly(Connection c) {
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // Nothing to report to a client.
      }
    }
  }
}
