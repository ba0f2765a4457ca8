package dev.redshiftdata.spark;

import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.dataapi.DataApi;
import dev.redshiftdata.spark.dataapi.FinishedStatement;
import dev.redshiftdata.spark.dataapi.RedshiftDataException;
import dev.redshiftdata.spark.dataapi.StatementRequest;
import dev.redshiftdata.spark.dataapi.StatementRows;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.spark.sql.SparkSession;
import software.amazon.awssdk.services.redshiftdata.model.ColumnMetadata;
import software.amazon.awssdk.services.redshiftdata.model.Field;

/**
 * Runs SQL statements on Redshift the way the connector's reads and writes do: the same options
 * (and session configuration {@code spark.datasource.redshift-data.*}), the same credentials, the
 * same waiting, retries and statement timeout, and the same errors ({@link RedshiftDataException}
 * with the statement id, the redacted SQL and Redshift's message). For DDL, grants, {@code CREATE
 * MODEL} and other statements that are not reads or writes of a DataFrame.
 *
 * <pre>{@code
 * RedshiftData.execute(spark, options, "CREATE SCHEMA IF NOT EXISTS sales");
 * QueryResult model = RedshiftData.query(spark, options, "SHOW MODEL churn");
 * }</pre>
 *
 * From PySpark: {@code spark._jvm.dev.redshiftdata.spark.RedshiftData.execute(spark._jsparkSession,
 * options, sql)}. Options that choose what to read or write ({@code dbtable}, {@code query}) are
 * ignored.
 */
public final class RedshiftData {
  private RedshiftData() {}

  /** Runs one statement and waits until it finishes. */
  public static StatementResult execute(
      SparkSession spark, Map<String, String> options, String sql) {
    return result(api(spark, options).execute(StatementRequest.sql(sql)));
  }

  /**
   * Runs 1 to {@value StatementRequest#MAX_BATCH_SIZE} statements serially in one transaction; if
   * one fails, all are rolled back and the error names the one that failed.
   */
  public static StatementResult executeBatch(
      SparkSession spark, Map<String, String> options, List<String> sqls) {
    return result(api(spark, options).execute(StatementRequest.batch(sqls)));
  }

  /**
   * Runs a statement that returns rows (a SELECT, {@code SHOW MODEL}, ...) and returns all of them,
   * read from every result page on the driver. Meant for small results.
   */
  public static QueryResult query(SparkSession spark, Map<String, String> options, String sql) {
    StatementRows result = api(spark, options).query(StatementRequest.sql(sql));
    List<String> columns = result.columns().stream().map(ColumnMetadata::name).toList();
    List<List<Object>> rows = new ArrayList<>();
    for (List<Field> record : result.records()) {
      List<Object> row = new ArrayList<>(record.size());
      for (Field f : record) {
        row.add(QueryResult.valueOf(f));
      }
      rows.add(row);
    }
    return new QueryResult(result.statementId(), columns, rows);
  }

  private static DataApi api(SparkSession spark, Map<String, String> options) {
    Objects.requireNonNull(spark, "spark is null");
    return RedshiftOptions.parse(options, SessionConf.of(spark)).dataApi();
  }

  private static StatementResult result(FinishedStatement done) {
    return new StatementResult(done.id(), done.resultRows(), done.subStatementIds());
  }
}
