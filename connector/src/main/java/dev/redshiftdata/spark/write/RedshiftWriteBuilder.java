package dev.redshiftdata.spark.write;

import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.sql.ColumnMatcher;
import dev.redshiftdata.spark.sql.ExactPredicates;
import dev.redshiftdata.spark.sql.PredicateCompiler;
import dev.redshiftdata.spark.sql.PredicateText;
import dev.redshiftdata.spark.sql.TableName;
import dev.redshiftdata.spark.types.MappingOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.connector.expressions.filter.AlwaysTrue;
import org.apache.spark.sql.connector.expressions.filter.Predicate;
import org.apache.spark.sql.connector.write.LogicalWriteInfo;
import org.apache.spark.sql.connector.write.SupportsOverwriteV2;
import org.apache.spark.sql.connector.write.SupportsTruncate;
import org.apache.spark.sql.connector.write.Write;
import org.apache.spark.sql.types.StructType;

/**
 * Chooses the write: append (the default), overwrite of every row ({@link #truncate()}: {@code
 * DELETE FROM target}, not TRUNCATE, which commits implicitly) or overwrite of the rows matching
 * exact pushed predicates ({@code DELETE FROM target WHERE ...}); the DELETE runs in the COPY's
 * transaction, so readers see the old rows or the new ones, never an empty table.
 */
public final class RedshiftWriteBuilder implements SupportsTruncate, SupportsOverwriteV2 {

  private final RedshiftOptions options;
  private final TableName target;
  private final LogicalWriteInfo info;

  /** The table's columns as Redshift reports them: an overwrite condition refers to these. */
  private final StructType tableSchema;

  private WriteRequest request = new WriteRequest.Append();

  public RedshiftWriteBuilder(
      RedshiftOptions options, TableName target, LogicalWriteInfo info, StructType tableSchema) {
    // Before any statement: the write's columns must be nameable in Redshift.
    ColumnMatcher.requireNamedColumns(info.schema(), target.quoted());
    this.options = options;
    this.target = target;
    this.info = info;
    // With timestampType=ltz in a zone with DST, a condition on a TIMESTAMP is refused (see there)
    this.tableSchema =
        MappingOptions.forSession(false, options.read().timestampAsLtz())
            .comparableColumns(tableSchema);
  }

  /**
   * Always true, so that Spark calls {@link #overwrite}, which refuses a condition it cannot
   * replace exactly with an error naming it (false would only give Spark's generic "does not
   * support overwrite by expression").
   */
  @Override
  public boolean canOverwrite(Predicate[] predicates) {
    return true;
  }

  /**
   * The DELETE of the rows to replace. Only exact conditions (see {@link ExactPredicates}) may
   * select them: a string comparison in Redshift ignores trailing blanks (and may ignore case), so
   * its DELETE would remove rows Spark's condition does not match, or keep rows it does.
   *
   * @throws IllegalArgumentException naming the first condition that is not exact
   */
  @Override
  public RedshiftWriteBuilder overwrite(Predicate[] predicates) {
    PredicateCompiler compiler = new PredicateCompiler();
    List<String> where = new ArrayList<>();
    for (Predicate p : predicates) {
      if (p instanceof AlwaysTrue) {
        continue;
      }
      Optional<String> sql =
          ExactPredicates.isExact(p, tableSchema) ? compiler.compile(p) : Optional.empty();
      if (sql.isEmpty()) {
        throw notExact(p);
      }
      where.add(sql.get());
    }
    request = new WriteRequest.Overwrite(where);
    return this;
  }

  private IllegalArgumentException notExact(Predicate p) {
    return new IllegalArgumentException(
        "Cannot overwrite the rows of table "
            + target.quoted()
            + " where "
            + PredicateText.of(p)
            + ": Redshift might delete other rows than those Spark's condition matches (string"
            + " comparisons ignore trailing blanks and may ignore case; floats and other"
            + " expressions are not known to match). Only comparisons, IN and IS [NOT] NULL on"
            + " numeric, decimal, boolean, date or timestamp columns (with AND, OR, NOT) can"
            + " select the rows to replace. To replace rows by a string key, use option"
            + " 'mergeKeys' (append mode, an upsert); or overwrite the whole table.");
  }

  @Override
  public RedshiftWriteBuilder truncate() {
    request = new WriteRequest.Overwrite(List.of());
    return this;
  }

  @Override
  public Write build() {
    // Set by SaveModes on its nested append for errorifexists and ignore.
    String createOnly = info.options().get(SaveModes.CREATE_ONLY);
    return new RedshiftWrite(
        options,
        target,
        info,
        createOnly == null ? request : new WriteRequest.CreateOnly(createOnly));
  }
}
