package dev.redshiftdata.local.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Summary of repeated measurements: median and quartiles (nearest-rank on the sorted values, the
 * median averaging the two middle values of an even count), so one outlier run cannot move it.
 */
public record Stats(
    int n, double median, double iqr, double q1, double q3, double min, double max) {

  public static Stats of(List<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no values to summarize");
    }
    List<Double> s = new ArrayList<>(values);
    Collections.sort(s);
    int n = s.size();
    double median = n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    double q1 = s.get((n - 1) / 4);
    double q3 = s.get((3 * (n - 1)) / 4);
    return new Stats(n, median, q3 - q1, q1, q3, s.get(0), s.get(n - 1));
  }
}
