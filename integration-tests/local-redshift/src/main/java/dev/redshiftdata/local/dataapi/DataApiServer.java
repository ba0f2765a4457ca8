package dev.redshiftdata.local.dataapi;

import com.sun.net.httpserver.HttpServer;
import dev.redshiftdata.local.LocalRedshiftConfig;
import dev.redshiftdata.local.history.QueryHistory;
import dev.redshiftdata.local.postgres.PostgresServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The local Redshift's Data API over HTTP (AWS JSON 1.1): wires the request handler, the statement
 * registry and runner, sessions, faults, the request log and runtime settings. Tests reach the
 * knobs through {@link #faults()}, {@link #settings()} and {@link #requests()}.
 */
public final class DataApiServer implements AutoCloseable {

  static {
    // The JDK server writes headers and body in separate packets; with Nagle's algorithm on, each
    // response
    // waits ~40 ms for the client's delayed ACK. Read once, when the first HttpServer starts.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final LocalRedshiftConfig config;
  private final PostgresServer postgres;
  private final ServerSettings settings;
  private final Faults faults = new Faults();
  private final RequestLog log = new RequestLog();
  private final Sessions sessions = new Sessions();
  private final AtomicReference<BulkCommandHandler> bulk =
      new AtomicReference<>(BulkCommandHandler.UNSUPPORTED);
  private HttpServer http;
  private ExecutorService httpThreads;
  private ExecutorService workers;
  private ScheduledExecutorService sweeper;
  private QueryHistory queryHistory;
  private HistoryRecorder historyRecorder;

  public DataApiServer(LocalRedshiftConfig config, PostgresServer postgres) {
    this.config = config;
    this.postgres = postgres;
    this.settings = new ServerSettings(config);
  }

  public void start() throws IOException {
    workers = Executors.newFixedThreadPool(config.workerThreads(), daemon("data-api-worker"));
    httpThreads = Executors.newFixedThreadPool(16, daemon("data-api-http"));
    StatementRegistry registry = new StatementRegistry(settings);
    SqlExecution execution = new SqlExecution(settings, bulk::get);
    queryHistory = new QueryHistory(postgres);
    historyRecorder = new HistoryRecorder(queryHistory);
    StatementRunner runner =
        new StatementRunner(postgres, settings, faults, execution, workers, historyRecorder);
    TargetResolver resolver = new TargetResolver(config, sessions);
    SigV4Verifier verifier =
        new SigV4Verifier(
            akid -> akid.equals(config.accessKeyId()) ? config.secretAccessKey() : null,
            Clock.systemUTC());
    DataApiHandler handler =
        new DataApiHandler(
            verifier,
            faults,
            log,
            new StatementOperations(resolver, registry, runner, sessions, settings, postgres),
            new StatementViews(registry),
            new ResultOperations(registry, settings),
            new CatalogOperations(resolver, postgres, settings));

    // Expired results and idle sessions are dropped even when no client asks again (memory, PG
    // connections).
    sweeper = Executors.newSingleThreadScheduledExecutor(daemon("data-api-sweeper"));
    sweeper.scheduleWithFixedDelay(
        () -> {
          registry.expire();
          sessions.expire();
        },
        1,
        1,
        TimeUnit.SECONDS);

    http =
        HttpServer.create(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), config.dataApiPort()), 64);
    http.createContext("/", handler);
    http.createContext("/_local/", new AdminHandler(faults, settings, log));
    http.setExecutor(httpThreads);
    http.start();
  }

  public int port() {
    return http != null ? http.getAddress().getPort() : config.dataApiPort();
  }

  /** Faults to arm for the next calls or statements. */
  public Faults faults() {
    return faults;
  }

  /** Limits and page sizes, changeable while running. */
  public ServerSettings settings() {
    return settings;
  }

  /** Every request answered so far. */
  public RequestLog requests() {
    return log;
  }

  /** Installs the UNLOAD/COPY implementation. */
  public void bulkCommands(BulkCommandHandler handler) {
    bulk.set(handler);
  }

  /**
   * The installed UNLOAD/COPY implementation ({@link BulkCommandHandler#UNSUPPORTED} until one is
   * set).
   */
  public BulkCommandHandler bulkCommands() {
    return bulk.get();
  }

  /** Disarms faults, restores settings and clears the request log: call between tests. */
  public void reset() {
    faults.reset();
    settings.reset();
    log.clear();
  }

  @Override
  public void close() {
    if (http != null) {
      http.stop(0);
    }
    if (sweeper != null) {
      sweeper.shutdownNow();
    }
    if (workers != null) {
      workers.shutdownNow();
    }
    if (httpThreads != null) {
      httpThreads.shutdownNow();
      try {
        httpThreads.awaitTermination(2, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    sessions.closeAll();
    if (historyRecorder != null) {
      historyRecorder.close();
    }
    if (queryHistory != null) {
      queryHistory.close();
    }
    if (bulk.get() instanceof AutoCloseable closeable) {
      try {
        closeable.close(); // e.g. the bulk path's history connections
      } catch (Exception ignored) {
        // Shutting down anyway.
      }
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
