package dev.redshiftdata.local.aml;

import java.time.Duration;

/**
 * Knobs of the local Amazon ML, changeable while it runs; {@link #reset()} restores the defaults.
 * The limits default to Amazon ML's (100 KB observations, 10,000 rejections) and can be lowered so
 * tests reach them with little data.
 */
public final class AmazonMlSettings {
  public static final Duration DEFAULT_PENDING_TIME = Duration.ofMillis(200);
  public static final long DEFAULT_MAX_OBSERVATION_BYTES = 100 * 1024;
  public static final long DEFAULT_MAX_REJECTED_OBSERVATIONS = 10_000;

  private volatile Duration pendingTime = DEFAULT_PENDING_TIME;
  private volatile long maxObservationBytes = DEFAULT_MAX_OBSERVATION_BYTES;
  private volatile long maxRejectedObservations = DEFAULT_MAX_REJECTED_OBSERVATIONS;

  /** How long a new datasource stays PENDING before processing starts. */
  public Duration pendingTime() {
    return pendingTime;
  }

  public AmazonMlSettings pendingTime(Duration d) {
    this.pendingTime = d;
    return this;
  }

  /** Observations larger than this (bytes, without the line end) are rejected. */
  public long maxObservationBytes() {
    return maxObservationBytes;
  }

  public AmazonMlSettings maxObservationBytes(long bytes) {
    this.maxObservationBytes = bytes;
    return this;
  }

  /** More rejected observations than this fail the datasource. */
  public long maxRejectedObservations() {
    return maxRejectedObservations;
  }

  public AmazonMlSettings maxRejectedObservations(long n) {
    this.maxRejectedObservations = n;
    return this;
  }

  public void reset() {
    pendingTime = DEFAULT_PENDING_TIME;
    maxObservationBytes = DEFAULT_MAX_OBSERVATION_BYTES;
    maxRejectedObservations = DEFAULT_MAX_REJECTED_OBSERVATIONS;
  }
}
