package dev.redshiftdata.spark.write;

import dev.redshiftdata.spark.sql.TableName;
import java.util.List;

/**
 * What runs around the COPY in a write's transaction.
 *
 * @param before statements before the COPY (pre-actions, DROP and CREATE TABLE, DELETE, the merge's
 *     staging table)
 * @param copyColumns the COPY column list, in file column order
 * @param serializeToJson whether COPY needs SERIALIZETOJSON (nested columns into SUPER)
 * @param after statements after the COPY (a merge from the staging table, post-actions)
 * @param copyInto the table the COPY loads: null for the target, else a staging table a merge reads
 */
public record TransactionPlan(
    List<String> before,
    List<String> copyColumns,
    boolean serializeToJson,
    List<String> after,
    TableName copyInto) {
  public TransactionPlan {
    before = List.copyOf(before);
    copyColumns = List.copyOf(copyColumns);
    after = List.copyOf(after);
  }

  /** A plan whose COPY loads the target itself. */
  public TransactionPlan(
      List<String> before, List<String> copyColumns, boolean serializeToJson, List<String> after) {
    this(before, copyColumns, serializeToJson, after, null);
  }
}
