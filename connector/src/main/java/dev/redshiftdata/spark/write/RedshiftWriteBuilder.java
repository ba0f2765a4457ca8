package dev.redshiftdata.spark.write;

import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.sql.ColumnMatcher;
import dev.redshiftdata.spark.sql.PredicateCompiler;
import dev.redshiftdata.spark.sql.TableName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.connector.expressions.filter.AlwaysTrue;
import org.apache.spark.sql.connector.expressions.filter.Predicate;
import org.apache.spark.sql.connector.write.LogicalWriteInfo;
import org.apache.spark.sql.connector.write.SupportsOverwriteV2;
import org.apache.spark.sql.connector.write.SupportsTruncate;
import org.apache.spark.sql.connector.write.Write;

/**
 * Chooses the write: append (the default), overwrite of every row ({@link #truncate()}: {@code
 * DELETE FROM target}, not TRUNCATE, which commits implicitly) or overwrite of the rows matching
 * pushed predicates ({@code DELETE FROM target WHERE ...}); the DELETE runs in the COPY's
 * transaction, so readers see the old rows or the new ones, never an empty table.
 */
public final class RedshiftWriteBuilder implements SupportsTruncate, SupportsOverwriteV2 {

  private final RedshiftOptions options;
  private final TableName target;
  private final LogicalWriteInfo info;

  /** null: append; empty: delete every row first; else the WHERE conjuncts of the DELETE. */
  private List<String> deleteWhere;

  public RedshiftWriteBuilder(RedshiftOptions options, TableName target, LogicalWriteInfo info) {
    // Before any statement: the write's columns must be nameable in Redshift.
    ColumnMatcher.requireNamedColumns(info.schema(), target.quoted());
    this.options = options;
    this.target = target;
    this.info = info;
  }

  @Override
  public boolean canOverwrite(Predicate[] predicates) {
    PredicateCompiler compiler = new PredicateCompiler();
    for (Predicate p : predicates) {
      if (!(p instanceof AlwaysTrue) && compiler.compile(p).isEmpty()) {
        return false;
      }
    }
    return true;
  }

  @Override
  public RedshiftWriteBuilder overwrite(Predicate[] predicates) {
    PredicateCompiler compiler = new PredicateCompiler();
    List<String> where = new ArrayList<>();
    for (Predicate p : predicates) {
      if (p instanceof AlwaysTrue) {
        continue;
      }
      Optional<String> sql = compiler.compile(p);
      if (sql.isEmpty()) {
        throw new IllegalArgumentException(
            "Cannot overwrite rows of table "
                + target.quoted()
                + ": a condition using '"
                // never p.toString(): Spark's own SQL rendering can throw or recurse
                + p.name()
                + "' has no Redshift equivalent. Use a simpler condition.");
      }
      where.add(sql.get());
    }
    deleteWhere = where;
    return this;
  }

  @Override
  public RedshiftWriteBuilder truncate() {
    deleteWhere = List.of();
    return this;
  }

  @Override
  public Write build() {
    return new RedshiftWrite(options, target, info, deleteWhere);
  }
}
