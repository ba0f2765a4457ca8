package dev.redshiftdata.local;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything that shapes a local Redshift: credentials, endpoints, users, ports and the service
 * limits it enforces. Defaults follow the real service where it documents a value (see
 * integration-tests/local-redshift/README.md).
 */
public final class LocalRedshiftConfig {

  public static final String ACCOUNT = "123456789012";

  private String region = "us-east-1";
  private String accessKeyId = "AKIALOCALREDSHIFT001";
  private String secretAccessKey = "local-redshift-secret-access-key";
  private final List<Endpoint> endpoints = new ArrayList<>();
  private final List<DatabaseUser> users = new ArrayList<>();
  private final List<Secret> secrets = new ArrayList<>();
  private int dataApiPort;
  private int s3Port;
  private int postgresPort;
  private String bucket = "local-redshift";
  private String iamRole = "arn:aws:iam::" + ACCOUNT + ":role/local-redshift-unload";

  /** Bytes of row data per GetStatementResult page (the real service pages by size, about 1 MB). */
  private long resultPageBytes = 1024 * 1024;

  /**
   * Rows per page cap; 0 means only {@link #resultPageBytes} decides. Lets tests page small
   * results.
   */
  private int resultPageRows;

  private long maxResultBytes = 100L * 1024 * 1024;
  private int maxRowBytes = 64 * 1024;
  private int maxSqlBytes = 100 * 1024;
  private int maxBatchStatements = 40;
  private int maxActiveStatements = 200;
  private Duration resultRetention = Duration.ofHours(24);
  private Duration clientTokenRetention = Duration.ofHours(8);
  private int workerThreads = Math.max(4, Runtime.getRuntime().availableProcessors() * 2);
  private boolean caseSensitiveIdentifiers;

  public static LocalRedshiftConfig defaults() {
    LocalRedshiftConfig c = new LocalRedshiftConfig();
    c.endpoints.add(Endpoint.cluster("local-cluster", "dev", "analytics"));
    c.endpoints.add(Endpoint.workgroup("local-workgroup", "dev"));
    c.users.add(new DatabaseUser("awsuser", "Local-Redshift-Pa55", true));
    c.users.add(new DatabaseUser("reader", "Reader-Pa55word", false));
    c.secrets.add(new Secret(secretArn("local-redshift-awsuser-AbCdEf"), "awsuser"));
    c.secrets.add(new Secret(secretArn("local-redshift-reader-GhIjKl"), "reader"));
    return c;
  }

  public static String secretArn(String name) {
    return "arn:aws:secretsmanager:us-east-1:" + ACCOUNT + ":secret:" + name;
  }

  public LocalRedshiftConfig dataApiPort(int port) {
    this.dataApiPort = port;
    return this;
  }

  public LocalRedshiftConfig s3Port(int port) {
    this.s3Port = port;
    return this;
  }

  public LocalRedshiftConfig postgresPort(int port) {
    this.postgresPort = port;
    return this;
  }

  public LocalRedshiftConfig credentials(String accessKeyId, String secretAccessKey) {
    this.accessKeyId = Objects.requireNonNull(accessKeyId, "accessKeyId is null");
    this.secretAccessKey = Objects.requireNonNull(secretAccessKey, "secretAccessKey is null");
    return this;
  }

  public LocalRedshiftConfig resultPageBytes(long bytes) {
    this.resultPageBytes = bytes;
    return this;
  }

  public LocalRedshiftConfig resultPageRows(int rows) {
    this.resultPageRows = rows;
    return this;
  }

  public LocalRedshiftConfig maxResultBytes(long bytes) {
    this.maxResultBytes = bytes;
    return this;
  }

  public LocalRedshiftConfig maxActiveStatements(int n) {
    this.maxActiveStatements = n;
    return this;
  }

  public LocalRedshiftConfig resultRetention(Duration retention) {
    this.resultRetention = retention;
    return this;
  }

  public LocalRedshiftConfig workerThreads(int n) {
    this.workerThreads = n;
    return this;
  }

  public LocalRedshiftConfig caseSensitiveIdentifiers(boolean on) {
    this.caseSensitiveIdentifiers = on;
    return this;
  }

  public LocalRedshiftConfig addEndpoint(Endpoint endpoint) {
    endpoints.add(endpoint);
    return this;
  }

  public LocalRedshiftConfig addUser(DatabaseUser user) {
    users.add(user);
    return this;
  }

  public LocalRedshiftConfig addSecret(Secret secret) {
    secrets.add(secret);
    return this;
  }

  public String region() {
    return region;
  }

  public String accessKeyId() {
    return accessKeyId;
  }

  public String secretAccessKey() {
    return secretAccessKey;
  }

  public List<Endpoint> endpoints() {
    return List.copyOf(endpoints);
  }

  public List<DatabaseUser> users() {
    return List.copyOf(users);
  }

  public List<Secret> secrets() {
    return List.copyOf(secrets);
  }

  public int dataApiPort() {
    return dataApiPort;
  }

  public int s3Port() {
    return s3Port;
  }

  public int postgresPort() {
    return postgresPort;
  }

  public String bucket() {
    return bucket;
  }

  public String iamRole() {
    return iamRole;
  }

  public long resultPageBytes() {
    return resultPageBytes;
  }

  public int resultPageRows() {
    return resultPageRows;
  }

  public long maxResultBytes() {
    return maxResultBytes;
  }

  public int maxRowBytes() {
    return maxRowBytes;
  }

  public int maxSqlBytes() {
    return maxSqlBytes;
  }

  public int maxBatchStatements() {
    return maxBatchStatements;
  }

  public int maxActiveStatements() {
    return maxActiveStatements;
  }

  public Duration resultRetention() {
    return resultRetention;
  }

  public Duration clientTokenRetention() {
    return clientTokenRetention;
  }

  public int workerThreads() {
    return workerThreads;
  }

  public boolean caseSensitiveIdentifiers() {
    return caseSensitiveIdentifiers;
  }

  /** The first cluster, the default target of the printed connection info. */
  public Endpoint defaultCluster() {
    return endpoints.stream()
        .filter(e -> e.kind() == Endpoint.Kind.CLUSTER)
        .findFirst()
        .orElseThrow();
  }

  public Endpoint defaultWorkgroup() {
    return endpoints.stream()
        .filter(e -> e.kind() == Endpoint.Kind.WORKGROUP)
        .findFirst()
        .orElseThrow();
  }

  public DatabaseUser adminUser() {
    return users.stream().filter(DatabaseUser::superuser).findFirst().orElseThrow();
  }

  @Override
  public String toString() {
    return "LocalRedshiftConfig[region="
        + region
        + ", accessKeyId="
        + accessKeyId
        + ", secretAccessKey=***, endpoints="
        + endpoints
        + ", users="
        + users
        + "]";
  }
}
