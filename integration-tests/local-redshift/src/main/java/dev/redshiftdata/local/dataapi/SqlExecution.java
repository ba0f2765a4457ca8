package dev.redshiftdata.local.dataapi;

import dev.redshiftdata.local.bulk.RedshiftSqlError;
import dev.redshiftdata.local.dialect.RedshiftSqlTranslator;
import dev.redshiftdata.local.dialect.StatementKind;
import dev.redshiftdata.local.dialect.StatementSplitter;
import dev.redshiftdata.local.ml.ModelCommands;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Runs one Redshift statement on a PostgreSQL connection the way Redshift would: dialect
 * translation, implicit commit before TRUNCATE, the session's enable_case_sensitive_identifier,
 * UNLOAD/COPY through the bulk hook, and the result captured in wire form under the row and result
 * size limits.
 */
final class SqlExecution {

  /** What one statement produced. */
  record Outcome(long rows, long size, boolean hasResultSet, StoredResult result) {}

  /** The session state a statement reads and may change. */
  static final class SessionState {
    boolean caseSensitive;

    SessionState(boolean caseSensitive) {
      this.caseSensitive = caseSensitive;
    }
  }

  /**
   * A failure whose Redshift Error text is already final (a limit hit while reading the result, a
   * bulk command's RedshiftSqlError, an unknown database): fails the statement with exactly this
   * text.
   */
  static final class FinalError extends SQLException {
    FinalError(String redshiftError) {
      super(redshiftError, "XX000");
    }
  }

  private static final Pattern QUERY =
      Pattern.compile(
          "(?is)^(?:\\s|--[^\\n]*(?:\\n|$)|/\\*.*?\\*/|\\()*(?:select|with|values)\\b.*");

  private final ServerSettings settings;
  private final Supplier<BulkCommandHandler> bulk;
  private final ModelCommands models;

  SqlExecution(ServerSettings settings, Supplier<BulkCommandHandler> bulk) {
    this.settings = settings;
    this.bulk = bulk;
    this.models = new ModelCommands(settings::modelTrainingDelay);
  }

  /** A plain query, safe to run inside a transaction so its rows can be streamed. */
  static boolean isQuery(String sql) {
    return QUERY.matcher(sql).matches();
  }

  /**
   * @param owner the record whose {@code running} statement CancelStatement should cancel (a
   *     batch's parent)
   * @param current the statement itself (a sub-statement in a batch), for its query id and pid
   */
  Outcome run(
      Connection c,
      String role,
      String sql,
      List<String> values,
      String resultFormat,
      SessionState state,
      StatementRecord owner,
      StatementRecord current)
      throws SQLException {
    if (StatementSplitter.hasMultipleStatements(sql)) {
      // The Data API runs one statement per SQL text through a prepared statement (extended
      // protocol).
      throw new SQLException("cannot insert multiple commands into a prepared statement", "42601");
    }
    String pgSql;
    StatementKind kind;
    if (ModelCommands.kind(sql) != null) {
      // Redshift ML: run by the local Redshift itself; SHOW MODEL answers with a query of its own.
      pgSql = models.run(c, role, sql, state.caseSensitive);
      if (pgSql == null) {
        return new Outcome(0, 0, false, null);
      }
      kind = StatementKind.OTHER;
    } else {
      kind = RedshiftSqlTranslator.classify(sql);
      pgSql = null;
    }
    switch (kind) {
      case UNLOAD, COPY -> {
        long rows = runBulk(c, kind, sql, role, state, owner, current);
        // pg_last_query_id() after an UNLOAD is its query id (clients look it up in
        // stl_unload_log).
        recordLastQueryId(c, current.queryId());
        return new Outcome(rows, 0, false, null);
      }
      case SET_CASE_SENSITIVE_IDENTIFIER -> {
        // Tracked here for the translator of later statements; the translated SET also runs in
        // PostgreSQL
        // (on a custom setting) so SHOW answers the same. A non-boolean value fails there, as in
        // Redshift.
        Boolean value =
            RedshiftSqlTranslator.caseSensitiveIdentifierValue(
                sql, settings.caseSensitiveIdentifiers());
        if (value != null) {
          state.caseSensitive = value;
        }
      }
      case TRUNCATE -> {
        if (!c.getAutoCommit()) {
          c.commit(); // Redshift's TRUNCATE commits the open transaction.
        }
      }
      default -> {}
    }
    if (pgSql == null) {
      pgSql = RedshiftSqlTranslator.toPostgres(sql, state.caseSensitive);
    }
    Statement st;
    if (values.isEmpty()) {
      st = c.createStatement();
    } else {
      PreparedStatement ps = c.prepareStatement(pgSql);
      for (int i = 0; i < values.size(); i++) {
        ps.setString(i + 1, values.get(i));
      }
      st = ps;
    }
    if (!c.getAutoCommit()) {
      // Inside a transaction pgjdbc can stream through a cursor instead of holding the whole result
      // twice.
      st.setFetchSize(1000);
    }
    owner.running(st);
    try (st) {
      if (owner.cancelRequested()) {
        throw new SQLException("canceling statement due to user request", "57014");
      }
      boolean hasResultSet =
          values.isEmpty() ? st.execute(pgSql) : ((PreparedStatement) st).execute();
      Outcome outcome;
      if (!hasResultSet) {
        int count = st.getUpdateCount();
        if (kind == StatementKind.TRUNCATE && !c.getAutoCommit()) {
          c.commit(); // ... and the TRUNCATE itself is committed with it: a later failure cannot
          // undo it.
        }
        outcome = new Outcome(Math.max(count, 0), 0, false, null);
      } else {
        try (ResultSet rs = st.getResultSet()) {
          outcome = capture(c, rs, resultFormat, state.caseSensitive);
        }
      }
      recordLastQueryId(c, current.queryId());
      return outcome;
    } finally {
      owner.running(null);
    }
  }

  /** The custom setting the dialect's {@code pg_last_query_id()} reads. */
  static final String LAST_QUERY_ID_SETTING = "localredshift.last_query_id";

  /**
   * The custom setting behind Redshift's {@code describe_field_name_in_uppercase} (set through the
   * dialect).
   */
  static final String UPPERCASE_NAMES_SETTING = "localredshift.describe_field_name_in_uppercase";

  /**
   * After a statement completes, its RedshiftQueryId becomes what {@code pg_last_query_id()}
   * answers on this connection (the rest of a batch, or later statements of a session), as in
   * Redshift.
   */
  private static void recordLastQueryId(Connection c, long queryId) throws SQLException {
    if (queryId <= 0) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement("SELECT set_config(?, ?, false)")) {
      ps.setString(1, LAST_QUERY_ID_SETTING);
      ps.setString(2, Long.toString(queryId));
      ps.execute();
    }
  }

  /**
   * Whether the connection's describe_field_name_in_uppercase is on (Redshift's boolean spellings).
   */
  private static boolean upperCaseNames(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT current_setting(?, true)")) {
      ps.setString(1, UPPERCASE_NAMES_SETTING);
      try (ResultSet rs = ps.executeQuery()) {
        String v = rs.next() ? rs.getString(1) : null;
        if (v == null) {
          return false;
        }
        v = v.strip().toLowerCase(java.util.Locale.ROOT);
        if (v.length() > 1 && v.startsWith("'") && v.endsWith("'")) {
          v = v.substring(1, v.length() - 1);
        }
        return v.equals("on") || v.equals("true") || v.equals("1") || v.equals("yes");
      }
    }
  }

  private long runBulk(
      Connection c,
      StatementKind kind,
      String sql,
      String role,
      SessionState state,
      StatementRecord owner,
      StatementRecord current)
      throws SQLException {
    if (owner.cancelRequested()) {
      throw new SQLException("canceling statement due to user request", "57014");
    }
    BulkCommandHandler.Context context =
        new BulkCommandHandler.Context(
            sql,
            kind,
            c,
            role,
            current.target.database(),
            current.queryId(),
            current.pid(),
            current.transactionId(),
            state.caseSensitive);
    try {
      return bulk.get().run(context).resultRows();
    } catch (RedshiftSqlError e) {
      throw new FinalError(
          "ERROR: " + e.getMessage() + (e.position() > 0 ? "\n Position: " + e.position() : ""));
    }
  }

  private Outcome capture(Connection c, ResultSet rs, String format, boolean caseSensitive)
      throws SQLException {
    StoredResult result =
        new StoredResult(
            ColumnMetadataReader.read(c, rs.getMetaData(), caseSensitive, upperCaseNames(c)));
    RowEncoder encoder =
        new RowEncoder(ColumnMetadataReader.baseTypes(rs.getMetaData()), "CSV".equals(format));
    int maxRow = settings.maxRowBytes();
    long maxResult = settings.maxResultBytes();
    while (rs.next()) {
      byte[] row = encoder.encode(rs).getBytes(StandardCharsets.UTF_8);
      if (row.length > maxRow) {
        throw new FinalError(
            "ERROR: Packet for query is too large: row "
                + (result.rows() + 1)
                + " is "
                + row.length
                + " bytes, the limit per row is "
                + maxRow
                + " bytes.");
      }
      if (result.bytes() + row.length > maxResult) {
        throw new FinalError(
            "ERROR: Database response exceeded size limit: the result exceeds "
                + maxResult
                + " bytes. Use UNLOAD for large results.");
      }
      result.add(row);
    }
    result.trim();
    return new Outcome(result.rows(), result.bytes(), true, result);
  }
}
