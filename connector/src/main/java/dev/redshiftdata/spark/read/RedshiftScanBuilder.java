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
import dev.redshiftdata.spark.sql.SqlLimits;
import dev.redshiftdata.spark.types.MappingOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
  private final StructType tableSchema;
  private final StructType redshiftSchema;

  /**
   * The columns Redshift may filter, aggregate and order for Spark: all but TIMESTAMPs read as
   * instants in a zone with DST or an offset ({@code timestampType=ltz}), whose wall clocks
   * Redshift compares and orders otherwise than Spark compares their instants (DST gaps and
   * overlaps).
   */
  private final StructType pushable;

  /** The zone of TIMESTAMP wall clocks read as {@code TimestampType}; null when UTC. */
  private final String wallClockZone;

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

  /** The read's statement sizes, on the paths budgets keep (see {@link #size()}). */
  private ReadStatementSize size;

  RedshiftScanBuilder(
      RedshiftOptions options,
      RedshiftTable.ReadSource source,
      StructType schema,
      StructType redshiftSchema) {
    this.options = options;
    this.source = source;
    this.tableSchema = schema;
    this.readSchema = schema;
    this.redshiftSchema = redshiftSchema;
    MappingOptions mapping = RedshiftTable.mappingOptions(options);
    this.wallClockZone = mapping.shiftsWallClocks() ? mapping.wallClockZone() : null;
    this.pushable = mapping.comparableColumns(redshiftSchema);
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
      boolean safe = ExactPredicates.classify(p, pushable) != Pushdown.UNSAFE;
      (safe ? candidates : spark).add(p);
    }
    // Pushed predicates must leave the statement within the Data API's limit whatever columns are
    // read later: those that do not fit stay in Spark, which evaluates them.
    long room = size().roomForWhere(smallestForm(tableSchema));
    PredicateCompiler.Split split =
        new PredicateCompiler().split(candidates.toArray(new Predicate[0]), room);
    if (!split.unpushed().isEmpty()) {
      LOG.debug("Predicates left in Spark (not supported, or over {} bytes of WHERE)", room);
    }
    pushed = split.pushed().toArray(new Predicate[0]);
    whereSql = split.sql();
    spark.addAll(split.unpushed());
    for (Predicate p : split.pushed()) {
      if (!ExactPredicates.isExact(p, pushable)) {
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
    Optional<CompiledAggregation> c = AggregateCompiler.compile(a, pushable);
    if (c.isEmpty()) {
      LOG.debug("Skipping aggregate pushdown: an aggregate or grouping is not supported");
      return c;
    }
    if (!size().fits(aggregateForm(base(orderBy, limit), c.get()))) {
      LOG.debug("Skipping aggregate pushdown: the statement would be over the Data API's limit");
      return Optional.empty();
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
    Integer newLimit = limit == null ? n : Math.min(limit, n);
    if (!size().fits(smallestForm(base(keys, newLimit)))) {
      LOG.debug("Skipping top-N pushdown: the statement would be over the Data API's limit");
      return false;
    }
    orderBy = List.copyOf(keys);
    limit = newLimit;
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
    StructType schema;
    ReadStatementSize.Form form;
    String mode = "";
    if (aggregation != null) {
      // Spark does not prune an aggregated scan: it reads group_col_i then agg_func_i.
      schema = aggregation.schema();
      form = aggregateForm(base(orderBy, limit), aggregation);
    } else {
      schema = readSchema;
      SelectBuilder base = base(orderBy, limit);
      form = columnsForm(base, readSchema);
      if (!size().fits(form)) {
        // Too many (or too long) column names to list: read every column by position instead.
        Optional<ReadStatementSize.Form> star = starForm(base, readSchema, size());
        if (star.isPresent() && size().fits(star.get())) {
          form = star.get();
          mode = ", all columns: the column list is over the Data API's statement limit";
        }
      }
    }
    if (!size().fits(form)) {
      throw tooLarge(form);
    }
    PushedOperators ops =
        new PushedOperators(
            pushed.length,
            aggregation == null ? List.of() : aggregation.selectItems(),
            aggregation == null ? List.of() : aggregation.groupBy(),
            orderBy,
            sqlLimit(limit),
            offset);
    String sql = form.sql();
    ReadPathChooser.Choice choice;
    ReadStatementSize all = ReadStatementSize.of(options);
    if (all.unloadOptional() && !all.fitsUnload(form)) {
      choice =
          new ReadPathChooser.Choice(
              ReadPathChooser.ReadPath.DIRECT,
              "readMode=auto: the UNLOAD would be over the Data API's statement limit, direct only",
              false);
    } else {
      choice = ReadPathChooser.choose(options, knownRowBound(sqlLimit(limit)), () -> explain(sql));
    }
    LOG.info(
        "Reading {} on the {} path: {}{}", source.describe(), choice.path(), choice.reason(), mode);
    return new RedshiftScan(options, schema, form.select(), ops, form.columns(), choice);
  }

  /**
   * The paths whose statements must fit: in {@code auto} mode the unload path is left out (the read
   * stays direct) when even the smallest select of the table does not fit it.
   */
  private ReadStatementSize size() {
    if (size == null) {
      ReadStatementSize all = ReadStatementSize.of(options);
      size = all;
      if (all.unloadOptional()
          && !all.fitsUnload(smallestForm(base(orderBy, limit), tableSchema, all))) {
        size = all.withoutUnload();
      }
    }
    return size;
  }

  /** The SELECT so far without its select list: source, pushed WHERE, ORDER BY, LIMIT, OFFSET. */
  private SelectBuilder base(List<String> sortKeys, Integer rows) {
    SelectBuilder select = source.select().withWhere(whereSql).withOrderBy(sortKeys);
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
  private Long sqlLimit(Integer rows) {
    return rows == null ? null : (long) Math.max(0, rows - offset);
  }

  /** The smallest select of these columns the read can send, for budgets: listed or all. */
  private ReadStatementSize.Form smallestForm(StructType columns) {
    return smallestForm(base(orderBy, limit), columns, size());
  }

  private ReadStatementSize.Form smallestForm(SelectBuilder base) {
    return smallestForm(base, tableSchema, size());
  }

  private ReadStatementSize.Form smallestForm(
      SelectBuilder base, StructType columns, ReadStatementSize sizes) {
    if (aggregation != null) {
      return aggregateForm(base, aggregation);
    }
    ReadStatementSize.Form listed = columnsForm(base, columns);
    Optional<ReadStatementSize.Form> star = starForm(base, columns, sizes);
    return star.isPresent() && sizes.bytes(star.get()) < sizes.bytes(listed) ? star.get() : listed;
  }

  private static ReadStatementSize.Form aggregateForm(SelectBuilder base, CompiledAggregation a) {
    SelectBuilder select = base.withSelectItems(a.selectItems()).withGroupBy(a.groupBy());
    return new ReadStatementSize.Form(
        select, UnloadColumns.plan(a.schema(), List.of(a.schema().fieldNames())));
  }

  /** {@code SELECT "c1", "c2", ...}: the columns by name. */
  private ReadStatementSize.Form columnsForm(SelectBuilder base, StructType read) {
    List<String> names = sourceNames(read);
    return new ReadStatementSize.Form(
        base.withColumns(names), UnloadColumns.plan(typed(read), names, wallClockZone));
  }

  /**
   * {@code SELECT *} of a table, whose result columns the readers take by name (the direct path's
   * decoder, the Parquet reader on the unload path); empty for a query, whose result columns may
   * repeat a name, or when the unload path may run and cannot unload {@code *} (see {@link
   * UnloadColumns#planStar}).
   */
  private Optional<ReadStatementSize.Form> starForm(
      SelectBuilder base, StructType read, ReadStatementSize sizes) {
    if (source.table() == null || read.fields().length == 0) {
      return Optional.empty();
    }
    List<String> names = sourceNames(read);
    Optional<UnloadColumns> columns =
        UnloadColumns.planStar(typed(read), names, redshiftSchema, wallClockZone);
    if (columns.isEmpty() && sizes.unload()) {
      return Optional.empty();
    }
    return Optional.of(
        new ReadStatementSize.Form(
            base, columns.orElseGet(() -> UnloadColumns.plan(typed(read), names, wallClockZone))));
  }

  /** Each read column's name in Redshift. */
  private List<String> sourceNames(StructType read) {
    List<String> columns = new ArrayList<>();
    for (StructField f : read.fields()) {
      StructField real = RedshiftTable.find(redshiftSchema, f.name());
      columns.add(real != null ? real.name() : f.name());
    }
    return columns;
  }

  /**
   * The read columns with Redshift's type of each: the unload path needs it, even under a user
   * schema.
   */
  private StructType typed(StructType read) {
    StructType typed = new StructType();
    for (StructField f : read.fields()) {
      StructField real = RedshiftTable.find(redshiftSchema, f.name());
      typed =
          typed.add(
              new StructField(
                  f.name(),
                  f.dataType(),
                  f.nullable(),
                  real != null ? real.metadata() : f.metadata()));
    }
    return typed;
  }

  /** The statement cannot be sent: says how large it is and what to change. */
  private IllegalArgumentException tooLarge(ReadStatementSize.Form form) {
    String hint =
        source.table() == null
            ? "Shorten 'query' or select fewer columns in it"
            : "Read fewer columns"
                + (size().unload()
                    ? ", or set 'readMode' to 'direct' (the unload path cannot unload every column"
                        + " of this table as is)"
                    : "");
    return new IllegalArgumentException(
        "Cannot read "
            + source.describe()
            + ": its statement would be "
            + String.format(Locale.ROOT, "%,d", size().bytes(form))
            + " bytes (UTF-8"
            + (size().unload() ? ", as UNLOAD quotes it" : "")
            + "), over the Data API's limit of "
            + String.format(Locale.ROOT, "%,d", SqlLimits.MAX_SQL_BYTES)
            + " bytes per statement. "
            + hint
            + ".");
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
      List<String> lines = new ArrayList<>();
      for (List<Field> record : api.query(StatementRequest.sql("EXPLAIN " + sql)).records()) {
        if (!record.isEmpty() && record.get(0).stringValue() != null) {
          lines.add(record.get(0).stringValue());
        }
      }
      return ReadPathChooser.parseExplain(lines);
    } catch (RedshiftDataException e) {
      LOG.warn("Cannot estimate the result size with EXPLAIN: {}", e.getMessage());
      return Optional.empty();
    }
  }
}
