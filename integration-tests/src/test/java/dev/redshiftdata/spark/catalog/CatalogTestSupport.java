package dev.redshiftdata.spark.catalog;

import dev.redshiftdata.local.LocalRedshift;
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
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.SparkSession;

/** The catalog ITs' setup: a catalog named {@code rs} on the shared session, SQL, S3 counts. */
final class CatalogTestSupport {

  static final String CATALOG = "rs";

  private CatalogTestSupport() {}

  static LocalRedshift redshift() {
    return TestRedshift.shared();
  }

  static Map<String, String> options(LocalRedshift redshift) {
    Map<String, String> o = new HashMap<>(redshift.connectionInfo().sparkOptions());
    o.put("database", "dev");
    return o;
  }

  /** Registers the catalog {@code rs} with the local Redshift's connection options. */
  static void registerCatalog(SparkSession spark, LocalRedshift redshift) {
    spark.conf().set("spark.sql.catalog." + CATALOG, RedshiftCatalog.class.getName());
    for (Map.Entry<String, String> e : options(redshift).entrySet()) {
      spark.conf().set("spark.sql.catalog." + CATALOG + "." + e.getKey(), e.getValue());
    }
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

  /** Whether Redshift has the table, asked with SQL (not through the catalog under test). */
  static boolean exists(LocalRedshift redshift, String schema, String table) {
    return !query(
            redshift,
            "select 1 from pg_catalog.pg_tables where schemaname = '"
                + schema
                + "' and tablename = '"
                + table
                + "'")
        .isEmpty();
  }

  /** Every SQL text the local Redshift received since its request log was cleared. */
  static List<String> sqls(LocalRedshift redshift) {
    return redshift.dataApi().requests().sqls();
  }

  /** Objects under the local Redshift's tempdir (staging prefixes of every read and write). */
  static int stagingObjects(SparkSession spark, LocalRedshift redshift) throws Exception {
    Path prefix = new Path(redshift.tempdir());
    FileSystem fs = prefix.getFileSystem(spark.sessionState().newHadoopConf());
    int n = 0;
    try {
      RemoteIterator<?> it = fs.listFiles(prefix, true);
      while (it.hasNext()) {
        it.next();
        n++;
      }
    } catch (FileNotFoundException gone) {
      return 0;
    }
    return n;
  }
}
