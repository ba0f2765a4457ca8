package dev.redshiftdata.spark.staging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.local.junit.LocalRedshiftExtension;
import dev.redshiftdata.spark.SharedSpark;
import dev.redshiftdata.spark.compat.SparkLine;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.QueryExecution;
import org.apache.spark.sql.util.QueryExecutionListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Staging prefixes on the local S3 server through s3a: when real Spark executions delete them, and
 * what the sweep removes. A fixture source ({@link StagingFixtureSource}) stages objects the way
 * the UNLOAD path does.
 */
@ExtendWith(LocalRedshiftExtension.class)
class StagingLifecycleIT {

  private static final Duration PROMPT = Duration.ofSeconds(10);

  private static SparkSession spark;
  private static Configuration conf;

  private String tempdir;
  private String tag;

  @BeforeAll
  static void startSpark() {
    spark = SharedSpark.session();
    conf = spark.sparkContext().hadoopConfiguration();
  }

  @BeforeEach
  void uniquePrefix() {
    tag = UUID.randomUUID().toString();
    tempdir =
        LocalRedshiftExtension.shared().connectionInfo().tempdir() + "staging-it-" + tag + "/";
  }

  @AfterEach
  void removePrefix() throws IOException {
    Path root = new Path(tempdir);
    root.getFileSystem(conf).delete(root, true);
  }

  private Dataset<Row> read(Map<String, String> extra) {
    Map<String, String> options = new HashMap<>(extra);
    options.put("tempdir", tempdir);
    options.put("tag", tag);
    return spark.read().format(StagingFixtureSource.class.getName()).options(options).load();
  }

  private Dataset<Row> read() {
    return read(Map.of());
  }

  private long objects() throws IOException {
    return objects(tempdir);
  }

  private static long objects(String url) throws IOException {
    Path root = new Path(url);
    long n = 0;
    try {
      RemoteIterator<?> it = root.getFileSystem(conf).listFiles(root, true);
      while (it.hasNext()) {
        it.next();
        n++;
      }
    } catch (FileNotFoundException e) {
      return 0;
    }
    return n;
  }

  private static void put(String url) throws IOException {
    Path p = new Path(url);
    try (OutputStream out = p.getFileSystem(conf).create(p)) {
      out.write('x');
    }
  }

  private static boolean await(Duration timeout, boolean gc, BooleanSupplier done)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (done.getAsBoolean()) {
        return true;
      }
      if (gc) {
        System.gc();
      }
      Thread.sleep(200);
    }
    return done.getAsBoolean();
  }

  private boolean awaitNoObjects(Duration timeout, boolean gc) throws InterruptedException {
    return await(
        timeout,
        gc,
        () -> {
          try {
            return objects() == 0;
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
  }

  @Test
  void countDeletesThePrefixWhenItSucceeds() throws Exception {
    assertEquals(3, read().count());
    assertEquals(1, StagingFixtureSource.plans(tag).size());
    assertNotEquals(
        -1L, StagingFixtureSource.plans(tag).get(0).executionId(), "planned inside an execution");
    assertTrue(awaitNoObjects(PROMPT, false), "objects left after count(): " + objects());
  }

  @Test
  void collectTwiceReadsTheSameFilesThenTheyGoWithTheDataset() throws Exception {
    Dataset<Row> ds = read();
    List<Row> first = ds.collectAsList();
    assertEquals(3, first.size());
    // Give the (asynchronous) listener time to act on the end of the first collect.
    Thread.sleep(2000);
    assertEquals(3, objects(), "files must survive a repeatable action");
    assertEquals(first, ds.collectAsList());
    assertEquals(3, ((Object[]) ds.collect()).length);
    assertEquals(1, StagingFixtureSource.plans(tag).size(), "the plan was reused, not re-planned");
    Thread.sleep(1000);
    assertEquals(3, objects());

    ds = null;
    first = null;
    assertTrue(
        awaitNoObjects(Duration.ofSeconds(30), true),
        "objects left after the Dataset became unreachable: " + objects());
  }

  @Test
  void aLocalIteratorKeepsItsFilesAfterItsDatasetIsGone() throws Exception {
    java.util.Iterator<Row> rows = read(Map.of("files", "4")).toLocalIterator();
    // The execution has ended; partitions are read one job at a time as the iterator advances.
    for (int i = 0; i < 5; i++) {
      System.gc();
      Thread.sleep(300);
    }
    assertEquals(4, objects(), "a live iterator keeps the files");
    long n = 0;
    while (rows.hasNext()) {
      rows.next();
      n++;
    }
    assertEquals(4, n);
    rows = null;
    assertTrue(
        awaitNoObjects(Duration.ofSeconds(30), true),
        "objects left after the iterator became unreachable: " + objects());
  }

  @Test
  void aFailingActionDeletesThePrefix() throws Exception {
    Dataset<Row> ds = read(Map.of("fail", "true"));
    assertThrows(Exception.class, ds::collectAsList);
    assertEquals(1, StagingFixtureSource.plans(tag).size());
    // ds stays reachable: only the failure may have deleted the objects.
    assertTrue(awaitNoObjects(PROMPT, false), "objects left after a failure: " + objects());
    java.lang.ref.Reference.reachabilityFence(ds);
  }

  @Test
  void keepStagingLeavesTheObjects() throws Exception {
    assertEquals(3, read(Map.of("keep", "true")).count());
    Thread.sleep(3000);
    System.gc();
    Thread.sleep(1000);
    assertEquals(3, objects());
  }

  @Test
  void oneShotActionsDeleteAtOnceAndReportTheirNames() throws Exception {
    Map<Long, String> ended = new ConcurrentHashMap<>();
    QueryExecutionListener recorder =
        new QueryExecutionListener() {
          @Override
          public void onSuccess(String funcName, QueryExecution qe, long durationNs) {
            ended.put(qe.id(), funcName);
          }

          @Override
          public void onFailure(String funcName, QueryExecution qe, Exception exception) {
            ended.put(qe.id(), funcName + " (failed)");
          }
        };
    spark.listenerManager().register(recorder);
    Map<String, String> observed = new HashMap<>();
    Map<String, String> prefixes = new HashMap<>();
    try {
      Map<String, Runnable> actions = new java.util.LinkedHashMap<>();
      actions.put("count()", () -> read().count());
      actions.put("head(1)", () -> read().head(1));
      actions.put("show()", () -> read().show());
      actions.put("first()", () -> read().first());
      actions.put("isEmpty()", () -> read().isEmpty());
      actions.put("tail(1)", () -> read().tail(1));
      actions.put("write noop", () -> read().write().format("noop").mode("overwrite").save());
      actions.put(
          "write parquet", () -> read().write().mode("overwrite").parquet(tempdir + "out-" + tag));
      actions.put("collect()", () -> read().collect());
      actions.put("collectAsList()", () -> read().collectAsList());
      actions.put(
          "foreach",
          () -> read().foreach((org.apache.spark.api.java.function.ForeachFunction<Row>) r -> {}));
      actions.put("toLocalIterator()", () -> read().toLocalIterator().forEachRemaining(r -> {}));
      for (Map.Entry<String, Runnable> a : actions.entrySet()) {
        int before = StagingFixtureSource.plans(tag).size();
        a.getValue().run();
        List<StagingFixtureSource.Plan> plans = StagingFixtureSource.plans(tag);
        assertEquals(before + 1, plans.size(), a.getKey() + " planned once");
        long id = plans.get(before).executionId();
        await(PROMPT, false, () -> ended.containsKey(id));
        observed.put(a.getKey(), ended.get(id));
        prefixes.put(a.getKey(), plans.get(before).prefix());
      }
    } finally {
      spark.listenerManager().unregister(recorder);
    }
    System.out.println("funcName per action: " + observed);
    Map<String, String> expected = new HashMap<>();
    expected.put("count()", "count");
    expected.put("head(1)", "head");
    expected.put("show()", "head");
    expected.put("first()", "head");
    expected.put("isEmpty()", "isEmpty");
    expected.put("tail(1)", "tail");
    expected.put("collect()", "collect");
    expected.put("collectAsList()", "collectAsList");
    // Spark 3.5 names it after the Dataset method, 4.0 and later after what it runs.
    expected.put("foreach", SparkLine.VERSION.equals("3.5") ? "foreach" : "foreachPartition");
    expected.put("toLocalIterator()", "toLocalIterator");
    for (Map.Entry<String, String> e : expected.entrySet()) {
      assertEquals(e.getValue(), observed.get(e.getKey()), e.getKey());
    }
    for (String write : List.of("write noop", "write parquet")) {
      assertTrue(
          ActionKinds.endsPlan(observed.get(write)), write + " ended as " + observed.get(write));
    }
    for (String action :
        List.of(
            "count()",
            "head(1)",
            "show()",
            "first()",
            "isEmpty()",
            "tail(1)",
            "write noop",
            "write parquet")) {
      String prefix = prefixes.get(action);
      assertTrue(
          await(PROMPT, false, () -> objectsUnchecked(prefix) == 0),
          action + " left objects in " + prefix);
    }
  }

  private static long objectsUnchecked(String url) {
    try {
      return objects(url);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void planningOutsideAnExecutionWaitsForTheDataset() throws Exception {
    Dataset<Row> ds = read();
    ds.queryExecution().sparkPlan(); // the planner stages the read, with no SQL execution yet
    assertEquals(-1L, StagingFixtureSource.plans(tag).get(0).executionId());
    assertEquals(3, ds.count());
    assertEquals(3, ds.collectAsList().size());
    assertEquals(3, ds.collectAsList().size());
    Thread.sleep(2000);
    // count() staged its own copy and deleted it; the Dataset's own files are still there.
    assertEquals(2, StagingFixtureSource.plans(tag).size());
    assertEquals(0, objects(StagingFixtureSource.plans(tag).get(1).prefix()));
    assertEquals(3, objects(StagingFixtureSource.plans(tag).get(0).prefix()));
    ds = null;
    assertTrue(
        awaitNoObjects(Duration.ofSeconds(30), true),
        "objects left after the Dataset became unreachable: " + objects());
  }

  @Test
  void aCachedDatasetKeepsItsFiles() throws Exception {
    Dataset<Row> ds = read();
    ds.cache(); // plans the read now, outside any SQL execution
    try {
      assertEquals(3, ds.count());
      Thread.sleep(2000);
      assertEquals(3, objects(), "a cached plan may re-read its files to rebuild lost blocks");
      assertEquals(3, ds.collectAsList().size());
    } finally {
      ds.unpersist(true);
    }
    ds = null;
    assertTrue(
        awaitNoObjects(Duration.ofSeconds(30), true),
        "objects left after unpersist and GC: " + objects());
  }

  @Test
  void oneShotActionsWaitForTheOwnerWhileTheSessionCachesData() throws Exception {
    // With anything cached, a one-shot plan might be a cached plan's (CACHE TABLE ... AS SELECT),
    // which re-reads its files to rebuild lost blocks: deletion waits for the owner.
    Dataset<Row> other = spark.range(3).toDF();
    other.cache();
    try {
      assertEquals(3, other.count());
      assertEquals(3, read().count());
      assertNotEquals(-1L, StagingFixtureSource.plans(tag).get(0).executionId());
      Thread.sleep(2000);
      assertEquals(3, objects(), "count() with cached data in the session waits for the owner");
    } finally {
      other.unpersist(true);
    }
    assertTrue(
        awaitNoObjects(Duration.ofSeconds(30), true),
        "objects left after the count's plan became unreachable: " + objects());
  }

  @Test
  void sweepDeletesOldPrefixesOnly() throws Exception {
    Instant now = Instant.now();
    String old = StagingPrefix.create(tempdir, now.minus(Duration.ofDays(2))).url();
    String young = StagingPrefix.create(tempdir, now.minus(Duration.ofHours(1))).url();
    String foreign = tempdir + "redshift-data-foo/";
    String other = tempdir + "other/";
    for (String dir : List.of(old, young, foreign, other)) {
      put(dir + "part-0");
      put(dir + "sub/part-1");
    }
    put(tempdir + "loose-file");

    assertEquals(0, StagingSweeper.sweep(tempdir, conf, Duration.ZERO, now), "0 disables");
    assertEquals(2, objects(old));
    assertEquals(1, StagingSweeper.sweep(tempdir, conf, Duration.ofHours(24), now));
    assertEquals(0, objects(old));
    assertEquals(2, objects(young));
    assertEquals(2, objects(foreign));
    assertEquals(2, objects(other));
    assertEquals(7, objects());

    String older = StagingPrefix.create(tempdir, now.minus(Duration.ofDays(3))).url();
    put(older + "part-0");
    assertEquals(
        0, StagingSweeper.sweep(tempdir, conf, Duration.ofHours(24), now), "once per hour");
    assertEquals(1, objects(older));
    assertEquals(
        1,
        StagingSweeper.sweep(tempdir, conf, Duration.ofHours(24), now.plus(Duration.ofHours(1))));
    assertEquals(0, objects(older));
  }
}
