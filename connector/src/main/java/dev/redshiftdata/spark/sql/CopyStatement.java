package dev.redshiftdata.spark.sql;

import java.util.List;
import java.util.Objects;

/**
 * {@code COPY "s"."t" ("a", "b") FROM 's3://bucket/prefix/manifest' IAM_ROLE ... FORMAT AS PARQUET
 * MANIFEST [SERIALIZETOJSON] [REGION '...']}.
 *
 * <p>COPY from Parquet matches file columns to table columns <em>by position</em>: always give the
 * column list, in the order the files were written.
 *
 * @param table the target table
 * @param columns the target columns, in file order; empty for all columns in table order
 * @param manifest the {@code s3://} URL of the COPY manifest
 * @param iamRole an IAM role ARN, or {@code default}
 * @param serializeToJson adds SERIALIZETOJSON (nested Spark types into SUPER columns)
 * @param region the bucket's region when it differs from the cluster's, or null
 */
public record CopyStatement(
    TableName table,
    List<String> columns,
    String manifest,
    String iamRole,
    boolean serializeToJson,
    String region) {

  public CopyStatement {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(iamRole, "iamRole");
    columns = List.copyOf(columns);
    if (manifest == null || !manifest.startsWith("s3://") || manifest.endsWith("/")) {
      throw new IllegalArgumentException("The COPY manifest must be an s3:// object: " + manifest);
    }
  }

  /** The statement text. */
  public String sql() {
    StringBuilder sb = new StringBuilder("COPY ").append(table.quoted());
    if (!columns.isEmpty()) {
      sb.append(" (")
          .append(String.join(", ", columns.stream().map(Identifiers::quote).toList()))
          .append(')');
    }
    sb.append(" FROM ")
        .append(Literals.string(manifest))
        .append(' ')
        .append(UnloadStatement.iamRoleClause(iamRole))
        .append(" FORMAT AS PARQUET MANIFEST");
    if (serializeToJson) {
      sb.append(" SERIALIZETOJSON");
    }
    if (region != null) {
      sb.append(" REGION ").append(Literals.string(region));
    }
    return sb.toString();
  }

  /**
   * A statement that fails, rolling the transaction back, unless the COPY just before it loaded
   * exactly {@code rows} rows. The error branch calls {@code pg_last_copy_count()} so it cannot be
   * evaluated (and fail) while the statement is planned.
   */
  public static String rowCountGuard(long rows) {
    return "SELECT CASE WHEN pg_last_copy_count() = "
        + rows
        + " THEN 1 ELSE CAST('COPY loaded ' || pg_last_copy_count() || ' rows but the Spark tasks"
        + " wrote "
        + rows
        + "; rolled back' AS INTEGER) END";
  }

  @Override
  public String toString() {
    return sql();
  }
}
