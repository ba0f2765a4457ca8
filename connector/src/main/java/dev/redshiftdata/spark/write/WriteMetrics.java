package dev.redshiftdata.spark.write;

import dev.redshiftdata.spark.dataapi.CallStats;
import dev.redshiftdata.spark.metrics.SumMetric;
import org.apache.spark.sql.connector.metric.CustomMetric;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;

/**
 * The Spark UI metrics of a write (shown on the write node of the SQL tab). Task values come from
 * the staging writers; driver values from the {@link StagedCommit}: what the transaction loaded,
 * how long the commit took, how many times the transaction ran, and the Data API work of the whole
 * write on the driver (describing the target and committing). Fixed text only.
 */
final class WriteMetrics {

  static final String ROWS_STAGED = "rowsStaged";
  static final String BYTES_STAGED = "bytesStaged";
  static final String FILES_STAGED = "filesStaged";
  static final String ROWS_LOADED = "rowsLoaded";
  static final String COMMIT_MILLIS = "commitTimeMs";
  static final String COMMIT_ATTEMPTS = "commitAttempts";
  static final String STATEMENTS = "redshiftStatements";
  static final String POLLS = "describeStatementPolls";
  static final String THROTTLED_RETRIES = "throttledRetries";

  private static final CustomMetric[] SUPPORTED = {
    new SumMetric(ROWS_STAGED, "rows staged as Parquet"),
    new SumMetric(BYTES_STAGED, "bytes staged as Parquet"),
    new SumMetric(FILES_STAGED, "Parquet files staged"),
    new SumMetric(ROWS_LOADED, "rows loaded by COPY"),
    new SumMetric(COMMIT_MILLIS, "commit time (ms)"),
    new SumMetric(COMMIT_ATTEMPTS, "commit transactions run"),
    new SumMetric(STATEMENTS, "Redshift statements run"),
    new SumMetric(POLLS, "DescribeStatement polls"),
    new SumMetric(THROTTLED_RETRIES, "Data API calls throttled and retried"),
  };

  private WriteMetrics() {}

  /** For {@code Write.supportedCustomMetrics()}. */
  static CustomMetric[] supported() {
    return SUPPORTED.clone();
  }

  /** For {@code DataWriter.currentMetricsValues()}: a staging writer's totals so far. */
  static CustomTaskMetric[] task(long rows, long bytes, long files) {
    return new CustomTaskMetric[] {
      SumMetric.value(ROWS_STAGED, rows),
      SumMetric.value(BYTES_STAGED, bytes),
      SumMetric.value(FILES_STAGED, files),
    };
  }

  /** For {@code Write.reportDriverMetrics()}: what the commit did (zeros before it ran). */
  static CustomTaskMetric[] driver(StagedCommit commit) {
    CallStats calls = commit.calls();
    return new CustomTaskMetric[] {
      SumMetric.value(ROWS_LOADED, commit.rowsLoaded()),
      SumMetric.value(COMMIT_MILLIS, commit.commitMillis()),
      SumMetric.value(COMMIT_ATTEMPTS, commit.attempts()),
      SumMetric.value(STATEMENTS, calls.statements()),
      SumMetric.value(POLLS, calls.polls()),
      SumMetric.value(THROTTLED_RETRIES, calls.throttledRetries()),
    };
  }
}
