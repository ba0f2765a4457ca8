package dev.redshiftdata.spark.dataapi;

import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;

/**
 * Where statements run: the Data API's connection members, sent with every ExecuteStatement,
 * BatchExecuteStatement, DescribeTable and List call. Exactly one of cluster identifier and
 * workgroup name is set; at most one of secret ARN and database user.
 */
public final class DataApiTarget implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String database;
  private final String clusterIdentifier;
  private final String workgroupName;
  private final String secretArn;
  private final String dbUser;

  private DataApiTarget(
      String database,
      String clusterIdentifier,
      String workgroupName,
      String secretArn,
      String dbUser) {
    this.database = Objects.requireNonNull(database, "database is null");
    if ((clusterIdentifier == null) == (workgroupName == null)) {
      throw new IllegalArgumentException(
          "Cannot connect to Redshift: set exactly one of clusterIdentifier and workgroupName.");
    }
    if (secretArn != null && dbUser != null) {
      throw new IllegalArgumentException(
          "Cannot connect to Redshift: set at most one of secretArn and dbUser.");
    }
    this.clusterIdentifier = clusterIdentifier;
    this.workgroupName = workgroupName;
    this.secretArn = secretArn;
    this.dbUser = dbUser;
  }

  public static DataApiTarget cluster(
      String database, String clusterIdentifier, String secretArn, String dbUser) {
    return new DataApiTarget(
        database,
        Objects.requireNonNull(clusterIdentifier, "clusterIdentifier is null"),
        null,
        secretArn,
        dbUser);
  }

  public static DataApiTarget workgroup(
      String database, String workgroupName, String secretArn, String dbUser) {
    return new DataApiTarget(
        database,
        null,
        Objects.requireNonNull(workgroupName, "workgroupName is null"),
        secretArn,
        dbUser);
  }

  /**
   * The same target without the secret ARN and database user: enough to read a finished statement's
   * result, which is all an executor does.
   */
  public DataApiTarget withoutCredentials() {
    return new DataApiTarget(database, clusterIdentifier, workgroupName, null, null);
  }

  public String database() {
    return database;
  }

  public Optional<String> clusterIdentifier() {
    return Optional.ofNullable(clusterIdentifier);
  }

  public Optional<String> workgroupName() {
    return Optional.ofNullable(workgroupName);
  }

  public Optional<String> secretArn() {
    return Optional.ofNullable(secretArn);
  }

  public Optional<String> dbUser() {
    return Optional.ofNullable(dbUser);
  }

  @Override
  public String toString() {
    // The secret ARN names a secret but is not one; it is still left out, as Spark's redaction
    // would hide it.
    return "DataApiTarget{database="
        + database
        + (clusterIdentifier != null
            ? ", clusterIdentifier=" + clusterIdentifier
            : ", workgroupName=" + workgroupName)
        + (dbUser != null ? ", dbUser=" + dbUser : "")
        + (secretArn != null ? ", secretArn=*********(redacted)" : "")
        + "}";
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof DataApiTarget)) {
      return false;
    }
    DataApiTarget t = (DataApiTarget) o;
    return database.equals(t.database)
        && Objects.equals(clusterIdentifier, t.clusterIdentifier)
        && Objects.equals(workgroupName, t.workgroupName)
        && Objects.equals(secretArn, t.secretArn)
        && Objects.equals(dbUser, t.dbUser);
  }

  @Override
  public int hashCode() {
    return Objects.hash(database, clusterIdentifier, workgroupName, secretArn, dbUser);
  }
}
