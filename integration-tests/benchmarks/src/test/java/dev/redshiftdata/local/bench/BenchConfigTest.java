package dev.redshiftdata.local.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchConfigTest {

  @Test
  void unsetAndEmptyPropertiesTakeTheDefaults() {
    BenchConfig c = BenchConfig.from(Map.of("bench.rows", "", "bench.runs", "  ")::get);
    assertEquals(1_000_000, c.rows());
    assertEquals(9, c.runs());
    assertEquals(1, c.warmups());
    assertEquals(List.copyOf(BenchConfig.WORKLOADS), List.copyOf(c.workloads()));
    assertEquals(List.of(250_000L, 500_000L, 1_000_000L, 2_000_000L), c.scalingSizes());
    assertEquals(3, c.scalingRuns());
    assertEquals(250_000, c.directRows());
    assertEquals("target/bench", c.out());
  }

  @Test
  void propertiesOverrideAndWorkloadsRunInTheirFixedOrder() {
    BenchConfig c =
        BenchConfig.from(
            Map.of(
                    "bench.rows", "1_000_000",
                    "bench.runs", "11",
                    "bench.workloads", "write, SCAN",
                    "bench.scalingSizes", "1000,2000",
                    "bench.out", "/tmp/x")
                ::get);
    assertEquals(1_000_000, c.rows());
    assertEquals(11, c.runs());
    assertEquals(List.of("scan", "write"), List.copyOf(c.workloads()));
    assertEquals(List.of(1000L, 2000L), c.scalingSizes());
    assertEquals("/tmp/x", c.out());
  }

  @Test
  void anUnknownWorkloadIsRefusedNamingTheAcceptedOnes() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> BenchConfig.from(Map.of("bench.workloads", "scan,rocket")::get));
    assertTrue(e.getMessage().contains("bench.workloads"), e.getMessage());
    assertTrue(e.getMessage().contains("rocket"), e.getMessage());
    assertTrue(e.getMessage().contains("scan,e2e,decode,write,small,scaling"), e.getMessage());
  }

  @Test
  void nonPositiveCountsAreRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> BenchConfig.from(Map.of("bench.runs", "0")::get));
    assertTrue(e.getMessage().contains("bench.runs"), e.getMessage());
  }
}
