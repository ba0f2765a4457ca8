package dev.redshiftdata.spark.sql;

import dev.redshiftdata.spark.dataapi.StatementRequest;

/**
 * The Data API's limit on statement text, for planning statements that fit: the Data API wrapper
 * refuses one over the limit before sending it.
 */
public final class SqlLimits {

  /**
   * The Data API refuses SQL over 100 KB; counted in UTF-8 bytes, the stricter reading (the same
   * limit {@code DataApi} checks).
   */
  public static final int MAX_SQL_BYTES = StatementRequest.MAX_SQL_BYTES;

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
    return bytes(sql) <= MAX_SQL_BYTES;
  }

  /** The text's length in UTF-8 bytes. */
  public static long bytes(CharSequence sql) {
    return StatementRequest.utf8Length(sql);
  }

  /**
   * The bytes {@code sql} takes inside UNLOAD's quoted select ({@link Literals#string}): its UTF-8
   * bytes plus one for each {@code '} and {@code \}, which are doubled. Never less than {@link
   * #bytes}, so a budget counted this way also holds without UNLOAD.
   */
  public static long quotedBytes(CharSequence sql) {
    long doubled = 0;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '\\') {
        doubled++;
      }
    }
    return bytes(sql) + doubled;
  }
}
