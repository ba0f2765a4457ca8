package dev.redshiftdata.local.bulk;

import dev.redshiftdata.local.postgres.PostgresServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Writes load errors on a connection of its own, so they outlive the failed COPY's transaction. */
public final class LoadErrorTable {
  private LoadErrorTable() {}

  public static LoadContext.ErrorSink sink(PostgresServer postgres, String postgresDatabase) {
    return (context, table, tableId, errors) -> {
      try (Connection c = postgres.connect(postgresDatabase, PostgresServer.superuser())) {
        insert(c, context, tableId, errors);
      } catch (SQLException e) {
        throw new IllegalStateException("Cannot record load errors", e);
      }
    };
  }

  static void insert(Connection c, LoadContext context, int tableId, List<LoadError> errors)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO "
                + BulkBootstrap.LOAD_ERRORS_TABLE
                + " (userid, username, slice, tbl, starttime, session,"
                + " query, transaction_id, database_name, filename, line_number, colname, type, col_length,"
                + " position, raw_line, raw_field_value, err_code, err_reason, is_partial, start_offset,"
                + " copy_job_id) VALUES (?, ?, 0, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0)")) {
      Timestamp now = Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC));
      for (LoadError e : errors) {
        ps.setInt(1, context.userId());
        ps.setString(2, context.username());
        ps.setInt(3, tableId);
        ps.setTimestamp(4, now);
        ps.setInt(5, context.sessionId());
        ps.setInt(6, context.queryId());
        ps.setString(7, context.databaseName());
        ps.setString(8, e.fileUrl());
        ps.setLong(9, e.lineNumber());
        ps.setString(10, e.columnName());
        ps.setString(11, e.columnType());
        ps.setString(12, e.columnLength() > 0 ? Integer.toString(e.columnLength()) : "");
        ps.setInt(13, e.position());
        ps.setString(14, e.rawLine());
        ps.setString(15, e.rawFieldValue());
        ps.setInt(16, e.errorCode());
        ps.setString(17, e.reason());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }
}
