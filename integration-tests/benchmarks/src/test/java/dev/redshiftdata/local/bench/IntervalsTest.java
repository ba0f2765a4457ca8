package dev.redshiftdata.local.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.redshiftdata.local.bench.Intervals.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntervalsTest {

  @Test
  void overlappingSpansCountOnce() {
    assertEquals(40, Intervals.coveredNanos(List.of(new Span(10, 30), new Span(20, 50)), 0, 100));
  }

  @Test
  void disjointSpansAddUpInAnyOrder() {
    assertEquals(
        25,
        Intervals.coveredNanos(
            List.of(new Span(60, 70), new Span(10, 20), new Span(30, 35)), 0, 100));
  }

  @Test
  void spansAreClippedToTheWindow() {
    assertEquals(10, Intervals.coveredNanos(List.of(new Span(0, 10), new Span(95, 200)), 5, 100));
  }

  @Test
  void spansOutsideTheWindowOrEmptyCountNothing() {
    assertEquals(
        0,
        Intervals.coveredNanos(
            List.of(new Span(0, 4), new Span(200, 300), new Span(50, 50)), 5, 100));
    assertEquals(0, Intervals.coveredNanos(List.of(), 0, 100));
  }

  @Test
  void aSpanInsideAnotherAddsNothing() {
    assertEquals(50, Intervals.coveredNanos(List.of(new Span(0, 50), new Span(10, 20)), 0, 100));
  }
}
