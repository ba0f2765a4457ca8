package dev.redshiftdata.spark.read;

import dev.redshiftdata.spark.compat.ParquetReaders;
import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.dataapi.CallStats;
import dev.redshiftdata.spark.dataapi.Redaction;
import dev.redshiftdata.spark.sql.SelectBuilder;
import java.util.List;
import org.apache.spark.sql.connector.metric.CustomMetric;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.types.StructType;

/**
 * A read of one SELECT, on the path {@link ReadPathChooser} chose: the direct path (one partition
 * paging GetStatementResult) or the unload path (UNLOAD to Parquet, read in parallel).
 */
final class RedshiftScan implements Scan {

  private final RedshiftOptions options;
  private final StructType readSchema;
  private final SelectBuilder select;
  private final String sql;
  private final PushedOperators pushed;
  private final UnloadColumns unloadColumns;
  private final ReadPathChooser.Choice choice;

  /** Every statement this scan runs on the driver counts here (see {@link ReadMetrics}). */
  private final CallStats driverStats = new CallStats();

  private Batch batch;

  /**
   * @param readSchema the rows' schema: the pruned columns, or after a pushed aggregate its {@code
   *     group_col_i} and {@code agg_func_i} columns
   * @param select the whole statement, pushdown included
   * @param pushed what the statement pushed, for {@link #description()}
   * @param unloadColumns how the columns travel through UNLOAD on the unload path
   * @param choice the path and why
   */
  RedshiftScan(
      RedshiftOptions options,
      StructType readSchema,
      SelectBuilder select,
      PushedOperators pushed,
      UnloadColumns unloadColumns,
      ReadPathChooser.Choice choice) {
    this.options = options;
    this.readSchema = readSchema;
    this.select = select;
    this.sql = select.build();
    this.pushed = pushed;
    this.unloadColumns = unloadColumns;
    this.choice = choice;
  }

  String sql() {
    return sql;
  }

  SelectBuilder select() {
    return select;
  }

  UnloadColumns unloadColumns() {
    return unloadColumns;
  }

  PushedOperators pushed() {
    return pushed;
  }

  ReadPathChooser.Choice choice() {
    return choice;
  }

  @Override
  public StructType readSchema() {
    return readSchema;
  }

  /** Path and why, target, what was pushed, the SQL and, once run, the statement ids. */
  @Override
  public String description() {
    List<String> ids;
    synchronized (this) {
      ids = batch instanceof RanStatements r ? r.statementIds() : List.of();
    }
    return "RedshiftScan[path="
        + choice.path().name().toLowerCase(java.util.Locale.ROOT)
        + " ("
        + choice.reason()
        + "), target="
        + options.connection().target()
        + ", "
        + pushed.describe()
        + ", sql="
        + Redaction.redactSql(sql)
        + (ids.isEmpty() ? "" : ", statements=" + ids)
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
    return ParquetReaders.batchReadSupported(unloadColumns.readFileSchema())
        ? ColumnarSupportMode.SUPPORTED
        : ColumnarSupportMode.UNSUPPORTED;
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
                    driverStats,
                    choice.fallBackToUnload()
                        ? new RedshiftUnloadBatch(options, sql, unloadColumns, this, driverStats)
                        : null);
            case UNLOAD -> new RedshiftUnloadBatch(options, sql, unloadColumns, this, driverStats);
          };
    }
    return batch;
  }

  @Override
  public CustomMetric[] supportedCustomMetrics() {
    return ReadMetrics.supported();
  }

  @Override
  public CustomTaskMetric[] reportDriverMetrics() {
    return ReadMetrics.driver(driverStats);
  }
}
