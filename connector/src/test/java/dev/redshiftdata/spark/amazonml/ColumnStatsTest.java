package dev.redshiftdata.spark.amazonml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ColumnStatsTest {

  @Test
  void countsDistinctNonEmptyValuesUpToTheLimit() {
    ColumnStats s = new ColumnStats(3);
    for (String v : new String[] {"a", "b", "a", null, "", "c"}) {
      s.add(v);
    }
    assertEquals(3, s.distinctCount());
    assertEquals(Set.of("a", "b", "c"), s.distinct());
    assertFalse(s.overflow());
    s.add("d");
    assertTrue(s.overflow());
    assertEquals(4, s.distinctCount());
    assertEquals(Set.of(), s.distinct());
  }

  @Test
  void mergesAttemptsAndKeepsOverflow() {
    ColumnStats a = new ColumnStats(3);
    ColumnStats b = new ColumnStats(3);
    a.add("x");
    a.add("y");
    b.add("y");
    b.add("z");
    a.merge(b);
    assertEquals(Set.of("x", "y", "z"), a.distinct());
    ColumnStats full = new ColumnStats(3);
    for (String v : new String[] {"1", "2", "3", "4"}) {
      full.add(v);
    }
    a.merge(full);
    assertTrue(a.overflow());
  }

  @Test
  void longValuesAreKeptAsDigests() {
    ColumnStats s = new ColumnStats(5);
    s.add("x".repeat(1000));
    s.add("x".repeat(1000));
    s.add("x".repeat(999) + "y");
    assertEquals(2, s.distinctCount());
    assertTrue(s.distinct().stream().allMatch(v -> v.length() < 100));
  }
}
