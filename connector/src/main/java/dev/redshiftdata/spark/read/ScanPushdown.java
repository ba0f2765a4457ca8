package dev.redshiftdata.spark.read;

import dev.redshiftdata.spark.sql.AggregateCompiler.CompiledAggregation;
import dev.redshiftdata.spark.sql.ExactPredicates;
import dev.redshiftdata.spark.sql.Identifiers;
import dev.redshiftdata.spark.sql.SelectBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.spark.sql.connector.expressions.Expressions;
import org.apache.spark.sql.connector.expressions.FieldReference;
import org.apache.spark.sql.connector.expressions.NamedReference;
import org.apache.spark.sql.connector.expressions.SortOrder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * What a read has pushed into its SELECT so far, the SQL that makes, and what may still be pushed
 * on top without changing Spark's rows. Each push makes a new value.
 *
 * @param predicates the pushed predicates and those Spark still evaluates
 * @param aggregation the pushed aggregation, or null
 * @param orderBy the ORDER BY keys (SQL) of a pushed top-N
 * @param limit the LIMIT as Spark pushed it: rows before any pushed OFFSET is skipped; or null
 * @param offset the pushed OFFSET, 0 when none
 */
record ScanPushdown(
    PushedPredicates predicates,
    CompiledAggregation aggregation,
    List<String> orderBy,
    Integer limit,
    int offset) {

  static final ScanPushdown NONE =
      new ScanPushdown(PushedPredicates.NONE, null, List.of(), null, 0);

  ScanPushdown withPredicates(PushedPredicates p) {
    return new ScanPushdown(p, aggregation, orderBy, limit, offset);
  }

  ScanPushdown withAggregation(CompiledAggregation a) {
    return new ScanPushdown(predicates, a, orderBy, limit, offset);
  }

  ScanPushdown withTopN(List<String> keys, int n) {
    return new ScanPushdown(predicates, aggregation, List.copyOf(keys), limitWith(n), offset);
  }

  ScanPushdown withLimit(int n) {
    return new ScanPushdown(predicates, aggregation, orderBy, limitWith(n), offset);
  }

  ScanPushdown withOffset(int n) {
    return new ScanPushdown(predicates, aggregation, orderBy, limit, n);
  }

  /** The LIMIT once {@code n} is pushed too: Spark may push a smaller one after a larger. */
  Integer limitWith(int n) {
    return limit == null ? n : Math.min(limit, n);
  }

  /**
   * Whether an aggregate may be pushed: only over the rows Spark would aggregate, so with no
   * predicate left in Spark, no LIMIT or OFFSET, and no aggregate already.
   */
  boolean acceptsAggregate() {
    return predicates.leftInSpark().isEmpty()
        && aggregation == null
        && limit == null
        && offset == 0;
  }

  /**
   * Whether a LIMIT, top-N or OFFSET may be pushed: not while Spark still filters the scan's rows,
   * nor after an OFFSET (it would apply before a LIMIT pushed now; Spark never asks so).
   */
  boolean acceptsLimit() {
    return predicates.leftInSpark().isEmpty() && offset == 0;
  }

  /**
   * The SELECT from {@code source} without its select list: pushed WHERE, ORDER BY, LIMIT, OFFSET.
   */
  SelectBuilder select(SelectBuilder source) {
    return select(source, orderBy, limit);
  }

  /** The same with other ORDER BY keys and LIMIT, to size a top-N before it is pushed. */
  SelectBuilder select(SelectBuilder source, List<String> sortKeys, Integer rows) {
    SelectBuilder select = source.withWhere(predicates.where()).withOrderBy(sortKeys);
    Long sqlLimit = sqlLimit(rows);
    if (sqlLimit != null) {
      select = select.withLimit(sqlLimit);
    }
    if (offset > 0) {
      select = select.withOffset(offset);
    }
    return select;
  }

  /** The SQL LIMIT: Spark pushes LIMIT first, counting rows before the OFFSET; SQL skips first. */
  Long sqlLimit(Integer rows) {
    return rows == null ? null : (long) Math.max(0, rows - offset);
  }

  /** At most this many rows: a pushed LIMIT, or one row for an aggregate without GROUP BY. */
  OptionalLong knownRowBound() {
    if (aggregation != null && aggregation.groupBy().isEmpty()) {
      return OptionalLong.of(1);
    }
    Long sqlLimit = sqlLimit(limit);
    return sqlLimit == null ? OptionalLong.empty() : OptionalLong.of(sqlLimit);
  }

  PushedOperators operators() {
    return new PushedOperators(
        predicates.pushed().size(),
        aggregation == null ? List.of() : aggregation.selectItems(),
        aggregation == null ? List.of() : aggregation.groupBy(),
        orderBy,
        sqlLimit(limit),
        offset);
  }

  /**
   * The ORDER BY keys of a top-N, or empty when one cannot be pushed: each key must be a plain
   * top-level column that Redshift orders as Spark does (not strings, floats or binary); after a
   * pushed aggregate, only a GROUP BY column.
   *
   * @param pushable the columns Redshift may compare and order for Spark
   */
  Optional<List<String>> sortKeys(SortOrder[] orders, StructType pushable) {
    List<String> keys = new ArrayList<>();
    for (SortOrder order : orders) {
      Optional<String> key = sortKey(order, pushable);
      if (key.isEmpty()) {
        return Optional.empty();
      }
      keys.add(key.get());
    }
    return Optional.of(keys);
  }

  private Optional<String> sortKey(SortOrder order, StructType pushable) {
    if (!(order.expression() instanceof NamedReference ref) || ref.fieldNames().length != 1) {
      return Optional.empty();
    }
    StructField real = RedshiftTable.find(pushable, ref.fieldNames()[0]);
    if (real == null || !ExactPredicates.comparesLikeSpark(real.dataType())) {
      return Optional.empty();
    }
    if (aggregation != null && !aggregation.groupBy().contains(Identifiers.quote(real.name()))) {
      return Optional.empty();
    }
    return SelectBuilder.sortKey(
        Expressions.sort(
            FieldReference.column(real.name()), order.direction(), order.nullOrdering()));
  }
}
