package dev.redshiftdata.spark.read;

import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.dataapi.DataApi;
import dev.redshiftdata.spark.dataapi.RedshiftDataException;
import dev.redshiftdata.spark.dataapi.StatementRequest;
import dev.redshiftdata.spark.sql.PredicateCompiler;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.spark.sql.connector.expressions.filter.Predicate;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.read.SupportsPushDownRequiredColumns;
import org.apache.spark.sql.connector.read.SupportsPushDownV2Filters;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.redshiftdata.model.Field;
import software.amazon.awssdk.services.redshiftdata.model.GetStatementResultResponse;

/**
 * Column pruning and predicate pushdown. Pushed predicates are also returned to Spark, which
 * evaluates them again after the scan (cheap, and safe against any semantic difference).
 */
final class RedshiftScanBuilder
    implements ScanBuilder, SupportsPushDownRequiredColumns, SupportsPushDownV2Filters {

  private static final Logger LOG = LoggerFactory.getLogger(RedshiftScanBuilder.class);

  private final RedshiftOptions options;
  private final RedshiftTable.ReadSource source;
  private final StructType redshiftSchema;
  private StructType readSchema;
  private Predicate[] pushed = new Predicate[0];
  private List<String> whereSql = List.of();

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
      return predicates;
    }
    PredicateCompiler.Split split =
        new PredicateCompiler().split(predicates, PredicateCompiler.DEFAULT_MAX_WHERE_CHARS);
    pushed = split.pushed().toArray(new Predicate[0]);
    whereSql = split.sql();
    // All of them stay in Spark as post-scan filters too.
    return predicates;
  }

  @Override
  public Predicate[] pushedPredicates() {
    return pushed.clone();
  }

  @Override
  public Scan build() {
    List<String> columns = new ArrayList<>();
    StructType typed = new StructType();
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
    String sql = source.select().withColumns(columns).withWhere(whereSql).build();
    ReadPathChooser.Choice choice =
        ReadPathChooser.choose(options, OptionalLong.empty(), () -> explain(sql));
    LOG.info("Reading {} on the {} path: {}", source.describe(), choice.path(), choice.reason());
    return new RedshiftScan(
        options, readSchema, sql, UnloadColumns.plan(typed, columns), pushed.length, choice);
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
