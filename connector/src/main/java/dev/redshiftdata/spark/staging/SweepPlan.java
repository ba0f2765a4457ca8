package dev.redshiftdata.spark.staging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The pure part of the sweep: which names under {@code tempdir} are stale staging prefixes, and
 * whether a {@code tempdir} is due for a sweep. No I/O, so the rules are unit-tested.
 */
final class SweepPlan {

  /** A {@code tempdir} is swept at most once per this interval per JVM. */
  static final Duration INTERVAL = Duration.ofHours(1);

  private final Map<String, Instant> lastSweep = new HashMap<>();

  /**
   * The names (one path segment, as listed) that are our staging prefixes created strictly before
   * {@code now - maxAge} and not in {@code live}. Foreign names and prefixes dated in the future
   * (clock skew) are never returned. Empty when {@code maxAge} is zero.
   */
  static List<String> expired(
      Collection<String> names, Duration maxAge, Instant now, Set<String> live) {
    Objects.requireNonNull(maxAge, "maxAge is null");
    Objects.requireNonNull(now, "now is null");
    List<String> out = new ArrayList<>();
    if (maxAge.isZero() || maxAge.isNegative()) {
      return out;
    }
    Instant cutoff = now.minus(maxAge);
    for (String name : names) {
      Optional<Instant> created = StagingPrefix.createdAt(name);
      if (created.isPresent() && created.get().isBefore(cutoff) && !live.contains(strip(name))) {
        out.add(name);
      }
    }
    return out;
  }

  /**
   * Records a sweep of {@code tempdir} at {@code now} and returns true when none was recorded in
   * the last {@link #INTERVAL}; returns false (and records nothing) otherwise.
   */
  synchronized boolean tryStart(String tempdir, Instant now) {
    String key = StagingPrefix.withSlash(tempdir);
    Instant last = lastSweep.get(key);
    if (last != null && now.isBefore(last.plus(INTERVAL))) {
      return false;
    }
    lastSweep.put(key, now);
    return true;
  }

  private static String strip(String name) {
    return name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
  }
}
