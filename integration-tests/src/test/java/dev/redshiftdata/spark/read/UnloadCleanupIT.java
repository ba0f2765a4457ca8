package dev.redshiftdata.spark.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.local.LocalRedshift;
import dev.redshiftdata.local.junit.LocalRedshiftExtension;
import dev.redshiftdata.spark.SharedSpark;
import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.dataapi.StatementRequest;
import java.io.FileNotFoundException;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The unload path leaves nothing under tempdir: a one-shot action's prefix goes when it ends, a
 * failed action's at once, a Dataset that can run its plan again keeps its files until it is
 * dropped; {@code keepStaging} keeps them.
 */
@ExtendWith(LocalRedshiftExtension.class)
class UnloadCleanupIT {

  private static final String TABLE = "cleanup_" + System.nanoTime();
  private static final int ROWS = 2_000;

  private static LocalRedshift redshift;
  private final SparkSession spark = SharedSpark.session();

  @BeforeAll
  static void createTable() {
    redshift = ReadTestSupport.redshift();
    RedshiftOptions.parse(ReadTestSupport.stagingOptions(), Map.of())
        .dataApi()
        .execute(
            StatementRequest.sql(
                "create table "
                    + TABLE
                    + " as select n as id, 'v' || n as v from generate_series(1, "
                    + ROWS
                    + ") as n"));
  }

  @BeforeEach
  void clear() {
    redshift.dataApi().requests().clear();
    redshift.unloadSettings().slices(2).rowsPerSliceChunk(500);
  }

  @AfterEach
  void reset() {
    redshift.dataApi().reset();
    redshift.unloadSettings().reset();
  }

  private DataFrameReader reader() {
    return spark
        .read()
        .format("redshift-data")
        .options(ReadTestSupport.stagingOptions())
        .option("readMode", "unload")
        .option("dbtable", TABLE);
  }

  /** The staging prefix of the newest UNLOAD the local Redshift received, as an s3a path. */
  private Path lastPrefix() {
    List<String> unloads = ReadTestSupport.unloads();
    assertTrue(!unloads.isEmpty(), "no UNLOAD ran");
    String prefix = ReadTestSupport.unloadTarget(unloads.get(unloads.size() - 1));
    return new Path(prefix.replace("s3://", "s3a://"));
  }

  private int objectsUnder(Path prefix) throws Exception {
    FileSystem fs = prefix.getFileSystem(spark.sessionState().newHadoopConf());
    int n = 0;
    try {
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(prefix, true);
      while (it.hasNext()) {
        it.next();
        n++;
      }
    } catch (FileNotFoundException gone) {
      return 0;
    }
    return n;
  }

  /** Deletion runs after the action, on a listener: wait for it, up to 20 s. */
  private void awaitEmpty(Path prefix, boolean collectGarbage) throws Exception {
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (objectsUnder(prefix) > 0 && System.nanoTime() < deadline) {
      if (collectGarbage) {
        System.gc();
      }
      Thread.sleep(100);
    }
    assertEquals(0, objectsUnder(prefix), "objects left under " + prefix);
  }

  @Test
  void aCountLeavesNothingBehind() throws Exception {
    assertEquals(ROWS, reader().load().filter("v like 'v%'").count());
    Path prefix = lastPrefix();
    awaitEmpty(prefix, false);
  }

  @Test
  void aSecondCollectOnTheSameDatasetRereadsItsFilesWhichGoWithTheDataset() throws Exception {
    Dataset<Row> df = reader().load();
    assertEquals(ROWS, df.collectAsList().size());
    Path prefix = lastPrefix();
    int files = objectsUnder(prefix);
    assertTrue(files >= 3, "parquet files and manifest: " + files);
    assertEquals(ROWS, df.collectAsList().size());
    assertEquals(
        1,
        ReadTestSupport.unloads().size(),
        "the second action re-reads the files of the first UNLOAD");
    df = null;
    awaitEmpty(prefix, true);
  }

  @Test
  void anRddTakenFromADroppedDatasetStillFindsItsFiles() throws Exception {
    // As the plan's own RDD: nothing of the Dataset or its plan stays reachable but the RDD.
    org.apache.spark.rdd.RDD<?> rdd = reader().load().queryExecution().toRdd();
    assertEquals(ROWS, rdd.count());
    Path prefix = lastPrefix();
    for (int i = 0; i < 10; i++) {
      System.gc();
      Thread.sleep(300);
    }
    assertTrue(objectsUnder(prefix) >= 3, "the RDD's files were deleted under it");
    assertEquals(ROWS, rdd.count());
    rdd = null;
    awaitEmpty(prefix, true);
  }

  @Test
  void aFailedActionDeletesItsFilesAtOnce() throws Exception {
    Dataset<Row> df = reader().load().selectExpr("id", "assert_true(id < 1500) as ok");
    assertThrows(Exception.class, df::collectAsList);
    awaitEmpty(lastPrefix(), false);
    // df is still reachable: the deletion did not wait for it.
    assertTrue(df.columns().length == 2);
  }

  @Test
  void keepStagingKeepsTheFiles() throws Exception {
    assertEquals(ROWS, reader().option("keepStaging", "true").load().filter("v like 'v%'").count());
    Path prefix = lastPrefix();
    Thread.sleep(1_000);
    System.gc();
    Thread.sleep(500);
    assertTrue(objectsUnder(prefix) >= 3, "kept files: " + objectsUnder(prefix));
    prefix.getFileSystem(spark.sessionState().newHadoopConf()).delete(prefix, true);
  }

  @Test
  void interruptingAnUnloadReadCancelsTheUnloadAndLeavesNothing() throws Exception {
    Dataset<Row> df = reader().load();
    redshift.dataApi().requests().clear();
    redshift.dataApi().faults().holdNextStatementFor(java.time.Duration.ofSeconds(60));
    java.util.concurrent.atomic.AtomicReference<Throwable> thrown =
        new java.util.concurrent.atomic.AtomicReference<>();
    Thread action =
        new Thread(
            () -> {
              try {
                df.collectAsList();
              } catch (Throwable t) {
                thrown.set(t);
              }
            },
            "cancel-unload-action");
    action.start();
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (redshift.dataApi().requests().count("DescribeStatement") < 1
        && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    String id = ReadTestSupport.unloadStatementId();
    action.interrupt();
    action.join(30_000);
    assertTrue(thrown.get() != null, "the action did not fail");
    String m = thrown.get().toString();
    for (Throwable c = thrown.get(); c != null; c = c.getCause() == c ? null : c.getCause()) {
      m += " | " + c.getMessage();
    }
    assertTrue(m.contains("RSD-007") && m.contains(id), m);
    assertTrue(
        redshift.dataApi().requests().operation("CancelStatement").stream()
            .anyMatch(r -> id.equals(r.statementId())),
        "CancelStatement for the UNLOAD");
    String status = "";
    while (System.nanoTime() < deadline) {
      status =
          RedshiftOptions.parse(ReadTestSupport.stagingOptions(), Map.of())
              .dataApi()
              .describe(id)
              .statusAsString();
      if (status.equals("ABORTED")) {
        break;
      }
      Thread.sleep(20);
    }
    assertEquals("ABORTED", status);
    awaitEmpty(lastPrefix(), false);
  }
}
