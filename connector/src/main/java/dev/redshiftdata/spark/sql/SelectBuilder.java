package dev.redshiftdata.spark.sql;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.spark.sql.connector.expressions.NamedReference;
import org.apache.spark.sql.connector.expressions.NullOrdering;
import org.apache.spark.sql.connector.expressions.SortDirection;
import org.apache.spark.sql.connector.expressions.SortOrder;

/**
 * Builds the read {@code SELECT} from a table or a user query. Immutable: every {@code with...}
 * returns a new builder. Items passed as SQL ({@link #withSelectItems}, {@link #withWhere}, ...)
 * must come from this package's compilers; column names passed to {@link #withColumns} are quoted
 * here.
 *
 * <pre>
 * SELECT &lt;items&gt; FROM &lt;source&gt; [WHERE (p1) AND (p2)] [GROUP BY ...] [ORDER BY ...]
 *   [LIMIT n] [OFFSET m]
 * </pre>
 *
 * A user query becomes a derived table {@code (<query>\n) AS q}: trailing semicolons and the
 * comments around them are removed ({@link UserQuery}), and the closing parenthesis goes on its own
 * line so a {@code --} comment cannot swallow it.
 */
public final class SelectBuilder {

  /** Alias of a user query wrapped as a derived table. */
  public static final String QUERY_ALIAS = "q";

  /** Select list used when Spark needs no column at all (e.g. {@code count()} not pushed). */
  static final String NO_COLUMNS = "1 AS " + Identifiers.quote("_");

  private final String source;
  private final List<String> selectItems;
  private final List<String> where;
  private final List<String> groupBy;
  private final List<String> orderBy;
  private final Long limit;
  private final Long offset;

  private SelectBuilder(
      String source,
      List<String> selectItems,
      List<String> where,
      List<String> groupBy,
      List<String> orderBy,
      Long limit,
      Long offset) {
    this.source = source;
    this.selectItems = selectItems;
    this.where = where;
    this.groupBy = groupBy;
    this.orderBy = orderBy;
    this.limit = limit;
    this.offset = offset;
  }

  /** Reads a table: {@code SELECT * FROM "schema"."table"}. */
  public static SelectBuilder fromTable(TableName table) {
    return new SelectBuilder(table.quoted(), null, List.of(), List.of(), List.of(), null, null);
  }

  /** Reads a user query as a derived table: {@code SELECT * FROM (<query>\n) AS q}. */
  public static SelectBuilder fromQuery(String query) {
    return new SelectBuilder(derived(query), null, List.of(), List.of(), List.of(), null, null);
  }

  /**
   * The schema probe: no rows, only result metadata. {@code SELECT * FROM (<query>\n) AS q LIMIT
   * 0}.
   */
  public static String schemaProbe(String query) {
    return "SELECT * FROM " + derived(query) + " LIMIT 0";
  }

  /** The schema probe of a table: {@code SELECT * FROM "s"."t" LIMIT 0}. */
  public static String schemaProbe(TableName table) {
    return "SELECT * FROM " + table.quoted() + " LIMIT 0";
  }

  /** Projects these columns, quoted; an empty list selects a constant ({@code 1 AS "_"}). */
  public SelectBuilder withColumns(List<String> columnNames) {
    List<String> items =
        columnNames.isEmpty()
            ? List.of(NO_COLUMNS)
            : columnNames.stream().map(Identifiers::quote).toList();
    return withSelectItems(items);
  }

  /** Projects these select items, already SQL (e.g. from {@link AggregateCompiler}). */
  public SelectBuilder withSelectItems(List<String> items) {
    return new SelectBuilder(source, List.copyOf(items), where, groupBy, orderBy, limit, offset);
  }

  /** ANDs these predicates, already SQL (from {@link PredicateCompiler}). */
  public SelectBuilder withWhere(List<String> predicates) {
    return new SelectBuilder(
        source, selectItems, List.copyOf(predicates), groupBy, orderBy, limit, offset);
  }

  /** Groups by these expressions, already SQL. */
  public SelectBuilder withGroupBy(List<String> expressions) {
    return new SelectBuilder(
        source, selectItems, where, List.copyOf(expressions), orderBy, limit, offset);
  }

  /** Orders by these sort keys, already SQL (from {@link #sortKey}). */
  public SelectBuilder withOrderBy(List<String> sortKeys) {
    return new SelectBuilder(
        source, selectItems, where, groupBy, List.copyOf(sortKeys), limit, offset);
  }

  public SelectBuilder withLimit(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("LIMIT must not be negative: " + n);
    }
    return new SelectBuilder(source, selectItems, where, groupBy, orderBy, n, offset);
  }

  public SelectBuilder withOffset(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("OFFSET must not be negative: " + n);
    }
    return new SelectBuilder(source, selectItems, where, groupBy, orderBy, limit, n);
  }

  /** The SELECT as plain text. */
  public String build() {
    StringBuilder sb = new StringBuilder("SELECT ");
    sb.append(selectItems == null ? "*" : String.join(", ", selectItems));
    sb.append(" FROM ").append(source);
    if (!where.isEmpty()) {
      sb.append(" WHERE (").append(String.join(") AND (", where)).append(')');
    }
    if (!groupBy.isEmpty()) {
      sb.append(" GROUP BY ").append(String.join(", ", groupBy));
    }
    if (!orderBy.isEmpty()) {
      sb.append(" ORDER BY ").append(String.join(", ", orderBy));
    }
    if (limit != null) {
      sb.append(" LIMIT ").append(limit);
    }
    if (offset != null && offset > 0) {
      sb.append(" OFFSET ").append(offset);
    }
    return sb.toString();
  }

  /**
   * The SELECT for UNLOAD, which refuses a LIMIT in the outer select: with a LIMIT or OFFSET the
   * select is nested, {@code SELECT * FROM (<select>) AS q}.
   */
  public String buildForUnload() {
    String select = build();
    boolean limited = limit != null || offset != null && offset > 0;
    return limited ? "SELECT * FROM (" + select + ") AS " + QUERY_ALIAS : select;
  }

  /**
   * A sort key with its null ordering always explicit (Redshift and Spark put nulls at different
   * ends by default): {@code "c" DESC NULLS LAST}. Empty for anything but a top-level column.
   */
  public static Optional<String> sortKey(SortOrder order) {
    if (!(order.expression() instanceof NamedReference ref) || ref.fieldNames().length != 1) {
      return Optional.empty();
    }
    String direction = order.direction() == SortDirection.DESCENDING ? "DESC" : "ASC";
    String nulls = order.nullOrdering() == NullOrdering.NULLS_FIRST ? "NULLS FIRST" : "NULLS LAST";
    return Optional.of(Identifiers.quote(ref.fieldNames()[0]) + " " + direction + " " + nulls);
  }

  private static String derived(String query) {
    Objects.requireNonNull(query, "query");
    return "(" + UserQuery.body(query) + "\n) AS " + QUERY_ALIAS;
  }
}
