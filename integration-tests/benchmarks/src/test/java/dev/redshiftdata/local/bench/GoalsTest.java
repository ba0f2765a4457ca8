package dev.redshiftdata.local.bench;

import static dev.redshiftdata.local.bench.BenchFixtures.point;
import static dev.redshiftdata.local.bench.BenchFixtures.variant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class GoalsTest {

  @Test
  void aRatioGoalIsJudgedOnMediansNotOnTheBestRun() {
    Variant baseline = variant("parquet", 0, 1.0, 1.0, 1.0);
    // Its best run is faster than the baseline, its median 10% slower.
    Variant subject = variant("connector", 0, 0.5, 1.1, 1.1);
    Check c = Goals.ratio("1. scan", "full scan", subject, baseline, 1.05);
    assertFalse(c.met());
    assertEquals("ratio 1.10", c.result());
    assertTrue(c.measured().startsWith("connector: 1.100 s (IQR"), c.measured());
    assertTrue(c.against().startsWith("parquet: 1.000 s"), c.against());
    assertTrue(Goals.ratio("1. scan", "x", baseline, subject, 1.05).met());
  }

  @Test
  void stagingRatioUsesTheConnectorsJobEndNotItsWholeRun() {
    // fixtures end the job halfway through each run: staging 1.0 s of a 2.0 s write
    Check c =
        Goals.stagingRatio(
            "4. write",
            "staging",
            variant("connector write", 0.5, 2.0, 2.0, 2.0),
            variant("parquet", 0, 1.0, 1.0, 1.0),
            1.05);
    assertEquals("ratio 1.00", c.result());
    assertTrue(c.met());
  }

  @Test
  void ownShareIsTheRunMinusServerTimeAndNamesEveryBaselineRatio() {
    Variant connector = variant("connector unload", 9.0, 10.0, 10.0, 10.0);
    Check c =
        Goals.ownShare(
            "2. read",
            "unload",
            connector,
            List.of(variant("JDBC 1", 0, 5.0, 5.0, 5.0), variant("JDBC 4", 0, 2.5, 2.5, 2.5)),
            0.10);
    assertEquals("own share 10%", c.result());
    assertTrue(c.met());
    assertTrue(c.measured().contains("own 1.000 s + server 9.000 s"), c.measured());
    assertTrue(c.against().contains("JDBC 1: 5.000 s (IQR 0.000), ratio 2.00"), c.against());
    assertTrue(c.against().contains("JDBC 4: 2.500 s (IQR 0.000), ratio 4.00"), c.against());
    assertFalse(Goals.ownShare("2. read", "x", variant("c", 8.0, 10.0), List.of(), 0.10).met());
  }

  @Test
  void cellsPerSecondCountsOnlyTheConnectorsOwnTime() {
    // 2 s runs of which 1 s is the server's: 1,000,000 cells over 1 s of own time
    Check c = Goals.cellsPerSecond("3. decode", variant("csv", 1.0, 2.0, 2.0), 1_000_000, 300_000);
    assertEquals("1,000,000 cells/s per core", c.result());
    assertTrue(c.met());
    assertFalse(
        Goals.cellsPerSecond("3. decode", variant("json", 0, 5.0), 1_000_000, 300_000).met());
  }

  @Test
  void pollsAfterFinishAreJudgedOnTheirMedian() {
    Stats latency = Stats.of(List.of(0.2, 0.3));
    Stats polls = Stats.of(List.of(3.0, 3.0, 5.0));
    Stats finishToRows = Stats.of(List.of(0.05, 0.06, 0.07));
    assertTrue(
        Goals.pollsAfterFinish(
                "5", latency, polls, Stats.of(List.of(2.0, 2.0, 4.0)), finishToRows, 2)
            .met());
    Check c =
        Goals.pollsAfterFinish(
            "5", latency, polls, Stats.of(List.of(3.0, 3.0, 1.0)), finishToRows, 2);
    assertFalse(c.met());
    assertEquals("polls after finish: median 3, max 3", c.result());
  }

  @Test
  void scalingCallsLinearAndFlatHeapByTheirRules() {
    List<Check> checks =
        Goals.scaling(
            "6",
            List.of(
                point("read", 1_000_000, 4.0, 100),
                point("read", 250_000, 2.0, 100), // fixed costs: dearer per row, still linear
                point("read", 4_000_000, 16.0, 140),
                point("write", 250_000, 1.0, 100),
                point("write", 1_000_000, 4.0, 100),
                point("write", 4_000_000, 24.0, 400)));
    assertEquals(4, checks.size());
    Check readTime = checks.get(0);
    assertTrue(readTime.met());
    assertTrue(readTime.measured().startsWith("250k 8.00, 1M 4.00, 4M 4.00"), readTime.measured());
    assertTrue(checks.get(1).met());
    assertTrue(checks.get(1).result().startsWith("flat"), checks.get(1).result());
    assertFalse(checks.get(2).met(), "write costs 1.5x per row at 4M");
    assertFalse(checks.get(3).met(), "write heap grows 4x");
  }

  @Test
  void heapWithoutAnyCollectionIsNotJudged() {
    List<Check> checks =
        Goals.scaling("6", List.of(point("read", 1000, 1, 0), point("read", 2000, 2, 50)));
    assertNull(checks.get(1).met());
    assertTrue(checks.get(1).result().startsWith("not measured"));
  }

  @Test
  void rowCountsAreShortened() {
    assertEquals("250k", Goals.rows(250_000));
    assertEquals("2M", Goals.rows(2_000_000));
    assertEquals("1234", Goals.rows(1234));
  }
}
