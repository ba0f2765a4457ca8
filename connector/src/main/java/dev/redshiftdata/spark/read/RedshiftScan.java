package dev.redshiftdata.spark.read;

import dev.redshiftdata.spark.config.Redaction;
import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.sql.SelectBuilder;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.types.StructType;

/** A direct-path read: one SELECT whose result pages are decoded by a single partition. */
final class RedshiftScan implements Scan {

  private final RedshiftOptions options;
  private final StructType readSchema;
  private final SelectBuilder select;
  private final String sql;
  private final PushedOperators pushed;
  private RedshiftDirectBatch batch;

  /**
   * @param readSchema the rows' schema: the pruned columns, or after a pushed aggregate its {@code
   *     group_col_i} and {@code agg_func_i} columns
   * @param select the whole statement, pushdown included
   * @param pushed what the statement pushed, for {@link #description()}
   */
  RedshiftScan(
      RedshiftOptions options,
      StructType readSchema,
      SelectBuilder select,
      PushedOperators pushed) {
    this.options = options;
    this.readSchema = readSchema;
    this.select = select;
    this.sql = select.build();
    this.pushed = pushed;
  }

  String sql() {
    return sql;
  }

  /** The statement's builder (an UNLOAD wraps {@link SelectBuilder#buildForUnload()}). */
  SelectBuilder select() {
    return select;
  }

  PushedOperators pushed() {
    return pushed;
  }

  @Override
  public StructType readSchema() {
    return readSchema;
  }

  @Override
  public String description() {
    return "RedshiftScan[path=direct, target="
        + options.target()
        + ", "
        + pushed.describe()
        + ", sql="
        + Redaction.redactSql(sql)
        + "]";
  }

  @Override
  public synchronized Batch toBatch() {
    // One batch per scan: Spark may ask again (plan copies), but the statement must run once.
    if (batch == null) {
      batch = new RedshiftDirectBatch(options, readSchema, sql);
    }
    return batch;
  }
}
