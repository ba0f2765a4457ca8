package dev.redshiftdata.spark.write;

import java.util.HashMap;
import java.util.Map;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;

/**
 * Run in a child JVM by {@link TaskRetryWriteIT}: a {@code local[2,2]} session (the shared test
 * session is {@code local[2]}, which never retries a task) appends 1,000 rows in 4 partitions; the
 * first attempt of partition 1 fails after writing 200 of its rows, its retry succeeds.
 *
 * <p>Arguments: {@code option:<key>=<value>} (connector options, with {@code dbtable}) and {@code
 * hadoop:<key>=<value>} (s3a settings).
 */
public final class TaskRetryWriteMain {
  private TaskRetryWriteMain() {}

  public static void main(String[] args) {
    Map<String, String> options = new HashMap<>();
    SparkSession.Builder builder =
        SparkSession.builder()
            .master("local[2,2]")
            .appName("task-retry-write")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.session.timeZone", "UTC");
    for (String arg : args) {
      String kv = arg.substring(arg.indexOf(':') + 1);
      String key = kv.substring(0, kv.indexOf('='));
      String value = kv.substring(kv.indexOf('=') + 1);
      if (arg.startsWith("option:")) {
        options.put(key, value);
      } else {
        builder.config("spark.hadoop." + key, value);
      }
    }
    SparkSession spark = builder.getOrCreate();
    try {
      UDF1<Long, Long> failFirstAttempt =
          id -> {
            TaskContext task = TaskContext.get();
            if (task.attemptNumber() == 0 && task.partitionId() == 1 && id == 450) {
              throw new IllegalStateException("injected failure of the first attempt");
            }
            return id;
          };
      spark.udf().register("failFirstAttempt", failFirstAttempt, DataTypes.LongType);
      spark
          .range(0, 1000, 1, 4)
          .selectExpr("failFirstAttempt(id) as id", "concat('v', id) as v")
          .write()
          .format("redshift-data")
          .options(options)
          .mode("append")
          .save();
      System.out.println("written=true");
    } finally {
      spark.stop();
    }
  }
}
