package dev.redshiftdata.local.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The benchmark data set: N deterministic rows of 10 mixed columns (ints, bigints, decimals,
 * doubles, strings of varied length, dates, timestamps, booleans, nulls), generated inside
 * PostgreSQL so loading it costs little.
 */
public final class BenchData {
  private BenchData() {}

  public static final String COLUMNS =
      "id int4, qty int2, big int8, price numeric(12,2), score float8, name varchar(64), note varchar(256),"
          + " day date, ts timestamp, flag bool";

  /**
   * Creates (or replaces) {@code table} with {@code rows} rows; values depend only on the row
   * number.
   */
  public static void create(Connection c, String table, long rows) throws SQLException {
    try (Statement st = c.createStatement()) {
      st.execute("DROP TABLE IF EXISTS " + table);
      st.execute("CREATE TABLE " + table + " (" + COLUMNS + ")");
      st.execute(
          "INSERT INTO "
              + table
              + " SELECT g, (g % 32000)::int2, g::int8 * 1000003, (g % 100000) / 100.0,"
              + " g * 0.5, 'name-' || g, CASE WHEN g % 7 = 0 THEN NULL ELSE repeat('n', (g % 50)::int) || g END,"
              + " date '2000-01-01' + (g % 9000)::int, timestamp '2020-01-01' + g * interval '1 second',"
              + " g % 2 = 0 FROM generate_series(1, "
              + rows
              + ") g");
      st.execute("ANALYZE " + table);
    }
  }
}
