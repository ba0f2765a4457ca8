package dev.redshiftdata.local.bench;

import dev.redshiftdata.local.LocalRedshift;
import dev.redshiftdata.local.history.HistoryBootstrap;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The local Redshift's server time, read from its statement records (the table behind
 * SYS_QUERY_HISTORY, one row per statement or batch sub-statement, with start and end): how long at
 * least one statement was running inside a window.
 */
final class ServerClock implements AutoCloseable {
  private final Connection history;

  ServerClock(LocalRedshift redshift) throws SQLException {
    String pgDb = redshift.config().defaultCluster().postgresDatabase("dev");
    this.history = redshift.postgres().connect(pgDb, "awsuser");
  }

  /** Seconds during which the local Redshift ran at least one statement in [from, to]. */
  double busySeconds(Instant from, Instant to) throws SQLException {
    List<Intervals.Span> spans = new ArrayList<>();
    try (PreparedStatement ps =
        history.prepareStatement(
            "SELECT start_time, coalesce(end_time, start_time) FROM "
                + HistoryBootstrap.QUERY_HISTORY_TABLE
                + " WHERE coalesce(end_time, start_time) >= ? AND start_time <= ?")) {
      ps.setObject(1, utc(from));
      ps.setObject(2, utc(to));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          spans.add(
              new Intervals.Span(
                  nanos(rs.getObject(1, LocalDateTime.class)),
                  nanos(rs.getObject(2, LocalDateTime.class))));
        }
      }
    }
    return Intervals.coveredNanos(spans, nanos(utc(from)), nanos(utc(to))) / 1e9;
  }

  /** The largest result (bytes as the Data API counts them) of a statement that started since. */
  long largestResultBytesSince(Instant from) throws SQLException {
    try (PreparedStatement ps =
        history.prepareStatement(
            "SELECT coalesce(max(returned_bytes), 0) FROM "
                + HistoryBootstrap.QUERY_HISTORY_TABLE
                + " WHERE start_time >= ?")) {
      ps.setObject(1, utc(from));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** End of the newest statement whose text starts with {@code prefix}. */
  Instant lastEnd(String prefix) throws SQLException {
    try (PreparedStatement ps =
        history.prepareStatement(
            "SELECT max(end_time) FROM "
                + HistoryBootstrap.QUERY_HISTORY_TABLE
                + " WHERE query_text LIKE ?")) {
      ps.setString(1, prefix + "%");
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getObject(1, LocalDateTime.class).toInstant(ZoneOffset.UTC);
      }
    }
  }

  private static LocalDateTime utc(Instant i) {
    return LocalDateTime.ofInstant(i, ZoneOffset.UTC);
  }

  private static long nanos(LocalDateTime t) {
    Instant i = t.toInstant(ZoneOffset.UTC);
    return i.getEpochSecond() * 1_000_000_000L + i.getNano();
  }

  @Override
  public void close() throws SQLException {
    history.close();
  }
}
