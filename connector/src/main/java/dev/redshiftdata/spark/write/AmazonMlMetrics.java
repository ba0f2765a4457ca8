package dev.redshiftdata.spark.write;

import org.apache.spark.sql.connector.metric.CustomMetric;
import org.apache.spark.sql.connector.metric.CustomSumMetric;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;

/** The Spark UI metric of a write emitting an Amazon ML datasource: rows left out of the CSV. */
final class AmazonMlMetrics {

  static final String DROPPED_ROWS = "amazonMlDroppedRows";

  private AmazonMlMetrics() {}

  static CustomMetric[] supported() {
    return new CustomMetric[] {new DroppedRows()};
  }

  static CustomTaskMetric[] task(long dropped) {
    return new CustomTaskMetric[] {
      new CustomTaskMetric() {
        @Override
        public String name() {
          return DROPPED_ROWS;
        }

        @Override
        public long value() {
          return dropped;
        }
      }
    };
  }

  /**
   * Public with a no-argument constructor: Spark's SQL status listener instantiates it by name to
   * sum the task values.
   */
  public static final class DroppedRows extends CustomSumMetric {
    @Override
    public String name() {
      return DROPPED_ROWS;
    }

    @Override
    public String description() {
      return "rows left out of the Amazon ML CSV (end-of-line characters or too large)";
    }
  }
}
