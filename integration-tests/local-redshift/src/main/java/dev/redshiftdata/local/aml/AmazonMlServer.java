package dev.redshiftdata.local.aml;

import com.sun.net.httpserver.HttpServer;
import dev.redshiftdata.local.LocalRedshiftConfig;
import dev.redshiftdata.local.bulk.S3Objects;
import dev.redshiftdata.local.dataapi.Json;
import dev.redshiftdata.local.dataapi.SigV4Verifier;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;

/**
 * The local Amazon ML endpoint (AWS JSON 1.1, SigV4 for {@code machinelearning}) on a port of its
 * own, plus Secrets Manager's GetSecretValue on the same port. Datasources are processed for real
 * on a small executor: their S3 data is read and checked, their Redshift query is unloaded through
 * the local Data API. {@link #statistics(String)} and {@code GET
 * /_local/amazonml/statistics/<DataSourceId>} show what ComputeStatistics found.
 */
public final class AmazonMlServer implements AutoCloseable {

  private final LocalRedshiftConfig config;
  private final S3Objects s3Objects;
  private final URI dataApiEndpoint;
  private final AmazonMlSettings settings = new AmazonMlSettings();
  private HttpServer http;
  private ExecutorService httpThreads;
  private ScheduledExecutorService processing;
  private S3Reader s3;
  private RedshiftUnloader unloader;
  private DataSourceOperations dataSources;

  public AmazonMlServer(LocalRedshiftConfig config, S3Objects s3Objects, URI dataApiEndpoint) {
    this.config = config;
    this.s3Objects = s3Objects;
    this.dataApiEndpoint = dataApiEndpoint;
  }

  public void start() throws IOException {
    Clock clock = Clock.systemUTC();
    Function<String, String> keys =
        akid -> akid.equals(config.accessKeyId()) ? config.secretAccessKey() : null;
    s3 = new S3Reader(s3Objects);
    unloader = new RedshiftUnloader(config, dataApiEndpoint);
    processing = Executors.newScheduledThreadPool(2, daemon("amazon-ml-processing"));
    dataSources =
        new DataSourceOperations(
            new DataSourceProcessor(s3, unloader, settings, clock),
            processing,
            settings,
            new DataSourceViews(
                "arn:aws:iam::" + LocalRedshiftConfig.ACCOUNT + ":user/local-redshift"),
            clock);
    AmazonMlHandler handler =
        new AmazonMlHandler(
            new SigV4Verifier(keys, clock, "machinelearning"),
            new SigV4Verifier(keys, clock, "secretsmanager"),
            dataSources,
            new SecretsManagerOperations(config));
    httpThreads = Executors.newFixedThreadPool(4, daemon("amazon-ml-http"));
    http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    http.createContext("/", handler);
    http.createContext(
        "/_local/amazonml/statistics/",
        ex -> {
          String id =
              ex.getRequestURI().getPath().substring("/_local/amazonml/statistics/".length());
          Optional<DataSource> ds = dataSources.lookup(id);
          byte[] body =
              ds.map(d -> Json.bytes(DataSourceViews.statistics(d)))
                  .orElse("{\"message\":\"no such datasource\"}".getBytes());
          ex.getResponseHeaders().set("Content-Type", "application/json");
          ex.sendResponseHeaders(ds.isPresent() ? 200 : 404, body.length);
          try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
          }
        });
    http.setExecutor(httpThreads);
    http.start();
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
  }

  /** Pending time and the observation limits, changeable while running. */
  public AmazonMlSettings settings() {
    return settings;
  }

  /**
   * What processing the datasource found (files, bytes, observations, rejected and selected
   * observations, per-attribute statistics when ComputeStatistics was set); empty while it is not
   * COMPLETED or when the id is unknown.
   */
  public Optional<DataStatistics> statistics(String dataSourceId) {
    return dataSources.lookup(dataSourceId).map(d -> d.snapshot().statistics());
  }

  /** Forgets every datasource and restores the settings: between test classes. */
  public void reset() {
    settings.reset();
    dataSources.clear();
  }

  @Override
  public void close() {
    if (http != null) {
      http.stop(0);
    }
    if (processing != null) {
      processing.shutdownNow();
    }
    if (httpThreads != null) {
      httpThreads.shutdownNow();
    }
    if (unloader != null) {
      unloader.close();
    }
    if (s3 != null) {
      s3.close();
    }
  }

  private static ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
