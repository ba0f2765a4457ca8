package dev.redshiftdata.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * Opt-in: a write and reads on both paths against a real Redshift cluster or workgroup, driven by
 * {@code REDSHIFT_DATA_IT_*} environment variables (see README, Running against a real AWS account)
 * and skipped without them, so {@code mvn -B verify} never touches AWS. Run it alone: it builds its
 * own SparkSession with the platform's default S3 credentials.
 */
class RealAwsIT {

  private static String env(String name) {
    String v = System.getenv("REDSHIFT_DATA_IT_" + name);
    return v == null || v.isBlank() ? null : v;
  }

  /** The connection options from the environment, or null when the test is not configured. */
  static Map<String, String> optionsFromEnvironment() {
    Map<String, String> o = new HashMap<>();
    String[][] names = {
      {"DATABASE", "database"},
      {"CLUSTER", "clusterIdentifier"},
      {"WORKGROUP", "workgroupName"},
      {"SECRET_ARN", "secretArn"},
      {"DB_USER", "dbUser"},
      {"TEMPDIR", "tempdir"},
      {"IAM_ROLE", "iamRole"}
    };
    for (String[] n : names) {
      String v = env(n[0]);
      if (v != null) {
        o.put(n[1], v);
      }
    }
    boolean target = o.containsKey("clusterIdentifier") || o.containsKey("workgroupName");
    boolean ready =
        target && o.containsKey("database") && o.containsKey("tempdir") && o.containsKey("iamRole");
    return ready ? o : null;
  }

  @Test
  void aWriteReadsBackIdenticallyOnBothPathsAndLeavesNoStagingFiles() throws Exception {
    Map<String, String> options = optionsFromEnvironment();
    assumeTrue(options != null, "REDSHIFT_DATA_IT_* not set: real AWS test skipped");
    SparkSession spark =
        SparkSession.builder().master("local[2]").appName("RealAwsIT").getOrCreate();
    String table = "public.redshift_data_it_" + System.currentTimeMillis();
    long started = System.currentTimeMillis();
    StructType schema =
        new StructType()
            .add("id", DataTypes.LongType)
            .add("amount", DataTypes.createDecimalType(12, 2))
            .add("ratio", DataTypes.DoubleType)
            .add("name", DataTypes.StringType)
            .add("day", DataTypes.DateType)
            .add("at", DataTypes.TimestampType)
            .add("flag", DataTypes.BooleanType);
    List<Row> rows = new ArrayList<>();
    for (long i = 0; i < 1000; i++) {
      rows.add(
          RowFactory.create(
              i,
              BigDecimal.valueOf(i * 125, 2),
              i % 7 == 0 ? null : i / 3.0,
              i % 11 == 0 ? null : "row " + i + " ü,\"q\"",
              Date.valueOf("2024-01-01"),
              new Timestamp(1_700_000_000_000L + i * 1000),
              i % 2 == 0));
    }
    try {
      spark
          .createDataFrame(rows, schema)
          .write()
          .format("redshift-data")
          .options(options)
          .option("dbtable", table)
          .mode("overwrite")
          .save();
      for (String mode : List.of("direct", "unload")) {
        List<Row> back =
            new ArrayList<>(
                spark
                    .read()
                    .format("redshift-data")
                    .options(options)
                    .option("dbtable", table)
                    .option("readMode", mode)
                    .load()
                    .collectAsList());
        back.sort(Comparator.comparingLong(r -> r.getLong(0)));
        assertEquals(rows.toString(), back.toString(), mode);
      }
    } finally {
      RedshiftData.execute(spark, options, "DROP TABLE IF EXISTS " + table);
    }
    Path tempdir = new Path(options.get("tempdir"));
    FileSystem fs = tempdir.getFileSystem(spark.sparkContext().hadoopConfiguration());
    FileStatus[] left =
        Arrays.stream(fs.listStatus(tempdir))
            .filter(f -> f.getPath().getName().startsWith("redshift-data-"))
            .filter(f -> f.getModificationTime() >= started)
            .toArray(FileStatus[]::new);
    assertEquals(0, left.length, Arrays.toString(left));
  }
}
