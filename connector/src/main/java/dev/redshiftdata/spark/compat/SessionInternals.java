package dev.redshiftdata.spark.compat;

import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.internal.SQLConf;

/** What the connector reads of a session's internal state: Hadoop and SQL configuration. */
public final class SessionInternals {
  private SessionInternals() {}

  /** How Spark splits files into partitions, from the session's {@code spark.sql.files.*}. */
  public record FileSplitSettings(
      long maxPartitionBytes, long openCostInBytes, int minPartitions) {}

  /** A new Hadoop configuration of the session (its {@code spark.hadoop.*} settings included). */
  public static Configuration hadoopConf(SparkSession spark) {
    return spark.sessionState().newHadoopConfWithOptions(ScalaCollections.immutableMap(Map.of()));
  }

  public static FileSplitSettings fileSplits(SparkSession spark) {
    SQLConf c = spark.sessionState().conf();
    int minPartitions =
        c.filesMinPartitionNum().isDefined()
            ? (Integer) c.filesMinPartitionNum().get()
            : spark.sparkContext().defaultParallelism();
    return new FileSplitSettings(
        c.filesMaxPartitionBytes(), c.filesOpenCostInBytes(), minPartitions);
  }

  /** A SQL setting of the current session (or Spark's default when none is active). */
  public static String sqlConf(String key, String defaultValue) {
    return SQLConf.get().getConfString(key, defaultValue);
  }
}
