package dev.redshiftdata.local.dataapi;

import dev.redshiftdata.local.dialect.StatementKind;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs the statements PostgreSQL cannot: Redshift's UNLOAD ... TO 's3://...' and COPY ... FROM
 * 's3://...'. The local Redshift installs one with {@link
 * DataApiServer#bulkCommands(BulkCommandHandler)}; without one, such statements fail with a
 * Redshift-like error.
 *
 * <p>A {@link java.sql.SQLException} or a {@code bulk.RedshiftSqlError} fails the statement: the
 * former with its PostgreSQL message, the latter with {@code ERROR: <message>} (and its position),
 * as DescribeStatement shows Redshift's errors.
 */
public interface BulkCommandHandler {

  /**
   * One UNLOAD or COPY to run.
   *
   * @param redshiftSql the statement as the client sent it (credentials included; never log it
   *     unredacted)
   * @param kind {@link StatementKind#UNLOAD} or {@link StatementKind#COPY}
   * @param connection the statement's connection, inside its transaction when it is part of a batch
   *     or an explicit transaction (auto-commit otherwise)
   * @param role the PostgreSQL role (= Redshift user) running it
   * @param database the Redshift database name (not the PostgreSQL one)
   * @param queryId the statement's RedshiftQueryId (STL_QUERY.query)
   * @param pid the PostgreSQL backend pid (RedshiftPid, the session id of system tables)
   * @param transactionId the statement's transaction id as SYS_QUERY_HISTORY shows it
   * @param caseSensitiveIdentifiers the session's enable_case_sensitive_identifier, for translating
   *     the inner SELECT of UNLOAD or the COPY target
   */
  record Context(
      String redshiftSql,
      StatementKind kind,
      Connection connection,
      String role,
      String database,
      long queryId,
      int pid,
      long transactionId,
      boolean caseSensitiveIdentifiers) {}

  /** What a bulk command reports back to DescribeStatement (ResultRows). */
  record Outcome(long resultRows) {}

  Outcome run(Context context) throws SQLException;

  /** The default: no bulk path yet. */
  BulkCommandHandler UNSUPPORTED =
      context -> {
        throw new SQLException(
            "UNLOAD and COPY with S3 are not supported by this local Redshift yet", "0A000");
      };
}
