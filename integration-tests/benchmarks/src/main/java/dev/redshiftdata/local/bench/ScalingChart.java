package dev.redshiftdata.local.bench;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A hand-written SVG line chart of the scaling runs: time per row (microseconds) against rows, rows
 * on a log scale since the sizes double, one line per kind (read, write).
 */
final class ScalingChart {
  private ScalingChart() {}

  private static final int WIDTH = 720;
  private static final int HEIGHT = 420;
  private static final int LEFT = 70;
  private static final int RIGHT = 150;
  private static final int TOP = 40;
  private static final int BOTTOM = 60;
  private static final List<String> KINDS = List.of("read", "write");
  private static final List<String> COLOURS = List.of("#1f77b4", "#d62728");

  static String render(List<ScalingPoint> points) {
    StringBuilder svg = new StringBuilder();
    svg.append(
        f(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                + " font-family=\"sans-serif\" font-size=\"12\">%n",
            WIDTH, HEIGHT, WIDTH, HEIGHT));
    svg.append(f("<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, HEIGHT));
    svg.append(
        f(
            "<text x=\"%d\" y=\"22\" font-size=\"15\">Time per row against rows (median of each"
                + " size)</text>%n",
            LEFT));
    if (points.isEmpty()) {
      return svg.append("</svg>\n").toString();
    }
    long minRows = points.stream().mapToLong(ScalingPoint::rows).min().orElseThrow();
    long maxRows = points.stream().mapToLong(ScalingPoint::rows).max().orElseThrow();
    double maxY =
        niceCeiling(points.stream().mapToDouble(ScalingPoint::microsPerRow).max().orElseThrow());
    int plotW = WIDTH - LEFT - RIGHT;
    int plotH = HEIGHT - TOP - BOTTOM;
    double logMin = Math.log(minRows);
    double logSpan = Math.max(Math.log(maxRows) - logMin, 1e-9);

    // Axes, horizontal grid lines and y labels.
    for (int i = 0; i <= 5; i++) {
      double value = maxY * i / 5;
      double y = TOP + plotH - plotH * i / 5.0;
      svg.append(
          f(
              "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n",
              LEFT, y, LEFT + plotW, y));
      svg.append(
          f(
              "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
              LEFT - 6, y + 4, trim(value)));
    }
    svg.append(
        f(
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
            LEFT, TOP + plotH, LEFT + plotW, TOP + plotH));
    svg.append(
        f(
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
            LEFT, TOP, LEFT, TOP + plotH));
    // x labels at every measured size.
    for (long rows : points.stream().map(ScalingPoint::rows).distinct().sorted().toList()) {
      double x = LEFT + plotW * (Math.log(rows) - logMin) / logSpan;
      svg.append(
          f(
              "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"black\"/>%n",
              x, TOP + plotH, x, TOP + plotH + 5));
      svg.append(
          f(
              "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
              x, TOP + plotH + 20, Goals.rows(rows)));
    }
    svg.append(
        f(
            "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">rows (log scale)</text>%n",
            LEFT + plotW / 2, HEIGHT - 15));
    svg.append(
        f(
            "<text x=\"18\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 18 %d)\">"
                + "microseconds per row</text>%n",
            TOP + plotH / 2, TOP + plotH / 2));

    // One line per kind, with its points and a legend entry.
    for (int k = 0; k < KINDS.size(); k++) {
      String kind = KINDS.get(k);
      List<ScalingPoint> line =
          points.stream()
              .filter(p -> p.kind().equals(kind))
              .sorted(Comparator.comparingLong(ScalingPoint::rows))
              .toList();
      if (line.isEmpty()) {
        continue;
      }
      StringBuilder coords = new StringBuilder();
      StringBuilder dots = new StringBuilder();
      for (ScalingPoint p : line) {
        double x = LEFT + plotW * (Math.log(p.rows()) - logMin) / logSpan;
        double y = TOP + plotH - plotH * p.microsPerRow() / maxY;
        coords.append(f("%.1f,%.1f ", x, y));
        dots.append(
            f(
                "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"><title>%s %s rows: %.2f us/row"
                    + "</title></circle>%n",
                x, y, COLOURS.get(k), kind, Goals.rows(p.rows()), p.microsPerRow()));
      }
      svg.append(
          f(
              "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n",
              coords.toString().trim(), COLOURS.get(k)));
      svg.append(dots);
      int ly = TOP + 20 + 22 * k;
      svg.append(
          f(
              "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"/>%n",
              LEFT + plotW + 15, ly, LEFT + plotW + 40, ly, COLOURS.get(k)));
      svg.append(
          f(
              "<text x=\"%d\" y=\"%d\">%s</text>%n",
              LEFT + plotW + 46, ly + 4, kind.equals("read") ? "read (unload path)" : "write"));
    }
    return svg.append("</svg>\n").toString();
  }

  /** The smallest of 1, 2, 5 times a power of ten at or above {@code v} (v > 0). */
  static double niceCeiling(double v) {
    if (v <= 0) {
      return 1;
    }
    double power = Math.pow(10, Math.floor(Math.log10(v)));
    for (double step : new double[] {1, 2, 5, 10}) {
      if (step * power >= v) {
        return step * power;
      }
    }
    return 10 * power;
  }

  private static String trim(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : f("%.2f", v);
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
