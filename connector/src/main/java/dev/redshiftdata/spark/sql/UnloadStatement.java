package dev.redshiftdata.spark.sql;

import java.util.Objects;

/**
 * {@code UNLOAD ('<select>') TO 's3://bucket/prefix/' IAM_ROLE ... FORMAT AS PARQUET MANIFEST
 * VERBOSE MAXFILESIZE <n> MB [ENCRYPTED [KMS_KEY_ID '...']] [REGION '...'] [ALLOWOVERWRITE]}.
 *
 * <p>The select becomes a string literal, a second escaping layer on top of the literals already
 * inside it: {@code '} becomes {@code ''} and {@code \} becomes {@code \\} ({@link
 * Literals#string}), so Redshift's unescaping ({@code standard_conforming_strings=off}) gives back
 * the exact select. Use {@link SelectBuilder#buildForUnload()} for the select: UNLOAD refuses an
 * outer LIMIT.
 *
 * @param select the SELECT to unload
 * @param target the {@code s3://} prefix, ending with {@code /} (see {@link StagingUrls#toS3})
 * @param iamRole an IAM role ARN (or a comma-separated chain), or {@code default}
 * @param maxFileSizeMb MAXFILESIZE in MB, 5 to 6200
 * @param encrypted adds ENCRYPTED
 * @param kmsKeyId a KMS key id for ENCRYPTED, or null
 * @param region the bucket's region when it differs from the cluster's, or null
 * @param allowOverwrite adds ALLOWOVERWRITE
 */
public record UnloadStatement(
    String select,
    String target,
    String iamRole,
    int maxFileSizeMb,
    boolean encrypted,
    String kmsKeyId,
    String region,
    boolean allowOverwrite) {

  /** Redshift's MAXFILESIZE bounds, in MB (5 MB to 6.2 GB). */
  public static final int MIN_FILE_SIZE_MB = 5;

  public static final int MAX_FILE_SIZE_MB = 6200;

  public UnloadStatement {
    Objects.requireNonNull(select, "select");
    Objects.requireNonNull(iamRole, "iamRole");
    if (target == null || !target.startsWith("s3://") || !target.endsWith("/")) {
      throw new IllegalArgumentException(
          "The UNLOAD target must be an s3:// prefix ending with '/': " + target);
    }
    if (maxFileSizeMb < MIN_FILE_SIZE_MB || maxFileSizeMb > MAX_FILE_SIZE_MB) {
      throw new IllegalArgumentException(
          "MAXFILESIZE must be between "
              + MIN_FILE_SIZE_MB
              + " and "
              + MAX_FILE_SIZE_MB
              + " MB: "
              + maxFileSizeMb);
    }
    if (kmsKeyId != null && !encrypted) {
      throw new IllegalArgumentException("KMS_KEY_ID needs ENCRYPTED");
    }
  }

  /** A plain unload: role, target, size; no encryption, region or overwrite. */
  public static UnloadStatement of(
      String select, String target, String iamRole, int maxFileSizeMb) {
    return new UnloadStatement(select, target, iamRole, maxFileSizeMb, false, null, null, false);
  }

  /** The statement text. */
  public String sql() {
    StringBuilder sb =
        new StringBuilder("UNLOAD (")
            .append(Literals.string(select))
            .append(") TO ")
            .append(Literals.string(target))
            .append(' ')
            .append(iamRoleClause(iamRole))
            .append(" FORMAT AS PARQUET MANIFEST VERBOSE MAXFILESIZE ")
            .append(maxFileSizeMb)
            .append(" MB");
    if (encrypted) {
      sb.append(" ENCRYPTED");
      if (kmsKeyId != null) {
        sb.append(" KMS_KEY_ID ").append(Literals.string(kmsKeyId));
      }
    }
    if (region != null) {
      sb.append(" REGION ").append(Literals.string(region));
    }
    if (allowOverwrite) {
      sb.append(" ALLOWOVERWRITE");
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return sql();
  }

  /** {@code IAM_ROLE default} or {@code IAM_ROLE '<arn>'}. Shared with {@link CopyStatement}. */
  static String iamRoleClause(String iamRole) {
    if (iamRole.isBlank()) {
      throw new IllegalArgumentException("The IAM role is empty");
    }
    return "default".equalsIgnoreCase(iamRole.strip())
        ? "IAM_ROLE default"
        : "IAM_ROLE " + Literals.string(iamRole);
  }
}
