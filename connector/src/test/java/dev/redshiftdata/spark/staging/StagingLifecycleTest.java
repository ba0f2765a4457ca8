package dev.redshiftdata.spark.staging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lifecycle without Spark, on the local file system. */
class StagingLifecycleTest {

  @TempDir Path dir;

  private final Configuration conf = new Configuration(false);

  private String stage(Instant created) throws IOException {
    StagingPrefix p = StagingPrefix.create(dir.toUri().toString(), created);
    Path local = dir.resolve(p.name());
    Files.createDirectories(local);
    Files.writeString(local.resolve("part-0"), "x");
    return p.url();
  }

  private boolean exists(String url) {
    String name = url.substring(0, url.length() - 1);
    return Files.exists(dir.resolve(name.substring(name.lastIndexOf('/') + 1)));
  }

  @Test
  void deletesWhenTheOwnerIsUnreachable() throws Exception {
    StagingLifecycle lifecycle = new StagingLifecycle();
    String kept = stage(Instant.now());
    String dropped = stage(Instant.now());
    Object owner = new Object();
    lifecycle.trackUnbound(owner, kept, conf, "app");
    lifecycle.trackUnbound(new Object(), dropped, conf, "app");
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (exists(dropped) && System.nanoTime() < deadline) {
      System.gc();
      Thread.sleep(100);
    }
    assertFalse(exists(dropped));
    assertTrue(exists(kept));
    assertTrue(lifecycle.isTracked(kept));
    assertFalse(lifecycle.isTracked(dropped));
    java.lang.ref.Reference.reachabilityFence(owner);
  }

  @Test
  void deletesWhatTheStoppedApplicationTracked() throws Exception {
    StagingLifecycle lifecycle = new StagingLifecycle();
    Object owner = new Object();
    String mine = stage(Instant.now());
    String other = stage(Instant.now());
    lifecycle.trackUnbound(owner, mine, conf, "app-1");
    lifecycle.trackUnbound(owner, other, conf, "app-2");
    lifecycle.applicationEnded("app-1");
    assertFalse(exists(mine));
    assertTrue(exists(other));
    lifecycle.shutdown("test shutdown");
    assertFalse(exists(other));
    assertEquals(0, lifecycle.trackedUrls().size());
    java.lang.ref.Reference.reachabilityFence(owner);
  }

  @Test
  void releaseDeletesNowAndStopsTrackingAndDeletesAnUntrackedPrefixToo() throws Exception {
    StagingLifecycle lifecycle = new StagingLifecycle();
    Object owner = new Object();
    String tracked = stage(Instant.now());
    String untracked = stage(Instant.now());
    String other = stage(Instant.now());
    lifecycle.trackUnbound(owner, tracked, conf, "app");
    lifecycle.trackUnbound(owner, other, conf, "app");
    lifecycle.release(tracked, conf, "commit ended");
    lifecycle.release(untracked, conf, "commit ended");
    assertFalse(exists(tracked));
    assertFalse(exists(untracked));
    assertFalse(lifecycle.isTracked(tracked));
    assertTrue(exists(other));
    assertEquals(java.util.List.of(other), lifecycle.trackedUrls());
    java.lang.ref.Reference.reachabilityFence(owner);
  }

  @Test
  void sweepSparesTrackedPrefixes() throws Exception {
    StagingLifecycle lifecycle = new StagingLifecycle();
    Object owner = new Object();
    Instant now = Instant.now();
    String tracked = stage(now.minus(Duration.ofDays(2)));
    String stale = stage(now.minus(Duration.ofDays(2)));
    String young = stage(now.minus(Duration.ofHours(1)));
    Files.createDirectories(dir.resolve("redshift-data-foo"));
    lifecycle.trackUnbound(owner, tracked, conf, "app");
    String tempdir = dir.toUri().toString();
    assertEquals(1, lifecycle.sweepOnce(tempdir, conf, Duration.ofHours(24), now));
    assertTrue(exists(tracked));
    assertFalse(exists(stale));
    assertTrue(exists(young));
    assertTrue(Files.exists(dir.resolve("redshift-data-foo")));
    // once per hour per tempdir
    String stale2 = stage(now.minus(Duration.ofDays(2)));
    assertEquals(0, lifecycle.sweepOnce(tempdir, conf, Duration.ofHours(24), now));
    assertTrue(exists(stale2));
    java.lang.ref.Reference.reachabilityFence(owner);
  }
}
