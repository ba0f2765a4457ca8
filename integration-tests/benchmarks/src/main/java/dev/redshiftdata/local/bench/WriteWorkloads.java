package dev.redshiftdata.local.bench;

import java.sql.Connection;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * 4. Write: the connector's write against {@code df.write.parquet} to the same S3 server (its
 * staging phase, up to the end of its Spark job) and against Spark's JDBC writer (batch size
 * 10,000) into the same PostgreSQL (end to end, split into its own time and the server's).
 */
final class WriteWorkloads {
  private WriteWorkloads() {}

  static final String TARGET = "bench_write";

  static void write(BenchContext ctx, ResultsSink sink) throws Exception {
    long rows = ctx.config.rows();
    createTarget(ctx);
    Dataset<Row> df = data(ctx.spark, rows).cache();
    ctx.progress("cached %,d rows to write", df.count());
    String parquetTarget = ctx.redshift.connectionInfo().tempdir() + "bench-parquet/";
    java.util.Properties jdbc = ctx.jdbcProperties();
    jdbc.setProperty("batchsize", "10000");
    String parquet = "df.write.parquet to the same S3";
    String connector = "connector write";
    String jdbcWriter = "Spark JDBC writer, batchsize 10000";
    List<Variant> v =
        Rounds.run(
            ctx,
            ctx.progressOf("write"),
            ctx.config.warmups(),
            ctx.config.runs(),
            List.of(
                Rounds.named(parquet, () -> df.write().mode("overwrite").parquet(parquetTarget)),
                Rounds.named(connector, () -> connectorWrite(ctx, df)),
                Rounds.named(
                    jdbcWriter,
                    () ->
                        df.write().mode("overwrite").jdbc(ctx.jdbcUrl, "bench_jdbc_write", jdbc))));
    df.unpersist(true);
    String title = "4. write";
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("rows", rows);
    facts.put("input", "cached DataFrame, 4 partitions");
    WorkloadResult w = new WorkloadResult("write", title, v, facts);
    sink.workloads.add(w);
    sink.checks.add(
        Goals.stagingRatio(
            title,
            "staging phase, " + Goals.rows(rows) + " rows",
            w.variant(connector),
            w.variant(parquet),
            Goals.STAGING_RATIO));
    sink.checks.add(
        Goals.ownShare(
            title,
            "end to end, " + Goals.rows(rows) + " rows",
            w.variant(connector),
            List.of(w.variant(jdbcWriter)),
            Goals.OWN_SHARE));
  }

  static void createTarget(BenchContext ctx) throws Exception {
    try (Connection c = ctx.postgres();
        Statement st = c.createStatement()) {
      st.execute("DROP TABLE IF EXISTS " + TARGET);
      st.execute("CREATE TABLE " + TARGET + " (" + BenchData.COLUMNS + ")");
    }
  }

  static void connectorWrite(BenchContext ctx, Dataset<Row> df) {
    df.write()
        .format("redshift-data")
        .options(ctx.options)
        .option("dbtable", TARGET)
        .mode("overwrite")
        .save();
  }

  /** The benchmark's 10 columns generated in Spark, the same values as {@link BenchData}. */
  static Dataset<Row> data(SparkSession spark, long rows) {
    return spark
        .range(1, rows + 1, 1, 4)
        .selectExpr(
            "cast(id as int) as id",
            "cast(id % 32000 as smallint) as qty",
            "id * 1000003 as big",
            "cast((id % 100000) / 100.0 as decimal(12,2)) as price",
            "cast(id * 0.5 as double) as score",
            "concat('name-', id) as name",
            "case when id % 7 = 0 then null else concat(repeat('n', cast(id % 50 as int)), id) end"
                + " as note",
            "date_add(date'2000-01-01', cast(id % 9000 as int)) as day",
            "cast(timestamp_seconds(1577836800 + id) as timestamp_ntz) as ts",
            "id % 2 = 0 as flag");
  }
}
