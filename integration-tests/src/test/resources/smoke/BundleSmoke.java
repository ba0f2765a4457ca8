import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.dataapi.DataApi;
import dev.redshiftdata.spark.dataapi.FinishedStatement;
import dev.redshiftdata.spark.dataapi.StatementRequest;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.datasources.DataSource;
import org.apache.spark.sql.sources.DataSourceRegister;

/**
 * Runs in a child JVM whose class path holds only Spark's jars, what a platform provides for S3
 * (hadoop-aws and the unrelocated AWS SDK, as on EMR or Databricks) and the connector's bundle jar
 * (java's single-file source launcher compiles it). Arguments: {@code spark.*=value} session
 * settings, {@code smoke.table=name}, and the connector options. Prints "key=value" lines the parent
 * test checks.
 */
public class BundleSmoke {
  public static void main(String[] args) throws Exception {
    SparkSession.Builder builder =
        SparkSession.builder()
            .master("local[2]")
            .appName("bundle-smoke")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.sql.session.timeZone", "UTC");
    Map<String, String> options = new HashMap<>();
    String table = null;
    for (String arg : args) {
      String[] kv = arg.split("=", 2);
      if (kv[0].startsWith("spark.")) {
        builder.config(kv[0], kv[1]);
      } else if (kv[0].equals("smoke.table")) {
        table = kv[1];
      } else {
        options.put(kv[0], kv[1]);
      }
    }
    SparkSession spark = builder.getOrCreate();
    try {
      Class<?> provider = DataSource.lookupDataSource("redshift-data", spark.sessionState().conf());
      System.out.println("provider=" + provider.getName());
      for (DataSourceRegister r : ServiceLoader.load(DataSourceRegister.class)) {
        if (r.shortName().equals("redshift-data")) {
          System.out.println("registered=" + r.getClass().getName());
        }
      }
      System.out.println("unrelocatedSdkVisible=" + visible("software.amazon.awssdk.core.SdkClient"));
      System.out.println(
          "relocatedSdkVisible="
              + visible("dev.redshiftdata.shaded.software.amazon.awssdk.services.redshiftdata.RedshiftDataClient"));
      // A statement through the connector core, with the options a user passes to spark.read.
      DataApi api = RedshiftOptions.parse(options, Map.of()).dataApi();
      FinishedStatement done = api.execute(StatementRequest.sql("SELECT 40 + 2 AS answer"));
      var page = api.resultPages(done.id()).next();
      System.out.println("answer=" + page.records().get(0).get(0).longValue());
      System.out.println("clientClass=" + page.getClass().getName());

      // A write (staged Parquet through the platform's s3a, then COPY), creating the table.
      spark
          .range(0, 1000, 1, 2)
          .selectExpr("id", "concat('row ', id) as label")
          .write()
          .format("redshift-data")
          .options(options)
          .option("dbtable", table)
          .mode("append")
          .save();
      // Reads on both paths: the direct path pages the result, the unload path reads Parquet
      // through s3a.
      for (String mode : new String[] {"direct", "unload"}) {
        Row r =
            spark
                .read()
                .format("redshift-data")
                .options(options)
                .option("dbtable", table)
                .option("readMode", mode)
                .load()
                .selectExpr("count(*)", "sum(id)", "max(label)")
                .collectAsList()
                .get(0);
        System.out.println(mode + "=" + r.getLong(0) + "," + r.getLong(1) + "," + r.getString(2));
      }
      Path tempdir = new Path(options.get("tempdir"));
      FileSystem fs = tempdir.getFileSystem(spark.sessionState().newHadoopConf());
      System.out.println("fileSystem=" + fs.getClass().getName());
      // collectAsList may run its plan again, so the unload path deletes that read's files once
      // the plan is unreachable (a Cleaner, after a garbage collection), not when the action ends:
      // collect garbage while waiting (bounded), or the wait depends on when the JVM happens to.
      long deadline = System.nanoTime() + 60_000_000_000L;
      int left = objects(fs, tempdir);
      while (left > 0 && System.nanoTime() < deadline) {
        System.gc();
        Thread.sleep(100);
        left = objects(fs, tempdir);
      }
      System.out.println("stagingObjectsLeft=" + left);
      if (left > 0) {
        // which prefixes leaked (the write's or the unload's), for the failure message
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(tempdir, true);
        StringBuilder names = new StringBuilder();
        while (it.hasNext()) {
          names.append(it.next().getPath().toString().replace(tempdir.toString(), "")).append(' ');
        }
        System.out.println("stagingLeft=" + names);
      }
    } finally {
      spark.stop();
    }
  }

  private static int objects(FileSystem fs, Path dir) throws java.io.IOException {
    int n = 0;
    if (fs.exists(dir)) {
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(dir, true);
      while (it.hasNext()) {
        it.next();
        n++;
      }
    }
    return n;
  }

  private static boolean visible(String className) {
    try {
      Class.forName(className, false, BundleSmoke.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
