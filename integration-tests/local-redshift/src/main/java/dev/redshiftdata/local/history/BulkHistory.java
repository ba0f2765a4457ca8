package dev.redshiftdata.local.history;

import dev.redshiftdata.local.postgres.PostgresServer;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Writes the UNLOAD and COPY history behind SYS_UNLOAD_HISTORY / STL_UNLOAD_LOG and
 * SYS_LOAD_HISTORY / STL_LOAD_COMMITS, outside the statement's transaction. A COPY that succeeded
 * inside a transaction is recorded with that transaction's PostgreSQL xid: the views report it
 * {@code running} while the transaction is open and {@code aborted} (nothing loaded) once it rolled
 * back, so only what really stayed in the table shows as loaded.
 */
public final class BulkHistory implements AutoCloseable {

  /** Who ran a bulk command, where and when. */
  public record Run(
      String postgresDatabase,
      long queryId,
      String username,
      int sessionId,
      long transactionId,
      String database,
      Instant start,
      Instant end) {
    long durationMicros() {
      return Duration.between(start, end).toNanos() / 1000;
    }
  }

  /** One file an UNLOAD wrote. */
  public record UnloadedFile(String url, long bytes, long rows) {}

  /** One file a COPY read. */
  public record LoadedFile(String url, long bytes, long linesScanned, long errors) {}

  private final HistoryConnections connections;

  public BulkHistory(PostgresServer postgres) {
    this.connections = new HistoryConnections(postgres);
  }

  /**
   * @param fileFormat Redshift's names: Text, CSV, JSON, Parquet
   * @param error null when it completed
   */
  public void unload(
      Run run,
      String fileFormat,
      String compression,
      String location,
      long rows,
      List<UnloadedFile> files,
      String error) {
    connections.write(
        run.postgresDatabase(),
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO "
                      + HistoryBootstrap.UNLOAD_HISTORY_TABLE
                      + " (query_id, user_id, username, transaction_id, session_id, database_name, status, start_time,"
                      + " end_time, duration_us, file_format, compression_type, unloaded_location, unloaded_rows,"
                      + " unloaded_files_count, unloaded_files_size, error_message)"
                      + " VALUES (?, (SELECT oid::int FROM pg_roles WHERE rolname = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, run.queryId());
            ps.setString(2, run.username());
            ps.setString(3, run.username());
            ps.setLong(4, run.transactionId());
            ps.setInt(5, run.sessionId());
            ps.setString(6, run.database());
            ps.setString(7, error == null ? "completed" : "aborted");
            ps.setTimestamp(8, QueryHistory.utc(run.start()));
            ps.setTimestamp(9, QueryHistory.utc(run.end()));
            ps.setLong(10, run.durationMicros());
            ps.setString(11, fileFormat);
            ps.setString(12, compression);
            ps.setString(13, location);
            ps.setLong(14, rows);
            ps.setLong(15, files.size());
            ps.setLong(16, files.stream().mapToLong(UnloadedFile::bytes).sum());
            ps.setString(17, error);
            ps.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO "
                      + HistoryBootstrap.UNLOAD_FILES_TABLE
                      + " (query_id, user_id, username, session_id, transaction_id, path, start_time, end_time, line_count,"
                      + " transfer_size, file_format)"
                      + " VALUES (?, (SELECT oid::int FROM pg_roles WHERE rolname = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (UnloadedFile f : files) {
              ps.setLong(1, run.queryId());
              ps.setString(2, run.username());
              ps.setString(3, run.username());
              ps.setInt(4, run.sessionId());
              ps.setLong(5, run.transactionId());
              ps.setString(6, f.url());
              ps.setTimestamp(7, QueryHistory.utc(run.start()));
              ps.setTimestamp(8, QueryHistory.utc(run.end()));
              ps.setLong(9, f.rows());
              ps.setLong(10, f.bytes());
              ps.setString(11, fileFormat);
              ps.addBatch();
            }
            ps.executeBatch();
          }
        });
  }

  /**
   * @param pendingXid the PostgreSQL xid of the open transaction the COPY ran in, or null when its
   *     outcome is final (auto-committed, or failed)
   * @param fileFormat the SYS_LOAD_HISTORY spelling: csv, txt, json, parquet
   * @param error null when the COPY itself succeeded
   */
  public void load(
      Run run,
      Long pendingXid,
      String table,
      String source,
      String fileFormat,
      long rows,
      List<LoadedFile> files,
      long errorCount,
      String error) {
    connections.write(
        run.postgresDatabase(),
        c -> {
          long sourceBytes = files.stream().mapToLong(LoadedFile::bytes).sum();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO "
                      + HistoryBootstrap.LOAD_HISTORY_TABLE
                      + " (query_id, user_id, username, transaction_id, pending_xid, session_id, database_name, status,"
                      + " table_name, start_time, end_time, duration_us, data_source, file_format, loaded_rows, loaded_bytes,"
                      + " source_file_count, source_file_bytes, error_count, error_message)"
                      + " VALUES (?, (SELECT oid::int FROM pg_roles WHERE rolname = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                      + " ?, ?, ?, ?, ?)")) {
            ps.setLong(1, run.queryId());
            ps.setString(2, run.username());
            ps.setString(3, run.username());
            ps.setLong(4, run.transactionId());
            if (pendingXid == null) {
              ps.setNull(5, Types.BIGINT);
            } else {
              ps.setLong(5, pendingXid);
            }
            ps.setInt(6, run.sessionId());
            ps.setString(7, run.database());
            ps.setString(8, error == null ? "completed" : "aborted");
            ps.setString(9, table);
            ps.setTimestamp(10, QueryHistory.utc(run.start()));
            ps.setTimestamp(11, QueryHistory.utc(run.end()));
            ps.setLong(12, run.durationMicros());
            ps.setString(13, source);
            ps.setString(14, fileFormat);
            ps.setLong(15, error == null ? rows : 0);
            ps.setLong(16, error == null ? sourceBytes : 0);
            ps.setInt(17, files.size());
            ps.setLong(18, sourceBytes);
            ps.setLong(19, errorCount);
            ps.setString(20, error);
            ps.executeUpdate();
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO "
                      + HistoryBootstrap.LOAD_FILES_TABLE
                      + " (query_id, user_id, username, table_name, filename, lines_scanned, errors, curtime)"
                      + " VALUES (?, (SELECT oid::int FROM pg_roles WHERE rolname = ?), ?, ?, ?, ?, ?, ?)")) {
            for (LoadedFile f : files) {
              ps.setLong(1, run.queryId());
              ps.setString(2, run.username());
              ps.setString(3, run.username());
              ps.setString(4, table);
              ps.setString(5, f.url());
              ps.setLong(6, f.linesScanned());
              ps.setLong(7, f.errors());
              ps.setTimestamp(8, QueryHistory.utc(run.end()));
              ps.addBatch();
            }
            ps.executeBatch();
          }
        });
  }

  @Override
  public void close() {
    connections.close();
  }
}
