package dev.redshiftdata.local.bench;

/**
 * One size of the scaling runs.
 *
 * @param kind "read" (unload path) or "write"
 * @param rows rows read or written
 * @param seconds the runs' wall times
 * @param microsPerRow median wall time per row, in microseconds
 * @param ownMicrosPerRow median connector's own time (wall minus server) per row, in microseconds
 * @param peakHeapBytes highest heap use sampled over the runs (garbage included)
 * @param peakHeapAfterGcBytes highest heap use right after a collection over the runs
 */
public record ScalingPoint(
    String kind,
    long rows,
    Stats seconds,
    double microsPerRow,
    double ownMicrosPerRow,
    long peakHeapBytes,
    long peakHeapAfterGcBytes) {

  static ScalingPoint of(String kind, long rows, Variant v) {
    return new ScalingPoint(
        kind,
        rows,
        v.seconds(),
        v.seconds().median() * 1e6 / rows,
        v.ownSeconds().median() * 1e6 / rows,
        v.peakHeapBytes(),
        v.peakHeapAfterGcBytes());
  }
}
