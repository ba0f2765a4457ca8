package dev.redshiftdata.examples.quickstart;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The quickstart's tour of the connector, run against any Redshift the options reach: {@link
 * QuickstartMain} runs it on a local Redshift it starts, {@code QuickstartIT} on the test JVM's
 * shared one. Each step prints what it shows; the run ends with a summary.
 */
public final class Quickstart {

  /** The schema the sample tables are created in (dropped and recreated by every run). */
  public static final String DEFAULT_SCHEMA = "quickstart";

  /**
   * The steps, in order. New tours of the connector (the catalog, Amazon ML) are added here as
   * further {@link QuickstartStep}s.
   */
  public static List<QuickstartStep> defaultSteps() {
    return List.of(
        new LoadSampleData(),
        new DirectRead(),
        new UnloadRead(),
        new WriteBack(),
        new MergeChanges(),
        new CatalogTour(),
        new AmazonMlDatasource());
  }

  private final QuickstartContext context;
  private final List<QuickstartStep> steps;

  public Quickstart(SparkSession spark, Map<String, String> options, PrintStream out) {
    this(spark, options, DEFAULT_SCHEMA, defaultSteps(), out);
  }

  public Quickstart(
      SparkSession spark,
      Map<String, String> options,
      String schema,
      List<QuickstartStep> steps,
      PrintStream out) {
    this.context = new QuickstartContext(spark, options, schema, out);
    this.steps = List.copyOf(steps);
  }

  /** Runs every step in order; the first that fails stops the run and is rethrown. */
  public QuickstartReport run() throws Exception {
    PrintStream out = context.out();
    List<QuickstartReport.Entry> done = new ArrayList<>();
    int n = 1;
    for (QuickstartStep step : steps) {
      out.printf(Locale.ROOT, "%n[%d/%d] %s%n", n++, steps.size(), step.title());
      long start = System.nanoTime();
      StepResult result;
      try (Progress ignored = new Progress(out)) {
        result = step.run(context);
      }
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      out.printf(Locale.ROOT, "    done in %.1f s%n", elapsed.toMillis() / 1000.0);
      done.add(new QuickstartReport.Entry(step.key(), step.title(), result, elapsed));
    }
    QuickstartReport report = new QuickstartReport(done);
    out.println();
    out.print(report.summary());
    return report;
  }
}
