package dev.redshiftdata.spark.staging;

import dev.redshiftdata.spark.compat.SqlExecutions;
import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.util.ShutdownHookManager;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerApplicationEnd;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides when staging prefixes are deleted. One per JVM ({@link #get()}), thread-safe; every
 * {@link StagingArea} is tracked on the driver as it is created (a read's before its UNLOAD, a
 * write's before its tasks stage files), and a write releases its own once its commit ends.
 *
 * <p>A tracked prefix is deleted:
 *
 * <ul>
 *   <li>as soon as the SQL execution that planned it fails or is cancelled;
 *   <li>as soon as it succeeds, when its action built a plan that can never run again ({@code
 *       count}, {@code show}/{@code head}, {@code isEmpty}, writes; see {@link ActionKinds}) and no
 *       data is cached in the session (a cached plan may re-read its files to rebuild lost blocks);
 *   <li>otherwise when the owner (the Scan the plan holds) becomes unreachable, so that a second
 *       {@code collect()} on the same Dataset, which reuses the planned partitions, still finds its
 *       files;
 *   <li>in any case when the SparkContext stops and when the JVM shuts down.
 * </ul>
 *
 * <p>With {@code keep} nothing is deleted; the prefix is logged at INFO instead. Listeners never
 * throw; failed deletes are logged at WARN and left to {@link StagingSweeper}.
 */
public final class StagingLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(StagingLifecycle.class);

  /** Runs before Hadoop closes its cached FileSystems (priority 10) at JVM shutdown. */
  private static final int SHUTDOWN_PRIORITY = FileSystem.SHUTDOWN_HOOK_PRIORITY + 1;

  private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(20);

  private static final Cleaner CLEANER = Cleaner.create();

  private static StagingLifecycle instance;

  private final Set<Tracked> live = ConcurrentHashMap.newKeySet();
  private final Set<SparkContext> contexts = Collections.newSetFromMap(new WeakHashMap<>());
  private final Set<SparkSession> sessions = Collections.newSetFromMap(new WeakHashMap<>());
  private final SweepPlan sweepPlan;
  private final ExecutorService deletes;

  /** A lifecycle with its own sweep schedule, for tests. */
  StagingLifecycle() {
    this(new SweepPlan());
  }

  private StagingLifecycle(SweepPlan sweepPlan) {
    this.sweepPlan = sweepPlan;
    ThreadPoolExecutor pool =
        new ThreadPoolExecutor(
            1,
            1,
            0,
            TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "redshift-data-staging-delete");
              t.setDaemon(true);
              return t;
            });
    this.deletes = pool;
  }

  /** The JVM's lifecycle; the first call installs the JVM shutdown hook. */
  public static synchronized StagingLifecycle get() {
    if (instance == null) {
      StagingLifecycle lifecycle = new StagingLifecycle(StagingSweeper.SHARED);
      ShutdownHookManager.get()
          .addShutdownHook(() -> lifecycle.shutdown("JVM shutdown"), SHUTDOWN_PRIORITY);
      instance = lifecycle;
    }
    return instance;
  }

  /**
   * Tracks a staging prefix just written by UNLOAD. Call on the driver, from {@code
   * planInputPartitions}, so the current SQL execution can be found.
   *
   * @param session the session the read runs in
   * @param owner an object that stays strongly reachable as long as the planned partitions may be
   *     read: the Scan, which every copy of the physical scan node shares (Spark 4.1 calls {@code
   *     toBatch} and {@code planInputPartitions} on several copies per query, so UNLOAD once per
   *     Scan and return the same partitions), ideally also held by every planned InputPartition in
   *     a transient field; held only weakly
   * @param prefixUrl the prefix, as Hadoop reads it ({@code s3a://bucket/tmp/redshift-data-.../})
   * @param conf Hadoop configuration able to delete it; copied, never printed
   * @param keep the {@code keepStaging} option: when true nothing is deleted
   */
  public void track(
      SparkSession session, Object owner, String prefixUrl, Configuration conf, boolean keep) {
    track(session, owner, prefixUrl, conf, keep, true);
  }

  /**
   * Tracks a write's staging prefix, which the write releases itself once its commit or abort ends
   * ({@link #release}): unlike a read's, it is not bound to the SQL execution running now (a
   * catalog's create-table-as-select stages in one execution and commits in another), only deleted
   * if {@code owner} becomes unreachable, the SparkContext stops or the JVM exits first.
   */
  public void trackUntilReleased(
      SparkSession session, Object owner, String prefixUrl, Configuration conf, boolean keep) {
    track(session, owner, prefixUrl, conf, keep, false);
  }

  private void track(
      SparkSession session,
      Object owner,
      String prefixUrl,
      Configuration conf,
      boolean keep,
      boolean bindToExecution) {
    Objects.requireNonNull(session, "session is null");
    Objects.requireNonNull(owner, "owner is null");
    Objects.requireNonNull(prefixUrl, "prefixUrl is null");
    Objects.requireNonNull(conf, "conf is null");
    if (keep) {
      LOG.info("Keeping staging prefix {} (keepStaging is true); nothing deletes it", prefixUrl);
      return;
    }
    SparkContext sc = session.sparkContext();
    watch(sc);
    Object qe = bindToExecution ? SqlExecutions.current(sc) : null;
    if (qe != null) {
      watch(SqlExecutions.session(qe));
    }
    add(owner, prefixUrl, conf, qe, sc.applicationId());
    LOG.debug(
        "Tracking staging prefix {} ({})",
        prefixUrl,
        qe != null
            ? "SQL execution " + SqlExecutions.id(qe)
            : bindToExecution
                ? "no SQL execution; deleted when unreachable"
                : "until its write releases it, or deleted when unreachable");
  }

  /**
   * Deletes {@code prefixUrl} now and stops tracking it; a prefix that was not tracked is deleted
   * all the same. Never throws.
   */
  public void release(String prefixUrl, Configuration conf, String reason) {
    for (Tracked t : live) {
      if (t.url.equals(prefixUrl)) {
        release(t, reason, true);
        return;
      }
    }
    StagingDeleter.delete(prefixUrl, conf, reason);
  }

  /**
   * Sweeps stale prefixes under {@code tempdir} (see {@link StagingSweeper}), sparing the ones this
   * JVM still tracks. Never throws.
   *
   * @return how many prefixes were deleted
   */
  public int sweepOnce(String tempdir, Configuration conf, Duration maxAge) {
    return sweepOnce(tempdir, conf, maxAge, Instant.now());
  }

  int sweepOnce(String tempdir, Configuration conf, Duration maxAge, Instant now) {
    Set<String> names = new HashSet<>();
    for (Tracked t : live) {
      String url = t.url.endsWith("/") ? t.url.substring(0, t.url.length() - 1) : t.url;
      names.add(url.substring(url.lastIndexOf('/') + 1));
    }
    return StagingSweeper.sweep(sweepPlan, tempdir, conf, maxAge, now, names);
  }

  /** Whether {@code prefixUrl} is tracked and not yet released for deletion. */
  boolean isTracked(String prefixUrl) {
    for (Tracked t : live) {
      if (t.url.equals(prefixUrl)) {
        return true;
      }
    }
    return false;
  }

  /** Tracks without Spark: deleted when {@code owner} is unreachable or on {@link #shutdown}. */
  void trackUnbound(Object owner, String prefixUrl, Configuration conf, String applicationId) {
    add(owner, prefixUrl, conf, null, applicationId);
  }

  private void add(
      Object owner, String prefixUrl, Configuration conf, Object qe, String applicationId) {
    Tracked t = new Tracked(prefixUrl, new Configuration(conf), qe, applicationId);
    live.add(t);
    t.cleanable = CLEANER.register(owner, new OwnerGone(this, t));
    Reference.reachabilityFence(owner);
  }

  void executionEnded(Object qe, String funcName, Exception failure) {
    for (Tracked t : live) {
      WeakReference<Object> ref = t.execution;
      if (ref == null || ref.get() != qe) {
        continue;
      }
      if (failure != null) {
        release(t, "action " + funcName + " failed: " + failure.getClass().getSimpleName(), false);
      } else if (ActionKinds.endsPlan(funcName) && SqlExecutions.noCachedData(qe)) {
        release(t, "action " + funcName + " finished and its plan cannot run again", false);
      } else {
        t.execution = null;
        LOG.debug(
            "Staging prefix {} outlives action {}: deleted once its plan is unreachable",
            t.url,
            funcName);
      }
    }
  }

  void applicationEnded(String applicationId) {
    for (Tracked t : live) {
      if (Objects.equals(t.applicationId, applicationId)) {
        release(t, "SparkContext " + applicationId + " stopped", true);
      }
    }
  }

  /** Deletes everything still tracked, after waiting for deletes already queued. */
  void shutdown(String reason) {
    deletes.shutdown();
    try {
      deletes.awaitTermination(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    for (Tracked t : live) {
      release(t, reason, true);
    }
  }

  private void release(Tracked t, String reason, boolean now) {
    if (!t.released.compareAndSet(false, true)) {
      return;
    }
    live.remove(t);
    t.execution = null;
    Cleaner.Cleanable c = t.cleanable;
    if (c != null) {
      c.clean(); // deregisters; OwnerGone then finds the entry released and does nothing
    }
    if (!now) {
      try {
        deletes.execute(() -> StagingDeleter.delete(t.url, t.conf, reason));
        return;
      } catch (RejectedExecutionException e) {
        // shutting down: delete on this thread
      }
    }
    StagingDeleter.delete(t.url, t.conf, reason);
  }

  private synchronized void watch(SparkContext sc) {
    if (contexts.add(sc)) {
      sc.addSparkListener(new ContextListener(this, sc.applicationId()));
    }
  }

  private synchronized void watch(SparkSession session) {
    if (sessions.add(session)) {
      SqlExecutions.listen(session, this::ended);
    }
  }

  /** Test view: prefixes still tracked. */
  List<String> trackedUrls() {
    List<String> out = new ArrayList<>();
    for (Tracked t : live) {
      out.add(t.url);
    }
    return out;
  }

  /** One tracked prefix. Holds the execution only weakly and never the owner. */
  private static final class Tracked {
    final String url;
    final Configuration conf;
    final String applicationId;
    final AtomicBoolean released = new AtomicBoolean();
    volatile WeakReference<Object> execution;
    volatile Cleaner.Cleanable cleanable;

    Tracked(String url, Configuration conf, Object qe, String applicationId) {
      this.url = url;
      this.conf = conf;
      this.applicationId = applicationId;
      this.execution = qe == null ? null : new WeakReference<>(qe);
    }
  }

  /** Cleaner action; must not reference the owner. */
  private static final class OwnerGone implements Runnable {
    private final StagingLifecycle lifecycle;
    private final Tracked tracked;

    OwnerGone(StagingLifecycle lifecycle, Tracked tracked) {
      this.lifecycle = lifecycle;
      this.tracked = tracked;
    }

    @Override
    public void run() {
      try {
        lifecycle.release(tracked, "the plan that read it is unreachable", false);
      } catch (RuntimeException e) {
        LOG.warn("Cannot release staging prefix {}: {}", tracked.url, e.toString());
      }
    }
  }

  private void ended(Object qe, String funcName, Exception failure) {
    try {
      executionEnded(qe, funcName, failure);
    } catch (RuntimeException e) {
      LOG.warn("Cannot handle the end of action {} for staging: {}", funcName, e.toString());
    }
  }

  private static final class ContextListener extends SparkListener {
    private final StagingLifecycle lifecycle;
    private final String applicationId;

    ContextListener(StagingLifecycle lifecycle, String applicationId) {
      this.lifecycle = lifecycle;
      this.applicationId = applicationId;
    }

    @Override
    public void onApplicationEnd(SparkListenerApplicationEnd end) {
      try {
        lifecycle.applicationEnded(applicationId);
      } catch (RuntimeException e) {
        LOG.warn("Cannot delete staging prefixes at application end: {}", e.toString());
      }
    }
  }
}
