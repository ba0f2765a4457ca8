package dev.redshiftdata.local.bulk;

import dev.redshiftdata.local.dataapi.BulkCommandHandler;
import dev.redshiftdata.local.dialect.RedshiftSqlTranslator;
import dev.redshiftdata.local.dialect.StatementKind;
import dev.redshiftdata.local.postgres.PostgresServer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The local Redshift's UNLOAD and COPY, as the Data API server runs them. */
public final class BulkCommands implements BulkCommandHandler {

  private final PostgresServer postgres;
  private final UnloadExecutor unload;
  private final CopyExecutor copy;

  public BulkCommands(PostgresServer postgres, S3Objects s3, UnloadSettings unloadSettings) {
    this.postgres = postgres;
    this.unload = new UnloadExecutor(s3, unloadSettings);
    this.copy = new CopyExecutor(s3);
  }

  @Override
  public Outcome run(Context context) throws SQLException {
    if (context.kind() == StatementKind.UNLOAD) {
      UnloadCommand command = UnloadParser.parse(context.redshiftSql());
      String select = RedshiftSqlTranslator.toPostgres(command.selectSql(), context.caseSensitiveIdentifiers());
      // ResultRows of an UNLOAD: the rows unloaded (unconfirmed for the real service; see the deviation table).
      return new Outcome(unload.execute(context.connection(), command, select).rows());
    }
    if (context.kind() == StatementKind.COPY) {
      CopyCommand command = CopyParser.parse(context.redshiftSql());
      String pgDatabase = context.connection().getCatalog();
      LoadContext load =
          new LoadContext(
              context.role(),
              userId(context),
              context.database(),
              (int) context.queryId(),
              context.pid(),
              context.caseSensitiveIdentifiers(),
              LoadErrorTable.sink(postgres, pgDatabase));
      return new Outcome(copy.execute(context.connection(), command, load).rowsLoaded());
    }
    throw new SQLException("not a bulk command: " + context.kind());
  }

  private static int userId(Context context) throws SQLException {
    try (PreparedStatement ps = context.connection().prepareStatement("SELECT oid::int FROM pg_roles WHERE rolname = ?")) {
      ps.setString(1, context.role());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getInt(1) : 0;
      }
    }
  }
}
