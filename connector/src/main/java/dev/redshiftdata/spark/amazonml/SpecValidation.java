package dev.redshiftdata.spark.amazonml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks request specs against Amazon ML's own constraints (the {@code machinelearning} service
 * model, API 2014-12-12) before anything is published, so a spec file is never one the service
 * would refuse. Each error names the request field, the option that sets it and the rule. Pure.
 */
public final class SpecValidation {

  static final Pattern DATASOURCE_ID = Pattern.compile("[a-zA-Z0-9_.-]{1,64}");
  static final Pattern NAME = Pattern.compile("(?s).*\\S.*|^$");
  static final Pattern S3_URL = Pattern.compile("s3://([^/]+)(/.*)?");
  static final Pattern DATABASE_NAME = Pattern.compile("[a-z0-9]{1,64}");
  static final Pattern CLUSTER_ID = Pattern.compile("[a-z0-9-]{1,63}");
  static final int MAX_NAME = 1024;
  static final int MAX_ROLE_ARN = 110;
  static final int MAX_S3_URL = 2048;
  static final int MAX_SELECT = 16_777_216;
  static final int MAX_DATA_SCHEMA = 131_071;

  /** The option that sets each field, for the error messages. */
  private static final Map<String, String> OPTION =
      Map.ofEntries(
          Map.entry("DataSourceId", "amazonMl.dataSourceId"),
          Map.entry("DataSourceName", "amazonMl.dataSourceName"),
          Map.entry("RoleARN", "amazonMl.roleArn"),
          Map.entry("DataSpec.DataLocationS3", "amazonMl.location"),
          Map.entry("DataSpec.DataSchemaLocationS3", "amazonMl.location"),
          Map.entry("DataSpec.DataSchemaUri", "amazonMl.location"),
          Map.entry("DataSpec.DataSchema", "amazonMl.inlineSchema"),
          Map.entry("DataSpec.S3StagingLocation", "amazonMl.s3StagingLocation"),
          Map.entry("DataSpec.DataRearrangement", "amazonMl.trainPercent"),
          Map.entry("DataSpec.SelectSqlQuery", "dbtable"),
          Map.entry("DataSpec.DatabaseInformation.DatabaseName", "database"),
          Map.entry("DataSpec.DatabaseInformation.ClusterIdentifier", "clusterIdentifier"));

  private static final ObjectMapper JSON = new ObjectMapper();

  private SpecValidation() {}

  /**
   * Checks one spec.
   *
   * @throws IllegalArgumentException naming the spec, the field, its option and the rule
   */
  public static void check(RequestSpec spec) {
    JsonNode root = parse(spec.json(), spec, "the request body");
    Checker c = new Checker(spec);
    c.matches(
        root, "DataSourceId", DATASOURCE_ID, "1 to 64 characters of a-z, A-Z, 0-9, _, . and -");
    c.optionalLength(root, "DataSourceName", MAX_NAME);
    c.optionalMatches(root, "DataSourceName", NAME, "not only white space");
    JsonNode data = root.path("DataSpec");
    if (spec.kind() == RequestSpec.Kind.S3) {
      c.s3Url(data, "DataSpec.DataLocationS3", true, true);
      c.s3Url(data, "DataSpec.DataSchemaLocationS3", false, false);
    } else {
      c.required(root, "RoleARN", "Amazon ML assumes this role to read the cluster");
      c.length(root, "RoleARN", 1, MAX_ROLE_ARN);
      c.required(
          data,
          "DataSpec.DatabaseInformation.ClusterIdentifier",
          "Amazon ML reads only provisioned clusters, not serverless workgroups; emit"
              + " 'amazonMl.datasource' s3 for a workgroup");
      c.matches(
          data,
          "DataSpec.DatabaseInformation.ClusterIdentifier",
          CLUSTER_ID,
          "1 to 63 characters of a-z, 0-9 and -");
      c.matches(
          data,
          "DataSpec.DatabaseInformation.DatabaseName",
          DATABASE_NAME,
          "1 to 64 lower-case letters and digits only (Amazon ML's rule, stricter than"
              + " Redshift's); emit 'amazonMl.datasource' s3 for this database");
      c.length(data, "DataSpec.SelectSqlQuery", 1, MAX_SELECT);
      c.s3Url(data, "DataSpec.S3StagingLocation", true, true);
      if (data.has("DataSchema")) {
        c.length(data, "DataSpec.DataSchema", 1, MAX_DATA_SCHEMA);
        parse(data.get("DataSchema").asText(), spec, "DataSpec.DataSchema");
      } else {
        c.s3Url(data, "DataSpec.DataSchemaUri", false, false);
      }
    }
    if (data.has("DataRearrangement")) {
      rearrangement(data.get("DataRearrangement").asText(), spec);
    }
  }

  /** Checks every spec, and that no two share a {@code DataSourceId}. */
  public static void checkAll(List<RequestSpec> specs) {
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (RequestSpec s : specs) {
      check(s);
      if (!ids.add(s.dataSourceId())) {
        throw new IllegalArgumentException(
            "Cannot emit Amazon ML request specs: two share DataSourceId '"
                + s.dataSourceId()
                + "'; each datasource needs its own id.");
      }
    }
  }

  /**
   * Checks a {@code DataRearrangement}: JSON {@code {"splitting":{"percentBegin":b,
   * "percentEnd":e}}} with integers 0 <= b < e <= 100.
   */
  static void rearrangement(String json, RequestSpec spec) {
    JsonNode split = parse(json, spec, "DataSpec.DataRearrangement").path("splitting");
    JsonNode b = split.path("percentBegin");
    JsonNode e = split.path("percentEnd");
    if (!b.isInt() || !e.isInt() || b.asInt() < 0 || b.asInt() >= e.asInt() || e.asInt() > 100) {
      throw new Checker(spec)
          .error(
              "DataSpec.DataRearrangement",
              json,
              "must be {\"splitting\":{\"percentBegin\":b,\"percentEnd\":e}} with integers 0 <= b"
                  + " < e <= 100");
    }
  }

  /**
   * Checks the plan's locations: the data location is a prefix inside a bucket (its schema and spec
   * files are named after it, beside it) and Amazon ML's Redshift staging location is not inside it
   * (the data prefix must hold only the CSV files).
   */
  public static void checkLayout(EmissionPlan plan) {
    String data = plan.dataLocation();
    String key = data.substring(data.indexOf("://") + 3);
    if (key.indexOf('/') < 0 || key.indexOf('/') == key.length() - 1) {
      throw new IllegalArgumentException(
          "Cannot emit an Amazon ML datasource: the data location '"
              + data
              + "' (option 'amazonMl.location') must be a prefix inside a bucket,"
              + " s3://bucket/prefix/, since the schema and spec files go beside it.");
    }
    if (plan.emits(RequestSpec.Kind.REDSHIFT)
        && dev.redshiftdata.spark.sql.StagingUrls.toS3(plan.redshiftStaging())
            .startsWith(dev.redshiftdata.spark.sql.StagingUrls.toS3(data))) {
      throw new IllegalArgumentException(
          "Cannot emit an Amazon ML datasource: S3StagingLocation '"
              + plan.redshiftStaging()
              + "' (option 'amazonMl.s3StagingLocation') is inside the data location '"
              + data
              + "', which must hold only the CSV files. Use another prefix.");
    }
  }

  /**
   * Checks that the schema's attributes are the CSV header's columns, same count, same order.
   *
   * @throws IllegalArgumentException naming the first difference
   */
  public static void schemaMatchesHeader(DataSchema schema, List<String> header) {
    List<String> names = schema.names();
    if (!names.equals(header)) {
      throw new IllegalArgumentException(
          "Cannot emit the Amazon ML schema: its attributes "
              + names
              + " are not the CSV columns "
              + header
              + " (Amazon ML needs the same count and order).");
    }
  }

  private static JsonNode parse(String json, RequestSpec spec, String what) {
    try {
      JsonNode n = JSON.readTree(json);
      if (n == null || !n.isObject()) {
        throw new IOException("not a JSON object");
      }
      return n;
    } catch (IOException e) {
      throw new Checker(spec).error(what, json, "must be a JSON object (" + e.getMessage() + ")");
    }
  }

  /** Error messages for one spec. */
  private record Checker(RequestSpec spec) {

    private static JsonNode at(JsonNode node, String path) {
      String[] parts = path.split("\\.");
      JsonNode n = node;
      // paths under DataSpec are given from the root but looked up in DataSpec
      for (int i = path.startsWith("DataSpec.") ? 1 : 0; i < parts.length; i++) {
        n = n.path(parts[i]);
      }
      return n;
    }

    void required(JsonNode node, String field, String why) {
      JsonNode v = at(node, field);
      if (v.isMissingNode() || v.isNull() || v.asText().isEmpty()) {
        throw error(field, null, "is required: " + why);
      }
    }

    void matches(JsonNode node, String field, Pattern p, String rule) {
      JsonNode v = at(node, field);
      if (v.isMissingNode() || v.isNull() || !p.matcher(v.asText()).matches()) {
        throw error(field, v.isMissingNode() || v.isNull() ? null : v.asText(), "must be " + rule);
      }
    }

    void optionalMatches(JsonNode node, String field, Pattern p, String rule) {
      JsonNode v = at(node, field);
      if (!v.isMissingNode() && !v.isNull() && !p.matcher(v.asText()).matches()) {
        throw error(field, v.asText(), "must be " + rule);
      }
    }

    void optionalLength(JsonNode node, String field, int max) {
      JsonNode v = at(node, field);
      if (!v.isMissingNode() && !v.isNull() && v.asText().length() > max) {
        throw error(
            field,
            v.asText().length() + " characters",
            "must be at most " + max + " characters long");
      }
    }

    void length(JsonNode node, String field, int min, int max) {
      JsonNode v = at(node, field);
      int n = v.isMissingNode() || v.isNull() ? 0 : v.asText().length();
      if (n < min || n > max) {
        throw error(field, n + " characters", "must be " + min + " to " + max + " characters long");
      }
    }

    /** An {@code s3://bucket/key} URL; a data prefix must end in '/'. */
    void s3Url(JsonNode node, String field, boolean prefix, boolean required) {
      JsonNode v = at(node, field);
      if (v.isMissingNode() || v.isNull()) {
        if (required) {
          throw error(field, null, "is required");
        }
        return;
      }
      String url = v.asText();
      if (url.length() > MAX_S3_URL || !S3_URL.matcher(url).matches()) {
        throw error(field, url, "must be an s3://bucket/key URL of at most 2048 characters");
      }
      if (prefix && !url.endsWith("/")) {
        throw error(
            field, url, "must be a prefix ending in / (Amazon ML reads every file under it)");
      }
    }

    IllegalArgumentException error(String field, String value, String rule) {
      String option = OPTION.get(field);
      return new IllegalArgumentException(
          "Cannot emit Amazon ML request "
              + spec.kind().operation()
              + " '"
              + spec.dataSourceId()
              + "': "
              + field
              + (value == null ? "" : " '" + value + "'")
              + (option == null ? "" : " (option '" + option + "')")
              + " "
              + rule
              + ".");
    }
  }
}
