package dev.redshiftdata.spark.read;

import dev.redshiftdata.spark.config.Redaction;
import dev.redshiftdata.spark.config.RedshiftOptions;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.types.StructType;

/** A direct-path read: one SELECT whose result pages are decoded by a single partition. */
final class RedshiftScan implements Scan {

  private final RedshiftOptions options;
  private final StructType readSchema;
  private final String sql;
  private final int pushedPredicates;

  RedshiftScan(RedshiftOptions options, StructType readSchema, String sql, int pushedPredicates) {
    this.options = options;
    this.readSchema = readSchema;
    this.sql = sql;
    this.pushedPredicates = pushedPredicates;
  }

  String sql() {
    return sql;
  }

  @Override
  public StructType readSchema() {
    return readSchema;
  }

  @Override
  public String description() {
    return "RedshiftScan[path=direct, target="
        + options.target()
        + ", pushedPredicates="
        + pushedPredicates
        + ", sql="
        + Redaction.redactSql(sql)
        + "]";
  }

  @Override
  public Batch toBatch() {
    return new RedshiftDirectBatch(options, readSchema, sql);
  }
}
