package dev.redshiftdata.spark.metrics;

import org.apache.spark.sql.connector.metric.CustomSumMetric;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;

/**
 * A Spark UI metric whose task and driver values are summed, with fixed name and description text
 * (no option value, SQL or credential ever reaches them). Public with a no-argument constructor
 * because Spark's SQL status listener instantiates the class by name to aggregate values (it needs
 * only {@code aggregateTaskMetrics}, not the name).
 */
public final class SumMetric extends CustomSumMetric {

  private final String name;
  private final String description;

  public SumMetric() {
    this("sum", "sum");
  }

  public SumMetric(String name, String description) {
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

  /** A task's (or the driver's) value of the metric named {@code name}. */
  public static CustomTaskMetric value(String name, long value) {
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
}
