package dev.redshiftdata.local.aml;

import dev.redshiftdata.local.LocalRedshift;
import dev.redshiftdata.local.LocalRedshiftConfig;
import dev.redshiftdata.local.bulk.S3Objects;
import dev.redshiftdata.local.junit.LocalRedshiftExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.machinelearning.MachineLearningClient;
import software.amazon.awssdk.services.machinelearning.model.EntityStatus;
import software.amazon.awssdk.services.machinelearning.model.GetDataSourceResponse;

/**
 * The shared local Redshift, a real MachineLearningClient on its Amazon ML endpoint, S3 helpers.
 */
final class AmazonMlTestSupport {
  static final LocalRedshift REDSHIFT = LocalRedshiftExtension.shared();
  static final LocalRedshiftConfig CONFIG = REDSHIFT.config();
  static final String BUCKET = CONFIG.bucket();
  static final String ROLE = "arn:aws:iam::123456789012:role/amazon-ml";

  private static final S3Objects S3 = new S3Objects(REDSHIFT.connectionInfo().s3aSettings());
  private static FileSystem fs;

  private AmazonMlTestSupport() {}

  static MachineLearningClient client(String accessKeyId, String secretAccessKey) {
    return MachineLearningClient.builder()
        .endpointOverride(REDSHIFT.amazonMl().endpoint())
        .region(Region.of(CONFIG.region()))
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(accessKeyId, secretAccessKey)))
        .httpClient(UrlConnectionHttpClient.create())
        .build();
  }

  static MachineLearningClient client() {
    return client(CONFIG.accessKeyId(), CONFIG.secretAccessKey());
  }

  /** Writes an object to the local S3; {@code url} is {@code s3://bucket/key}. */
  static synchronized void put(String url, String content) {
    try {
      if (fs == null) {
        fs = S3.fileSystem(BUCKET);
      }
      S3Objects.writeString(fs, S3Objects.path(url), content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static synchronized void putBytes(String url, byte[] content) {
    try {
      if (fs == null) {
        fs = S3.fileSystem(BUCKET);
      }
      try (var out = fs.create(S3Objects.path(url), true)) {
        out.write(content);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static synchronized boolean exists(String url) {
    try {
      if (fs == null) {
        fs = S3.fileSystem(BUCKET);
      }
      return fs.exists(new Path(S3Objects.path(url).toString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Polls GetDataSource until COMPLETED or FAILED (at most a minute). */
  static GetDataSourceResponse await(MachineLearningClient client, String id) {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (true) {
      GetDataSourceResponse r = client.getDataSource(b -> b.dataSourceId(id).verbose(true));
      if (r.status() == EntityStatus.COMPLETED || r.status() == EntityStatus.FAILED) {
        return r;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("datasource " + id + " still " + r.status());
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /** DDL/DML as the admin over JDBC (test setup). */
  static void admin(String... sqls) {
    try (Connection c =
            REDSHIFT
                .postgres()
                .connect(CONFIG.defaultCluster().postgresDatabase("dev"), "awsuser");
        Statement s = c.createStatement()) {
      for (String sql : sqls) {
        s.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A schema file's JSON. {@code attributes} alternate name and type. */
  static String schema(String target, boolean header, String... attributes) {
    StringBuilder sb =
        new StringBuilder(
            "{\"version\":\"1.0\",\"targetAttributeName\":\""
                + target
                + "\",\"dataFormat\":\"CSV\",\"dataFileContainsHeader\":"
                + header
                + ",\"attributes\":[");
    for (int i = 0; i < attributes.length; i += 2) {
      sb.append(i == 0 ? "" : ",")
          .append("{\"attributeName\":\"")
          .append(attributes[i])
          .append("\",\"attributeType\":\"")
          .append(attributes[i + 1])
          .append("\"}");
    }
    return sb.append("],\"excludedAttributeNames\":[]}").toString();
  }
}
