package dev.redshiftdata.spark.write;

import dev.redshiftdata.spark.config.AmazonMlOptions;
import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.sql.TableName;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.connector.metric.CustomMetric;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;
import org.apache.spark.sql.connector.write.BatchWrite;
import org.apache.spark.sql.connector.write.LogicalWriteInfo;
import org.apache.spark.sql.connector.write.Write;

/** A planned write; the target is described and staging prepared only when it runs. */
final class RedshiftWrite implements Write {

  private final RedshiftOptions options;
  private final TableName target;
  private final LogicalWriteInfo info;
  private final WriteRequest request;
  private volatile RedshiftBatchWrite batch;

  RedshiftWrite(
      RedshiftOptions options, TableName target, LogicalWriteInfo info, WriteRequest request) {
    this.options = options;
    this.target = target;
    this.info = info;
    this.request = request;
  }

  @Override
  public String description() {
    if (!(request instanceof WriteRequest.Overwrite overwrite)) {
      return "RedshiftAppend(" + target.quoted() + ")";
    }
    List<String> where = overwrite.conditions();
    return "RedshiftOverwrite("
        + target.quoted()
        + (where.isEmpty() ? "" : ", WHERE " + String.join(" AND ", where))
        + ")";
  }

  /** Spark's plan string (and the SQL tab) shows the write by this. */
  @Override
  public String toString() {
    return description();
  }

  @Override
  public BatchWrite toBatch() {
    if (options.amazonMl().s3Only()) {
      return AmazonMlOnlyWrite.prepare(options, target, info.schema());
    }
    batch = RedshiftBatchWrite.prepare(options, target, info.schema(), request);
    return batch;
  }

  @Override
  public CustomMetric[] supportedCustomMetrics() {
    CustomMetric[] write = WriteMetrics.supported();
    if (options.amazonMl().datasource() == AmazonMlOptions.Datasource.NONE) {
      return write;
    }
    return Stream.concat(Arrays.stream(write), Arrays.stream(AmazonMlMetrics.supported()))
        .toArray(CustomMetric[]::new);
  }

  /**
   * Spark asks after the commit, also when it failed (from Spark 4.0; no @Override, as Spark 3.5's
   * Write has no driver metrics).
   */
  public CustomTaskMetric[] reportDriverMetrics() {
    RedshiftBatchWrite b = batch;
    return b == null ? new CustomTaskMetric[0] : WriteMetrics.driver(b.staged());
  }
}
