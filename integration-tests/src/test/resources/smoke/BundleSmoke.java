import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.dataapi.DataApi;
import dev.redshiftdata.spark.dataapi.FinishedStatement;
import dev.redshiftdata.spark.dataapi.StatementRequest;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.datasources.DataSource;
import org.apache.spark.sql.sources.DataSourceRegister;

/**
 * Runs in a child JVM whose class path holds only Spark's jars and the connector's bundle jar
 * (java's single-file source launcher compiles it). Prints "key=value" lines the parent test checks.
 */
public class BundleSmoke {
  public static void main(String[] args) throws Exception {
    SparkSession spark =
        SparkSession.builder()
            .master("local[1]")
            .appName("bundle-smoke")
            .config("spark.ui.enabled", "false")
            .config("spark.driver.host", "127.0.0.1")
            .getOrCreate();
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
      Map<String, String> options = new HashMap<>();
      for (String arg : args) {
        String[] kv = arg.split("=", 2);
        options.put(kv[0], kv[1]);
      }
      DataApi api = RedshiftOptions.parse(options, Map.of()).dataApi();
      FinishedStatement done = api.execute(StatementRequest.sql("SELECT 40 + 2 AS answer"));
      var page = api.resultPages(done.id()).next();
      System.out.println("answer=" + page.records().get(0).get(0).longValue());
      System.out.println("clientClass=" + page.getClass().getName());
    } finally {
      spark.stop();
    }
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
