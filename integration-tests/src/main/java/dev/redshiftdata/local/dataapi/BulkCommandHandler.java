package dev.redshiftdata.local.dataapi;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs the statements PostgreSQL cannot: Redshift's UNLOAD ... TO 's3://...' and COPY ... FROM 's3://...'.
 * The local Redshift installs one with {@link DataApiServer#bulkCommands(BulkCommandHandler)}; without one,
 * such statements fail with a Redshift-like error.
 */
public interface BulkCommandHandler {

  /** What a bulk command reports back to DescribeStatement. */
  record Outcome(long resultRows) {}

  /**
   * Runs one UNLOAD or COPY (as the client sent it, credentials included) on the statement's connection,
   * inside its transaction. A SQLException fails the statement with its message.
   */
  Outcome run(String redshiftSql, Connection connection, String role) throws SQLException;

  /** The default: no bulk path yet. */
  BulkCommandHandler UNSUPPORTED = (sql, connection, role) -> {
    throw new SQLException("UNLOAD and COPY with S3 are not supported by this local Redshift yet", "0A000");
  };
}
