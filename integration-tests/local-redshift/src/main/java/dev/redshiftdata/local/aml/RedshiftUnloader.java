package dev.redshiftdata.local.aml;

import dev.redshiftdata.local.DatabaseUser;
import dev.redshiftdata.local.Endpoint;
import dev.redshiftdata.local.LocalRedshiftConfig;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.redshiftdata.RedshiftDataClient;
import software.amazon.awssdk.services.redshiftdata.model.DescribeStatementResponse;
import software.amazon.awssdk.services.redshiftdata.model.StatusString;

/**
 * What Amazon ML does with a Redshift datasource: connect to the provisioned cluster as the given
 * user and UNLOAD the SelectSqlQuery's rows as CSV with a header into the staging location. The
 * UNLOAD goes through the local Redshift's own Data API (so it runs on the bulk path and shows in
 * SYS_UNLOAD_HISTORY under that user); the password is checked against the local database user, as
 * the real service's connection would.
 */
final class RedshiftUnloader implements AutoCloseable {

  private final LocalRedshiftConfig config;
  private final RedshiftDataClient client;

  RedshiftUnloader(LocalRedshiftConfig config, URI dataApiEndpoint) {
    this.config = config;
    this.client =
        RedshiftDataClient.builder()
            .endpointOverride(dataApiEndpoint)
            .region(Region.of(config.region()))
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(config.accessKeyId(), config.secretAccessKey())))
            .httpClient(UrlConnectionHttpClient.create())
            .build();
  }

  /** Unloads into {@code prefix} (an s3:// prefix ending in '/'); fails with the reason. */
  void unload(DataSourceRequest.Redshift spec, String prefix) throws DataSourceFailure {
    connectable(spec);
    String sql =
        "UNLOAD ('"
            + spec.selectSqlQuery().replace("\\", "\\\\").replace("'", "''")
            + "') TO '"
            + prefix
            + "' IAM_ROLE '"
            + config.iamRole()
            + "' FORMAT CSV HEADER PARALLEL OFF ALLOWOVERWRITE";
    String id =
        client
            .executeStatement(
                r ->
                    r.clusterIdentifier(spec.clusterIdentifier())
                        .database(spec.databaseName())
                        .dbUser(spec.username())
                        .statementName("amazon-ml-datasource")
                        .sql(sql))
            .id();
    DescribeStatementResponse d;
    long wait = 20;
    while (true) {
      d = client.describeStatement(r -> r.id(id));
      StatusString s = d.status();
      if (s == StatusString.FINISHED) {
        return;
      }
      if (s == StatusString.FAILED || s == StatusString.ABORTED) {
        throw new DataSourceFailure(
            "Amazon ML could not unload the SelectSqlQuery's result from "
                + spec.clusterIdentifier()
                + ": "
                + d.error());
      }
      try {
        Thread.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new DataSourceFailure("interrupted");
      }
      wait = Math.min(wait * 2, 500);
    }
  }

  /** The checks of the real service's connection: cluster, database, user and password. */
  private void connectable(DataSourceRequest.Redshift spec) throws DataSourceFailure {
    Endpoint cluster =
        config.endpoints().stream()
            .filter(
                e -> e.kind() == Endpoint.Kind.CLUSTER && e.id().equals(spec.clusterIdentifier()))
            .findFirst()
            .orElseThrow(
                () ->
                    new DataSourceFailure(
                        "Amazon ML cannot connect to the Amazon Redshift cluster '"
                            + spec.clusterIdentifier()
                            + "': no such provisioned cluster."));
    if (!cluster.databases().contains(spec.databaseName())) {
      throw new DataSourceFailure(
          "Amazon ML cannot connect to the Amazon Redshift cluster '"
              + spec.clusterIdentifier()
              + "': database \""
              + spec.databaseName()
              + "\" does not exist.");
    }
    DatabaseUser user =
        config.users().stream()
            .filter(u -> u.name().equals(spec.username()))
            .findFirst()
            .orElse(null);
    if (user == null || !samePassword(user.password(), spec.password())) {
      throw new DataSourceFailure(
          "Amazon ML cannot connect to the Amazon Redshift cluster '"
              + spec.clusterIdentifier()
              + "': password authentication failed for user \""
              + spec.username()
              + "\".");
    }
  }

  private static boolean samePassword(String expected, String given) {
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    client.close();
  }
}
