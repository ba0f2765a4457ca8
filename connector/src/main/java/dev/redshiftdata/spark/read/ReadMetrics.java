package dev.redshiftdata.spark.read;

import dev.redshiftdata.spark.dataapi.CallStats;
import org.apache.spark.sql.connector.metric.CustomMetric;
import org.apache.spark.sql.connector.metric.CustomSumMetric;
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
    new Sum(STATEMENTS, "Redshift statements run"),
    new Sum(POLLS, "DescribeStatement polls"),
    new Sum(THROTTLED_RETRIES, "Data API calls throttled and retried"),
    new Sum(RESULT_ROWS, "rows in Redshift results (ResultRows)"),
    new Sum(RESULT_BYTES, "bytes in Redshift results (ResultSize)"),
    new Sum(ROWS_READ, "rows read from Redshift result pages"),
    new Sum(PAGES_READ, "Redshift result pages read (GetStatementResult)"),
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
    return new CustomTaskMetric() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public long value() {
        return value;
      }
    };
  }

  /**
   * A summed metric. Public with a no-argument constructor because Spark's SQL status listener
   * instantiates the class by name to aggregate task values (it needs only {@code
   * aggregateTaskMetrics}, not the name).
   */
  public static final class Sum extends CustomSumMetric {
    private final String name;
    private final String description;

    public Sum() {
      this("sum", "sum");
    }

    Sum(String name, String description) {
      this.name = name;
      this.description = description;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public String description() {
      return description;
    }
  }
}
