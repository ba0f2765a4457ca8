package dev.redshiftdata.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything a client needs to reach a running local Redshift; printed as one JSON line on start.
 * It carries the local stack's own test keys, which guard nothing outside this machine.
 */
public record ConnectionInfo(
    String dataApiEndpoint,
    String s3Endpoint,
    String region,
    String accessKeyId,
    String secretAccessKey,
    String clusterIdentifier,
    String workgroupName,
    String database,
    String dbUser,
    String secretArn,
    String tempdir,
    String iamRole,
    String postgresJdbcUrl,
    String amazonMlEndpoint) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public Map<String, String> asMap() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("dataApiEndpoint", dataApiEndpoint);
    m.put("s3Endpoint", s3Endpoint);
    m.put("region", region);
    m.put("accessKeyId", accessKeyId);
    m.put("secretAccessKey", secretAccessKey);
    m.put("clusterIdentifier", clusterIdentifier);
    m.put("workgroupName", workgroupName);
    m.put("database", database);
    m.put("dbUser", dbUser);
    m.put("secretArn", secretArn);
    m.put("tempdir", tempdir);
    m.put("iamRole", iamRole);
    m.put("postgresJdbcUrl", postgresJdbcUrl);
    // Amazon ML and Secrets Manager (GetSecretValue) share this endpoint.
    m.put("amazonMlEndpoint", amazonMlEndpoint);
    return m;
  }

  /** One line of JSON, no line breaks. */
  public String toJson() {
    ObjectNode node = JSON.createObjectNode();
    asMap().forEach(node::put);
    try {
      return JSON.writeValueAsString(node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The {@code spark.read.format("redshift-data")} options that reach this local Redshift's
   * cluster.
   */
  public Map<String, String> sparkOptions() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("endpoint", dataApiEndpoint);
    m.put("region", region);
    m.put("clusterIdentifier", clusterIdentifier);
    m.put("database", database);
    m.put("secretArn", secretArn);
    m.put("tempdir", tempdir);
    m.put("iamRole", iamRole);
    // Where amazonMl.submit=true sends datasources (and reads the secret's password).
    m.put("amazonMl.endpoint", amazonMlEndpoint);
    m.put("amazonMl.secretsEndpoint", amazonMlEndpoint);
    return m;
  }

  /**
   * The settings of a local[2] Spark session wired to this local Redshift's S3 server through s3a:
   * loopback addresses, no UI, UTC, 4 shuffle partitions. The tests', examples' and benchmarks'
   * sessions start from them; as plain strings, so the local Redshift needs no Spark.
   */
  public Map<String, String> localSparkSettings() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("spark.master", "local[2]");
    m.put("spark.driver.host", "127.0.0.1");
    m.put("spark.driver.bindAddress", "127.0.0.1");
    m.put("spark.ui.enabled", "false");
    m.put("spark.sql.session.timeZone", "UTC");
    m.put("spark.sql.shuffle.partitions", "4");
    s3aSettings().forEach((key, value) -> m.put("spark.hadoop." + key, value));
    return m;
  }

  /** The Hadoop settings that let s3a reach this local Redshift's S3 server. */
  public Map<String, String> s3aSettings() {
    return s3aSettings(s3Endpoint, region, accessKeyId, secretAccessKey);
  }

  static Map<String, String> s3aSettings(
      String s3Endpoint, String region, String accessKeyId, String secretAccessKey) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("fs.s3a.endpoint", s3Endpoint);
    m.put("fs.s3a.endpoint.region", region);
    m.put("fs.s3a.path.style.access", "true");
    m.put("fs.s3a.connection.ssl.enabled", "false");
    m.put("fs.s3a.access.key", accessKeyId);
    m.put("fs.s3a.secret.key", secretAccessKey);
    m.put(
        "fs.s3a.aws.credentials.provider", "org.apache.hadoop.fs.s3a.SimpleAWSCredentialsProvider");
    return m;
  }
}
