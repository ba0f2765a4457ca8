package dev.redshiftdata.spark.dataapi;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * Waits between DescribeStatement polls: the first is short (most statements of an interactive read
 * finish in milliseconds), each next one doubles, up to a cap; and no wait runs past the
 * statement's deadline. Pure: no clock, no sleeping.
 */
public final class PollSchedule implements Serializable {
  private static final long serialVersionUID = 1L;

  private final long initialNanos;
  private final long maxNanos;

  public PollSchedule(Duration initial, Duration max) {
    Objects.requireNonNull(initial, "initial is null");
    Objects.requireNonNull(max, "max is null");
    if (initial.isNegative() || initial.isZero()) {
      throw new IllegalArgumentException("initial must be positive");
    }
    if (max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("max must be at least initial");
    }
    this.initialNanos = initial.toNanos();
    this.maxNanos = max.toNanos();
  }

  /**
   * The wait before poll number {@code poll} (0 is the wait after submitting): initial * 2^poll,
   * capped.
   */
  public Duration delay(int poll) {
    if (poll < 0) {
      throw new IllegalArgumentException("poll must not be negative");
    }
    long nanos = initialNanos;
    for (int i = 0; i < poll && nanos < maxNanos; i++) {
      nanos = nanos > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : nanos * 2;
    }
    return Duration.ofNanos(Math.min(nanos, maxNanos));
  }

  /**
   * Like {@link #delay(int)} but never past {@code remaining} (the time left before the deadline,
   * at least 0).
   */
  public Duration delay(int poll, Duration remaining) {
    Duration d = delay(poll);
    if (remaining.isNegative()) {
      return Duration.ZERO;
    }
    return d.compareTo(remaining) > 0 ? remaining : d;
  }

  public Duration initial() {
    return Duration.ofNanos(initialNanos);
  }

  public Duration max() {
    return Duration.ofNanos(maxNanos);
  }

  @Override
  public String toString() {
    return "PollSchedule{initial=" + initial() + ", max=" + max() + "}";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PollSchedule p && initialNanos == p.initialNanos && maxNanos == p.maxNanos;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(initialNanos) * 31 + Long.hashCode(maxNanos);
  }
}
