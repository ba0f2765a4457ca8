package dev.redshiftdata.spark.write;

import java.util.List;

/**
 * What Spark asked of a write, before its options and its target are known: {@link
 * RedshiftWriteBuilder} gives append or overwrite, {@link SaveModes} create-only. {@link
 * WriteMode#choose} turns it into what the write does.
 */
sealed interface WriteRequest {

  /** Add the rows (mode {@code append}). */
  record Append() implements WriteRequest {}

  /**
   * Add the rows to a table the write creates; an existing table is refused.
   *
   * @param saveMode {@code errorifexists} or {@code ignore}, for messages
   */
  record CreateOnly(String saveMode) implements WriteRequest {}

  /**
   * Replace the rows matching every condition; with none, every row (mode {@code overwrite}).
   *
   * @param conditions the DELETE's WHERE conjuncts, in SQL
   */
  record Overwrite(List<String> conditions) implements WriteRequest {
    public Overwrite {
      conditions = List.copyOf(conditions);
    }
  }
}
