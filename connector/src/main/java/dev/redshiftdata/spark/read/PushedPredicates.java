package dev.redshiftdata.spark.read;

import dev.redshiftdata.spark.sql.ExactPredicates;
import dev.redshiftdata.spark.sql.ExactPredicates.Pushdown;
import dev.redshiftdata.spark.sql.PredicateCompiler;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.connector.expressions.filter.Predicate;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which of Spark's predicates Redshift evaluates in the read's WHERE, and which Spark evaluates
 * above the scan.
 *
 * @param pushed the predicates in the WHERE
 * @param where each pushed predicate's SQL
 * @param leftInSpark the predicates Spark evaluates: those not pushed, then the pushed ones
 *     Redshift answers with a superset of the rows ({@link ExactPredicates#isExact})
 */
record PushedPredicates(List<Predicate> pushed, List<String> where, List<Predicate> leftInSpark) {
  private static final Logger LOG = LoggerFactory.getLogger(PushedPredicates.class);

  static final PushedPredicates NONE = new PushedPredicates(List.of(), List.of(), List.of());

  PushedPredicates {
    pushed = List.copyOf(pushed);
    where = List.copyOf(where);
    leftInSpark = List.copyOf(leftInSpark);
  }

  /** None pushed: Spark evaluates them all ({@code pushDownPredicates=false}). */
  static PushedPredicates keptInSpark(Predicate[] predicates) {
    return new PushedPredicates(List.of(), List.of(), List.of(predicates));
  }

  /**
   * Pushes those {@link PredicateCompiler} compiles, unless Redshift could drop rows Spark keeps
   * ({@link ExactPredicates#classify} UNSAFE), as long as their SQL fits in {@code maxWhereBytes}.
   *
   * @param pushable the columns Redshift may compare for Spark
   */
  static PushedPredicates split(Predicate[] predicates, StructType pushable, long maxWhereBytes) {
    List<Predicate> spark = new ArrayList<>();
    List<Predicate> candidates = new ArrayList<>();
    for (Predicate p : predicates) {
      boolean safe = ExactPredicates.classify(p, pushable) != Pushdown.UNSAFE;
      (safe ? candidates : spark).add(p);
    }
    PredicateCompiler.Split split =
        new PredicateCompiler().split(candidates.toArray(new Predicate[0]), maxWhereBytes);
    if (!split.unpushed().isEmpty()) {
      LOG.debug(
          "Predicates left in Spark (not supported, or over {} bytes of WHERE)", maxWhereBytes);
    }
    spark.addAll(split.unpushed());
    for (Predicate p : split.pushed()) {
      if (!ExactPredicates.isExact(p, pushable)) {
        spark.add(p);
      }
    }
    return new PushedPredicates(split.pushed(), split.sql(), spark);
  }
}
