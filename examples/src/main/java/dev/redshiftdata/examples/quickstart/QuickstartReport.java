package dev.redshiftdata.examples.quickstart;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Every step's result and duration, in order; prints as the quickstart's closing summary. */
public record QuickstartReport(List<Entry> entries) {

  /** One step's result. */
  public record Entry(String key, String title, StepResult result, Duration elapsed) {}

  public QuickstartReport {
    entries = List.copyOf(entries);
  }

  /** A fact a step recorded; fails naming the step and fact when there is none. */
  public Object fact(String stepKey, String fact) {
    for (Entry e : entries) {
      if (e.key().equals(stepKey)) {
        if (!e.result().facts().containsKey(fact)) {
          throw new IllegalArgumentException(
              "Step '" + stepKey + "' recorded no fact '" + fact + "': " + e.result().facts());
        }
        return e.result().facts().get(fact);
      }
    }
    throw new IllegalArgumentException("No step '" + stepKey + "' ran.");
  }

  /** The closing summary: one line per step with its duration. */
  public String summary() {
    StringBuilder sb = new StringBuilder("Summary\n");
    int n = 1;
    for (Entry e : entries) {
      sb.append(
          String.format(
              Locale.ROOT,
              "  %d. %-36s %6.1f s  %s%n",
              n++,
              e.title(),
              e.elapsed().toMillis() / 1000.0,
              e.result().summary()));
    }
    return sb.toString();
  }
}
