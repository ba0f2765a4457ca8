package dev.redshiftdata.spark.dataapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.local.LocalRedshift;
import dev.redshiftdata.local.LocalRedshiftConfig;
import dev.redshiftdata.local.dataapi.RecordedRequest;
import dev.redshiftdata.local.junit.LocalRedshiftExtension;
import dev.redshiftdata.spark.TestRedshift;
import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.dataapi.RedshiftDataException.Kind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.redshiftdata.model.Field;
import software.amazon.awssdk.services.redshiftdata.model.GetStatementResultResponse;
import software.amazon.awssdk.services.redshiftdata.model.GetStatementResultV2Response;
import software.amazon.awssdk.services.redshiftdata.model.StatementData;

/**
 * The connector's Data API core (options -> shared client -> DataApi) against the local Redshift
 * over HTTP.
 */
@ExtendWith(LocalRedshiftExtension.class)
class DataApiCoreIT {

  static LocalRedshift redshift;

  @BeforeAll
  static void start() {
    redshift = TestRedshift.shared();
  }

  /** Options for the local cluster, authenticated with the admin user's secret. */
  static Map<String, String> options(String... more) {
    LocalRedshiftConfig config = redshift.config();
    Map<String, String> o = new HashMap<>();
    o.put("database", "dev");
    o.put("clusterIdentifier", config.defaultCluster().id());
    o.put("secretArn", redshift.connectionInfo().secretArn());
    o.put("region", config.region());
    o.put("endpoint", redshift.dataApiEndpoint().toString());
    for (int i = 0; i < more.length; i += 2) {
      o.put(more[i], more[i + 1]);
    }
    return o;
  }

  static DataApi api(String... more) {
    return RedshiftOptions.parse(options(more), Map.of()).dataApi();
  }

  static String table(String prefix) {
    return prefix + "_" + System.nanoTime();
  }

  @AfterEach
  void resetServer() {
    redshift.dataApi().reset();
  }

  @Test
  void executeAwaitAndPageOverThreeOrMorePages() throws Exception {
    DataApi api = api();
    redshift.dataApi().settings().resultPageRows(100);
    int rows = 350;
    FinishedStatement done =
        api.execute(
            StatementRequest.sql(
                "SELECT n, repeat('x', 1000) AS pad FROM generate_series(1, "
                    + rows
                    + ") AS n ORDER BY n"));
    assertTrue(done.hasResultSet());
    assertEquals(rows, done.resultRows());
    Iterator<GetStatementResultResponse> pages = api.resultPages(done.id());
    List<Long> seen = new ArrayList<>();
    int pageCount = 0;
    while (pages.hasNext()) {
      GetStatementResultResponse page = pages.next();
      pageCount++;
      for (List<Field> record : page.records()) {
        seen.add(record.get(0).longValue());
        assertEquals("x".repeat(1000), record.get(1).stringValue());
      }
    }
    assertEquals(4, pageCount);
    assertEquals(4, calls("GetStatementResult", done.id(), 4).size());
    List<Long> expected = new ArrayList<>();
    for (long i = 1; i <= rows; i++) {
      expected.add(i);
    }
    assertEquals(expected, seen);
  }

  @Test
  void csvResultsPageThroughGetStatementResultV2() {
    DataApi api = api();
    FinishedStatement done =
        api.execute(
            StatementRequest.sql("SELECT n, 'a,b' AS s FROM generate_series(1, 3) AS n ORDER BY n")
                .withFormat(StatementRequest.Format.CSV));
    StringBuilder csv = new StringBuilder();
    Iterator<GetStatementResultV2Response> pages = api.csvResultPages(done.id());
    while (pages.hasNext()) {
      pages.next().records().forEach(r -> csv.append(r.csvRecords()));
    }
    assertTrue(csv.toString().contains("1,\"a,b\""), csv.toString());
    assertTrue(csv.toString().contains("3,\"a,b\""), csv.toString());
  }

  @Test
  void namedParametersAndLabelReachTheService() {
    String label = "core-it-" + System.nanoTime();
    DataApi api = api();
    FinishedStatement done =
        api.execute(
            StatementRequest.sql("SELECT :a::int + 1 AS v")
                .withParameter("a", "41")
                .withStatementName(label));
    GetStatementResultResponse page = api.resultPages(done.id()).next();
    assertEquals(42L, page.records().get(0).get(0).longValue());
    List<StatementData> listed =
        DataApiClients.client(
                RedshiftOptions.parse(options(), Map.of()).connection().clientSettings())
            .listStatements(r -> r.statementName(label))
            .statements();
    assertEquals(
        List.of(done.id()), listed.stream().map(StatementData::id).collect(Collectors.toList()));
  }

  @Test
  void sameClientTokenRunsOnce() {
    String t = table("core_token");
    DataApi api = api();
    api.execute(StatementRequest.sql("CREATE TABLE " + t + " (id int)"));
    String token = "token-" + System.nanoTime();
    FinishedStatement first =
        api.execute(
            StatementRequest.sql("INSERT INTO " + t + " VALUES (1)").withClientToken(token));
    FinishedStatement replay =
        api.execute(
            StatementRequest.sql("INSERT INTO " + t + " VALUES (1)").withClientToken(token));
    assertEquals(first.id(), replay.id());
    assertEquals(1L, count(api, t));
  }

  @Test
  void sessionCarriesTempTablesBetweenStatements() {
    DataApi api = api();
    FinishedStatement created =
        api.execute(
            StatementRequest.sql("CREATE TEMP TABLE core_session_tmp AS SELECT 7 AS v")
                .withSessionKeepAlive(60));
    String session = created.sessionId().orElseThrow();
    FinishedStatement read =
        api.execute(StatementRequest.sql("SELECT v FROM core_session_tmp").inSession(session));
    assertEquals(7L, api.resultPages(read.id()).next().records().get(0).get(0).longValue());
    FinishedStatement batch =
        api.execute(
            StatementRequest.batch(
                    List.of(
                        "INSERT INTO core_session_tmp VALUES (8)",
                        "SELECT count(*) FROM core_session_tmp"))
                .inSession(session));
    assertEquals(
        2L,
        api.resultPages(batch.subStatementIds().get(1)).next().records().get(0).get(0).longValue());
  }

  @Test
  void failedStatementCarriesIdSqlAndRedshiftMessage() {
    DataApi api = api();
    RedshiftDataException e =
        assertThrows(
            RedshiftDataException.class,
            () ->
                api.execute(
                    StatementRequest.sql(
                        "SELECT * FROM no_such_table_core_it WHERE x = 'PASSWORD' OR y = 1")));
    assertEquals(Kind.STATEMENT_FAILED, e.kind());
    String id = e.statementId().orElseThrow();
    assertTrue(e.getMessage().contains(id), e.getMessage());
    assertTrue(
        e.redshiftError().orElseThrow().contains("no_such_table_core_it"),
        e.redshiftError().orElseThrow());
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    assertTrue(e.getMessage().contains("SQL: SELECT * FROM no_such_table_core_it"), e.getMessage());
    assertEquals("FAILED", api.describe(id).statusAsString());
  }

  @Test
  void credentialsInSqlNeverReachTheException() {
    DataApi api = api();
    RedshiftDataException e =
        assertThrows(
            RedshiftDataException.class,
            () ->
                api.execute(
                    StatementRequest.sql(
                        "COPY no_such_table_core_it FROM 's3://local-redshift/nothing' ACCESS_KEY_ID 'AKIAEXAMPLE' SECRET_ACCESS_KEY 'wJalrEXAMPLEKEY'")));
    assertFalse(e.getMessage().contains("AKIAEXAMPLE"), e.getMessage());
    assertFalse(e.getMessage().contains("wJalrEXAMPLEKEY"), e.getMessage());
  }

  @Test
  void batchRollbackNamesTheFailingSubStatement() {
    String t = table("core_batch");
    DataApi api = api();
    api.execute(StatementRequest.sql("CREATE TABLE " + t + " (id int)"));
    RedshiftDataException e =
        assertThrows(
            RedshiftDataException.class,
            () ->
                api.execute(
                    StatementRequest.batch(
                        List.of(
                            "INSERT INTO " + t + " VALUES (1)",
                            "INSERT INTO no_such_table_core_it VALUES (2)",
                            "INSERT INTO " + t + " VALUES (3)"))));
    assertEquals(Kind.STATEMENT_FAILED, e.kind());
    assertTrue(e.statementId().orElseThrow().endsWith(":2"), e.statementId().orElseThrow());
    assertEquals("INSERT INTO no_such_table_core_it VALUES (2)", e.sql().orElseThrow());
    assertTrue(e.getMessage().contains("batch statement 2 of 3"), e.getMessage());
    assertTrue(
        e.redshiftError().orElseThrow().contains("no_such_table_core_it"),
        e.redshiftError().orElseThrow());
    assertEquals(0L, count(api, t), "the first insert was rolled back");
  }

  @Test
  void batchCommitsAllStatementsTogether() {
    String t = table("core_batch_ok");
    DataApi api = api();
    FinishedStatement done =
        api.execute(
            StatementRequest.batch(
                List.of(
                    "CREATE TABLE " + t + " (id int)", "INSERT INTO " + t + " VALUES (1), (2)")));
    assertEquals(List.of(done.id() + ":1", done.id() + ":2"), done.subStatementIds());
    assertEquals(2L, count(api, t));
  }

  @Test
  void resultOverTheServiceLimitsIsResultTooLarge() {
    DataApi api = api();
    redshift.dataApi().settings().maxResultBytes(10_000);
    RedshiftDataException tooBig =
        assertThrows(
            RedshiftDataException.class,
            () ->
                api.execute(
                    StatementRequest.sql(
                        "SELECT n, repeat('x', 100) FROM generate_series(1, 1000) AS n")));
    assertEquals(Kind.RESULT_TOO_LARGE, tooBig.kind(), tooBig.getMessage());
    redshift.dataApi().settings().reset();
    redshift.dataApi().settings().maxRowBytes(1_000);
    RedshiftDataException wideRow =
        assertThrows(
            RedshiftDataException.class,
            () -> api.execute(StatementRequest.sql("SELECT repeat('y', 5000)")));
    assertEquals(Kind.RESULT_TOO_LARGE, wideRow.kind(), wideRow.getMessage());
    assertTrue(wideRow.getMessage().contains("readMode"), wideRow.getMessage());
  }

  @Test
  void unknownStatementIsNotFound() {
    RedshiftDataException e =
        assertThrows(
            RedshiftDataException.class,
            () -> api().describe("00000000-0000-0000-0000-000000000000"));
    assertEquals(Kind.NOT_FOUND, e.kind());
  }

  @Test
  void wrongKeysAreAccessDenied() {
    String realSecret = System.getProperty("aws.secretAccessKey");
    // A distinct retry budget gives a distinct cached client, so the shared one keeps the right
    // keys.
    System.setProperty("aws.secretAccessKey", "wrong-secret");
    try {
      RedshiftDataException e =
          assertThrows(
              RedshiftDataException.class,
              () -> api("retryMaxAttempts", "1").execute(StatementRequest.sql("SELECT 1")));
      assertEquals(Kind.ACCESS_DENIED, e.kind(), e.getMessage());
    } finally {
      System.setProperty("aws.secretAccessKey", realSecret);
    }
  }

  /**
   * The server appends to its request log after it has answered, so the last call of a test can be
   * missing for a moment: wait (bounded) until {@code expected} calls are there.
   */
  static List<RecordedRequest> calls(String operation, String id, int expected)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    List<RecordedRequest> calls;
    do {
      calls =
          redshift.dataApi().requests().operation(operation).stream()
              .filter(r -> id == null || id.equals(r.statementId()))
              .collect(Collectors.toList());
      if (calls.size() >= expected) {
        return calls;
      }
      Thread.sleep(10);
    } while (System.nanoTime() < deadline);
    return calls;
  }

  static long count(DataApi api, String table) {
    FinishedStatement done = api.execute(StatementRequest.sql("SELECT count(*) FROM " + table));
    return api.resultPages(done.id()).next().records().get(0).get(0).longValue();
  }
}
