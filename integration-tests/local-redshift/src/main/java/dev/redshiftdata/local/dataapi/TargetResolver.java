package dev.redshiftdata.local.dataapi;

import dev.redshiftdata.local.DatabaseUser;
import dev.redshiftdata.local.Endpoint;
import dev.redshiftdata.local.LocalRedshiftConfig;
import dev.redshiftdata.local.Secret;
import java.util.regex.Pattern;

/**
 * Turns a request's connection members (ClusterIdentifier xor WorkgroupName, Database, SecretArn
 * xor DbUser, SessionId) into a {@link Target}, with the validation errors the service gives for
 * bad combinations.
 */
final class TargetResolver {
  static final Pattern CLUSTER_ID = Pattern.compile("^[a-z]([a-z0-9]|-[a-z0-9])*$");
  static final Pattern UUID_ONLY = Pattern.compile("^[a-z0-9]{8}(-[a-z0-9]{4}){3}-[a-z0-9]{12}$");

  private final LocalRedshiftConfig config;
  private final Sessions sessions;

  TargetResolver(LocalRedshiftConfig config, Sessions sessions) {
    this.config = config;
    this.sessions = sessions;
  }

  /**
   * @param allowSession whether the operation has a SessionId member (ExecuteStatement,
   *     BatchExecuteStatement); Database is required unless a session is reused
   */
  Target resolve(Request r, boolean allowSession) {
    String cluster = r.string("ClusterIdentifier", 1, 63, CLUSTER_ID);
    String workgroup = r.string("WorkgroupName", 3, 128, null);
    String database = r.string("Database");
    String secretArn = r.string("SecretArn");
    String dbUser = r.string("DbUser");
    String sessionId = allowSession ? r.string("SessionId", 36, 36, UUID_ONLY) : null;

    if (sessionId != null) {
      if (cluster != null
          || workgroup != null
          || database != null
          || secretArn != null
          || dbUser != null) {
        throw ApiException.validation(
            "SessionId cannot be combined with ClusterIdentifier, WorkgroupName, Database, SecretArn or DbUser.");
      }
      Session s = sessions.get(sessionId);
      if (s == null) {
        throw ApiException.validation("Session " + sessionId + " is not available or has expired.");
      }
      return s.target().withSession(s);
    }
    if (cluster != null && workgroup != null) {
      throw ApiException.validation(
          "Either ClusterIdentifier or WorkgroupName must be specified, but not both.");
    }
    if (cluster == null && workgroup == null) {
      throw ApiException.validation("Either ClusterIdentifier or WorkgroupName must be specified.");
    }
    Endpoint endpoint =
        config.endpoints().stream()
            .filter(
                e ->
                    cluster != null
                        ? e.kind() == Endpoint.Kind.CLUSTER && e.id().equals(cluster)
                        : e.kind() == Endpoint.Kind.WORKGROUP && e.id().equals(workgroup))
            .findFirst()
            .orElseThrow(
                () -> ApiException.validation("Redshift endpoint doesn't exist in this region."));
    if (database == null) {
      throw ApiException.constraint("database", null, "Member must not be null");
    }
    if (secretArn != null && dbUser != null) {
      throw ApiException.validation("Either SecretArn or DbUser can be specified, but not both.");
    }
    String role;
    if (secretArn != null) {
      role =
          config.secrets().stream()
              // the Data API's SecretArn is "the name or ARN of the secret"
              .filter(s -> s.isNamedBy(secretArn))
              .map(Secret::username)
              .findFirst()
              .orElseThrow(
                  () ->
                      ApiException.validation(
                          "Secrets Manager can't find the specified secret: " + secretArn));
    } else if (dbUser != null) {
      role = dbUser;
    } else if (endpoint.kind() == Endpoint.Kind.WORKGROUP) {
      // Serverless with IAM credentials runs as an IAM-derived user; the admin user stands in for
      // it.
      role = config.adminUser().name();
    } else {
      throw ApiException.validation(
          "Either SecretArn or DbUser must be specified for a provisioned cluster.");
    }
    String finalRole = role;
    DatabaseUser user =
        config.users().stream()
            .filter(u -> u.name().equals(finalRole))
            .findFirst()
            .orElseThrow(() -> ApiException.validation("User " + finalRole + " does not exist."));
    return new Target(endpoint, database, user.name(), dbUser, secretArn, null);
  }
}
