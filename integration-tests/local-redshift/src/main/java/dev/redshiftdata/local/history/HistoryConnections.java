package dev.redshiftdata.local.history;

import dev.redshiftdata.local.postgres.PostgresServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One auto-committed superuser connection per PostgreSQL database for the system tables' writers:
 * rows written here are committed at once, whatever becomes of the statement's own transaction.
 * Uses are serialized per database (the writes are single small statements).
 */
final class HistoryConnections implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(HistoryConnections.class.getName());

  /** Work on a history connection. */
  interface Work {
    void run(Connection c) throws SQLException;
  }

  private final PostgresServer postgres;
  private final Map<String, Connection> connections = new HashMap<>();

  HistoryConnections(PostgresServer postgres) {
    this.postgres = postgres;
  }

  /**
   * Runs {@code work}; a failure is logged, never thrown: history must not fail the statement it
   * records.
   */
  void write(String postgresDatabase, Work work) {
    synchronized (lockFor(postgresDatabase)) {
      for (int attempt = 0; attempt < 2; attempt++) {
        try {
          work.run(connection(postgresDatabase));
          return;
        } catch (SQLException e) {
          discard(postgresDatabase);
          if (attempt == 1) {
            LOG.log(Level.WARNING, "Cannot write system table history in " + postgresDatabase, e);
          }
        }
      }
    }
  }

  private final Map<String, Object> locks = new HashMap<>();

  private synchronized Object lockFor(String postgresDatabase) {
    return locks.computeIfAbsent(postgresDatabase, k -> new Object());
  }

  private Connection connection(String postgresDatabase) throws SQLException {
    Connection c;
    synchronized (this) {
      c = connections.get(postgresDatabase);
    }
    if (c == null || c.isClosed()) {
      c = postgres.connect(postgresDatabase, PostgresServer.superuser());
      synchronized (this) {
        connections.put(postgresDatabase, c);
      }
    }
    return c;
  }

  private synchronized void discard(String postgresDatabase) {
    Connection c = connections.remove(postgresDatabase);
    if (c != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // Replaced on the next write.
      }
    }
  }

  @Override
  public synchronized void close() {
    for (String db : Map.copyOf(connections).keySet()) {
      discard(db);
    }
  }
}
