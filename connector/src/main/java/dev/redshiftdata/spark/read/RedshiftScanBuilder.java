package dev.redshiftdata.spark.read;

import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.dataapi.DataApi;
import dev.redshiftdata.spark.dataapi.RedshiftDataException;
import dev.redshiftdata.spark.dataapi.StatementRequest;
import dev.redshiftdata.spark.read.ReadStatementSize.Form;
import dev.redshiftdata.spark.sql.AggregateCompiler;
import dev.redshiftdata.spark.sql.AggregateCompiler.CompiledAggregation;
import dev.redshiftdata.spark.sql.ExactPredicates;
import dev.redshiftdata.spark.sql.PredicateCompiler;
import dev.redshiftdata.spark.sql.SelectBuilder;
import dev.redshiftdata.spark.types.MappingOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 *
 * <p>The decisions are Spark-free: {@link PushedPredicates} splits the predicates, {@link
 * ScanPushdown} holds what is pushed and what may follow, {@link ReadSelects} makes the SELECTs
 * that {@link ReadStatementSize} sizes. This class applies them in the order Spark pushes.
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
  private final ReadSelects selects;

  /**
   * The columns Redshift may filter, aggregate and order for Spark: all but TIMESTAMPs read as
   * instants in a zone with DST or an offset ({@code timestampType=ltz}), whose wall clocks
   * Redshift compares and orders otherwise than Spark compares their instants (DST gaps and
   * overlaps).
   */
  private final StructType pushable;

  private StructType readSchema;
  private ScanPushdown pushdown = ScanPushdown.NONE;

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
    MappingOptions mapping = RedshiftTable.mappingOptions(options);
    this.selects =
        new ReadSelects(
            source, redshiftSchema, mapping.shiftsWallClocks() ? mapping.wallClockZone() : null);
    this.pushable = mapping.comparableColumns(redshiftSchema);
  }

  @Override
  public void pruneColumns(StructType requiredSchema) {
    readSchema = requiredSchema;
  }

  @Override
  public Predicate[] pushPredicates(Predicate[] predicates) {
    PushedPredicates split;
    if (options.read().pushDownPredicates()) {
      // Pushed predicates must leave the statement within the Data API's limit whatever columns are
      // read later: those that do not fit stay in Spark, which evaluates them.
      long room = size().roomForWhere(smallestForm(select(), tableSchema, size()));
      split = PushedPredicates.split(predicates, pushable, room);
    } else {
      split = PushedPredicates.keptInSpark(predicates);
    }
    pushdown = pushdown.withPredicates(split);
    return split.leftInSpark().toArray(new Predicate[0]);
  }

  @Override
  public Predicate[] pushedPredicates() {
    return pushdown.predicates().pushed().toArray(new Predicate[0]);
  }

  @Override
  public boolean supportCompletePushDown(Aggregation aggregation) {
    return compile(aggregation).isPresent();
  }

  @Override
  public boolean pushAggregation(Aggregation aggregation) {
    Optional<CompiledAggregation> compiled = compile(aggregation);
    compiled.ifPresent(c -> pushdown = pushdown.withAggregation(c));
    return compiled.isPresent();
  }

  private Optional<CompiledAggregation> compile(Aggregation a) {
    if (!options.read().pushDownAggregates()) {
      return Optional.empty();
    }
    if (!pushdown.acceptsAggregate()) {
      LOG.debug("Skipping aggregate pushdown: Spark still filters or limits the scan's rows");
      return Optional.empty();
    }
    Optional<CompiledAggregation> c = AggregateCompiler.compile(a, pushable);
    if (c.isEmpty()) {
      LOG.debug("Skipping aggregate pushdown: an aggregate or grouping is not supported");
      return c;
    }
    if (!size().fits(ReadSelects.aggregate(select(), c.get()))) {
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
    pushdown = pushdown.withLimit(n);
    return true;
  }

  @Override
  public boolean pushTopN(SortOrder[] orders, int n) {
    if (!canLimit() || orders.length == 0) {
      return false;
    }
    Optional<List<String>> keys = pushdown.sortKeys(orders, pushable);
    if (keys.isEmpty()) {
      LOG.debug("Skipping top-N pushdown: a sort key is not a comparable top-level column");
      return false;
    }
    SelectBuilder topN = pushdown.select(source.select(), keys.get(), pushdown.limitWith(n));
    if (!size().fits(smallestForm(topN, tableSchema, size()))) {
      LOG.debug("Skipping top-N pushdown: the statement would be over the Data API's limit");
      return false;
    }
    pushdown = pushdown.withTopN(keys.get(), n);
    return true;
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
    if (!canLimit()) {
      return false;
    }
    pushdown = pushdown.withOffset(n);
    return true;
  }

  private boolean canLimit() {
    return options.read().pushDownLimit() && pushdown.acceptsLimit();
  }

  @Override
  public Scan build() {
    CompiledAggregation aggregation = pushdown.aggregation();
    StructType schema;
    Form form;
    String mode = "";
    if (aggregation != null) {
      // Spark does not prune an aggregated scan: it reads group_col_i then agg_func_i.
      schema = aggregation.schema();
      form = ReadSelects.aggregate(select(), aggregation);
    } else {
      schema = readSchema;
      form = selects.listed(select(), readSchema);
      if (!size().fits(form)) {
        // Too many (or too long) column names to list: read every column by position instead.
        Optional<Form> star = selects.star(select(), readSchema, size());
        if (star.isPresent() && size().fits(star.get())) {
          form = star.get();
          mode = ", all columns: the column list is over the Data API's statement limit";
        }
      }
    }
    if (!size().fits(form)) {
      throw selects.tooLarge(form, size());
    }
    ReadPathChooser.Choice choice = choosePath(form);
    LOG.info(
        "Reading {} on the {} path: {}{}", source.describe(), choice.path(), choice.reason(), mode);
    return new RedshiftScan(
        options, schema, form.select(), pushdown.operators(), form.columns(), choice);
  }

  private ReadPathChooser.Choice choosePath(Form form) {
    ReadStatementSize all = ReadStatementSize.of(options);
    if (all.unloadOptional() && !all.fitsUnload(form)) {
      return new ReadPathChooser.Choice(
          ReadPathChooser.ReadPath.DIRECT,
          "readMode=auto: the UNLOAD would be over the Data API's statement limit, direct only",
          false);
    }
    String sql = form.sql();
    return ReadPathChooser.choose(options, pushdown.knownRowBound(), () -> explain(sql));
  }

  /**
   * The paths whose statements must fit: in {@code auto} mode the unload path is left out (the read
   * stays direct) when even the smallest select of the table does not fit it.
   */
  private ReadStatementSize size() {
    if (size == null) {
      ReadStatementSize all = ReadStatementSize.of(options);
      size = all;
      if (all.unloadOptional() && !all.fitsUnload(smallestForm(select(), tableSchema, all))) {
        size = all.withoutUnload();
      }
    }
    return size;
  }

  /** The SELECT pushed so far, without its select list. */
  private SelectBuilder select() {
    return pushdown.select(source.select());
  }

  /** The smallest select of these columns the read can send, for budgets: listed or all. */
  private Form smallestForm(SelectBuilder base, StructType columns, ReadStatementSize sizes) {
    CompiledAggregation aggregation = pushdown.aggregation();
    return aggregation != null
        ? ReadSelects.aggregate(base, aggregation)
        : selects.smallest(base, columns, sizes);
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
