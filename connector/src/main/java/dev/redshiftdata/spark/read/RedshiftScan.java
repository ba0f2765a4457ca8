package dev.redshiftdata.spark.read;

import dev.redshiftdata.spark.config.Redaction;
import dev.redshiftdata.spark.config.RedshiftOptions;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.execution.WholeStageCodegenExec;
import org.apache.spark.sql.execution.datasources.parquet.ParquetUtils;
import org.apache.spark.sql.internal.SQLConf;
import org.apache.spark.sql.types.StructType;

/**
 * A read of one SELECT, on the path {@link ReadPathChooser} chose: the direct path (one partition
 * paging GetStatementResult) or the unload path (UNLOAD to Parquet, read in parallel).
 */
final class RedshiftScan implements Scan {

  private final RedshiftOptions options;
  private final StructType readSchema;
  private final String sql;
  private final UnloadColumns unloadColumns;
  private final int pushedPredicates;
  private final ReadPathChooser.Choice choice;
  private Batch batch;

  RedshiftScan(
      RedshiftOptions options,
      StructType readSchema,
      String sql,
      UnloadColumns unloadColumns,
      int pushedPredicates,
      ReadPathChooser.Choice choice) {
    this.options = options;
    this.readSchema = readSchema;
    this.sql = sql;
    this.unloadColumns = unloadColumns;
    this.pushedPredicates = pushedPredicates;
    this.choice = choice;
  }

  String sql() {
    return sql;
  }

  ReadPathChooser.Choice choice() {
    return choice;
  }

  @Override
  public StructType readSchema() {
    return readSchema;
  }

  @Override
  public String description() {
    return "RedshiftScan[path="
        + choice.path().name().toLowerCase(java.util.Locale.ROOT)
        + " ("
        + choice.reason()
        + "), target="
        + options.target()
        + ", pushedPredicates="
        + pushedPredicates
        + ", sql="
        + Redaction.redactSql(sql)
        + "]";
  }

  /**
   * Columnar batches for the unload path exactly when Spark's Parquet reader produces them for the
   * unloaded columns (decided without planning, so {@code explain()} runs no statement); rows for
   * the direct path.
   */
  @Override
  public ColumnarSupportMode columnarSupportMode() {
    if (choice.path() == ReadPathChooser.ReadPath.DIRECT) {
      return ColumnarSupportMode.UNSUPPORTED;
    }
    SQLConf c = SQLConf.get();
    StructType files = unloadColumns.readFileSchema();
    boolean batches =
        ParquetUtils.isBatchReadSupportedForSchema(c, files)
            && c.wholeStageEnabled()
            && !WholeStageCodegenExec.isTooManyFields(c, files);
    return batches ? ColumnarSupportMode.SUPPORTED : ColumnarSupportMode.UNSUPPORTED;
  }

  @Override
  public synchronized Batch toBatch() {
    // One batch per scan: Spark may ask again (plan copies), but the statement must run once.
    if (batch == null) {
      batch =
          switch (choice.path()) {
            case DIRECT ->
                new RedshiftDirectBatch(
                    options,
                    readSchema,
                    sql,
                    choice.fallBackToUnload()
                        ? new RedshiftUnloadBatch(options, sql, unloadColumns)
                        : null);
            case UNLOAD -> new RedshiftUnloadBatch(options, sql, unloadColumns);
          };
    }
    return batch;
  }
}
