package dev.redshiftdata.spark.amazonml;

import dev.redshiftdata.spark.config.AmazonMlOptions;
import dev.redshiftdata.spark.config.AmazonMlOptions.Datasource;
import dev.redshiftdata.spark.dataapi.DataApiTarget;
import dev.redshiftdata.spark.sql.SelectBuilder;
import dev.redshiftdata.spark.sql.TableName;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a write's Amazon ML datasource goes and what its request specs say, resolved from the
 * options on the driver before any row is written. Pure.
 *
 * <p>Layout, for a data location {@code s3://b/ml/churn/} ({@code amazonMl.location}, else {@code
 * <tempdir>amazonml/<DataSourceId>/}): the CSV files, and nothing else, under {@code
 * s3://b/ml/churn/}; beside it {@code s3://b/ml/churn.schema.json}, {@code
 * s3://b/ml/churn.redshift.schema.json} (the Redshift form's schema: no header line, since Amazon
 * ML's UNLOAD writes none) and one {@code s3://b/ml/churn.<DataSourceId>.<Operation>.json} per
 * request spec.
 *
 * @param baseId the {@code DataSourceId} of the whole-data spec of the only kind; others add {@code
 *     .s3}/{@code .redshift} (kind, when both are emitted) and {@code .train}/{@code .evaluation}
 * @param baseName the {@code DataSourceName} before the same suffixes
 * @param kinds the request kinds emitted
 * @param dataLocation the CSV prefix as Hadoop writes it, ending in '/'
 * @param redshiftStaging {@code S3StagingLocation} (any S3 scheme)
 * @param trainPercent 0, or the train split's end
 * @param computeStatistics {@code ComputeStatistics}
 * @param inlineSchema whether Redshift specs carry {@code DataSchema} instead of {@code
 *     DataSchemaUri}
 * @param roleArn {@code RoleARN}, or null
 * @param database the database written to
 * @param clusterIdentifier the provisioned cluster, or null for a serverless workgroup
 * @param workgroupName the workgroup, or null
 * @param selectSql {@code SelectSqlQuery}: the written columns of the written table
 */
public record EmissionPlan(
    String baseId,
    String baseName,
    List<RequestSpec.Kind> kinds,
    String dataLocation,
    String redshiftStaging,
    int trainPercent,
    boolean computeStatistics,
    boolean inlineSchema,
    String roleArn,
    String database,
    String clusterIdentifier,
    String workgroupName,
    String selectSql)
    implements Serializable {

  /** Under {@code tempdir}, where default data locations and staging locations go. */
  static final String TEMPDIR_FOLDER = "amazonml/";

  public EmissionPlan {
    kinds = List.copyOf(kinds);
  }

  /**
   * The plan of a write of {@code columns} into {@code table}.
   *
   * @param tempdir the write's tempdir (any S3 scheme)
   * @param defaultId the {@code DataSourceId} when {@code amazonMl.dataSourceId} is unset
   */
  public static EmissionPlan of(
      AmazonMlOptions ml,
      DataApiTarget target,
      String tempdir,
      TableName table,
      List<String> columns,
      String defaultId) {
    String dir = tempdir.endsWith("/") ? tempdir : tempdir + "/";
    String id = ml.dataSourceId().orElse(defaultId);
    List<RequestSpec.Kind> kinds = new ArrayList<>();
    if (ml.datasource() == Datasource.S3 || ml.datasource() == Datasource.BOTH) {
      kinds.add(RequestSpec.Kind.S3);
    }
    if (ml.datasource() == Datasource.REDSHIFT || ml.datasource() == Datasource.BOTH) {
      kinds.add(RequestSpec.Kind.REDSHIFT);
    }
    String select = SelectBuilder.fromTable(table).withColumns(columns).build();
    return new EmissionPlan(
        id,
        ml.dataSourceName().orElse("redshift-data " + table.quoted()),
        kinds,
        ml.location().orElse(dir + TEMPDIR_FOLDER + id + "/"),
        ml.s3StagingLocation().orElse(dir + TEMPDIR_FOLDER + id + ".redshift-staging/"),
        ml.trainPercent(),
        ml.computeStatistics(),
        ml.inlineSchema(),
        ml.roleArn().orElse(null),
        target.database(),
        target.clusterIdentifier().orElse(null),
        target.workgroupName().orElse(null),
        select);
  }

  /** The data location without its trailing '/': schema and spec files are named after it. */
  String metaBase() {
    return dataLocation.substring(0, dataLocation.length() - 1);
  }

  /** The S3 form's schema file, as Hadoop writes it. */
  public String schemaLocation() {
    return metaBase() + ".schema.json";
  }

  /** The Redshift form's schema file (no header line), as Hadoop writes it. */
  public String redshiftSchemaLocation() {
    return metaBase() + ".redshift.schema.json";
  }

  /** The file of the spec with {@code dataSourceId}, as Hadoop writes it. */
  public String specLocation(String dataSourceId, RequestSpec.Kind kind) {
    return metaBase() + "." + dataSourceId + "." + kind.operation() + ".json";
  }

  public boolean emits(RequestSpec.Kind kind) {
    return kinds.contains(kind);
  }
}
