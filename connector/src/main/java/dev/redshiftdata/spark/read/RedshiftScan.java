package dev.redshiftdata.spark.read;

import dev.redshiftdata.spark.config.Redaction;
import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.dataapi.CallStats;
import org.apache.spark.sql.connector.metric.CustomMetric;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.types.StructType;

/** A direct-path read: one SELECT whose result pages are decoded by a single partition. */
final class RedshiftScan implements Scan {

  private final RedshiftOptions options;
  private final StructType readSchema;
  private final String sql;
  private final int pushedPredicates;

  /** Every statement this scan runs on the driver counts here (see {@link ReadMetrics}). */
  private final CallStats driverStats = new CallStats();

  private RedshiftDirectBatch batch;

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
  public synchronized Batch toBatch() {
    // One batch per scan: Spark may ask again (plan copies), but the statement must run once.
    if (batch == null) {
      batch = new RedshiftDirectBatch(options, readSchema, sql, driverStats);
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
