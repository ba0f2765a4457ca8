package dev.redshiftdata.examples.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobArgumentsTest {

  @Test
  void parsesTablesDateModeAndOptions() {
    JobArguments a =
        JobArguments.parse(
            "--source", "sales.orders",
            "--target", "sales.daily",
            "--since", "2025-01-31",
            "--mode", "APPEND",
            "--option", "workgroupName=wg",
            "--option", "preActions=delete from t where x = 1");
    assertEquals("sales.orders", a.source());
    assertEquals("sales.daily", a.target());
    assertEquals(LocalDate.of(2025, 1, 31), a.since());
    assertEquals("append", a.mode());
    assertEquals(
        Map.of("workgroupName", "wg", "preActions", "delete from t where x = 1"), a.options());
  }

  @Test
  void defaultsAreEveryDayAndOverwrite() {
    JobArguments a = JobArguments.parse("--source", "s", "--target", "t");
    assertEquals(LocalDate.of(1970, 1, 1), a.since());
    assertEquals("overwrite", a.mode());
    assertTrue(a.options().isEmpty());
  }

  @Test
  void badArgumentsAreNamedWithTheUsage() {
    assertMessage("--source and --target are required", "--source", "s");
    assertMessage("--since must be a date", "--source", "s", "--target", "t", "--since", "May");
    assertMessage(
        "--mode must be append or overwrite", "--source", "s", "--target", "t", "--mode", "merge");
    assertMessage("--option must be NAME=VALUE", "--source", "s", "--target", "t", "--option", "x");
    assertMessage("unknown argument '--table'", "--table", "t");
    assertMessage("--target needs a value", "--source", "s", "--target");
  }

  private static void assertMessage(String expected, String... args) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> JobArguments.parse(args));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertTrue(e.getMessage().contains("Usage: DailyRevenueJob"), e.getMessage());
  }
}
