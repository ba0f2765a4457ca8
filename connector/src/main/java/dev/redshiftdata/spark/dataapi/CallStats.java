package dev.redshiftdata.spark.dataapi;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.metrics.CoreMetric;
import software.amazon.awssdk.metrics.MetricCollection;
import software.amazon.awssdk.metrics.MetricPublisher;

/**
 * Counts of the Data API work done through a {@link DataApi} made by {@link
 * DataApi#withStats(CallStats)}: statements submitted, DescribeStatement polls, calls the SDK
 * retried after being throttled, and the rows and bytes Redshift reported for finished statements
 * ({@code ResultRows}, {@code ResultSize}). A Spark scan keeps one for every statement it runs on
 * the driver and reports it as driver metrics. Thread-safe; numbers only (no SQL, ids or
 * credentials).
 */
public final class CallStats {

  /** The SDK's value of {@link CoreMetric#ERROR_TYPE} for a throttled attempt. */
  private static final String THROTTLING = "Throttling";

  private final LongAdder statements = new LongAdder();
  private final LongAdder polls = new LongAdder();
  private final LongAdder throttledRetries = new LongAdder();
  private final LongAdder resultRows = new LongAdder();
  private final LongAdder resultBytes = new LongAdder();
  private final MetricPublisher publisher = new ThrottleCounter();

  /** Statements and batches submitted (ExecuteStatement, BatchExecuteStatement). */
  public long statements() {
    return statements.sum();
  }

  /** DescribeStatement polls made while waiting for statements. */
  public long polls() {
    return polls.sum();
  }

  /** Call attempts answered with throttling that the SDK then retried. */
  public long throttledRetries() {
    return throttledRetries.sum();
  }

  /** Sum of {@code ResultRows} of finished statements that reported one. */
  public long resultRows() {
    return resultRows.sum();
  }

  /** Sum of {@code ResultSize} (bytes) of finished statements that reported one. */
  public long resultBytes() {
    return resultBytes.sum();
  }

  void submitted() {
    statements.increment();
  }

  void polled() {
    polls.increment();
  }

  void finished(FinishedStatement done) {
    if (done.resultRows() > 0) {
      resultRows.add(done.resultRows());
    }
    if (done.resultSize() > 0) {
      resultBytes.add(done.resultSize());
    }
  }

  /** Attach to a request so the SDK reports its attempts here when the call returns or fails. */
  MetricPublisher publisher() {
    return publisher;
  }

  @Override
  public String toString() {
    return "CallStats{statements="
        + statements()
        + ", polls="
        + polls()
        + ", throttledRetries="
        + throttledRetries()
        + ", resultRows="
        + resultRows()
        + ", resultBytes="
        + resultBytes()
        + "}";
  }

  /**
   * Reads one API call's metrics: every attempt but the last that failed with throttling was
   * retried. The SDK publishes synchronously as the call ends, before it returns or throws.
   */
  private final class ThrottleCounter implements MetricPublisher {
    @Override
    public void publish(MetricCollection call) {
      List<MetricCollection> attempts =
          call.childrenWithName("ApiCallAttempt").collect(java.util.stream.Collectors.toList());
      for (int i = 0; i < attempts.size() - 1; i++) {
        if (attempts.get(i).metricValues(CoreMetric.ERROR_TYPE).contains(THROTTLING)) {
          throttledRetries.increment();
        }
      }
    }

    @Override
    public void close() {}
  }
}
