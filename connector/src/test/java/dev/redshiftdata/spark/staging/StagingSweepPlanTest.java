package dev.redshiftdata.spark.staging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StagingSweepPlanTest {

  private static final Instant NOW = Instant.parse("2025-06-10T12:00:00Z");
  private static final Duration DAY = Duration.ofHours(24);

  private static String name(Instant created) {
    return StagingPrefix.create("s3a://b/t/", created, UUID.randomUUID()).name();
  }

  @Test
  void expiresOnlyOurNamesOlderThanMaxAge() {
    String old = name(NOW.minus(Duration.ofDays(3)));
    String oldWithSlash = name(NOW.minus(Duration.ofHours(25))) + "/";
    String exactlyMaxAge = name(NOW.minus(DAY));
    String young = name(NOW.minus(Duration.ofHours(1)));
    String future = name(NOW.plus(Duration.ofDays(2)));
    List<String> names =
        List.of(
            old,
            oldWithSlash,
            exactlyMaxAge,
            young,
            future,
            "redshift-data-foo",
            "other",
            "redshift-data-20200101T000000Z-not-a-uuid");
    assertEquals(List.of(old, oldWithSlash), SweepPlan.expired(names, DAY, NOW, Set.of()));
  }

  @Test
  void zeroMaxAgeExpiresNothing() {
    String old = name(NOW.minus(Duration.ofDays(300)));
    assertEquals(List.of(), SweepPlan.expired(List.of(old), Duration.ZERO, NOW, Set.of()));
  }

  @Test
  void sparesLivePrefixes() {
    String old = name(NOW.minus(Duration.ofDays(3)));
    String other = name(NOW.minus(Duration.ofDays(3)));
    assertEquals(
        List.of(other), SweepPlan.expired(List.of(old + "/", other), DAY, NOW, Set.of(old)));
  }

  @Test
  void sweepsATempdirAtMostOncePerHour() {
    SweepPlan plan = new SweepPlan();
    assertTrue(plan.tryStart("s3a://b/t/", NOW));
    assertFalse(plan.tryStart("s3a://b/t", NOW.plus(Duration.ofMinutes(59))));
    assertTrue(plan.tryStart("s3a://b/other/", NOW.plus(Duration.ofMinutes(1))));
    assertTrue(plan.tryStart("s3a://b/t/", NOW.plus(Duration.ofMinutes(60))));
    assertFalse(plan.tryStart("s3a://b/t/", NOW.plus(Duration.ofMinutes(61))));
  }
}
