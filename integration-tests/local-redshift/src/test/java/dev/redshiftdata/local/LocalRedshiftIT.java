package dev.redshiftdata.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.local.junit.LocalRedshiftExtension;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The local Redshift's parts: PostgreSQL settings, the S3 server through the SDK and through s3a.
 */
@ExtendWith(LocalRedshiftExtension.class)
class LocalRedshiftIT {

  private final LocalRedshift redshift = LocalRedshiftExtension.shared();

  @Test
  void postgresRunsInUtcWithRedshiftLiteralSemantics() throws Exception {
    Endpoint cluster = redshift.config().defaultCluster();
    try (Connection c = redshift.postgres().connect(cluster.postgresDatabase("dev"), "awsuser");
        Statement s = c.createStatement()) {
      assertTrue(single(s, "SHOW timezone").endsWith("UTC"));
      assertEquals("off", single(s, "SHOW standard_conforming_strings"));
      // A backslash escapes a quote inside an ordinary literal, as in Redshift.
      assertEquals("it's", single(s, "SELECT 'it\\'s'"));
      assertEquals(
          "2024-03-10 08:00:00+00",
          single(s, "SELECT '2024-03-10 03:00:00-05'::timestamptz::text"));
    }
  }

  @Test
  void eachEndpointDatabaseIsItsOwnPostgresDatabase() throws Exception {
    Endpoint cluster = redshift.config().defaultCluster();
    Endpoint workgroup = redshift.config().defaultWorkgroup();
    String table = "own_db_" + System.nanoTime();
    try (Connection c = redshift.postgres().connect(cluster.postgresDatabase("dev"), "awsuser");
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE " + table + " (id int)");
    }
    try (Connection c = redshift.postgres().connect(workgroup.postgresDatabase("dev"), "awsuser");
        Statement s = c.createStatement()) {
      assertEquals("0", single(s, "SELECT count(*) FROM pg_class WHERE relname = '" + table + "'"));
    }
  }

  @Test
  void s3ServerStoresObjectsThroughTheSdk() {
    try (S3Client s3 = s3Client()) {
      String key = "sdk/" + System.nanoTime() + ".txt";
      s3.putObject(
          b -> b.bucket(redshift.config().bucket()).key(key), RequestBody.fromString("hello s3"));
      String back =
          s3.getObjectAsBytes(b -> b.bucket(redshift.config().bucket()).key(key)).asUtf8String();
      assertEquals("hello s3", back);
      assertEquals(
          1,
          s3.listObjectsV2(b -> b.bucket(redshift.config().bucket()).prefix(key))
              .contents()
              .size());
    }
  }

  @Test
  void s3aWritesAndReadsTheStagingPrefix() throws Exception {
    Configuration conf = new Configuration();
    for (Map.Entry<String, String> e : redshift.connectionInfo().s3aSettings().entrySet()) {
      conf.set(e.getKey(), e.getValue());
    }
    conf.set("fs.s3a.impl.disable.cache", "true");
    Path file = new Path(redshift.tempdir() + "s3a-" + System.nanoTime() + "/part-0.txt");
    try (FileSystem fs = FileSystem.get(URI.create(redshift.tempdir()), conf)) {
      try (FSDataOutputStream out = fs.create(file)) {
        out.write("written by s3a".getBytes(StandardCharsets.UTF_8));
      }
      assertEquals(14, fs.getFileStatus(file).getLen());
      try (var in = fs.open(file)) {
        assertEquals("written by s3a", new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
      assertTrue(fs.delete(file.getParent(), true));
      assertTrue(!fs.exists(file));
    }
    // The same object is visible to a plain S3 client, under the s3:// form of the key.
    try (S3Client s3 = s3Client()) {
      assertEquals(
          0,
          s3.listObjectsV2(
                  b ->
                      b.bucket(redshift.config().bucket())
                          .prefix(file.toUri().getPath().substring(1)))
              .contents()
              .size());
    }
  }

  private S3Client s3Client() {
    return S3Client.builder()
        .endpointOverride(redshift.s3Endpoint())
        .region(Region.of(redshift.config().region()))
        .forcePathStyle(true)
        .httpClient(UrlConnectionHttpClient.create())
        .credentialsProvider(
            StaticCredentialsProvider.create(
                AwsBasicCredentials.create(
                    redshift.config().accessKeyId(), redshift.config().secretAccessKey())))
        .build();
  }

  private static String single(Statement s, String sql) throws Exception {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
