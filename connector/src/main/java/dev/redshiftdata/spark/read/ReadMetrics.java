package dev.redshiftdata.spark.read;

import dev.redshiftdata.spark.dataapi.CallStats;
import dev.redshiftdata.spark.metrics.SumMetric;
import org.apache.spark.sql.connector.metric.CustomMetric;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;

/**
 * The Spark UI metrics of a read (shown on the scan node of the SQL tab). Driver values come from
 * the {@link CallStats} of the statements the scan ran while planning; task values from the
 * readers. {@link #THROTTLED_RETRIES} is reported by both and summed. Names and descriptions are
 * fixed text: no option value, SQL or credential ever reaches them.
 */
final class ReadMetrics {

  static final String STATEMENTS = "redshiftStatements";
  static final String POLLS = "describeStatementPolls";
  static final String THROTTLED_RETRIES = "throttledRetries";
  static final String RESULT_ROWS = "redshiftResultRows";
  static final String RESULT_BYTES = "redshiftResultBytes";
  static final String ROWS_READ = "rowsRead";
  static final String PAGES_READ = "resultPagesRead";

  private static final CustomMetric[] SUPPORTED = {
    new SumMetric(STATEMENTS, "Redshift statements run"),
    new SumMetric(POLLS, "DescribeStatement polls"),
    new SumMetric(THROTTLED_RETRIES, "Data API calls throttled and retried"),
    new SumMetric(RESULT_ROWS, "rows in Redshift results (ResultRows)"),
    new SumMetric(RESULT_BYTES, "bytes in Redshift results (ResultSize)"),
    new SumMetric(ROWS_READ, "rows read from Redshift result pages"),
    new SumMetric(PAGES_READ, "Redshift result pages read (GetStatementResult)"),
  };

  private ReadMetrics() {}

  /** For {@code Scan.supportedCustomMetrics()}. */
  static CustomMetric[] supported() {
    return SUPPORTED.clone();
  }

  /** For {@code Scan.reportDriverMetrics()}: what the scan's statements cost on the driver. */
  static CustomTaskMetric[] driver(CallStats stats) {
    return new CustomTaskMetric[] {
      value(STATEMENTS, stats.statements()),
      value(POLLS, stats.polls()),
      value(THROTTLED_RETRIES, stats.throttledRetries()),
      value(RESULT_ROWS, stats.resultRows()),
      value(RESULT_BYTES, stats.resultBytes()),
    };
  }

  /** For {@code PartitionReader.currentMetricsValues()}: a reader's totals so far. */
  static CustomTaskMetric[] task(long rowsRead, long pagesRead, CallStats stats) {
    return new CustomTaskMetric[] {
      value(ROWS_READ, rowsRead),
      value(PAGES_READ, pagesRead),
      value(THROTTLED_RETRIES, stats.throttledRetries()),
    };
  }

  private static CustomTaskMetric value(String name, long value) {
    return SumMetric.value(name, value);
  }
}
