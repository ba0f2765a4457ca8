package dev.redshiftdata.local.bench;

import java.util.List;
import java.util.Objects;

/** The measured runs of one variant of a workload (the connector or a baseline) and their stats. */
public record Variant(
    String name,
    List<Run> runs,
    Stats seconds,
    Stats serverSeconds,
    Stats ownSeconds,
    Stats jobEndSeconds,
    long peakHeapBytes,
    long peakHeapAfterGcBytes) {

  static Variant of(String name, List<Run> runs) {
    List<Double> jobEnds = runs.stream().map(Run::jobEndSeconds).filter(Objects::nonNull).toList();
    return new Variant(
        name,
        List.copyOf(runs),
        Stats.of(runs.stream().map(Run::seconds).toList()),
        Stats.of(runs.stream().map(Run::serverSeconds).toList()),
        Stats.of(runs.stream().map(Run::ownSeconds).toList()),
        jobEnds.size() == runs.size() ? Stats.of(jobEnds) : null,
        runs.stream().mapToLong(Run::peakHeapBytes).max().orElse(0),
        runs.stream().mapToLong(Run::peakHeapAfterGcBytes).max().orElse(0));
  }

  /** The connector's own share of its end-to-end time, by medians. */
  double ownShare() {
    return ownSeconds.median() / seconds.median();
  }
}
