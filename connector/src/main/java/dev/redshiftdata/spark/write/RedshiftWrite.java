package dev.redshiftdata.spark.write;

import dev.redshiftdata.spark.config.AmazonMlOptions;
import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.sql.TableName;
import java.util.List;
import org.apache.spark.sql.connector.metric.CustomMetric;
import org.apache.spark.sql.connector.write.BatchWrite;
import org.apache.spark.sql.connector.write.LogicalWriteInfo;
import org.apache.spark.sql.connector.write.Write;

/** A planned write; the target is described and staging prepared only when it runs. */
final class RedshiftWrite implements Write {

  private final RedshiftOptions options;
  private final TableName target;
  private final LogicalWriteInfo info;
  private final List<String> deleteWhere;

  RedshiftWrite(
      RedshiftOptions options, TableName target, LogicalWriteInfo info, List<String> deleteWhere) {
    this.options = options;
    this.target = target;
    this.info = info;
    this.deleteWhere = deleteWhere;
  }

  @Override
  public String description() {
    if (deleteWhere == null) {
      return "RedshiftAppend(" + target.quoted() + ")";
    }
    return "RedshiftOverwrite("
        + target.quoted()
        + (deleteWhere.isEmpty() ? "" : ", WHERE " + String.join(" AND ", deleteWhere))
        + ")";
  }

  @Override
  public BatchWrite toBatch() {
    if (options.amazonMl().s3Only()) {
      return AmazonMlOnlyWrite.prepare(options, target, info.schema());
    }
    return RedshiftBatchWrite.prepare(options, target, info.schema(), deleteWhere);
  }

  @Override
  public CustomMetric[] supportedCustomMetrics() {
    return options.amazonMl().datasource() == AmazonMlOptions.Datasource.NONE
        ? new CustomMetric[0]
        : AmazonMlMetrics.supported();
  }
}
