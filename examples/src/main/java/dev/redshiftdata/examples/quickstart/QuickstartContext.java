package dev.redshiftdata.examples.quickstart;

import dev.redshiftdata.spark.QueryResult;
import dev.redshiftdata.spark.RedshiftData;
import java.io.PrintStream;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * What every step works with: the session, the connection options, the schema the sample tables
 * live in, and where to print.
 */
public final class QuickstartContext {
  private static final Pattern SCAN = Pattern.compile("RedshiftScan\\[.*");

  private final SparkSession spark;
  private final Map<String, String> options;
  private final String schema;
  private final PrintStream out;

  QuickstartContext(
      SparkSession spark, Map<String, String> options, String schema, PrintStream out) {
    this.spark = spark;
    this.options = Map.copyOf(options);
    this.schema = schema;
    this.out = out;
  }

  public SparkSession spark() {
    return spark;
  }

  /** The connection options (endpoint, cluster or workgroup, database, tempdir, iamRole...). */
  public Map<String, String> options() {
    return options;
  }

  public PrintStream out() {
    return out;
  }

  /** {@code name} in the quickstart's schema, e.g. {@code quickstart.orders}. */
  public String table(String name) {
    return schema + "." + name;
  }

  public String schema() {
    return schema;
  }

  /** A reader of {@code table(name)} through the connector. */
  public DataFrameReader read(String name) {
    return spark.read().format("redshift-data").options(options).option("dbtable", table(name));
  }

  /** A writer of {@code df} into {@code table(name)} through the connector. */
  public DataFrameWriter<Row> write(Dataset<Row> df, String name) {
    return df.write().format("redshift-data").options(options).option("dbtable", table(name));
  }

  /** Runs one SQL statement on Redshift. */
  public void execute(String sql) {
    RedshiftData.execute(spark, options, sql);
  }

  /** Runs a small query on Redshift. */
  public QueryResult query(String sql) {
    return RedshiftData.query(spark, options, sql);
  }

  /** The number of rows of {@code table(name)}, counted by Redshift. */
  public long count(String name) {
    return ((Number) query("SELECT count(*) AS n FROM " + table(name)).value(0, "n")).longValue();
  }

  /**
   * The connector's scan as {@code explain()} prints it: the path and why, the pushed operators and
   * the SQL.
   */
  public static String scanDescription(Dataset<Row> df) {
    String plan = df.queryExecution().executedPlan().toString();
    Matcher m = SCAN.matcher(plan);
    return m.find() ? m.group() : plan;
  }
}
