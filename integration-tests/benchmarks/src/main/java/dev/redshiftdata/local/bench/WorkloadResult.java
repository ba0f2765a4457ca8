package dev.redshiftdata.local.bench;

import java.util.List;
import java.util.Map;

/**
 * What one workload measured: its variants' runs, and facts about its setup (row counts, result
 * sizes, poll counts).
 */
public record WorkloadResult(
    String id, String title, List<Variant> variants, Map<String, Object> facts) {

  Variant variant(String name) {
    return variants.stream()
        .filter(v -> v.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no variant " + name + " in " + id));
  }
}
