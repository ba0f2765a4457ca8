package dev.redshiftdata.spark.staging;

import java.util.Set;

/**
 * Which Spark actions end a plan for good, by the {@code funcName} Spark (3.5 to 4.1) passes to
 * {@code QueryExecutionListener}.
 *
 * <p>A Dataset keeps its own {@code QueryExecution}, and its physical plan keeps the input
 * partitions it planned, so {@code collect}, {@code collectAsList}, {@code foreach}, {@code
 * toLocalIterator} and friends may read the same staged files again on the next call. The actions
 * listed here instead build a fresh {@code QueryExecution} for the one call ({@code count}, {@code
 * head} behind {@code show}/{@code take}/{@code first}, {@code tail}, {@code isEmpty}) or run a
 * write command that never runs twice; once they finish, nobody can read their files again. Any
 * name not listed is treated as repeatable, which only delays deletion.
 */
final class ActionKinds {

  private static final Set<String> ONE_SHOT =
      Set.of(
          "count",
          "head",
          "tail",
          "isEmpty",
          // DataFrameWriter (v1 and v2 sources) and DataFrameWriterV2
          "save",
          "insertInto",
          "saveAsTable",
          "create",
          "replace",
          "createOrReplace",
          "append",
          "overwrite",
          "overwritePartitions",
          // eagerly executed commands, e.g. spark.sql("INSERT INTO ... SELECT ...")
          "command");

  private ActionKinds() {}

  /** Whether the plan that ran {@code funcName} can never run again. */
  static boolean endsPlan(String funcName) {
    return funcName != null && ONE_SHOT.contains(funcName);
  }
}
