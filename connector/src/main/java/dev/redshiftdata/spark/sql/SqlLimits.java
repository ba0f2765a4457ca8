package dev.redshiftdata.spark.sql;

import java.nio.charset.StandardCharsets;

/** The Data API's limit on statement text, checked before a statement is sent. */
public final class SqlLimits {

  /**
   * The Data API refuses SQL over 100 KB (the service model says 1 to 100,000 characters); counted
   * here in UTF-8 bytes, the stricter reading.
   */
  public static final int MAX_SQL_BYTES = 100_000;

  private SqlLimits() {}

  /** Whether the statement text is within {@link #MAX_SQL_BYTES}. */
  public static boolean fitsDataApi(String sql) {
    // cheap exits: a char is 1 to 3 UTF-8 bytes (a surrogate pair is 4 bytes for 2 chars)
    if (sql.length() > MAX_SQL_BYTES) {
      return false;
    }
    if (sql.length() * 3L <= MAX_SQL_BYTES) {
      return true;
    }
    return sql.getBytes(StandardCharsets.UTF_8).length <= MAX_SQL_BYTES;
  }
}
