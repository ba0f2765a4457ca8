package dev.redshiftdata.local.history;

import dev.redshiftdata.local.postgres.PostgresServer;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Writes SYS_QUERY_HISTORY / STL_QUERY rows: one inserted as {@code running} when a statement
 * starts, updated when it ends ({@code success}, {@code failed}, {@code canceled}). Writes go
 * through {@link HistoryConnections}, outside the statement's transaction.
 */
public final class QueryHistory implements AutoCloseable {

  /** SYS_QUERY_HISTORY keeps the first 4,000 characters of the text. */
  static final int MAX_QUERY_TEXT = 4000;

  /** What is known when a statement starts. {@code sql} must already be redacted. */
  public record Start(
      String postgresDatabase,
      long queryId,
      String username,
      String label,
      long transactionId,
      int sessionId,
      String database,
      String sql,
      Instant startTime) {}

  /** How it ended. {@code status}: success, failed or canceled. */
  public record End(
      String postgresDatabase,
      long queryId,
      String status,
      Instant endTime,
      long elapsedMicros,
      String error,
      long returnedRows,
      long returnedBytes) {}

  private final HistoryConnections connections;

  public QueryHistory(PostgresServer postgres) {
    this.connections = new HistoryConnections(postgres);
  }

  public void started(Start s) {
    connections.write(
        s.postgresDatabase(),
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO "
                      + HistoryBootstrap.QUERY_HISTORY_TABLE
                      + " (query_id, user_id, username, query_label, transaction_id, session_id, database_name, query_type,"
                      + " status, start_time, query_text, returned_rows, returned_bytes)"
                      + " VALUES (?, (SELECT oid::int FROM pg_roles WHERE rolname = ?), ?, ?, ?, ?, ?, ?, 'running', ?, ?, 0, 0)"
                      + " ON CONFLICT (query_id) DO NOTHING")) {
            ps.setLong(1, s.queryId());
            ps.setString(2, s.username());
            ps.setString(3, s.username());
            ps.setString(4, s.label() == null ? "" : s.label());
            ps.setLong(5, s.transactionId());
            ps.setInt(6, s.sessionId());
            ps.setString(7, s.database());
            ps.setString(8, QueryTypes.classify(s.sql()));
            ps.setTimestamp(9, utc(s.startTime()));
            String text = s.sql();
            ps.setString(
                10, text.length() > MAX_QUERY_TEXT ? text.substring(0, MAX_QUERY_TEXT) : text);
            ps.executeUpdate();
          }
        });
  }

  public void ended(End e) {
    connections.write(
        e.postgresDatabase(),
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE "
                      + HistoryBootstrap.QUERY_HISTORY_TABLE
                      + " SET status = ?, end_time = ?, elapsed_us = ?, error_message = ?, returned_rows = ?,"
                      + " returned_bytes = ? WHERE query_id = ?")) {
            ps.setString(1, e.status());
            ps.setTimestamp(2, utc(e.endTime()));
            ps.setLong(3, e.elapsedMicros());
            ps.setString(4, e.error());
            ps.setLong(5, e.returnedRows());
            ps.setLong(6, e.returnedBytes());
            ps.setLong(7, e.queryId());
            ps.executeUpdate();
          }
        });
  }

  static Timestamp utc(Instant i) {
    return Timestamp.valueOf(LocalDateTime.ofInstant(i, ZoneOffset.UTC));
  }

  @Override
  public void close() {
    connections.close();
  }
}
