package dev.redshiftdata.spark.amazonml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Iterator;
import java.util.Set;
import software.amazon.awssdk.services.machinelearning.model.CreateDataSourceFromRedshiftRequest;
import software.amazon.awssdk.services.machinelearning.model.CreateDataSourceFromS3Request;
import software.amazon.awssdk.services.machinelearning.model.RedshiftDataSpec;
import software.amazon.awssdk.services.machinelearning.model.S3DataSpec;

/**
 * Turns a {@link RequestSpec}'s JSON (the request body with the API's PascalCase member names) into
 * the SDK's request, member by member. Pure. Unknown members are refused rather than dropped, so a
 * spec never means more than what is sent; a Redshift spec that carries {@code DatabaseCredentials}
 * is refused too: credentials come only from {@link DatabaseCredentials} at submission.
 */
public final class AmazonMlRequests {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Set<String> S3_TOP =
      Set.of("DataSourceId", "DataSourceName", "DataSpec", "ComputeStatistics");
  private static final Set<String> S3_SPEC =
      Set.of("DataLocationS3", "DataRearrangement", "DataSchema", "DataSchemaLocationS3");
  private static final Set<String> REDSHIFT_TOP =
      Set.of("DataSourceId", "DataSourceName", "DataSpec", "RoleARN", "ComputeStatistics");
  private static final Set<String> REDSHIFT_SPEC =
      Set.of(
          "DatabaseInformation",
          "SelectSqlQuery",
          "S3StagingLocation",
          "DataRearrangement",
          "DataSchema",
          "DataSchemaUri");
  private static final Set<String> DATABASE_INFORMATION =
      Set.of("DatabaseName", "ClusterIdentifier");

  private AmazonMlRequests() {}

  public static CreateDataSourceFromS3Request fromS3(RequestSpec spec) {
    JsonNode root = parse(spec, RequestSpec.Kind.S3);
    members(root, S3_TOP, spec, "");
    JsonNode data = object(root, "DataSpec", spec);
    members(data, S3_SPEC, spec, "DataSpec.");
    return CreateDataSourceFromS3Request.builder()
        .dataSourceId(text(root, "DataSourceId", spec))
        .dataSourceName(text(root, "DataSourceName", spec))
        .computeStatistics(bool(root, "ComputeStatistics", spec))
        .dataSpec(
            S3DataSpec.builder()
                .dataLocationS3(text(data, "DataLocationS3", spec))
                .dataRearrangement(text(data, "DataRearrangement", spec))
                .dataSchema(text(data, "DataSchema", spec))
                .dataSchemaLocationS3(text(data, "DataSchemaLocationS3", spec))
                .build())
        .build();
  }

  public static CreateDataSourceFromRedshiftRequest fromRedshift(
      RequestSpec spec, DatabaseCredentials credentials) {
    JsonNode root = parse(spec, RequestSpec.Kind.REDSHIFT);
    members(root, REDSHIFT_TOP, spec, "");
    JsonNode data = object(root, "DataSpec", spec);
    if (data.has("DatabaseCredentials")) {
      throw new IllegalArgumentException(
          "Amazon ML spec "
              + spec.dataSourceId()
              + " carries DatabaseCredentials: specs never hold credentials, they are filled in at"
              + " submission.");
    }
    members(data, REDSHIFT_SPEC, spec, "DataSpec.");
    JsonNode db = object(data, "DatabaseInformation", spec);
    members(db, DATABASE_INFORMATION, spec, "DataSpec.DatabaseInformation.");
    return CreateDataSourceFromRedshiftRequest.builder()
        .dataSourceId(text(root, "DataSourceId", spec))
        .dataSourceName(text(root, "DataSourceName", spec))
        .roleARN(text(root, "RoleARN", spec))
        .computeStatistics(bool(root, "ComputeStatistics", spec))
        .dataSpec(
            RedshiftDataSpec.builder()
                .databaseInformation(
                    d ->
                        d.databaseName(text(db, "DatabaseName", spec))
                            .clusterIdentifier(text(db, "ClusterIdentifier", spec)))
                .selectSqlQuery(text(data, "SelectSqlQuery", spec))
                .s3StagingLocation(text(data, "S3StagingLocation", spec))
                .dataRearrangement(text(data, "DataRearrangement", spec))
                .dataSchema(text(data, "DataSchema", spec))
                .dataSchemaUri(text(data, "DataSchemaUri", spec))
                .databaseCredentials(
                    c -> c.username(credentials.username()).password(credentials.password()))
                .build())
        .build();
  }

  private static JsonNode parse(RequestSpec spec, RequestSpec.Kind expected) {
    if (spec.kind() != expected) {
      throw new IllegalArgumentException(
          "Amazon ML spec " + spec.dataSourceId() + " is a " + spec.kind() + " spec");
    }
    JsonNode root;
    try {
      root = JSON.readTree(spec.json());
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "Amazon ML spec " + spec.dataSourceId() + " is not valid JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(
          "Amazon ML spec " + spec.dataSourceId() + " is not a JSON object.");
    }
    String id = text(root, "DataSourceId", spec);
    if (!spec.dataSourceId().equals(id)) {
      throw new IllegalArgumentException(
          "Amazon ML spec "
              + spec.dataSourceId()
              + " has DataSourceId "
              + id
              + " in its JSON; they must be the same.");
    }
    return root;
  }

  private static void members(JsonNode node, Set<String> allowed, RequestSpec spec, String path) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!allowed.contains(name)) {
        throw new IllegalArgumentException(
            "Amazon ML spec "
                + spec.dataSourceId()
                + " has unknown member "
                + path
                + name
                + "; "
                + spec.kind().operation()
                + " takes "
                + new java.util.TreeSet<>(allowed)
                + ".");
      }
    }
  }

  private static JsonNode object(JsonNode node, String member, RequestSpec spec) {
    JsonNode n = node.get(member);
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException(
          "Amazon ML spec " + spec.dataSourceId() + " has no object " + member + ".");
    }
    return n;
  }

  private static String text(JsonNode node, String member, RequestSpec spec) {
    JsonNode n = node.get(member);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isTextual()) {
      throw new IllegalArgumentException(
          "Amazon ML spec " + spec.dataSourceId() + ": " + member + " must be a string.");
    }
    return n.asText();
  }

  private static Boolean bool(JsonNode node, String member, RequestSpec spec) {
    JsonNode n = node.get(member);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isBoolean()) {
      throw new IllegalArgumentException(
          "Amazon ML spec " + spec.dataSourceId() + ": " + member + " must be a boolean.");
    }
    return n.asBoolean();
  }
}
