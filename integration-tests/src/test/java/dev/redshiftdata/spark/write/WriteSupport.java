package dev.redshiftdata.spark.write;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.local.LocalRedshift;
import dev.redshiftdata.local.dataapi.RecordedRequest;
import dev.redshiftdata.spark.TestQueries;
import dev.redshiftdata.spark.TestRedshift;
import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.dataapi.DataApi;
import dev.redshiftdata.spark.dataapi.StatementRequest;
import java.io.FileNotFoundException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.SparkSession;

/** Shared helpers of the write ITs: options, SQL on the local Redshift, staging object counts. */
final class WriteSupport {

  private WriteSupport() {}

  static LocalRedshift redshift() {
    return TestRedshift.shared();
  }

  static Map<String, String> options(LocalRedshift redshift) {
    Map<String, String> o = new HashMap<>(redshift.connectionInfo().sparkOptions());
    o.put("database", "dev");
    return o;
  }

  static DataApi api(LocalRedshift redshift) {
    return RedshiftOptions.parse(options(redshift), Map.of()).dataApi();
  }

  static void sql(LocalRedshift redshift, String sql) {
    api(redshift).execute(StatementRequest.sql(sql));
  }

  /** The rows of a query as strings (null for NULL). */
  static List<List<String>> query(LocalRedshift redshift, String sql) {
    return TestQueries.rows(api(redshift), sql);
  }

  static long count(LocalRedshift redshift, String table) {
    return Long.parseLong(query(redshift, "select count(*) from " + table).get(0).get(0));
  }

  /** Every BatchExecuteStatement the server saw since the log was cleared. */
  static List<RecordedRequest> batches(LocalRedshift redshift) {
    return redshift.dataApi().requests().operation("BatchExecuteStatement");
  }

  /** The staging prefix of the newest COPY sent, as an s3a path. */
  static Path lastCopyPrefix(LocalRedshift redshift) {
    List<String> copies =
        redshift.dataApi().requests().sqls().stream().filter(s -> s.startsWith("COPY")).toList();
    assertTrue(!copies.isEmpty(), "no COPY was sent");
    String copy = copies.get(copies.size() - 1);
    String manifest = copy.substring(copy.indexOf(" FROM '") + 7, copy.indexOf("manifest.json'"));
    return new Path(manifest.replace("s3://", "s3a://"));
  }

  static int objectsUnder(SparkSession spark, Path prefix) throws Exception {
    FileSystem fs = prefix.getFileSystem(spark.sessionState().newHadoopConf());
    int n = 0;
    try {
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(prefix, true);
      while (it.hasNext()) {
        it.next();
        n++;
      }
    } catch (FileNotFoundException gone) {
      return 0;
    }
    return n;
  }

  /** Objects under the local Redshift's tempdir whose key names a write's staging prefix. */
  static int stagingObjects(SparkSession spark, LocalRedshift redshift) throws Exception {
    return objectsUnder(spark, new Path(redshift.tempdir()));
  }
}
