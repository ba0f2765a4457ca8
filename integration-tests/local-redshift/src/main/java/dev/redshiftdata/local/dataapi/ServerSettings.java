package dev.redshiftdata.local.dataapi;

import dev.redshiftdata.local.LocalRedshiftConfig;
import java.time.Duration;

/**
 * The limits the running server enforces, seeded from {@link LocalRedshiftConfig} but changeable at
 * runtime: one local Redshift is shared by a whole test JVM, so a test that needs tiny pages or a
 * low limit sets it here and calls {@link #reset()} afterwards.
 */
public final class ServerSettings {
  private final LocalRedshiftConfig config;
  private volatile long resultPageBytes;
  private volatile int resultPageRows;
  private volatile long maxResultBytes;
  private volatile int maxRowBytes;
  private volatile int maxSqlBytes;
  private volatile int maxBatchStatements;
  private volatile int maxActiveStatements;
  private volatile Duration resultRetention;
  private volatile Duration clientTokenRetention;
  private volatile boolean caseSensitiveIdentifiers;

  /**
   * Open Data API sessions at once (the real quota is undocumented; see the README's deviation
   * table).
   */
  private volatile int maxSessions;

  /**
   * Items per ListSchemas/ListTables/DescribeTable/ListDatabases page when the request sets no
   * MaxResults (the service's default page is 1000; tests lower it to see paging).
   */
  private volatile int metadataPageSize;

  /** How long a Redshift ML model reports TRAINING after CREATE MODEL (zero: READY at once). */
  private volatile Duration modelTrainingDelay;

  ServerSettings(LocalRedshiftConfig config) {
    this.config = config;
    reset();
  }

  /** Back to the configured values. */
  public synchronized void reset() {
    resultPageBytes = config.resultPageBytes();
    resultPageRows = config.resultPageRows();
    maxResultBytes = config.maxResultBytes();
    maxRowBytes = config.maxRowBytes();
    maxSqlBytes = config.maxSqlBytes();
    maxBatchStatements = config.maxBatchStatements();
    maxActiveStatements = config.maxActiveStatements();
    resultRetention = config.resultRetention();
    clientTokenRetention = config.clientTokenRetention();
    caseSensitiveIdentifiers = config.caseSensitiveIdentifiers();
    maxSessions = 500;
    metadataPageSize = 1000;
    modelTrainingDelay = Duration.ofMillis(500);
  }

  public ServerSettings resultPageBytes(long v) {
    resultPageBytes = v;
    return this;
  }

  public ServerSettings resultPageRows(int v) {
    resultPageRows = v;
    return this;
  }

  public ServerSettings maxResultBytes(long v) {
    maxResultBytes = v;
    return this;
  }

  public ServerSettings maxRowBytes(int v) {
    maxRowBytes = v;
    return this;
  }

  public ServerSettings maxSqlBytes(int v) {
    maxSqlBytes = v;
    return this;
  }

  public ServerSettings maxBatchStatements(int v) {
    maxBatchStatements = v;
    return this;
  }

  public ServerSettings maxActiveStatements(int v) {
    maxActiveStatements = v;
    return this;
  }

  public ServerSettings resultRetention(Duration v) {
    resultRetention = v;
    return this;
  }

  public ServerSettings clientTokenRetention(Duration v) {
    clientTokenRetention = v;
    return this;
  }

  public ServerSettings caseSensitiveIdentifiers(boolean v) {
    caseSensitiveIdentifiers = v;
    return this;
  }

  public ServerSettings maxSessions(int v) {
    maxSessions = v;
    return this;
  }

  public ServerSettings metadataPageSize(int v) {
    metadataPageSize = v;
    return this;
  }

  public int metadataPageSize() {
    return metadataPageSize;
  }

  public ServerSettings modelTrainingDelay(Duration v) {
    modelTrainingDelay = v;
    return this;
  }

  public long resultPageBytes() {
    return resultPageBytes;
  }

  public int resultPageRows() {
    return resultPageRows;
  }

  public long maxResultBytes() {
    return maxResultBytes;
  }

  public int maxRowBytes() {
    return maxRowBytes;
  }

  public int maxSqlBytes() {
    return maxSqlBytes;
  }

  public int maxBatchStatements() {
    return maxBatchStatements;
  }

  public int maxActiveStatements() {
    return maxActiveStatements;
  }

  public Duration resultRetention() {
    return resultRetention;
  }

  public Duration clientTokenRetention() {
    return clientTokenRetention;
  }

  public boolean caseSensitiveIdentifiers() {
    return caseSensitiveIdentifiers;
  }

  public int maxSessions() {
    return maxSessions;
  }

  public Duration modelTrainingDelay() {
    return modelTrainingDelay;
  }
}
