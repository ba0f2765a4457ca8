package dev.redshiftdata.local.bench;

import java.util.Locale;
import java.util.Map;

/** Renders {@link Results} as report.md: the goal table first, then every variant's figures. */
final class MarkdownReport {
  private MarkdownReport() {}

  static String render(Results r, String chartFile) {
    StringBuilder md = new StringBuilder();
    Machine m = r.machine();
    BenchConfig c = r.config();
    md.append("# redshift-data benchmark\n\n");
    md.append(
        f("Run started %s, took %.1f min. Command:%n%n", r.startedAt(), r.wallSeconds() / 60));
    md.append("```\n").append(r.command()).append("\n```\n\n");
    md.append(
        f(
            "Machine: %d cores, %.1f GB memory, load average %.2f at start; %s (%s), max heap %d MB;"
                + " Spark %s; %s.%n%n",
            m.cores(),
            m.memoryBytes() / 1e9,
            m.loadAverageAtStart(),
            m.jdk(),
            m.jvm(),
            Goals.mb(m.maxHeapBytes()),
            m.spark(),
            m.os()));
    md.append(
        f(
            "Setup: %,d rows of 10 mixed columns; %d measured runs per variant after %d warm-up,"
                + " variants alternated run by run; scaling %s rows with %d runs per size.%n%n",
            c.rows(),
            c.runs(),
            c.warmups(),
            String.join(", ", c.scalingSizes().stream().map(Goals::rows).toList()),
            c.scalingRuns()));

    md.append("## Goals (met by the median)\n\n");
    md.append(
        "| workload | measure | connector (median, IQR) | baseline | result | goal | met |\n");
    md.append("|---|---|---|---|---|---|---|\n");
    for (Check k : r.checks()) {
      md.append(
          row(
              k.workload(),
              k.measure(),
              k.measured(),
              k.against(),
              "**" + k.result() + "**",
              k.goal(),
              k.met() == null ? "-" : k.met() ? "yes" : "**no**"));
    }

    md.append("\n## All variants\n\n");
    md.append(
        "Seconds; server = the local Redshift's statement time within the run (from its statement"
            + " records), own = run minus server, job end = run start to the end of its last Spark"
            + " job (a write's staging phase).\n\n");
    md.append(
        "| workload | variant | median | IQR | min..max | server | own | job end | peak heap MB |"
            + " after GC MB |\n");
    md.append("|---|---|---|---|---|---|---|---|---|---|\n");
    for (WorkloadResult w : r.workloads()) {
      for (Variant v : w.variants()) {
        md.append(
            row(
                w.title(),
                v.name(),
                f("%.3f", v.seconds().median()),
                f("%.3f", v.seconds().iqr()),
                f("%.3f..%.3f", v.seconds().min(), v.seconds().max()),
                f("%.3f", v.serverSeconds().median()),
                f("%.3f", v.ownSeconds().median()),
                v.jobEndSeconds() == null ? "-" : f("%.3f", v.jobEndSeconds().median()),
                Long.toString(Goals.mb(v.peakHeapBytes())),
                Long.toString(Goals.mb(v.peakHeapAfterGcBytes()))));
      }
    }

    if (!r.scaling().isEmpty()) {
      md.append("\n## Scaling\n\n");
      md.append(f("![time per row against rows](%s)%n%n", chartFile));
      md.append(
          "| kind | rows | median s | IQR s | us/row | own us/row | peak heap MB | after GC MB |\n");
      md.append("|---|---|---|---|---|---|---|---|\n");
      for (ScalingPoint p : r.scaling()) {
        md.append(
            row(
                p.kind(),
                f("%,d", p.rows()),
                f("%.3f", p.seconds().median()),
                f("%.3f", p.seconds().iqr()),
                f("%.2f", p.microsPerRow()),
                f("%.2f", p.ownMicrosPerRow()),
                Long.toString(Goals.mb(p.peakHeapBytes())),
                Long.toString(Goals.mb(p.peakHeapAfterGcBytes()))));
      }
    }

    md.append("\n## Facts\n\n");
    for (WorkloadResult w : r.workloads()) {
      for (Map.Entry<String, Object> e : w.facts().entrySet()) {
        Object value =
            e.getValue() instanceof Stats st
                ? f(
                    "median %.3f (IQR %.3f, min %.3f, max %.3f, %d runs)",
                    st.median(), st.iqr(), st.min(), st.max(), st.n())
                : e.getValue();
        md.append(f("- %s: %s = %s%n", w.title(), e.getKey(), value));
      }
    }
    if (!r.notes().isEmpty()) {
      md.append("\n## Notes\n\n");
      for (String n : r.notes()) {
        md.append("- ").append(n).append('\n');
      }
    }
    return md.toString();
  }

  private static String row(String... cells) {
    StringBuilder b = new StringBuilder("|");
    for (String cell : cells) {
      b.append(' ').append(cell.replace("|", "\\|")).append(" |");
    }
    return b.append('\n').toString();
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
