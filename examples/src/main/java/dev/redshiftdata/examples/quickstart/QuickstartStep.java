package dev.redshiftdata.examples.quickstart;

/** One step of the quickstart: a title for the progress line and the work it shows. */
public interface QuickstartStep {

  /** A short stable name, used to find the step's facts in the {@link QuickstartReport}. */
  String key();

  /** What the step shows, e.g. "Direct-path read". */
  String title();

  /** Runs the step, printing what it shows to {@link QuickstartContext#out()}. */
  StepResult run(QuickstartContext context) throws Exception;
}
