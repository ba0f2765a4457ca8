package dev.redshiftdata.local.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Time covered by a set of possibly overlapping intervals inside a window: how long the local
 * Redshift was busy with at least one statement while a run was going on.
 */
final class Intervals {
  private Intervals() {}

  /** A closed interval in nanoseconds on any common clock. */
  record Span(long start, long end) {}

  /** Length of the union of {@code spans} clipped to [{@code from}, {@code to}]. */
  static long coveredNanos(List<Span> spans, long from, long to) {
    List<Span> clipped = new ArrayList<>();
    for (Span s : spans) {
      long start = Math.max(s.start(), from);
      long end = Math.min(s.end(), to);
      if (end > start) {
        clipped.add(new Span(start, end));
      }
    }
    clipped.sort(Comparator.comparingLong(Span::start));
    long covered = 0;
    long runStart = 0;
    long runEnd = Long.MIN_VALUE;
    for (Span s : clipped) {
      if (s.start() > runEnd) {
        covered += runEnd == Long.MIN_VALUE ? 0 : runEnd - runStart;
        runStart = s.start();
        runEnd = s.end();
      } else {
        runEnd = Math.max(runEnd, s.end());
      }
    }
    return covered + (runEnd == Long.MIN_VALUE ? 0 : runEnd - runStart);
  }
}
