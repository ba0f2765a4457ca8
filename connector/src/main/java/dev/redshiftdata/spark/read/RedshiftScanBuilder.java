package dev.redshiftdata.spark.read;

import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.sql.PredicateCompiler;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.connector.expressions.filter.Predicate;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.read.SupportsPushDownRequiredColumns;
import org.apache.spark.sql.connector.read.SupportsPushDownV2Filters;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Column pruning and predicate pushdown. Pushed predicates are also returned to Spark, which
 * evaluates them again after the scan (cheap, and safe against any semantic difference).
 */
final class RedshiftScanBuilder
    implements ScanBuilder, SupportsPushDownRequiredColumns, SupportsPushDownV2Filters {

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
    if (options.readMode() == RedshiftOptions.ReadMode.UNLOAD) {
      throw new UnsupportedOperationException(
          "Cannot read with readMode 'unload': this build reads only through the direct path"
              + " (GetStatementResult pages). Set readMode to 'direct' or 'auto'.");
    }
    List<String> columns = new ArrayList<>();
    for (StructField f : readSchema.fields()) {
      StructField real = RedshiftTable.find(redshiftSchema, f.name());
      columns.add(real != null ? real.name() : f.name());
    }
    String sql = source.select().withColumns(columns).withWhere(whereSql).build();
    return new RedshiftScan(options, readSchema, sql, pushed.length);
  }
}
