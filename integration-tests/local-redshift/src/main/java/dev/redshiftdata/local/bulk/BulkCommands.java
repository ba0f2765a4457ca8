package dev.redshiftdata.local.bulk;

import dev.redshiftdata.local.dataapi.BulkCommandHandler;
import dev.redshiftdata.local.dialect.RedshiftSqlTranslator;
import dev.redshiftdata.local.dialect.StatementKind;
import dev.redshiftdata.local.history.BulkHistory;
import dev.redshiftdata.local.postgres.PostgresServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The local Redshift's UNLOAD and COPY, as the Data API server runs them. Each run, successful or
 * not, is recorded for SYS_UNLOAD_HISTORY / STL_UNLOAD_LOG and SYS_LOAD_HISTORY / STL_LOAD_COMMITS.
 */
public final class BulkCommands implements BulkCommandHandler, AutoCloseable {

  private final PostgresServer postgres;
  private final UnloadExecutor unload;
  private final CopyExecutor copy;
  private final BulkHistory history;

  public BulkCommands(PostgresServer postgres, S3Objects s3, UnloadSettings unloadSettings) {
    this.postgres = postgres;
    this.unload = new UnloadExecutor(s3, unloadSettings);
    this.copy = new CopyExecutor(s3);
    this.history = new BulkHistory(postgres);
  }

  @Override
  public Outcome run(Context context) throws SQLException {
    if (context.kind() == StatementKind.UNLOAD) {
      UnloadCommand command = UnloadParser.parse(context.redshiftSql());
      String select =
          RedshiftSqlTranslator.toPostgres(command.selectSql(), context.caseSensitiveIdentifiers());
      Instant start = Instant.now();
      try {
        UnloadResult result = unload.execute(context.connection(), command, select);
        recordUnload(context, command, start, result.rows(), result.files(), null);
        // ResultRows of an UNLOAD: the rows unloaded (unconfirmed for the real service; see the
        // deviation table).
        return new Outcome(result.rows());
      } catch (SQLException | RuntimeException e) {
        recordUnload(context, command, start, 0, List.of(), e.getMessage());
        throw e;
      }
    }
    if (context.kind() == StatementKind.COPY) {
      CopyCommand command = CopyParser.parse(context.redshiftSql());
      String pgDatabase = context.connection().getCatalog();
      AtomicLong errorCount = new AtomicLong();
      LoadContext.ErrorSink errors = LoadErrorTable.sink(postgres, pgDatabase);
      LoadContext load =
          new LoadContext(
              context.role(),
              userId(context),
              context.database(),
              (int) context.queryId(),
              context.pid(),
              context.caseSensitiveIdentifiers(),
              (ctx, table, tableId, list) -> {
                errorCount.addAndGet(list.size());
                errors.record(ctx, table, tableId, list);
              });
      Instant start = Instant.now();
      try {
        CopyResult result = copy.execute(context.connection(), command, load);
        recordLoad(
            context,
            command,
            start,
            pendingXid(context.connection()),
            result.rowsLoaded(),
            result.files(),
            errorCount.get(),
            null);
        return new Outcome(result.rowsLoaded());
      } catch (SQLException | RuntimeException e) {
        recordLoad(context, command, start, null, 0, List.of(), errorCount.get(), e.getMessage());
        throw e;
      }
    }
    throw new SQLException("not a bulk command: " + context.kind());
  }

  private void recordUnload(
      Context context,
      UnloadCommand command,
      Instant start,
      long rows,
      List<UnloadResult.UnloadedFile> files,
      String error)
      throws SQLException {
    String format =
        switch (command.format()) {
          case PARQUET -> "Parquet";
          case CSV -> "CSV";
          case JSON -> "JSON";
          default -> "Text";
        };
    history.unload(
        run(context, start),
        format,
        command.compression().name().toLowerCase(Locale.ROOT),
        command.target(),
        rows,
        files.stream()
            .map(f -> new BulkHistory.UnloadedFile(f.url(), f.contentLength(), f.recordCount()))
            .toList(),
        error);
  }

  private void recordLoad(
      Context context,
      CopyCommand command,
      Instant start,
      Long pendingXid,
      long rows,
      List<CopyResult.FileLoad> files,
      long errorCount,
      String error)
      throws SQLException {
    String format =
        switch (command.format()) {
          case PARQUET -> "parquet";
          case CSV -> "csv";
          case JSON -> "json";
          case TEXT -> "txt";
        };
    history.load(
        run(context, start),
        pendingXid,
        command.table(),
        command.source(),
        format,
        rows,
        files.stream()
            .map(
                f ->
                    new BulkHistory.LoadedFile(
                        f.url(), f.contentLength(), f.linesScanned(), f.errors()))
            .toList(),
        errorCount,
        error);
  }

  private static BulkHistory.Run run(Context context, Instant start) throws SQLException {
    return new BulkHistory.Run(
        context.connection().getCatalog(),
        context.queryId(),
        context.role(),
        context.pid(),
        context.transactionId(),
        context.database(),
        start,
        Instant.now());
  }

  /**
   * The xid of the transaction still open around a successful COPY (a batch, or BEGIN in a
   * session), or null when the COPY was committed on its own: the views resolve the load's final
   * status from it.
   */
  private static Long pendingXid(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                c.getAutoCommit()
                    ? "SELECT txid_current_if_assigned()"
                    : "SELECT txid_current()")) {
      rs.next();
      long xid = rs.getLong(1);
      return rs.wasNull() ? null : xid;
    }
  }

  private static int userId(Context context) throws SQLException {
    try (PreparedStatement ps =
        context.connection().prepareStatement("SELECT oid::int FROM pg_roles WHERE rolname = ?")) {
      ps.setString(1, context.role());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getInt(1) : 0;
      }
    }
  }

  @Override
  public void close() {
    history.close();
  }
}
