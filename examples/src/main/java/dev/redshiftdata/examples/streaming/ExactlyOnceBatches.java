package dev.redshiftdata.examples.streaming;

import static org.apache.spark.sql.functions.lit;

import java.util.Map;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * A streaming query's sink into Redshift with {@code foreachBatch}, each micro-batch loaded exactly
 * once. Spark runs a batch again after a failure (same batch id, same rows), so the write first
 * deletes what an earlier attempt of the same batch loaded: the DELETE ({@code preActions}) and the
 * COPY run in one transaction, so the table holds each batch once, never twice, never half.
 *
 * <pre>
 * stream.writeStream()
 *     .foreachBatch(new ExactlyOnceBatches(options, "sales.order_events"))
 *     .option("checkpointLocation", "s3a://my-bucket/checkpoints/order-events/")
 *     .start();
 * </pre>
 *
 * The target table has a {@code BIGINT batch_id} column besides the stream's columns.
 */
public final class ExactlyOnceBatches implements VoidFunction2<Dataset<Row>, Long> {
  private static final long serialVersionUID = 1L;

  /** The column that says which micro-batch loaded a row. */
  public static final String BATCH_ID = "batch_id";

  private final Map<String, String> options;
  private final String table;

  /**
   * @param options the connector's options (connection, tempdir, iamRole)
   * @param table the target table, {@code schema.table}
   */
  public ExactlyOnceBatches(Map<String, String> options, String table) {
    this.options = Map.copyOf(options);
    this.table = table;
  }

  @Override
  public void call(Dataset<Row> batch, Long batchId) {
    batch
        .withColumn(BATCH_ID, lit(batchId))
        .write()
        .format("redshift-data")
        .options(options)
        .option("dbtable", table)
        .option("preActions", "DELETE FROM " + table + " WHERE " + BATCH_ID + " = " + batchId)
        .mode(SaveMode.Append)
        .save();
  }
}
