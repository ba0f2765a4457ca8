package dev.redshiftdata.local.aml;

import java.time.Instant;

/**
 * One datasource of the local Amazon ML: the request it was created from and its lifecycle, PENDING
 * -> INPROGRESS -> COMPLETED | FAILED (or DELETED at any time). Changed by the processing thread
 * and read by request threads, so every access is synchronized.
 */
final class DataSource {

  enum Status {
    PENDING,
    INPROGRESS,
    COMPLETED,
    FAILED,
    DELETED
  }

  private final DataSourceRequest request;
  private final Instant createdAt;
  private Instant lastUpdatedAt;
  private Instant startedAt;
  private Instant finishedAt;
  private Status status = Status.PENDING;
  private String message;
  private String schema;
  private DataStatistics statistics;

  DataSource(DataSourceRequest request, Instant createdAt) {
    this.request = request;
    this.createdAt = createdAt;
    this.lastUpdatedAt = createdAt;
  }

  DataSourceRequest request() {
    return request;
  }

  Instant createdAt() {
    return createdAt;
  }

  /** PENDING -> INPROGRESS; false when the datasource was deleted meanwhile. */
  synchronized boolean start(Instant now) {
    if (status != Status.PENDING) {
      return false;
    }
    status = Status.INPROGRESS;
    startedAt = now;
    lastUpdatedAt = now;
    return true;
  }

  synchronized void complete(String schema, DataStatistics statistics, Instant now) {
    if (status != Status.INPROGRESS) {
      return;
    }
    this.status = Status.COMPLETED;
    this.schema = schema;
    this.statistics = statistics;
    this.finishedAt = now;
    this.lastUpdatedAt = now;
  }

  synchronized void fail(String message, Instant now) {
    if (status != Status.INPROGRESS && status != Status.PENDING) {
      return;
    }
    this.status = Status.FAILED;
    this.message = message;
    this.finishedAt = now;
    this.lastUpdatedAt = now;
  }

  /** Marks it DELETED; false when it already was. */
  synchronized boolean delete(Instant now) {
    if (status == Status.DELETED) {
      return false;
    }
    status = Status.DELETED;
    lastUpdatedAt = now;
    return true;
  }

  /** A consistent copy of the mutable state. */
  synchronized Snapshot snapshot() {
    return new Snapshot(status, message, schema, statistics, lastUpdatedAt, startedAt, finishedAt);
  }

  record Snapshot(
      Status status,
      String message,
      String schema,
      DataStatistics statistics,
      Instant lastUpdatedAt,
      Instant startedAt,
      Instant finishedAt) {}
}
