package dev.redshiftdata.spark.read;

import java.util.List;

/**
 * What a scan pushed into its Redshift SQL besides the columns, as shown by {@link
 * RedshiftScan#description()}.
 *
 * @param predicates how many of Spark's predicates Redshift evaluates
 * @param aggregates the pushed aggregate select items (SQL), empty when none
 * @param groupBy the pushed GROUP BY columns (SQL)
 * @param topN the pushed ORDER BY keys (SQL) of a top-N, empty when none
 * @param limit the LIMIT in the SQL, or null
 * @param offset the OFFSET in the SQL, 0 when none
 */
record PushedOperators(
    int predicates,
    List<String> aggregates,
    List<String> groupBy,
    List<String> topN,
    Long limit,
    long offset) {

  PushedOperators {
    aggregates = List.copyOf(aggregates);
    groupBy = List.copyOf(groupBy);
    topN = List.copyOf(topN);
  }

  /** Only predicates, as a plain filtered scan. */
  static PushedOperators predicatesOnly(int predicates) {
    return new PushedOperators(predicates, List.of(), List.of(), List.of(), null, 0);
  }

  /** {@code pushedPredicates=2, pushedAggregates=[...], pushedGroupBy=[...], ...}. */
  String describe() {
    StringBuilder sb = new StringBuilder("pushedPredicates=").append(predicates);
    if (!aggregates.isEmpty()) {
      sb.append(", pushedAggregates=").append(aggregates);
      sb.append(", pushedGroupBy=").append(groupBy);
    }
    if (!topN.isEmpty()) {
      sb.append(", pushedTopN=").append(topN);
    }
    if (limit != null) {
      sb.append(", pushedLimit=").append(limit);
    }
    if (offset > 0) {
      sb.append(", pushedOffset=").append(offset);
    }
    return sb.toString();
  }
}
