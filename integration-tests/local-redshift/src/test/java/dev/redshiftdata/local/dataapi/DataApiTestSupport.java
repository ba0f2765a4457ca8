package dev.redshiftdata.local.dataapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.redshiftdata.local.LocalRedshift;
import dev.redshiftdata.local.LocalRedshiftConfig;
import dev.redshiftdata.local.junit.LocalRedshiftExtension;
import dev.redshiftdata.local.postgres.PostgresServer;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.redshiftdata.RedshiftDataClient;
import software.amazon.awssdk.services.redshiftdata.model.DescribeStatementResponse;
import software.amazon.awssdk.services.redshiftdata.model.ExecuteStatementRequest;
import software.amazon.awssdk.services.redshiftdata.model.Field;
import software.amazon.awssdk.services.redshiftdata.model.GetStatementResultResponse;
import software.amazon.awssdk.services.redshiftdata.model.StatusString;

/**
 * One PostgreSQL and one Data API server per test JVM, a real RedshiftDataClient pointed at it, and
 * helpers to run a statement to completion. Each test starts with faults disarmed, default settings
 * and an empty log.
 */
@ExtendWith(LocalRedshiftExtension.class)
abstract class DataApiTestSupport {
  static final LocalRedshiftConfig CONFIG = LocalRedshiftExtension.shared().config();
  static final String CLUSTER = "local-cluster";
  static final String DB = "dev";
  static final String ADMIN_SECRET = LocalRedshiftConfig.secretArn("local-redshift-awsuser-AbCdEf");
  static final String READER_SECRET = LocalRedshiftConfig.secretArn("local-redshift-reader-GhIjKl");

  private static PostgresServer postgres;
  private static DataApiServer server;
  private static RedshiftDataClient client;

  /** The JVM's shared local Redshift (started by the lead's extension on first use). */
  static synchronized void startOnce() {
    if (server != null) {
      return;
    }
    LocalRedshift redshift = LocalRedshiftExtension.shared();
    postgres = redshift.postgres();
    server = redshift.dataApi();
    client = newClient(CONFIG.accessKeyId(), CONFIG.secretAccessKey());
  }

  static RedshiftDataClient newClient(String akid, String secret) {
    return RedshiftDataClient.builder()
        .endpointOverride(URI.create("http://127.0.0.1:" + server.port()))
        .region(Region.of(CONFIG.region()))
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(akid, secret)))
        .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(30)).build())
        .build();
  }

  static DataApiServer server() {
    return server;
  }

  static RedshiftDataClient client() {
    return client;
  }

  static PostgresServer postgres() {
    return postgres;
  }

  @BeforeEach
  void resetServer() {
    startOnce();
    server.reset();
  }

  @AfterEach
  void resetAfter() {
    server.reset();
  }

  /** DDL/DML as the admin, straight over JDBC (test setup, not under test). */
  static void admin(String... sqls) {
    try (Connection c = postgres.connect(CONFIG.defaultCluster().postgresDatabase(DB), "awsuser");
        Statement s = c.createStatement()) {
      for (String sql : sqls) {
        s.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static ExecuteStatementRequest.Builder sql(String sql) {
    return ExecuteStatementRequest.builder()
        .clusterIdentifier(CLUSTER)
        .database(DB)
        .secretArn(ADMIN_SECRET)
        .sql(sql);
  }

  static String submit(String sql) {
    return client.executeStatement(sql(sql).build()).id();
  }

  static DescribeStatementResponse await(String id) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      DescribeStatementResponse d = client.describeStatement(b -> b.id(id));
      if (d.status() == StatusString.FINISHED
          || d.status() == StatusString.FAILED
          || d.status() == StatusString.ABORTED) {
        return d;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("statement " + id + " still " + d.status());
      }
      sleep(5);
    }
  }

  static DescribeStatementResponse run(String sql) {
    DescribeStatementResponse d = await(submit(sql));
    assertEquals(StatusString.FINISHED, d.status(), () -> sql + " -> " + d.error());
    return d;
  }

  /** Every row of a finished statement, following NextToken. */
  static List<List<Field>> rows(String id) {
    List<List<Field>> out = new ArrayList<>();
    String token = null;
    do {
      String t = token;
      GetStatementResultResponse r = client.getStatementResult(b -> b.id(id).nextToken(t));
      out.addAll(r.records());
      token = r.nextToken();
    } while (token != null);
    return out;
  }

  static List<List<Field>> query(String sql) {
    return rows(run(sql).id());
  }

  static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
