package dev.redshiftdata.local;

import dev.redshiftdata.local.aml.AmazonMlServer;
import dev.redshiftdata.local.bulk.BulkCommands;
import dev.redshiftdata.local.bulk.S3Objects;
import dev.redshiftdata.local.bulk.UnloadSettings;
import dev.redshiftdata.local.dataapi.DataApiServer;
import dev.redshiftdata.local.postgres.PostgresServer;
import dev.redshiftdata.local.s3.S3Server;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Logger;

/**
 * The local Redshift: an embedded PostgreSQL 17 that runs the SQL, an S3 server for UNLOAD/COPY
 * files, and the Data API over HTTP. {@link #start} starts all three, {@link #close} stops all
 * three.
 */
public final class LocalRedshift implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(LocalRedshift.class.getName());

  private final LocalRedshiftConfig config;
  private final Path workDir;
  private final PostgresServer postgres;
  private final S3Server s3;
  private final DataApiServer dataApi;
  private final AmazonMlServer amazonMl;
  private final UnloadSettings unloadSettings;
  private final Duration startupTime;

  private LocalRedshift(
      LocalRedshiftConfig config,
      Path workDir,
      PostgresServer postgres,
      S3Server s3,
      DataApiServer dataApi,
      AmazonMlServer amazonMl,
      UnloadSettings unloadSettings,
      Duration startupTime) {
    this.config = config;
    this.workDir = workDir;
    this.postgres = postgres;
    this.s3 = s3;
    this.dataApi = dataApi;
    this.amazonMl = amazonMl;
    this.unloadSettings = unloadSettings;
    this.startupTime = startupTime;
  }

  /** Starts every part; on any failure stops what already started and rethrows. */
  public static LocalRedshift start(LocalRedshiftConfig config) throws IOException, SQLException {
    long t0 = System.nanoTime();
    Path workDir = Files.createTempDirectory("local-redshift-");
    List<AutoCloseable> started = new ArrayList<>();
    try {
      // The S3 server's JVM starts in the background while PostgreSQL initialises.
      var s3Future =
          java.util.concurrent.CompletableFuture.supplyAsync(
              () -> {
                try {
                  return S3Server.start(config, workDir);
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
      PostgresServer postgres = PostgresServer.start(config);
      started.add(postgres);
      S3Server s3;
      try {
        s3 = s3Future.join();
      } catch (java.util.concurrent.CompletionException e) {
        throw e.getCause() instanceof java.io.UncheckedIOException u
            ? u.getCause()
            : new IOException(e.getCause());
      }
      started.add(s3);
      DataApiServer dataApi = new DataApiServer(config, postgres);
      UnloadSettings unloadSettings = new UnloadSettings();
      S3Objects s3Objects = new S3Objects(s3aSettings(config, s3));
      dataApi.bulkCommands(new BulkCommands(postgres, s3Objects, unloadSettings));
      dataApi.start();
      started.add(dataApi);
      AmazonMlServer amazonMl =
          new AmazonMlServer(config, s3Objects, URI.create("http://127.0.0.1:" + dataApi.port()));
      started.add(amazonMl);
      amazonMl.start();
      Duration startup = Duration.ofNanos(System.nanoTime() - t0);
      LOG.info(() -> "local Redshift started in " + startup.toMillis() + " ms");
      return new LocalRedshift(
          config, workDir, postgres, s3, dataApi, amazonMl, unloadSettings, startup);
    } catch (IOException | SQLException | RuntimeException e) {
      Collections.reverse(started);
      for (AutoCloseable c : started) {
        try {
          c.close();
        } catch (Exception suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw e;
    }
  }

  public LocalRedshiftConfig config() {
    return config;
  }

  public PostgresServer postgres() {
    return postgres;
  }

  public S3Server s3() {
    return s3;
  }

  public DataApiServer dataApi() {
    return dataApi;
  }

  /** The local Amazon ML endpoint (and Secrets Manager's GetSecretValue). */
  public AmazonMlServer amazonMl() {
    return amazonMl;
  }

  /** Runtime switches of UNLOAD (Parquet timestamp encoding, slices, file size cap). */
  public UnloadSettings unloadSettings() {
    return unloadSettings;
  }

  public URI dataApiEndpoint() {
    return URI.create("http://127.0.0.1:" + dataApi.port());
  }

  public URI s3Endpoint() {
    return s3.endpoint();
  }

  public Duration startupTime() {
    return startupTime;
  }

  public Path workDir() {
    return workDir;
  }

  /** The staging prefix clients should use, as a Hadoop (s3a) URI ending in '/'. */
  public String tempdir() {
    return "s3a://" + config.bucket() + "/tmp/";
  }

  private static java.util.Map<String, String> s3aSettings(
      LocalRedshiftConfig config, S3Server s3) {
    return ConnectionInfo.s3aSettings(
        s3.endpoint().toString(), config.region(), config.accessKeyId(), config.secretAccessKey());
  }

  public ConnectionInfo connectionInfo() {
    Endpoint cluster = config.defaultCluster();
    DatabaseUser admin = config.adminUser();
    String secretArn =
        config.secrets().stream()
            .filter(s -> s.username().equals(admin.name()))
            .map(Secret::arn)
            .findFirst()
            .orElse(null);
    return new ConnectionInfo(
        dataApiEndpoint().toString(),
        s3Endpoint().toString(),
        config.region(),
        config.accessKeyId(),
        config.secretAccessKey(),
        cluster.id(),
        config.defaultWorkgroup().id(),
        cluster.databases().get(0),
        admin.name(),
        secretArn,
        tempdir(),
        config.iamRole(),
        postgres.jdbcUrl(cluster.postgresDatabase(cluster.databases().get(0))),
        amazonMl.endpoint().toString());
  }

  @Override
  public void close() {
    RuntimeException failure = null;
    for (AutoCloseable part : List.<AutoCloseable>of(amazonMl, dataApi, s3, postgres)) {
      try {
        part.close();
      } catch (Exception e) {
        if (failure == null) {
          failure = new IllegalStateException("Cannot stop the local Redshift cleanly", e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    deleteQuietly(workDir);
    if (failure != null) {
      throw failure;
    }
  }

  private static void deleteQuietly(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temp dir left behind is harmless
    }
  }
}
