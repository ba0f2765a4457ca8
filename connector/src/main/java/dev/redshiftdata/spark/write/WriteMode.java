package dev.redshiftdata.spark.write;

import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.sql.TableName;
import java.util.List;

/**
 * What a write does to its target's rows, chosen once per write by {@link #choose}, which refuses
 * the combinations of request, options and target that cannot be written. A target that does not
 * exist is created in the transaction whatever the mode: it has no rows to delete.
 */
sealed interface WriteMode {

  /** COPY into the table. */
  record Append() implements WriteMode {}

  /** {@code DELETE FROM target}, then COPY: readers see the old rows or the new ones. */
  record OverwriteAll() implements WriteMode {}

  /** {@code DELETE FROM target WHERE} every condition, then COPY. */
  record OverwriteWhere(List<String> conditions) implements WriteMode {
    public OverwriteWhere {
      conditions = List.copyOf(conditions);
      if (conditions.isEmpty()) {
        throw new IllegalArgumentException("an overwrite condition is required");
      }
    }
  }

  /** Option {@code mergeKeys}: COPY into a temporary table, then MERGE on the keys (an upsert). */
  record Merge(List<String> keys) implements WriteMode {
    public Merge {
      keys = List.copyOf(keys);
      if (keys.isEmpty()) {
        throw new IllegalArgumentException("a merge key is required");
      }
    }
  }

  /** Option {@code overwriteMode=recreate}: DROP and CREATE the table from the DataFrame. */
  record Recreate() implements WriteMode {}

  /** What describing the target found. */
  enum Target {
    ABSENT,
    TABLE,
    /** It exists, but Redshift reports no columns for it: a view. */
    VIEW
  }

  /**
   * The mode for {@code request} with {@code options} into {@code target}.
   *
   * @throws IllegalArgumentException for create-only on an existing target, a conditional overwrite
   *     with {@code overwriteMode=recreate}, a view, or {@code mergeKeys} with overwrite
   */
  static WriteMode choose(
      WriteRequest request, RedshiftOptions options, TableName target, Target found) {
    if (request instanceof WriteRequest.CreateOnly c && found != Target.ABSENT) {
      throw SaveModes.alreadyExists(target, c.saveMode());
    }
    List<String> conditions = request instanceof WriteRequest.Overwrite o ? o.conditions() : null;
    boolean recreate =
        conditions != null
            && options.write().overwriteMode() == RedshiftOptions.OverwriteMode.RECREATE;
    if (recreate && !conditions.isEmpty()) {
      throw new IllegalArgumentException(
          "Cannot overwrite the rows of table "
              + target.quoted()
              + " matching a condition with option 'overwriteMode' recreate, which replaces the"
              + " whole table. Accepted: overwriteMode truncate (the default) for a conditional"
              + " overwrite, or no condition.");
    }
    if (found == Target.VIEW) {
      throw new IllegalArgumentException(
          "Cannot write to "
              + target.quoted()
              + ": Redshift reports no columns for it (a view?). Write to a table.");
    }
    if (!options.write().mergeKeys().isEmpty()) {
      if (conditions != null) {
        throw new IllegalArgumentException(
            "Cannot write to table "
                + target.quoted()
                + ": option 'mergeKeys' upserts into the table's rows, so it needs mode 'append';"
                + " remove it to overwrite.");
      }
      return new Merge(options.write().mergeKeys());
    }
    if (conditions == null) {
      return new Append();
    }
    if (recreate) {
      return new Recreate();
    }
    return conditions.isEmpty() ? new OverwriteAll() : new OverwriteWhere(conditions);
  }
}
