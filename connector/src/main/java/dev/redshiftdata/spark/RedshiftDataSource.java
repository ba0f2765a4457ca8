package dev.redshiftdata.spark;

import dev.redshiftdata.spark.compat.ScalaCollections;
import dev.redshiftdata.spark.compat.SessionInternals;
import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.read.RedshiftTable;
import dev.redshiftdata.spark.staging.StagingFileSystems;
import dev.redshiftdata.spark.write.SaveModes;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SQLContext;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.sources.BaseRelation;
import org.apache.spark.sql.sources.CreatableRelationProvider;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * Entry point Spark loads for {@code format("redshift-data")}: a DataSource V2 {@code
 * TableProvider}, and a V1 {@code CreatableRelationProvider} only so that {@code df.write.save()}
 * gets every save mode ({@link SaveModes}).
 */
public final class RedshiftDataSource
    implements TableProvider, DataSourceRegister, CreatableRelationProvider {

  public static final String SHORT_NAME = "redshift-data";

  /**
   * The table this instance inferred the schema of: Spark passes that very schema object to {@link
   * #getTable} when the user gave none, so the table is not resolved twice (Spark creates one
   * provider per load).
   */
  private RedshiftTable inferred;

  @Override
  public String shortName() {
    return SHORT_NAME;
  }

  @Override
  public StructType inferSchema(CaseInsensitiveStringMap options) {
    // Options are validated first, so a bad option names itself even before reads exist.
    RedshiftOptions parsed = RedshiftOptions.parse(options.asCaseSensitiveMap(), sessionConf());
    // Only reads infer a schema (df.write passes the DataFrame's).
    parsed.checkOptionNames(false);
    parsed.requireTableOrQuery();
    checkTempdir(parsed);
    inferred = RedshiftTable.open(parsed, null);
    return inferred.schema();
  }

  @Override
  public boolean supportsExternalMetadata() {
    return true;
  }

  /**
   * The active session's connector settings ({@link SessionConf}: {@code
   * spark.datasource.redshift-data.*} and {@code spark.redaction.regex}); empty outside a Spark
   * session.
   */
  public static Map<String, String> sessionConf() {
    return SparkSession.getActiveSession().map(SessionConf::of).getOrElse(Map::of);
  }

  /**
   * Fails when {@code tempdir} is set but this session's Hadoop configuration cannot open its
   * scheme, before any statement: an auto read may switch to the unload path at any time, and a
   * write always stages there.
   */
  public static void checkTempdir(RedshiftOptions options) {
    scala.Option<SparkSession> spark = SparkSession.getActiveSession();
    if (options.staging().tempdir().isPresent() && spark.isDefined()) {
      StagingFileSystems.check(
          options.staging().tempdir().get(), SessionInternals.hadoopConf(spark.get()));
    }
  }

  @Override
  public Table getTable(
      StructType schema, Transform[] partitioning, Map<String, String> properties) {
    RedshiftOptions parsed = RedshiftOptions.parse(properties, sessionConf());
    if (calledBySave() && !properties.containsKey(SaveModes.NESTED)) {
      // df.write.save(): checked as a write, then routed to createRelation, which knows the mode
      parsed.checkOptionNames(true);
      parsed.requireTable("write");
      checkTempdir(parsed);
      return new SaveRoute(parsed.dbtable().orElse(""), schema);
    }
    boolean write =
        schema != null
            && (inferred == null || schema != inferred.schema())
            && calledByDataFrameWriter();
    // Before any statement: a typo must not turn an upsert into an append, nor a write with
    // 'query' reach Spark's planner as a read-only table.
    parsed.checkOptionNames(write);
    if (write) {
      parsed.requireTable("write");
    }
    parsed.requireTableOrQuery();
    checkTempdir(parsed);
    if (schema != null && inferred != null && schema == inferred.schema()) {
      return inferred;
    }
    RedshiftTable.ReadSource source = RedshiftTable.locate(parsed);
    try {
      return RedshiftTable.open(parsed, source, schema);
    } catch (IllegalArgumentException e) {
      // df.write...save() passes the DataFrame's schema (this provider accepts external metadata):
      // a table that does not exist yet, or whose columns differ, is still a write target (the
      // write matches columns itself and names mismatches). Spark gives getTable no way to tell a
      // write from a read with a user schema, which must keep failing here, so look at the caller.
      // (SupportsCatalogOptions would give df.write every save mode, but Spark then refuses reads
      // with a user schema; the save modes come through createRelation instead, see SaveModes.)
      if (!write) {
        throw e;
      }
      return RedshiftTable.forWrite(parsed, source, schema, e);
    }
  }

  /**
   * Runs {@code df.write.save()} with its save mode (Spark's DataSource V1 fallback, reached
   * because {@link SaveRoute} lacks {@code BATCH_WRITE}).
   */
  @Override
  public BaseRelation createRelation(
      SQLContext sqlContext,
      SaveMode mode,
      scala.collection.immutable.Map<String, String> parameters,
      Dataset<Row> data) {
    SaveModes.save(mode, ScalaCollections.toJava(parameters), sessionConf(), data);
    StructType schema = data.schema();
    return new BaseRelation() {
      @Override
      public SQLContext sqlContext() {
        return sqlContext;
      }

      @Override
      public StructType schema() {
        return schema;
      }
    };
  }

  /**
   * Every Spark type may be written: the write itself names a column it cannot store. (No
   * {@code @Override}: Spark 4.0 added this to {@code CreatableRelationProvider}; its default
   * refuses VARIANT and TIME, which the write stores.)
   */
  public boolean supportsDataType(DataType type) {
    return true;
  }

  /**
   * Whether {@code DataFrameWriter.save()} is resolving the table, by the method Spark compiles its
   * local {@code getTable} to ({@code getTable$1} on Spark 3.5, 4.0 and 4.1; RedshiftDataSourceTest
   * pins it). Its {@code insertInto} and the session catalog come through other methods.
   */
  private static boolean calledBySave() {
    return dataFrameWriterOnStack(method -> method.startsWith("getTable$"));
  }

  /** Whether Spark's {@code DataFrameWriter} (classic, any package) is resolving the table. */
  private static boolean calledByDataFrameWriter() {
    return dataFrameWriterOnStack(method -> true);
  }

  /** Whether a method of Spark's {@code DataFrameWriter} matching {@code method} is a caller. */
  private static boolean dataFrameWriterOnStack(Predicate<String> method) {
    return StackWalker.getInstance()
        .walk(
            frames ->
                frames
                    .limit(64)
                    .anyMatch(
                        f ->
                            f.getClassName().startsWith("org.apache.spark.sql.")
                                && f.getClassName().endsWith(".DataFrameWriter")
                                && method.test(f.getMethodName())));
  }
}
