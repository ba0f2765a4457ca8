package dev.redshiftdata.spark.dataapi;

import dev.redshiftdata.spark.dataapi.RedshiftDataException.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.redshiftdata.RedshiftDataClient;
import software.amazon.awssdk.services.redshiftdata.model.BatchExecuteStatementRequest;
import software.amazon.awssdk.services.redshiftdata.model.ColumnMetadata;
import software.amazon.awssdk.services.redshiftdata.model.DescribeStatementResponse;
import software.amazon.awssdk.services.redshiftdata.model.DescribeTableResponse;
import software.amazon.awssdk.services.redshiftdata.model.ExecuteStatementRequest;
import software.amazon.awssdk.services.redshiftdata.model.Field;
import software.amazon.awssdk.services.redshiftdata.model.GetStatementResultResponse;
import software.amazon.awssdk.services.redshiftdata.model.GetStatementResultV2Response;
import software.amazon.awssdk.services.redshiftdata.model.ListDatabasesResponse;
import software.amazon.awssdk.services.redshiftdata.model.ListSchemasResponse;
import software.amazon.awssdk.services.redshiftdata.model.ListTablesResponse;
import software.amazon.awssdk.services.redshiftdata.model.ResultFormatString;
import software.amazon.awssdk.services.redshiftdata.model.SqlParameter;
import software.amazon.awssdk.services.redshiftdata.model.StatusString;
import software.amazon.awssdk.services.redshiftdata.model.SubStatementData;
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
 * DEBUG.
 */
public final class DataApi {
  private static final Logger LOG = LoggerFactory.getLogger(DataApi.class);

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

  /** Lets the SDK report this request's attempts to {@link #stats}, if counting. */
  private void counted(AwsRequest.Builder request) {
    if (stats != null) {
      request.overrideConfiguration(o -> o.addMetricPublisher(stats.publisher()));
    }
  }

  /**
   * Runs a statement or batch and waits until it finishes; throws if it fails, is cancelled or
   * times out.
   */
  public FinishedStatement execute(StatementRequest request) {
    long start = waiter.nanoTime();
    String id = submit(request);
    return await(
        id,
        request.sqlText(),
        start,
        request.isBatch() ? "BatchExecuteStatement" : "ExecuteStatement");
  }

  /** Submits a statement or batch without waiting; returns the statement id. */
  public String submit(StatementRequest request) {
    checkSize(request);
    String token = request.clientToken().orElseGet(() -> UUID.randomUUID().toString());
    String sql = request.sqlText();
    String id;
    if (request.isBatch()) {
      BatchExecuteStatementRequest.Builder b =
          BatchExecuteStatementRequest.builder()
              .sqls(request.sqls())
              .clientToken(token)
              .resultFormat(format(request.format()));
      if (request.sessionId().isPresent()) {
        b.sessionId(request.sessionId().get());
      } else {
        b.database(target.database());
        connection(b::clusterIdentifier, b::workgroupName, b::secretArn, b::dbUser);
      }
      request.sessionKeepAliveSeconds().ifPresent(b::sessionKeepAliveSeconds);
      request
          .statementName()
          .or(() -> java.util.Optional.ofNullable(defaultStatementName))
          .ifPresent(b::statementName);
      counted(b);
      id = submitCall("run batch", sql, () -> client.batchExecuteStatement(b.build()).id());
    } else {
      ExecuteStatementRequest.Builder b =
          ExecuteStatementRequest.builder()
              .sql(sql)
              .clientToken(token)
              .resultFormat(format(request.format()));
      if (request.sessionId().isPresent()) {
        b.sessionId(request.sessionId().get());
      } else {
        b.database(target.database());
        connection(b::clusterIdentifier, b::workgroupName, b::secretArn, b::dbUser);
      }
      request.sessionKeepAliveSeconds().ifPresent(b::sessionKeepAliveSeconds);
      request
          .statementName()
          .or(() -> java.util.Optional.ofNullable(defaultStatementName))
          .ifPresent(b::statementName);
      if (!request.parameters().isEmpty()) {
        b.parameters(
            request.parameters().entrySet().stream()
                .map(e -> SqlParameter.builder().name(e.getKey()).value(e.getValue()).build())
                .collect(Collectors.toList()));
      }
      counted(b);
      id = submitCall("run statement", sql, () -> client.executeStatement(b.build()).id());
    }
    if (stats != null) {
      stats.submitted();
    }
    if (LOG.isDebugEnabled()) {
      LOG.debug(
          "Data API statement {} submitted (client token {}): {}",
          id,
          token,
          Redaction.redactSql(sql));
    }
    return id;
  }

  /** Characters of an over-limit statement shown in its error: enough to recognise it. */
  static final int TOO_LARGE_SQL_SHOWN = 500;

  /**
   * Refuses, before anything is sent, a statement (or a batch's statement) over the Data API's size
   * limit: the service would refuse it anyway, and an error naming the statement and its size says
   * what to change.
   */
  private static void checkSize(StatementRequest request) {
    List<String> sqls = request.sqls();
    for (int i = 0; i < sqls.size(); i++) {
      String sql = sqls.get(i);
      long bytes = StatementRequest.utf8Length(sql);
      if (bytes > StatementRequest.MAX_SQL_BYTES) {
        String what =
            firstWord(sql)
                + " statement of "
                + String.format(java.util.Locale.ROOT, "%,d", bytes)
                + " bytes";
        String action =
            request.isBatch()
                ? "run batch statement " + (i + 1) + " of " + sqls.size() + ", a " + what
                : "run " + what;
        // Redacted before it is cut, so that no secret is cut out of its quotes and left visible.
        String shown = Redaction.redactSql(sql);
        if (shown.length() > TOO_LARGE_SQL_SHOWN) {
          shown = shown.substring(0, TOO_LARGE_SQL_SHOWN) + " ... (cut)";
        }
        LOG.info("Data API: not sending a {} (limit {})", what, StatementRequest.MAX_SQL_BYTES);
        throw RedshiftDataException.of(Kind.STATEMENT_TOO_LARGE, action, null, shown, null);
      }
    }
  }

  /** The statement's keyword ({@code SELECT}, {@code UNLOAD}, ...), upper case. */
  private static String firstWord(String sql) {
    String s = sql.stripLeading();
    int end = 0;
    while (end < s.length() && end < 20 && Character.isLetter(s.charAt(end))) {
      end++;
    }
    return end == 0 ? "SQL" : s.substring(0, end).toUpperCase(java.util.Locale.ROOT);
  }

  /**
   * Sends ExecuteStatement or BatchExecuteStatement. When the thread is interrupted during the
   * call, the SDK gives up on it, though the service may have created the statement already:
   * sending the same request again with the same ClientToken returns that statement's id (or
   * creates it, if the first request never arrived), so it is cancelled rather than left running
   * unobserved.
   */
  private String submitCall(String action, String sql, Supplier<String> send) {
    try {
      return call(action, null, sql, send);
    } catch (RedshiftDataException e) {
      if (e.kind() != Kind.INTERRUPTED) {
        throw e;
      }
      // Clear the flag so that the SDK does not abort these calls too, then restore it.
      Thread.interrupted();
      String id = null;
      try {
        id = send.get();
        if (stats != null) {
          stats.submitted();
        }
        cancelQuietly(id);
      } catch (RuntimeException again) {
        LOG.warn(
            "Data API: cannot find or cancel the statement whose submit was interrupted: {}",
            Redaction.redactMessage(again.getMessage()));
      } finally {
        Thread.currentThread().interrupt();
      }
      LOG.info("Data API {} {} INTERRUPTED while submitting", action, id);
      throw RedshiftDataException.of(Kind.INTERRUPTED, action, id, sql, null, e);
    }
  }

  /** Waits for a submitted statement, starting the timeout now. */
  public FinishedStatement await(String id, String sql) {
    return await(id, sql, waiter.nanoTime(), "statement");
  }

  private FinishedStatement await(String id, String sql, long startNanos, String operation) {
    long deadline = startNanos + statementTimeout.toNanos();
    int polls = 0;
    while (true) {
      long remaining = deadline - waiter.nanoTime();
      if (remaining <= 0) {
        cancelQuietly(id);
        log(operation, id, "TIMEOUT", startNanos, polls);
        throw RedshiftDataException.of(
            Kind.TIMEOUT, "run statement", id, sql, "still running after " + statementTimeout);
      }
      try {
        waiter.sleep(schedule.delay(polls, Duration.ofNanos(remaining)));
      } catch (InterruptedException e) {
        throw interrupted(id, sql, operation, startNanos, polls, e);
      }
      DescribeStatementResponse d;
      try {
        d = describeOrThrow(id, sql);
      } catch (RedshiftDataException e) {
        if (e.kind() == Kind.INTERRUPTED || Thread.currentThread().isInterrupted()) {
          throw interrupted(id, sql, operation, startNanos, polls, e);
        }
        // Nobody will read this statement's outcome: stop it rather than leave it running
        // unobserved.
        // (A caller retrying with the same ClientToken then gets this aborted statement back: use a
        // new token.)
        cancelQuietly(id);
        log(operation, id, e.kind().name(), startNanos, polls);
        throw e;
      }
      polls++;
      if (stats != null) {
        stats.polled();
      }
      StatusString status = d.status();
      if (status == StatusString.FINISHED) {
        log(operation, id, "FINISHED", startNanos, polls);
        FinishedStatement done =
            new FinishedStatement(d, polls, Duration.ofNanos(waiter.nanoTime() - startNanos));
        if (stats != null) {
          stats.finished(done);
        }
        return done;
      }
      if (status == StatusString.FAILED) {
        log(operation, id, "FAILED", startNanos, polls);
        throw failed(d, sql);
      }
      if (status == StatusString.ABORTED) {
        log(operation, id, "ABORTED", startNanos, polls);
        throw RedshiftDataException.of(Kind.CANCELLED, "run statement", id, sql, d.error());
      }
    }
  }

  private RedshiftDataException interrupted(
      String id, String sql, String operation, long startNanos, int polls, Exception cause) {
    // Clear the flag so that the SDK does not abort the cancel call itself, then restore it.
    Thread.interrupted();
    try {
      cancelQuietly(id);
    } finally {
      Thread.currentThread().interrupt();
    }
    log(operation, id, "INTERRUPTED", startNanos, polls);
    return RedshiftDataException.of(Kind.INTERRUPTED, "run statement", id, sql, null, cause);
  }

  /** A FAILED statement; for a batch, names the sub-statement that failed and shows its SQL. */
  private static RedshiftDataException failed(DescribeStatementResponse d, String sql) {
    List<SubStatementData> subs = d.subStatements();
    for (int i = 0; i < subs.size(); i++) {
      SubStatementData sub = subs.get(i);
      if (sub.status() != null && "FAILED".equals(sub.statusAsString())) {
        String error = sub.error() != null ? sub.error() : d.error();
        return RedshiftDataException.of(
            ErrorClassifier.kindOfFailedStatement(error),
            "run batch statement " + (i + 1) + " of " + subs.size() + ", the batch was rolled back",
            sub.id(),
            sub.queryString() != null ? sub.queryString() : sql,
            error);
      }
    }
    return RedshiftDataException.of(
        ErrorClassifier.kindOfFailedStatement(d.error()), "run statement", d.id(), sql, d.error());
  }

  /** Cancels a running statement; false when it was no longer running. */
  public boolean cancel(String id) {
    boolean cancelled =
        call(
            "cancel statement",
            id,
            null,
            () ->
                Boolean.TRUE.equals(
                    client
                        .cancelStatement(
                            r -> {
                              r.id(id);
                              counted(r);
                            })
                        .status()));
    LOG.info("Data API CancelStatement {}: {}", id, cancelled ? "cancelled" : "not running");
    return cancelled;
  }

  private void cancelQuietly(String id) {
    try {
      cancel(id);
    } catch (RuntimeException e) {
      // The statement may have ended meanwhile; the caller reports the original reason.
      LOG.warn("Data API CancelStatement {} failed: {}", id, e.getMessage());
    }
  }

  /** The current DescribeStatement answer. */
  public DescribeStatementResponse describe(String id) {
    return describeOrThrow(id, null);
  }

  private DescribeStatementResponse describeOrThrow(String id, String sql) {
    return call(
        "describe statement",
        id,
        sql,
        () ->
            client.describeStatement(
                r -> {
                  r.id(id);
                  counted(r);
                }));
  }

  /**
   * Runs {@code request}, waits until it finishes and reads its whole result (every page) on the
   * driver: for small results only.
   */
  public StatementRows query(StatementRequest request) {
    FinishedStatement done = execute(request);
    List<ColumnMetadata> columns = new ArrayList<>();
    List<List<Field>> records = new ArrayList<>();
    if (done.hasResultSet()) {
      Iterator<GetStatementResultResponse> pages = resultPages(done.id());
      while (pages.hasNext()) {
        GetStatementResultResponse page = pages.next();
        if (columns.isEmpty() && page.hasColumnMetadata()) {
          columns.addAll(page.columnMetadata());
        }
        records.addAll(page.records());
      }
    }
    return new StatementRows(done.id(), columns, records);
  }

  /**
   * Every GetStatementResult page of a finished statement (for a batch, of a sub-statement id
   * {@code <id>:<n>}), fetched lazily as the iterator advances.
   */
  public Iterator<GetStatementResultResponse> resultPages(String id) {
    return new PageIterator<>(
        token ->
            call(
                "read result",
                id,
                null,
                () ->
                    client.getStatementResult(
                        r -> {
                          r.id(id).nextToken(token);
                          counted(r);
                        })),
        GetStatementResultResponse::nextToken);
  }

  /**
   * Every GetStatementResultV2 page (CSV records) of a statement run with {@link
   * StatementRequest.Format#CSV}, lazily.
   */
  public Iterator<GetStatementResultV2Response> csvResultPages(String id) {
    return new PageIterator<>(
        token ->
            call(
                "read result",
                id,
                null,
                () ->
                    client.getStatementResultV2(
                        r -> {
                          r.id(id).nextToken(token);
                          counted(r);
                        })),
        GetStatementResultV2Response::nextToken);
  }

  /**
   * Columns of one table (all DescribeTable pages); empty when the table is unknown or is a
   * late-binding view.
   */
  public List<ColumnMetadata> describeTable(String schema, String table) {
    Objects.requireNonNull(table, "table is null");
    long start = waiter.nanoTime();
    List<ColumnMetadata> columns = new ArrayList<>();
    int pages =
        allPages(
            token ->
                call(
                    "describe table " + schema + "." + table,
                    null,
                    null,
                    () ->
                        client.describeTable(
                            r -> {
                              r.database(target.database())
                                  .schema(schema)
                                  .table(table)
                                  .nextToken(token);
                              connection(
                                  r::clusterIdentifier, r::workgroupName, r::secretArn, r::dbUser);
                            })),
            DescribeTableResponse::nextToken,
            page -> columns.addAll(page.columnList()));
    logCall("DescribeTable", start, pages, columns.size());
    return columns;
  }

  public List<String> listDatabases() {
    long start = waiter.nanoTime();
    List<String> out = new ArrayList<>();
    int pages =
        allPages(
            token ->
                call(
                    "list databases",
                    null,
                    null,
                    () ->
                        client.listDatabases(
                            r -> {
                              r.database(target.database()).nextToken(token);
                              connection(
                                  r::clusterIdentifier, r::workgroupName, r::secretArn, r::dbUser);
                            })),
            ListDatabasesResponse::nextToken,
            page -> out.addAll(page.databases()));
    logCall("ListDatabases", start, pages, out.size());
    return out;
  }

  /** Schemas matching a LIKE pattern ({@code %}, {@code _}); {@code null} for all. */
  public List<String> listSchemas(String schemaPattern) {
    long start = waiter.nanoTime();
    List<String> out = new ArrayList<>();
    int pages =
        allPages(
            token ->
                call(
                    "list schemas",
                    null,
                    null,
                    () ->
                        client.listSchemas(
                            r -> {
                              r.database(target.database())
                                  .schemaPattern(schemaPattern)
                                  .nextToken(token);
                              connection(
                                  r::clusterIdentifier, r::workgroupName, r::secretArn, r::dbUser);
                            })),
            ListSchemasResponse::nextToken,
            page -> out.addAll(page.schemas()));
    logCall("ListSchemas", start, pages, out.size());
    return out;
  }

  /** Tables and views matching LIKE patterns; {@code null} patterns match all. */
  public List<TableMember> listTables(String schemaPattern, String tablePattern) {
    long start = waiter.nanoTime();
    List<TableMember> out = new ArrayList<>();
    int pages =
        allPages(
            token ->
                call(
                    "list tables",
                    null,
                    null,
                    () ->
                        client.listTables(
                            r -> {
                              r.database(target.database())
                                  .schemaPattern(schemaPattern)
                                  .tablePattern(tablePattern)
                                  .nextToken(token);
                              connection(
                                  r::clusterIdentifier, r::workgroupName, r::secretArn, r::dbUser);
                            })),
            ListTablesResponse::nextToken,
            page -> out.addAll(page.tables()));
    logCall("ListTables", start, pages, out.size());
    return out;
  }

  private void connection(
      java.util.function.Consumer<String> cluster,
      java.util.function.Consumer<String> workgroup,
      java.util.function.Consumer<String> secretArn,
      java.util.function.Consumer<String> dbUser) {
    target.clusterIdentifier().ifPresent(cluster);
    target.workgroupName().ifPresent(workgroup);
    target.secretArn().ifPresent(secretArn);
    target.dbUser().ifPresent(dbUser);
  }

  private static <T> int allPages(
      Function<String, T> fetch,
      Function<T, String> nextToken,
      java.util.function.Consumer<T> sink) {
    PageIterator<T> pages = new PageIterator<>(fetch, nextToken);
    int count = 0;
    while (pages.hasNext()) {
      sink.accept(pages.next());
      count++;
    }
    return count;
  }

  private static <T> T call(String action, String id, String sql, Supplier<T> call) {
    try {
      return call.get();
    } catch (SdkException e) {
      RedshiftDataException wrapped = ErrorClassifier.wrap(e, action, id, sql);
      if (wrapped.kind() == Kind.INTERRUPTED) {
        // The SDK aborts a call when its thread is interrupted; keep the flag for the caller.
        Thread.currentThread().interrupt();
      }
      throw wrapped;
    }
  }

  private static ResultFormatString format(StatementRequest.Format format) {
    return format == StatementRequest.Format.CSV ? ResultFormatString.CSV : ResultFormatString.JSON;
  }

  private void log(String operation, String id, String outcome, long startNanos, int polls) {
    LOG.info(
        "Data API {} {} {} in {} ms ({} polls)",
        operation,
        id,
        outcome,
        Duration.ofNanos(waiter.nanoTime() - startNanos).toMillis(),
        polls);
  }

  private void logCall(String operation, long startNanos, int pages, int items) {
    LOG.info(
        "Data API {} returned {} items in {} pages in {} ms",
        operation,
        items,
        pages,
        Duration.ofNanos(waiter.nanoTime() - startNanos).toMillis());
  }
}
