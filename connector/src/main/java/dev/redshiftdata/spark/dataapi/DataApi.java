package dev.redshiftdata.spark.dataapi;

import dev.redshiftdata.spark.dataapi.RedshiftDataException.Kind;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.redshiftdata.RedshiftDataClient;
import software.amazon.awssdk.services.redshiftdata.model.ColumnMetadata;
import software.amazon.awssdk.services.redshiftdata.model.DescribeStatementResponse;
import software.amazon.awssdk.services.redshiftdata.model.GetStatementResultResponse;
import software.amazon.awssdk.services.redshiftdata.model.GetStatementResultV2Response;
import software.amazon.awssdk.services.redshiftdata.model.TableMember;

/**
 * The connector's only way to talk to the Data API: run statements and batches, wait for them with
 * backoff, page their results, cancel them, and describe and list database objects. Every failure
 * is a {@link RedshiftDataException}. Thread-safe; cheap to create (the client is shared, see
 * {@link DataApiClients}).
 *
 * <p>Waiting polls DescribeStatement on a {@link PollSchedule} and never past the statement
 * timeout: then it cancels the statement and throws {@link Kind#TIMEOUT}. Interrupting the waiting
 * thread cancels the statement, keeps the thread's interrupt flag and throws {@link
 * Kind#INTERRUPTED}; so does an interrupt during the submit call (the statement is found again by
 * its ClientToken).
 *
 * <p>A wrapper made by {@link #withStats(CallStats)} counts its statements, polls, throttled
 * retries and result sizes, for Spark UI metrics.
 *
 * <p>Logs one INFO line per statement (id, operation, outcome, duration) and its redacted SQL at
 * DEBUG, all under this class's name.
 *
 * <p>The work is done by {@link StatementSubmitter}, {@link StatementPoller}, {@link ResultPages}
 * and {@link CatalogCalls}, over the {@link ApiCalls} they share.
 */
public final class DataApi {
  /** Clock and sleep, replaceable in tests. */
  interface Waiter {
    long nanoTime();

    void sleep(Duration duration) throws InterruptedException;

    Waiter SYSTEM =
        new Waiter() {
          @Override
          public long nanoTime() {
            return System.nanoTime();
          }

          @Override
          public void sleep(Duration duration) throws InterruptedException {
            if (!duration.isZero()) {
              Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
            }
          }
        };
  }

  private final RedshiftDataClient client;
  private final DataApiTarget target;
  private final Duration statementTimeout;
  private final PollSchedule schedule;
  private final Waiter waiter;
  private final String defaultStatementName;
  private final CallStats stats;

  private final StatementPoller poller;
  private final StatementSubmitter submitter;
  private final ResultPages results;
  private final CatalogCalls catalog;

  public DataApi(
      RedshiftDataClient client,
      DataApiTarget target,
      Duration statementTimeout,
      PollSchedule schedule) {
    this(client, target, statementTimeout, schedule, Waiter.SYSTEM, null, null);
  }

  DataApi(
      RedshiftDataClient client,
      DataApiTarget target,
      Duration statementTimeout,
      PollSchedule schedule,
      Waiter waiter) {
    this(client, target, statementTimeout, schedule, waiter, null, null);
  }

  private DataApi(
      RedshiftDataClient client,
      DataApiTarget target,
      Duration statementTimeout,
      PollSchedule schedule,
      Waiter waiter,
      String defaultStatementName,
      CallStats stats) {
    this.defaultStatementName = defaultStatementName;
    this.stats = stats;
    this.client = Objects.requireNonNull(client, "client is null");
    this.target = Objects.requireNonNull(target, "target is null");
    this.statementTimeout = Objects.requireNonNull(statementTimeout, "statementTimeout is null");
    this.schedule = Objects.requireNonNull(schedule, "schedule is null");
    this.waiter = Objects.requireNonNull(waiter, "waiter is null");
    if (statementTimeout.isNegative() || statementTimeout.isZero()) {
      throw new IllegalArgumentException("statementTimeout must be positive");
    }
    ApiCalls calls = new ApiCalls(client, target, waiter, stats);
    this.poller = new StatementPoller(calls, statementTimeout, schedule);
    this.submitter = new StatementSubmitter(calls, poller, defaultStatementName);
    this.results = new ResultPages(calls);
    this.catalog = new CatalogCalls(calls);
  }

  public DataApiTarget target() {
    return target;
  }

  /**
   * The same wrapper, sending {@code name} as {@code StatementName} for requests that set none (the
   * {@code label} option, or a name derived from the Spark application and query).
   */
  public DataApi withDefaultStatementName(String name) {
    if (name != null && name.length() > StatementRequest.MAX_STATEMENT_NAME_LENGTH) {
      throw new IllegalArgumentException(
          "Cannot use statement name of "
              + name.length()
              + " characters: the Data API takes at most "
              + StatementRequest.MAX_STATEMENT_NAME_LENGTH
              + ".");
    }
    return new DataApi(client, target, statementTimeout, schedule, waiter, name, stats);
  }

  /**
   * The same wrapper, also counting into {@code stats} the statements it submits, the polls it
   * makes, the throttled calls the SDK retried and the rows and bytes of finished statements.
   */
  public DataApi withStats(CallStats stats) {
    Objects.requireNonNull(stats, "stats is null");
    return new DataApi(
        client, target, statementTimeout, schedule, waiter, defaultStatementName, stats);
  }

  /**
   * Runs a statement or batch and waits until it finishes; throws if it fails, is cancelled or
   * times out.
   */
  public FinishedStatement execute(StatementRequest request) {
    long start = waiter.nanoTime();
    String id = submit(request);
    return poller.await(
        id,
        request.sqlText(),
        start,
        request.isBatch() ? "BatchExecuteStatement" : "ExecuteStatement");
  }

  /**
   * Submits a statement or batch without waiting; returns the statement id. A statement over the
   * Data API's size limit is refused before anything is sent ({@link Kind#STATEMENT_TOO_LARGE}).
   */
  public String submit(StatementRequest request) {
    return submitter.submit(request);
  }

  /** Waits for a submitted statement, starting the timeout now. */
  public FinishedStatement await(String id, String sql) {
    return poller.await(id, sql, waiter.nanoTime(), "statement");
  }

  /** Cancels a running statement; false when it was no longer running. */
  public boolean cancel(String id) {
    return poller.cancel(id);
  }

  /** The current DescribeStatement answer. */
  public DescribeStatementResponse describe(String id) {
    return poller.describe(id, null);
  }

  /**
   * Runs {@code request}, waits until it finishes and reads its whole result (every page) on the
   * driver: for small results only.
   */
  public StatementRows query(StatementRequest request) {
    return results.all(execute(request));
  }

  /**
   * Every GetStatementResult page of a finished statement (for a batch, of a sub-statement id
   * {@code <id>:<n>}), fetched lazily as the iterator advances.
   */
  public Iterator<GetStatementResultResponse> resultPages(String id) {
    return results.json(id);
  }

  /**
   * Every GetStatementResultV2 page (CSV records) of a statement run with {@link
   * StatementRequest.Format#CSV}, lazily.
   */
  public Iterator<GetStatementResultV2Response> csvResultPages(String id) {
    return results.csv(id);
  }

  /**
   * Columns of one table (all DescribeTable pages); empty when the table is unknown or is a
   * late-binding view.
   */
  public List<ColumnMetadata> describeTable(String schema, String table) {
    return catalog.describeTable(schema, table);
  }

  public List<String> listDatabases() {
    return catalog.listDatabases();
  }

  /** Schemas matching a LIKE pattern ({@code %}, {@code _}); {@code null} for all. */
  public List<String> listSchemas(String schemaPattern) {
    return catalog.listSchemas(schemaPattern);
  }

  /** Tables and views matching LIKE patterns; {@code null} patterns match all. */
  public List<TableMember> listTables(String schemaPattern, String tablePattern) {
    return catalog.listTables(schemaPattern, tablePattern);
  }
}
