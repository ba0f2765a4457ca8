package dev.redshiftdata.local.dataapi;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A Data API session: one PostgreSQL connection that outlives single statements (temp tables, SET,
 * open transactions carry over), kept for SessionKeepAliveSeconds after its last statement ended.
 * One statement at a time, as in Redshift.
 */
final class Session {
  private final String id;
  private final Target target;
  private final Connection connection;
  private final AtomicBoolean busy = new AtomicBoolean();
  private volatile Duration keepAlive;
  private volatile Instant idleSince = Instant.now();
  private volatile boolean caseSensitive;

  Session(
      String id, Target target, Connection connection, Duration keepAlive, boolean caseSensitive) {
    this.id = id;
    this.target = target;
    this.connection = connection;
    this.keepAlive = keepAlive;
    this.caseSensitive = caseSensitive;
  }

  String id() {
    return id;
  }

  Target target() {
    return target;
  }

  Connection connection() {
    return connection;
  }

  boolean caseSensitive() {
    return caseSensitive;
  }

  void caseSensitive(boolean on) {
    caseSensitive = on;
  }

  void keepAlive(Duration d) {
    keepAlive = d;
  }

  boolean tryAcquire() {
    return busy.compareAndSet(false, true);
  }

  void release() {
    idleSince = Instant.now();
    busy.set(false);
  }

  boolean expired(Instant now) {
    return !busy.get() && idleSince.plus(keepAlive).isBefore(now);
  }

  void close() {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // The session is gone either way.
    }
  }
}
