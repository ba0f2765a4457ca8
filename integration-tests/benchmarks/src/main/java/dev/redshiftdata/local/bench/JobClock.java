package dev.redshiftdata.local.bench;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.sql.SparkSession;

/**
 * When the last Spark job ended: for a connector write, the end of its staging phase (the write
 * job), after which the driver commits with COPY.
 */
final class JobClock extends SparkListener {
  private final AtomicLong lastJobEndMillis = new AtomicLong();
  private final SparkSession spark;

  JobClock(SparkSession spark) {
    this.spark = spark;
    spark.sparkContext().addSparkListener(this);
  }

  @Override
  public void onJobEnd(SparkListenerJobEnd jobEnd) {
    lastJobEndMillis.accumulateAndGet(jobEnd.time(), Math::max);
  }

  void reset() {
    lastJobEndMillis.set(0);
  }

  /** Epoch millis of the last job end since {@link #reset}, 0 if none; waits for pending events. */
  long lastJobEndMillis() throws java.util.concurrent.TimeoutException {
    spark.sparkContext().listenerBus().waitUntilEmpty();
    return lastJobEndMillis.get();
  }
}
