package dev.redshiftdata.spark.read;

import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.dataapi.DataApi;
import dev.redshiftdata.spark.dataapi.RedshiftDataException;
import dev.redshiftdata.spark.dataapi.StatementRequest;
import dev.redshiftdata.spark.sql.AggregateCompiler;
import dev.redshiftdata.spark.sql.AggregateCompiler.CompiledAggregation;
import dev.redshiftdata.spark.sql.ExactPredicates;
import dev.redshiftdata.spark.sql.ExactPredicates.Pushdown;
import dev.redshiftdata.spark.sql.Identifiers;
import dev.redshiftdata.spark.sql.PredicateCompiler;
import dev.redshiftdata.spark.sql.SelectBuilder;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.spark.sql.connector.expressions.Expressions;
import org.apache.spark.sql.connector.expressions.FieldReference;
import org.apache.spark.sql.connector.expressions.NamedReference;
import org.apache.spark.sql.connector.expressions.SortOrder;
import org.apache.spark.sql.connector.expressions.aggregate.Aggregation;
import org.apache.spark.sql.connector.expressions.filter.Predicate;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.read.SupportsPushDownAggregates;
import org.apache.spark.sql.connector.read.SupportsPushDownLimit;
import org.apache.spark.sql.connector.read.SupportsPushDownOffset;
import org.apache.spark.sql.connector.read.SupportsPushDownRequiredColumns;
import org.apache.spark.sql.connector.read.SupportsPushDownTopN;
import org.apache.spark.sql.connector.read.SupportsPushDownV2Filters;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.redshiftdata.model.Field;
import software.amazon.awssdk.services.redshiftdata.model.GetStatementResultResponse;

/**
 * Column pruning and the pushdown of predicates, aggregates, LIMIT, top-N and OFFSET into one
 * Redshift SELECT.
 *
 * <p>Predicates: those {@link PredicateCompiler} compiles are pushed unless Redshift could drop
 * rows Spark keeps ({@link ExactPredicates}: e.g. {@code <>} or {@code <} on strings, whose
 * trailing blanks Redshift ignores). Spark evaluates again those Redshift answers with a superset
 * (strings' {@code =}, {@code IN}, {@code LIKE}; floats, binary) and those not pushed. Spark pushes
 * aggregates, LIMIT and top-N only when no filter is left above the scan; this builder checks that
 * too, so an aggregate is never computed over rows that Spark would still have filtered.
 *
 * <p>Aggregates are pushed whole ({@link AggregateCompiler}, all-or-nothing) and completely: the
 * statement is one GROUP BY over the whole result, so Spark can drop its own aggregate. LIMIT and
 * top-N report {@link #isPartiallyPushed()} true, so Spark applies them again: with several
 * partitions reading one result (the UNLOAD path) the rows' order is not kept. OFFSET is exact (one
 * statement, one global result) once pushed.
 */
final class RedshiftScanBuilder
    implements ScanBuilder,
        SupportsPushDownRequiredColumns,
        SupportsPushDownV2Filters,
        SupportsPushDownAggregates,
        SupportsPushDownLimit,
        SupportsPushDownTopN,
        SupportsPushDownOffset {

  private static final Logger LOG = LoggerFactory.getLogger(RedshiftScanBuilder.class);

  private final RedshiftOptions options;
  private final RedshiftTable.ReadSource source;
  private final StructType redshiftSchema;
  private StructType readSchema;
  private Predicate[] pushed = new Predicate[0];
  private List<String> whereSql = List.of();

  /** Predicates Spark still evaluates above the scan; none for aggregates, LIMIT and top-N. */
  private int leftInSpark;

  private CompiledAggregation aggregation;
  private List<String> orderBy = List.of();

  /** The LIMIT as Spark pushed it: rows before any pushed OFFSET is skipped. */
  private Integer limit;

  private int offset;

  RedshiftScanBuilder(
      RedshiftOptions options,
      RedshiftTable.ReadSource source,
      StructType schema,
      StructType redshiftSchema) {
    this.options = options;
    this.source = source;
    this.readSchema = schema;
    this.redshiftSchema = redshiftSchema;
  }

  @Override
  public void pruneColumns(StructType requiredSchema) {
    readSchema = requiredSchema;
  }

  @Override
  public Predicate[] pushPredicates(Predicate[] predicates) {
    if (!options.pushDownPredicates()) {
      leftInSpark = predicates.length;
      return predicates;
    }
    // Redshift may drop rows Spark keeps for an unsafe predicate: those stay in Spark only.
    List<Predicate> spark = new ArrayList<>();
    List<Predicate> candidates = new ArrayList<>();
    for (Predicate p : predicates) {
      boolean safe = ExactPredicates.classify(p, redshiftSchema) != Pushdown.UNSAFE;
      (safe ? candidates : spark).add(p);
    }
    PredicateCompiler.Split split =
        new PredicateCompiler()
            .split(candidates.toArray(new Predicate[0]), PredicateCompiler.DEFAULT_MAX_WHERE_CHARS);
    pushed = split.pushed().toArray(new Predicate[0]);
    whereSql = split.sql();
    spark.addAll(split.unpushed());
    for (Predicate p : split.pushed()) {
      if (!ExactPredicates.isExact(p, redshiftSchema)) {
        spark.add(p);
      }
    }
    leftInSpark = spark.size();
    return spark.toArray(new Predicate[0]);
  }

  @Override
  public Predicate[] pushedPredicates() {
    return pushed.clone();
  }

  @Override
  public boolean supportCompletePushDown(Aggregation aggregation) {
    return compile(aggregation).isPresent();
  }

  @Override
  public boolean pushAggregation(Aggregation aggregation) {
    Optional<CompiledAggregation> compiled = compile(aggregation);
    compiled.ifPresent(c -> this.aggregation = c);
    return compiled.isPresent();
  }

  private Optional<CompiledAggregation> compile(Aggregation a) {
    if (!options.pushDownAggregates()) {
      return Optional.empty();
    }
    if (leftInSpark > 0 || aggregation != null || limit != null || offset > 0) {
      LOG.debug("Skipping aggregate pushdown: Spark still filters or limits the scan's rows");
      return Optional.empty();
    }
    Optional<CompiledAggregation> c = AggregateCompiler.compile(a, redshiftSchema);
    if (c.isEmpty()) {
      LOG.debug("Skipping aggregate pushdown: an aggregate or grouping is not supported");
    }
    return c;
  }

  @Override
  public boolean pushLimit(int n) {
    if (!canLimit()) {
      return false;
    }
    limit = limit == null ? n : Math.min(limit, n);
    return true;
  }

  @Override
  public boolean pushTopN(SortOrder[] orders, int n) {
    if (!canLimit() || orders.length == 0) {
      return false;
    }
    List<String> keys = new ArrayList<>();
    for (SortOrder order : orders) {
      Optional<String> key = sortKey(order);
      if (key.isEmpty()) {
        LOG.debug("Skipping top-N pushdown: a sort key is not a comparable top-level column");
        return false;
      }
      keys.add(key.get());
    }
    orderBy = List.copyOf(keys);
    limit = limit == null ? n : Math.min(limit, n);
    return true;
  }

  /**
   * The key of a plain top-level column that Redshift orders as Spark does (not strings, floats or
   * binary); after a pushed aggregate, only a GROUP BY column.
   */
  private Optional<String> sortKey(SortOrder order) {
    if (!(order.expression() instanceof NamedReference ref) || ref.fieldNames().length != 1) {
      return Optional.empty();
    }
    StructField real = RedshiftTable.find(redshiftSchema, ref.fieldNames()[0]);
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

  /**
   * Spark applies LIMIT and top-N again after the scan: with the UNLOAD path several partitions
   * read the one result and its order is not kept, so only Spark can cut it exactly.
   */
  @Override
  public boolean isPartiallyPushed() {
    return true;
  }

  @Override
  public boolean pushOffset(int n) {
    if (!options.pushDownLimit() || leftInSpark > 0 || offset > 0) {
      return false;
    }
    offset = n;
    return true;
  }

  private boolean canLimit() {
    // an OFFSET already pushed would apply before a LIMIT pushed now; Spark never asks so
    return options.pushDownLimit() && leftInSpark == 0 && offset == 0;
  }

  @Override
  public Scan build() {
    SelectBuilder select = source.select();
    StructType schema;
    StructType typed;
    List<String> sourceNames;
    if (aggregation != null) {
      // Spark does not prune an aggregated scan: it reads group_col_i then agg_func_i.
      select = select.withSelectItems(aggregation.selectItems()).withGroupBy(aggregation.groupBy());
      schema = aggregation.schema();
      typed = schema;
      sourceNames = List.of(schema.fieldNames());
    } else {
      List<String> columns = new ArrayList<>();
      typed = new StructType();
      for (StructField f : readSchema.fields()) {
        StructField real = RedshiftTable.find(redshiftSchema, f.name());
        columns.add(real != null ? real.name() : f.name());
        // The unload path needs Redshift's type of each column, even under a user schema.
        typed =
            typed.add(
                new StructField(
                    f.name(),
                    f.dataType(),
                    f.nullable(),
                    real != null ? real.metadata() : f.metadata()));
      }
      select = select.withColumns(columns);
      schema = readSchema;
      sourceNames = columns;
    }
    select = select.withWhere(whereSql).withOrderBy(orderBy);
    Long sqlLimit = null;
    if (limit != null) {
      // Spark pushes LIMIT first, counting rows before the OFFSET; SQL applies OFFSET first.
      sqlLimit = (long) Math.max(0, limit - offset);
      select = select.withLimit(sqlLimit);
    }
    if (offset > 0) {
      select = select.withOffset(offset);
    }
    PushedOperators ops =
        new PushedOperators(
            pushed.length,
            aggregation == null ? List.of() : aggregation.selectItems(),
            aggregation == null ? List.of() : aggregation.groupBy(),
            orderBy,
            sqlLimit,
            offset);
    String sql = select.build();
    ReadPathChooser.Choice choice =
        ReadPathChooser.choose(options, knownRowBound(sqlLimit), () -> explain(sql));
    LOG.info("Reading {} on the {} path: {}", source.describe(), choice.path(), choice.reason());
    return new RedshiftScan(
        options, schema, select, ops, UnloadColumns.plan(typed, sourceNames), choice);
  }

  /** At most this many rows: a pushed LIMIT, or one row for an aggregate without GROUP BY. */
  private OptionalLong knownRowBound(Long sqlLimit) {
    if (aggregation != null && aggregation.groupBy().isEmpty()) {
      return OptionalLong.of(1);
    }
    return sqlLimit == null ? OptionalLong.empty() : OptionalLong.of(sqlLimit);
  }

  /** Redshift's estimate for {@code sql}, from {@code EXPLAIN}; empty when it cannot tell. */
  private Optional<ReadPathChooser.Estimate> explain(String sql) {
    try {
      DataApi api = options.dataApi();
      String id = api.execute(StatementRequest.sql("EXPLAIN " + sql)).id();
      Iterator<GetStatementResultResponse> pages = api.resultPages(id);
      List<String> lines = new ArrayList<>();
      if (pages.hasNext()) {
        for (List<Field> record : pages.next().records()) {
          if (!record.isEmpty() && record.get(0).stringValue() != null) {
            lines.add(record.get(0).stringValue());
          }
        }
      }
      return ReadPathChooser.parseExplain(lines);
    } catch (RedshiftDataException e) {
      LOG.warn("Cannot estimate the result size with EXPLAIN: {}", e.getMessage());
      return Optional.empty();
    }
  }
}
