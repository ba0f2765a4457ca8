package dev.redshiftdata.local.aml;

import com.fasterxml.jackson.databind.JsonNode;
import dev.redshiftdata.local.dataapi.ApiException;
import java.util.regex.Pattern;

/**
 * A CreateDataSourceFromS3 / CreateDataSourceFromRedshift request, checked against the constraints
 * of the service model (REDSHIFT_REFERENCE.md section 12). Bad members answer {@code
 * InvalidInputException} in AWS's validation wording; the password is never echoed.
 *
 * @param body the whole request, compared to decide idempotent replay vs parameter mismatch
 */
record DataSourceRequest(
    Kind kind,
    String dataSourceId,
    String name,
    boolean computeStatistics,
    String roleArn,
    String dataLocationS3,
    String dataSchema,
    String dataSchemaLocation,
    String dataRearrangementText,
    DataRearrangement dataRearrangement,
    Redshift redshift,
    JsonNode body) {

  enum Kind {
    S3,
    REDSHIFT
  }

  /** The Redshift part of a request. */
  record Redshift(
      String databaseName,
      String clusterIdentifier,
      String selectSqlQuery,
      String username,
      String password,
      String s3StagingLocation) {
    @Override
    public String toString() {
      return "Redshift[" + clusterIdentifier + "/" + databaseName + ", user=" + username + "]";
    }
  }

  static final Pattern ENTITY_ID = Pattern.compile("[a-zA-Z0-9_.-]+");
  static final Pattern NAME = Pattern.compile(".*\\S.*|^$", Pattern.DOTALL);
  static final Pattern S3_URL = Pattern.compile("s3://([^/]+)(/.*)?", Pattern.DOTALL);
  static final Pattern DATABASE_NAME = Pattern.compile("[a-z0-9]+");
  static final Pattern CLUSTER_ID = Pattern.compile("[a-z0-9-]+");

  static DataSourceRequest s3(JsonNode body) {
    Members r = new Members(body, "");
    String id = r.string("DataSourceId", 1, 64, ENTITY_ID, true);
    String name = r.string("DataSourceName", 0, 1024, NAME, false);
    Boolean stats = r.bool("ComputeStatistics");
    Members spec = r.object("DataSpec", true);
    String location = spec.string("DataLocationS3", 0, 2048, S3_URL, true);
    String rearrangement = spec.string("DataRearrangement", 0, Integer.MAX_VALUE, null, false);
    String schema = spec.string("DataSchema", 0, 131071, null, false);
    String schemaLocation = spec.string("DataSchemaLocationS3", 0, 2048, S3_URL, false);
    requireSchema(schema, schemaLocation, "DataSchemaLocationS3");
    return new DataSourceRequest(
        Kind.S3,
        id,
        name,
        Boolean.TRUE.equals(stats),
        null,
        location,
        schema,
        schemaLocation,
        rearrangement,
        rearrangement(rearrangement),
        null,
        body);
  }

  static DataSourceRequest redshift(JsonNode body) {
    Members r = new Members(body, "");
    String id = r.string("DataSourceId", 1, 64, ENTITY_ID, true);
    String name = r.string("DataSourceName", 0, 1024, NAME, false);
    Boolean stats = r.bool("ComputeStatistics");
    String role = r.string("RoleARN", 1, 110, null, true);
    Members spec = r.object("DataSpec", true);
    Members db = spec.object("DatabaseInformation", true);
    String database = db.string("DatabaseName", 1, 64, DATABASE_NAME, true);
    String cluster = db.string("ClusterIdentifier", 1, 63, CLUSTER_ID, true);
    String query = spec.string("SelectSqlQuery", 1, 16_777_216, null, true);
    Members credentials = spec.object("DatabaseCredentials", true);
    String user = credentials.string("Username", 1, 128, null, true);
    String password = credentials.secret("Password", 8, 64);
    String staging = spec.string("S3StagingLocation", 0, 2048, S3_URL, true);
    String rearrangement = spec.string("DataRearrangement", 0, Integer.MAX_VALUE, null, false);
    String schema = spec.string("DataSchema", 0, 131071, null, false);
    String schemaUri = spec.string("DataSchemaUri", 0, 2048, S3_URL, false);
    requireSchema(schema, schemaUri, "DataSchemaUri");
    return new DataSourceRequest(
        Kind.REDSHIFT,
        id,
        name,
        Boolean.TRUE.equals(stats),
        role,
        null,
        schema,
        schemaUri,
        rearrangement,
        rearrangement(rearrangement),
        new Redshift(database, cluster, query, user, password, staging),
        body);
  }

  private static void requireSchema(String schema, String location, String locationMember) {
    if (schema == null && location == null) {
      throw invalid("DataSpec needs DataSchema or " + locationMember + ".");
    }
  }

  private static DataRearrangement rearrangement(String text) {
    try {
      return DataRearrangement.parse(text);
    } catch (IllegalArgumentException e) {
      throw invalid(e.getMessage());
    }
  }

  static ApiException invalid(String message) {
    return new ApiException("InvalidInputException", 400, message);
  }

  /** Typed access to the members of one JSON object, with AWS's constraint wording. */
  static final class Members {
    private final JsonNode node;
    private final String path;

    Members(JsonNode node, String path) {
      this.node = node;
      this.path = path;
    }

    Members object(String member, boolean required) {
      JsonNode n = node.get(member);
      if (n == null || n.isNull()) {
        if (required) {
          throw constraint(member, null, "Member must not be null");
        }
        return null;
      }
      if (!n.isObject()) {
        throw invalid("Member " + path + member + " must be an object.");
      }
      return new Members(n, path + member + ".");
    }

    String string(String member, int min, int max, Pattern pattern, boolean required) {
      JsonNode n = node.get(member);
      if (n == null || n.isNull()) {
        if (required) {
          throw constraint(member, null, "Member must not be null");
        }
        return null;
      }
      if (!n.isTextual()) {
        throw invalid("Member " + path + member + " must be a string.");
      }
      String s = n.asText();
      check(member, s, s, min, max, pattern);
      return s;
    }

    /** A sensitive string: its value never appears in an error. */
    String secret(String member, int min, int max) {
      JsonNode n = node.get(member);
      if (n == null || n.isNull()) {
        throw constraint(member, null, "Member must not be null");
      }
      if (!n.isTextual()) {
        throw invalid("Member " + path + member + " must be a string.");
      }
      check(member, n.asText(), "***", min, max, null);
      return n.asText();
    }

    Boolean bool(String member) {
      JsonNode n = node.get(member);
      if (n == null || n.isNull()) {
        return null;
      }
      if (!n.isBoolean()) {
        throw invalid("Member " + path + member + " must be a boolean.");
      }
      return n.asBoolean();
    }

    private void check(String member, String s, String shown, int min, int max, Pattern pattern) {
      if (s.length() < min) {
        throw constraint(member, shown, "Member must have length greater than or equal to " + min);
      }
      if (s.length() > max) {
        throw constraint(member, shown, "Member must have length less than or equal to " + max);
      }
      if (pattern != null && !pattern.matcher(s).matches()) {
        throw constraint(
            member, shown, "Member must satisfy regular expression pattern: " + pattern.pattern());
      }
    }

    private ApiException constraint(String member, String value, String constraint) {
      String shown = value == null ? "null" : "'" + abbreviate(value) + "'";
      String camel = Character.toLowerCase(member.charAt(0)) + member.substring(1);
      return invalid(
          "1 validation error detected: Value "
              + shown
              + " at '"
              + path
              + camel
              + "' failed to satisfy constraint: "
              + constraint);
    }

    private static String abbreviate(String s) {
      return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
  }
}
