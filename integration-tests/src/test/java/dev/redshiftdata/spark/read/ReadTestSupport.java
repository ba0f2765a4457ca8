package dev.redshiftdata.spark.read;

import dev.redshiftdata.local.LocalRedshift;
import dev.redshiftdata.local.LocalRedshiftConfig;
import dev.redshiftdata.spark.TestRedshift;
import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.dataapi.DataApi;
import dev.redshiftdata.spark.dataapi.StatementRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.adaptive.AdaptiveSparkPlanExec;
import org.apache.spark.sql.execution.datasources.v2.BatchScanExec;

/** What the read-path ITs share: the local Redshift, connection options and plan lookups. */
final class ReadTestSupport {

  private ReadTestSupport() {}

  /**
   * The JVM's local Redshift. Its test keys reach the SDK through the default provider chain
   * (system properties), never through options.
   */
  static LocalRedshift redshift() {
    return TestRedshift.shared();
  }

  /** Connection options to database {@code dev}, without staging: reads can only be direct. */
  static Map<String, String> directOptions() {
    LocalRedshift redshift = redshift();
    LocalRedshiftConfig config = redshift.config();
    Map<String, String> o = new HashMap<>();
    o.put("database", "dev");
    o.put("clusterIdentifier", config.defaultCluster().id());
    o.put("secretArn", redshift.connectionInfo().secretArn());
    o.put("region", config.region());
    o.put("endpoint", redshift.dataApiEndpoint().toString());
    return o;
  }

  /** Connection options to database {@code dev} with {@code tempdir} and {@code iamRole}. */
  static Map<String, String> stagingOptions() {
    Map<String, String> o = new HashMap<>(redshift().connectionInfo().sparkOptions());
    o.put("database", "dev");
    return o;
  }

  static DataApi dataApi() {
    return RedshiftOptions.parse(directOptions(), Map.of()).dataApi();
  }

  /** Runs a statement (setup DDL and DML) and waits for it. */
  static void run(String sql) {
    dataApi().execute(StatementRequest.sql(sql));
  }

  /** Whether a statement is the connector's search_path lookup of a one-part table name. */
  static boolean isSearchPathLookup(String sql) {
    return sql.contains("pg_catalog.pg_table_is_visible(c.oid)");
  }

  /** The UNLOAD statements the local Redshift received since its request log was cleared. */
  static List<String> unloads() {
    return redshift().dataApi().requests().sqls().stream()
        .filter(s -> s.startsWith("UNLOAD"))
        .toList();
  }

  /** The id of the first UNLOAD the local Redshift accepted since its request log was cleared. */
  static String unloadStatementId() {
    return redshift().dataApi().requests().operation("ExecuteStatement").stream()
        .filter(r -> r.sql() != null && r.sql().startsWith("UNLOAD") && r.ok())
        .findFirst()
        .orElseThrow()
        .statementId();
  }

  /** The {@code s3://} staging prefix an UNLOAD statement writes to. */
  static String unloadTarget(String unloadSql) {
    return unloadSql.substring(unloadSql.indexOf(") TO '") + 6, unloadSql.indexOf("' IAM_ROLE"));
  }

  /** The one scan node of an executed plan (inside adaptive execution too). */
  static BatchScanExec scanOf(Dataset<Row> df) {
    SparkPlan plan = df.queryExecution().executedPlan();
    if (plan instanceof AdaptiveSparkPlanExec a) {
      plan = a.executedPlan();
    }
    List<BatchScanExec> found = new ArrayList<>();
    plan.foreach(
        node -> {
          if (node instanceof BatchScanExec b) {
            found.add(b);
          }
          return null;
        });
    if (found.size() != 1) {
      throw new AssertionError("expected one scan in " + plan);
    }
    return found.get(0);
  }

  /** Every message in a cause chain, joined, for assertions on what the user sees. */
  static String messages(Throwable t) {
    return TestRedshift.messages(t);
  }
}
