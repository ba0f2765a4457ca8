package dev.redshiftdata.spark.amazonml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redshiftdata.local.LocalRedshift;
import dev.redshiftdata.spark.TestQueries;
import dev.redshiftdata.spark.TestRedshift;
import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.dataapi.DataApi;
import dev.redshiftdata.spark.dataapi.StatementRequest;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.SparkSession;

/** Shared helpers of the Amazon ML emission ITs: options, SQL, and the files under a prefix. */
final class AmazonMlTestSupport {

  static final ObjectMapper JSON = new ObjectMapper();

  private AmazonMlTestSupport() {}

  static LocalRedshift redshift() {
    return TestRedshift.shared();
  }

  static Map<String, String> options(LocalRedshift redshift) {
    Map<String, String> o = new HashMap<>(redshift.connectionInfo().sparkOptions());
    o.put("database", "dev");
    return o;
  }

  /** A fresh folder of the local bucket outside tempdir, as an s3a URL ending in '/'. */
  static String folder(LocalRedshift redshift, String name) {
    return "s3a://" + redshift.config().bucket() + "/aml/" + name + "-" + System.nanoTime() + "/";
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

  /** Every object under {@code prefix}: its path relative to the prefix, to its bytes as text. */
  static Map<String, String> files(SparkSession spark, String prefix) throws IOException {
    Path root = new Path(prefix);
    FileSystem fs = root.getFileSystem(spark.sessionState().newHadoopConf());
    Map<String, String> out = new TreeMap<>();
    try {
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
      while (it.hasNext()) {
        Path p = it.next().getPath();
        String rel = p.toString().substring(root.toString().length() + 1);
        try (InputStream in = fs.open(p)) {
          out.put(rel, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    } catch (FileNotFoundException absent) {
      return out;
    }
    return out;
  }

  /** Objects under the local Redshift's tempdir (staging prefixes of writes). */
  static Map<String, String> tempdirFiles(SparkSession spark, LocalRedshift redshift)
      throws IOException {
    return files(spark, redshift.tempdir());
  }

  static void delete(SparkSession spark, String prefix) throws IOException {
    Path p = new Path(prefix);
    p.getFileSystem(spark.sessionState().newHadoopConf()).delete(p, true);
  }

  static JsonNode json(String text) throws IOException {
    return JSON.readTree(text);
  }

  static String messages(Throwable t) {
    return TestRedshift.messages(t);
  }
}
