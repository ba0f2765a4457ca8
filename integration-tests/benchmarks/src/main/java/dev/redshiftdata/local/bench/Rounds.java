package dev.redshiftdata.local.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a workload's variants (the connector and its baselines) in rounds, every variant once per
 * round, so that machine noise hits all of them alike: warm-up rounds first, then measured ones.
 * The order flips every round (A B, B A, ...) so no variant always follows the same neighbour.
 */
final class Rounds {
  private Rounds() {}

  interface Workload {
    void run() throws Exception;
  }

  /** Times one run of a workload. */
  interface Timer {
    Run time(Workload w) throws Exception;
  }

  /** Receives each finished run, for progress output. */
  interface Progress {
    void ran(String variant, int round, int runs, Run run);
  }

  record Named(String name, Workload workload) {}

  static Named named(String name, Workload workload) {
    return new Named(name, workload);
  }

  static List<Variant> run(
      Timer timer, Progress progress, int warmups, int runs, List<Named> variants)
      throws Exception {
    Map<String, List<Run>> measured = new LinkedHashMap<>();
    variants.forEach(v -> measured.put(v.name(), new ArrayList<>()));
    for (int round = -warmups; round < runs; round++) {
      List<Named> order = new ArrayList<>(variants);
      if (Math.floorMod(round, 2) == 1) {
        java.util.Collections.reverse(order);
      }
      for (Named v : order) {
        Run r = timer.time(v.workload());
        if (round >= 0) {
          measured.get(v.name()).add(r);
        }
        progress.ran(v.name(), round, runs, r);
      }
    }
    List<Variant> result = new ArrayList<>();
    measured.forEach((name, list) -> result.add(Variant.of(name, list)));
    return result;
  }
}
