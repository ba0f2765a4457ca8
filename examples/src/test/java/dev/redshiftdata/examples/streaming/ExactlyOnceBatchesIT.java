package dev.redshiftdata.examples.streaming;

import static dev.redshiftdata.examples.ExampleSupport.longValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.redshiftdata.examples.ExampleSupport;
import dev.redshiftdata.local.junit.LocalRedshiftExtension;
import dev.redshiftdata.spark.RedshiftData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.Trigger;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A file stream into Redshift through foreachBatch: every batch once, also when replayed. */
@ExtendWith(LocalRedshiftExtension.class)
class ExactlyOnceBatchesIT {

  private static final String TABLE = "streaming_example.order_events";

  @Test
  void everyMicroBatchIsLoadedOnceAndAReplayedBatchReplacesItself(@TempDir Path dir)
      throws Exception {
    SparkSession spark = ExampleSupport.spark();
    Map<String, String> options = ExampleSupport.options();
    RedshiftData.execute(spark, options, "CREATE SCHEMA IF NOT EXISTS streaming_example");
    RedshiftData.execute(spark, options, "DROP TABLE IF EXISTS " + TABLE);
    RedshiftData.execute(
        spark,
        options,
        "CREATE TABLE " + TABLE + " (order_id BIGINT, amount DOUBLE PRECISION, batch_id BIGINT)");
    Path input = Files.createDirectories(dir.resolve("in"));
    StructType schema =
        new StructType().add("order_id", DataTypes.LongType).add("amount", DataTypes.DoubleType);
    ExactlyOnceBatches sink = new ExactlyOnceBatches(options, TABLE);

    // Two files, read one per micro-batch.
    for (int f = 0; f < 2; f++) {
      StringBuilder json = new StringBuilder();
      for (int i = 0; i < 50; i++) {
        int id = f * 50 + i;
        json.append("{\"order_id\":").append(id).append(",\"amount\":").append(id * 1.5);
        json.append("}\n");
      }
      Files.writeString(input.resolve("part-" + f + ".json"), json, StandardCharsets.UTF_8);
    }
    StreamingQuery query =
        spark
            .readStream()
            .schema(schema)
            .option("maxFilesPerTrigger", 1)
            .json(input.toString())
            .writeStream()
            .foreachBatch(sink)
            .option("checkpointLocation", dir.resolve("checkpoint").toString())
            .trigger(Trigger.AvailableNow())
            .start();
    query.awaitTermination();

    assertEquals(100, longValue("SELECT count(*) FROM " + TABLE));
    assertEquals(100, longValue("SELECT count(DISTINCT order_id) FROM " + TABLE));
    assertEquals(2, longValue("SELECT count(DISTINCT batch_id) FROM " + TABLE));
    long firstBatch = longValue("SELECT min(batch_id) FROM " + TABLE);

    // Spark replays a batch after a failure with the same id and rows: it replaces itself.
    // (Which file a batch read is Spark's choice: take the batch's rows from what it loaded.)
    long first =
        longValue("SELECT min(order_id) FROM " + TABLE + " WHERE batch_id = " + firstBatch);
    Dataset<Row> replay =
        spark
            .read()
            .schema(schema)
            .json(input.resolve("part-" + (first / 50) + ".json").toString());
    sink.call(replay, firstBatch);
    sink.call(replay, firstBatch);
    assertEquals(100, longValue("SELECT count(*) FROM " + TABLE));
    assertEquals(100, longValue("SELECT count(DISTINCT order_id) FROM " + TABLE));
    assertEquals(
        50, longValue("SELECT count(*) FROM " + TABLE + " WHERE batch_id = " + firstBatch));
  }
}
