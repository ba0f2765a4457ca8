package dev.redshiftdata.local.dataapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.redshiftdata.model.ActiveStatementsExceededException;
import software.amazon.awssdk.services.redshiftdata.model.BatchExecuteStatementResponse;
import software.amazon.awssdk.services.redshiftdata.model.CancelStatementResponse;
import software.amazon.awssdk.services.redshiftdata.model.DescribeStatementResponse;
import software.amazon.awssdk.services.redshiftdata.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.redshiftdata.model.Field;
import software.amazon.awssdk.services.redshiftdata.model.ListStatementsResponse;
import software.amazon.awssdk.services.redshiftdata.model.ResourceNotFoundException;
import software.amazon.awssdk.services.redshiftdata.model.SqlParameter;
import software.amazon.awssdk.services.redshiftdata.model.StatementData;
import software.amazon.awssdk.services.redshiftdata.model.StatusString;
import software.amazon.awssdk.services.redshiftdata.model.SubStatementData;
import software.amazon.awssdk.services.redshiftdata.model.ValidationException;

class DataApiStatementIT extends DataApiTestSupport {

  @Test
  void executeDescribeAndGetResult() {
    Instant before = Instant.now().minusSeconds(1);
    ExecuteStatementResponse e =
        client().executeStatement(sql("select 1 as one, 'x' as two").build());
    assertTrue(e.id().matches("[a-z0-9]{8}(-[a-z0-9]{4}){3}-[a-z0-9]{12}"));
    assertEquals(CLUSTER, e.clusterIdentifier());
    assertEquals(DB, e.database());
    assertEquals(ADMIN_SECRET, e.secretArn());
    assertNull(e.workgroupName());
    assertNull(e.sessionId());
    assertTrue(e.createdAt().isAfter(before));

    DescribeStatementResponse d = await(e.id());
    assertEquals(StatusString.FINISHED, d.status());
    assertEquals("select 1 as one, 'x' as two", d.queryString());
    assertTrue(d.hasResultSet());
    assertEquals(1, d.resultRows());
    assertTrue(d.resultSize() > 0);
    assertTrue(d.duration() > 0);
    assertTrue(d.redshiftPid() > 0);
    assertTrue(d.redshiftQueryId() > 0);
    assertEquals("JSON", d.resultFormatAsString());
    assertFalse(d.updatedAt().isBefore(d.createdAt()));
    assertTrue(d.subStatements().isEmpty());

    assertEquals(
        List.of(List.of(Field.fromLongValue(1L), Field.fromStringValue("x"))), rows(e.id()));
  }

  @Test
  void queryIdsIncreaseAndPidIsTheBackend() {
    DescribeStatementResponse a = run("select 1");
    DescribeStatementResponse b = run("select 1");
    assertTrue(b.redshiftQueryId() > a.redshiftQueryId());
    List<List<Field>> pid = query("select pg_backend_pid()");
    assertTrue(pid.get(0).get(0).longValue() > 0);
  }

  @Test
  void workgroupAndDbUser() {
    ExecuteStatementResponse e =
        client()
            .executeStatement(
                b ->
                    b.workgroupName("local-workgroup")
                        .database(DB)
                        .dbUser("reader")
                        .sql("select current_user"));
    assertEquals("local-workgroup", e.workgroupName());
    assertNull(e.clusterIdentifier());
    assertEquals("reader", e.dbUser());
    await(e.id());
    assertEquals("reader", rows(e.id()).get(0).get(0).stringValue());
  }

  @Test
  void connectionMemberValidation() {
    assertEquals(
        "Either ClusterIdentifier or WorkgroupName must be specified, but not both.",
        assertThrows(
                ValidationException.class,
                () ->
                    client()
                        .executeStatement(sql("select 1").workgroupName("local-workgroup").build()))
            .awsErrorDetails()
            .errorMessage());
    assertThrows(
        ValidationException.class,
        () -> client().executeStatement(b -> b.database(DB).sql("select 1")));
    assertEquals(
        "Redshift endpoint doesn't exist in this region.",
        assertThrows(
                ValidationException.class,
                () ->
                    client()
                        .executeStatement(
                            sql("select 1").clusterIdentifier("no-such-cluster").build()))
            .awsErrorDetails()
            .errorMessage());
    assertThrows(
        ValidationException.class,
        () ->
            client()
                .executeStatement(
                    sql("select 1")
                        .secretArn("arn:aws:secretsmanager:us-east-1:1:secret:x")
                        .build()));
    assertThrows(
        ValidationException.class,
        () -> client().executeStatement(sql("select 1").secretArn(null).dbUser("nobody").build()));
    assertThrows(
        ValidationException.class,
        () -> client().executeStatement(sql("select 1").dbUser("reader").build()));
    assertThrows(
        ValidationException.class,
        () -> client().executeStatement(sql("select 1").clusterIdentifier("Bad_Id").build()));
    assertThrows(
        ValidationException.class,
        () -> client().executeStatement(sql("select 1").database(null).build()));
  }

  @Test
  void unknownDatabaseFailsTheStatement() {
    DescribeStatementResponse d =
        await(client().executeStatement(sql("select 1").database("nope").build()).id());
    assertEquals(StatusString.FAILED, d.status());
    assertEquals("FATAL: database \"nope\" does not exist", d.error());
    assertEquals("nope", d.database());
  }

  @Test
  void sqlErrorFailsTheStatementNotTheCall() {
    DescribeStatementResponse d = await(submit("select * from no_such_table_e2e"));
    assertEquals(StatusString.FAILED, d.status());
    assertEquals("ERROR: relation \"no_such_table_e2e\" does not exist\n Position: 15", d.error());
    ValidationException v =
        assertThrows(
            ValidationException.class, () -> client().getStatementResult(b -> b.id(d.id())));
    assertEquals(
        "Query does not have result. Please check query status with DescribeStatement.",
        v.awsErrorDetails().errorMessage());
  }

  @Test
  void ddlHasNoResultSet() {
    admin("drop table if exists ddl_t");
    DescribeStatementResponse d = run("create table ddl_t (a int)");
    assertFalse(d.hasResultSet());
    assertThrows(ValidationException.class, () -> client().getStatementResult(b -> b.id(d.id())));
    DescribeStatementResponse ins = run("insert into ddl_t values (1), (2), (3)");
    assertEquals(3, ins.resultRows());
    assertFalse(ins.hasResultSet());
    DescribeStatementResponse empty = run("select * from ddl_t where a > 10");
    assertTrue(empty.hasResultSet());
    assertEquals(0, empty.resultRows());
    assertEquals(0, client().getStatementResult(b -> b.id(empty.id())).totalNumRows());
    assertTrue(client().getStatementResult(b -> b.id(empty.id())).records().isEmpty());
  }

  @Test
  void idValidationAndNotFound() {
    ValidationException v =
        assertThrows(
            ValidationException.class,
            () -> client().describeStatement(b -> b.id("InvalidStatementId")));
    assertEquals(
        "id must satisfy regex pattern: ^[a-z0-9]{8}(-[a-z0-9]{4}){3}-[a-z0-9]{12}(:\\d+)?$",
        v.awsErrorDetails().errorMessage());
    String unknown = UUID.randomUUID().toString();
    ResourceNotFoundException nf =
        assertThrows(
            ResourceNotFoundException.class, () -> client().getStatementResult(b -> b.id(unknown)));
    assertEquals("Query does not exist.", nf.awsErrorDetails().errorMessage());
    assertEquals(unknown, nf.resourceId());
    assertThrows(
        ResourceNotFoundException.class, () -> client().cancelStatement(b -> b.id(unknown)));
  }

  @Test
  void namedParameters() {
    admin(
        "drop table if exists params_t",
        "create table params_t (id int, name varchar(20))",
        "insert into params_t values (1, 'one'), (2, 'two'), (3, 'three')");
    String sql =
        "select name /* :ignored */ from params_t where id = :id::smallint or name = ':name' "
            + "or name = :name order by id -- :alsoIgnored";
    ExecuteStatementResponse e =
        client()
            .executeStatement(
                sql(sql)
                    .parameters(
                        SqlParameter.builder().name("id").value("1").build(),
                        SqlParameter.builder().name("name").value("three").build())
                    .build());
    DescribeStatementResponse d = await(e.id());
    assertEquals(StatusString.FINISHED, d.status(), d.error());
    assertEquals(sql, d.queryString());
    assertEquals(2, d.queryParameters().size());
    assertEquals("id", d.queryParameters().get(0).name());
    assertEquals("1", d.queryParameters().get(0).value());
    assertEquals(
        List.of(List.of(Field.fromStringValue("one")), List.of(Field.fromStringValue("three"))),
        rows(e.id()));

    assertThrows(
        ValidationException.class,
        () ->
            client()
                .executeStatement(
                    sql("select :missing")
                        .parameters(SqlParameter.builder().name("other").value("1").build())
                        .build()));
    assertThrows(
        ValidationException.class,
        () ->
            client()
                .executeStatement(
                    sql("select :v")
                        .parameters(SqlParameter.builder().name("v").value("").build())
                        .build()));
    assertThrows(
        ValidationException.class,
        () ->
            client()
                .executeStatement(
                    sql("select :v")
                        .parameters(SqlParameter.builder().name("bad-name").value("1").build())
                        .build()));
    // "null" is the string 'null', not SQL NULL
    List<List<Field>> r =
        rows(
            await(
                    client()
                        .executeStatement(
                            sql("select :v as v")
                                .parameters(SqlParameter.builder().name("v").value("null").build())
                                .build())
                        .id())
                .id());
    assertEquals(Field.fromStringValue("null"), r.get(0).get(0));
  }

  @Test
  void batchRunsInOneTransactionWithSubStatements() {
    admin("drop table if exists batch_t", "create table batch_t (a int)");
    BatchExecuteStatementResponse b =
        client()
            .batchExecuteStatement(
                x ->
                    x.clusterIdentifier(CLUSTER)
                        .database(DB)
                        .secretArn(ADMIN_SECRET)
                        .sqls(
                            "insert into batch_t values (1)",
                            "insert into batch_t values (2)",
                            "select count(*) from batch_t"));
    DescribeStatementResponse d = await(b.id());
    assertEquals(StatusString.FINISHED, d.status());
    assertNull(d.queryString());
    assertEquals(0, d.redshiftQueryId());
    assertEquals(-1, d.resultRows());
    assertEquals(-1, d.resultSize());
    assertTrue(d.hasResultSet());
    assertEquals(3, d.subStatements().size());
    SubStatementData s1 = d.subStatements().get(0);
    assertEquals(b.id() + ":1", s1.id());
    assertEquals("insert into batch_t values (1)", s1.queryString());
    assertEquals(1, s1.resultRows());
    assertFalse(s1.hasResultSet());
    assertTrue(s1.redshiftQueryId() > 0);
    assertEquals(StatusString.FINISHED.toString(), s1.statusAsString());
    assertTrue(d.subStatements().get(2).hasResultSet());

    ValidationException v =
        assertThrows(
            ValidationException.class, () -> client().getStatementResult(x -> x.id(b.id())));
    assertEquals(
        "BatchExecuteStatement result can only be retrieved with sub-statement id.",
        v.awsErrorDetails().errorMessage());
    assertEquals(List.of(List.of(Field.fromLongValue(2L))), rows(b.id() + ":3"));
    assertEquals(b.id() + ":2", client().describeStatement(x -> x.id(b.id() + ":2")).id());
  }

  @Test
  void batchRollsBackEverythingOnFailure() {
    admin("drop table if exists rollback_t", "create table rollback_t (a int)");
    String id =
        client()
            .batchExecuteStatement(
                x ->
                    x.clusterIdentifier(CLUSTER)
                        .database(DB)
                        .secretArn(ADMIN_SECRET)
                        .sqls(
                            "insert into rollback_t values (1)",
                            "insert into no_such_table values (2)",
                            "insert into rollback_t values (3)"))
            .id();
    DescribeStatementResponse d = await(id);
    assertEquals(StatusString.FAILED, d.status());
    assertTrue(d.error().startsWith("ERROR: relation \"no_such_table\" does not exist"), d.error());
    assertEquals("FINISHED", d.subStatements().get(0).statusAsString());
    assertEquals("FAILED", d.subStatements().get(1).statusAsString());
    assertEquals(d.error(), d.subStatements().get(1).error());
    assertEquals("ABORTED", d.subStatements().get(2).statusAsString());
    assertEquals(
        List.of(List.of(Field.fromLongValue(0L))), query("select count(*) from rollback_t"));
  }

  @Test
  void truncateCommitsTheBatchTransaction() {
    admin(
        "drop table if exists truncate_t",
        "create table truncate_t (a int)",
        "insert into truncate_t values (0)");
    String id =
        client()
            .batchExecuteStatement(
                x ->
                    x.clusterIdentifier(CLUSTER)
                        .database(DB)
                        .secretArn(ADMIN_SECRET)
                        .sqls(
                            "insert into truncate_t values (1)",
                            "truncate truncate_t",
                            "insert into truncate_t values (2)",
                            "insert into no_such_table values (3)"))
            .id();
    assertEquals(StatusString.FAILED, await(id).status());
    // The TRUNCATE committed what came before it and itself; only the insert after it was rolled
    // back.
    assertEquals(
        List.of(List.of(Field.fromLongValue(0L))), query("select count(*) from truncate_t"));
  }

  @Test
  void batchClientTokenReplay() {
    admin("drop table if exists batch_token_t", "create table batch_token_t (a int)");
    String token = UUID.randomUUID().toString();
    String id1 =
        client()
            .batchExecuteStatement(
                x ->
                    x.clusterIdentifier(CLUSTER)
                        .database(DB)
                        .secretArn(ADMIN_SECRET)
                        .clientToken(token)
                        .sqls("insert into batch_token_t values (1)", "select 1"))
            .id();
    await(id1);
    String id2 =
        client()
            .batchExecuteStatement(
                x ->
                    x.clusterIdentifier(CLUSTER)
                        .database(DB)
                        .secretArn(ADMIN_SECRET)
                        .clientToken(token)
                        .sqls("insert into batch_token_t values (1)", "select 1"))
            .id();
    assertEquals(id1, id2);
    assertEquals(
        List.of(List.of(Field.fromLongValue(1L))), query("select count(*) from batch_token_t"));
  }

  @Test
  void withEventIsAccepted() {
    String id = client().executeStatement(sql("select 1").withEvent(true).build()).id();
    assertEquals(StatusString.FINISHED, await(id).status());
    assertEquals(1, server().requests().count("ExecuteStatement"));
  }

  @Test
  void batchSizeLimits() {
    assertThrows(
        ValidationException.class,
        () ->
            client()
                .batchExecuteStatement(
                    x ->
                        x.clusterIdentifier(CLUSTER)
                            .database(DB)
                            .secretArn(ADMIN_SECRET)
                            .sqls(List.of())));
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 41; i++) {
      many.add("select " + i);
    }
    assertThrows(
        ValidationException.class,
        () ->
            client()
                .batchExecuteStatement(
                    x ->
                        x.clusterIdentifier(CLUSTER)
                            .database(DB)
                            .secretArn(ADMIN_SECRET)
                            .sqls(many)));
    String id =
        client()
            .batchExecuteStatement(
                x ->
                    x.clusterIdentifier(CLUSTER)
                        .database(DB)
                        .secretArn(ADMIN_SECRET)
                        .sqls(many.subList(0, 40)))
            .id();
    assertEquals(40, await(id).subStatements().size());
  }

  @Test
  void clientTokenReplaysTheSameStatement() {
    admin("drop table if exists token_t", "create table token_t (a int)");
    String token = UUID.randomUUID().toString();
    String id1 =
        client()
            .executeStatement(sql("insert into token_t values (1)").clientToken(token).build())
            .id();
    await(id1);
    String id2 =
        client()
            .executeStatement(sql("insert into token_t values (1)").clientToken(token).build())
            .id();
    assertEquals(id1, id2);
    assertEquals(List.of(List.of(Field.fromLongValue(1L))), query("select count(*) from token_t"));
    String id3 = client().executeStatement(sql("insert into token_t values (1)").build()).id();
    assertNotEquals(id1, id3);
  }

  @Test
  void sessionsKeepOneConnection() {
    ExecuteStatementResponse first =
        client()
            .executeStatement(
                sql("create temp table session_tmp as select 42 as v")
                    .sessionKeepAliveSeconds(60)
                    .build());
    assertNotNull(first.sessionId());
    assertEquals(StatusString.FINISHED, await(first.id()).status());
    ExecuteStatementResponse second =
        client()
            .executeStatement(b -> b.sessionId(first.sessionId()).sql("select v from session_tmp"));
    assertEquals(first.sessionId(), second.sessionId());
    DescribeStatementResponse d = await(second.id());
    assertEquals(StatusString.FINISHED, d.status(), d.error());
    assertEquals(first.sessionId(), d.sessionId());
    assertEquals(List.of(List.of(Field.fromLongValue(42L))), rows(second.id()));
    assertEquals(await(first.id()).redshiftPid(), d.redshiftPid());
    // Without a session the temp table is gone.
    assertEquals(StatusString.FAILED, await(submit("select v from session_tmp")).status());
    assertThrows(
        ValidationException.class,
        () ->
            client()
                .executeStatement(
                    b ->
                        b.sessionId(first.sessionId()).clusterIdentifier(CLUSTER).sql("select 1")));
    assertThrows(
        ValidationException.class,
        () ->
            client()
                .executeStatement(b -> b.sessionId(UUID.randomUUID().toString()).sql("select 1")));
  }

  @Test
  void listStatementsFilters() {
    String name = "list-" + UUID.randomUUID();
    String a = client().executeStatement(sql("select 1").statementName(name + "-a").build()).id();
    await(a);
    String failed =
        client()
            .executeStatement(sql("select * from nope").statementName(name + "-b").build())
            .id();
    await(failed);
    String batch =
        client()
            .batchExecuteStatement(
                x ->
                    x.clusterIdentifier(CLUSTER)
                        .database(DB)
                        .secretArn(ADMIN_SECRET)
                        .statementName(name + "-c")
                        .sqls("select 1", "select 2"))
            .id();
    await(batch);

    ListStatementsResponse finished = client().listStatements(b -> b.statementName(name));
    assertEquals(List.of(batch, a), finished.statements().stream().map(StatementData::id).toList());
    StatementData batchData = finished.statements().get(0);
    assertTrue(batchData.isBatchStatement());
    assertEquals(List.of("select 1", "select 2"), batchData.queryStrings());
    assertEquals(name + "-c", batchData.statementName());
    assertEquals(ADMIN_SECRET, batchData.secretArn());
    assertEquals("select 1", finished.statements().get(1).queryString());

    assertEquals(
        List.of(failed),
        client()
            .listStatements(b -> b.statementName(name).status(StatusString.FAILED))
            .statements()
            .stream()
            .map(StatementData::id)
            .toList());
    assertEquals(
        3,
        client()
            .listStatements(b -> b.statementName(name).status(StatusString.ALL))
            .statements()
            .size());

    ListStatementsResponse page1 =
        client().listStatements(b -> b.statementName(name).status("ALL").maxResults(2));
    assertEquals(2, page1.statements().size());
    assertNotNull(page1.nextToken());
    ListStatementsResponse page2 =
        client()
            .listStatements(
                b ->
                    b.statementName(name).status("ALL").maxResults(2).nextToken(page1.nextToken()));
    assertEquals(List.of(a), page2.statements().stream().map(StatementData::id).toList());
    assertNull(page2.nextToken());
    assertThrows(ValidationException.class, () -> client().listStatements(b -> b.maxResults(101)));
    // ClusterIdentifier/WorkgroupName/Database filters exist only in newer SDK models than 2.29.52:
    // the server
    // honours them, this client cannot send them.
  }

  @Test
  void cancelRunningStatement() {
    String id = submit("select pg_sleep(30)");
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (client().describeStatement(b -> b.id(id)).status() != StatusString.STARTED
        && System.nanoTime() < deadline) {
      sleep(5);
    }
    sleep(100);
    long t0 = System.nanoTime();
    CancelStatementResponse c = client().cancelStatement(b -> b.id(id));
    assertTrue(c.status());
    DescribeStatementResponse d = await(id);
    assertEquals(StatusString.ABORTED, d.status());
    assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(5).toNanos());
    ValidationException v =
        assertThrows(ValidationException.class, () -> client().cancelStatement(b -> b.id(id)));
    assertEquals(
        "Could not cancel a query that is already in ABORTED state with ID: " + id,
        v.awsErrorDetails().errorMessage());
  }

  @Test
  void twentyConcurrentStatements() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(20);
    try {
      List<Future<List<List<Field>>>> futures = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        int n = i;
        futures.add(pool.submit(() -> query("select " + n + " as n, pg_sleep(0.2)")));
      }
      Set<Long> seen = new HashSet<>();
      for (Future<List<List<Field>>> f : futures) {
        seen.add(f.get().get(0).get(0).longValue());
      }
      assertEquals(20, seen.size());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void activeStatementsLimit() {
    server().settings().maxActiveStatements(1);
    String id = submit("select pg_sleep(30)");
    try {
      assertThrows(ActiveStatementsExceededException.class, () -> submit("select 1"));
    } finally {
      client().cancelStatement(b -> b.id(id));
      await(id);
    }
    server().settings().maxActiveStatements(200);
    run("select 1");
  }

  @Test
  void sqlSizeLimit() {
    server().settings().maxSqlBytes(100);
    String big = "select '" + "x".repeat(200) + "'";
    ValidationException v = assertThrows(ValidationException.class, () -> submit(big));
    assertTrue(v.awsErrorDetails().errorMessage().contains("less than or equal to 100"));
  }

  @Test
  void resultRetention() {
    String id = run("select 1").id();
    server().settings().resultRetention(Duration.ZERO);
    sleep(5);
    assertThrows(ResourceNotFoundException.class, () -> client().describeStatement(b -> b.id(id)));
  }

  @Test
  void oneStatementPerExecute() {
    DescribeStatementResponse d = await(submit("select 1; select 2"));
    assertEquals(StatusString.FAILED, d.status());
    assertEquals("ERROR: cannot insert multiple commands into a prepared statement", d.error());
    assertEquals(StatusString.FINISHED, run("select 1;").status());
  }

  @Test
  void unloadAndCopyGoThroughTheBulkHook() {
    String unload =
        "unload ('select 1') to 's3://local-redshift/x/' iam_role 'arn:aws:iam::123456789012:role/r'";
    BulkCommandHandler before = server().bulkCommands();
    List<String> seen = new ArrayList<>();
    try {
      server().bulkCommands(BulkCommandHandler.UNSUPPORTED);
      DescribeStatementResponse d = await(submit(unload));
      assertEquals(StatusString.FAILED, d.status());
      assertEquals(
          "ERROR: UNLOAD and COPY with S3 are not supported by this local Redshift yet", d.error());
      List<Long> queryIds = new ArrayList<>();
      server()
          .bulkCommands(
              ctx -> {
                seen.add(
                    ctx.kind()
                        + " "
                        + ctx.role()
                        + "@"
                        + ctx.database()
                        + ": "
                        + ctx.redshiftSql());
                queryIds.add(ctx.queryId());
                return new BulkCommandHandler.Outcome(5);
              });
      DescribeStatementResponse ok = run(unload);
      assertEquals(5, ok.resultRows());
      assertFalse(ok.hasResultSet());
      assertEquals(List.of("UNLOAD awsuser@dev: " + unload), seen);
      assertEquals(List.of(ok.redshiftQueryId()), queryIds);
      server()
          .bulkCommands(
              ctx -> {
                throw new dev.redshiftdata.local.bulk.RedshiftSqlError(
                    "syntax error at or near \"x\"", 12);
              });
      assertEquals(
          "ERROR: syntax error at or near \"x\"\n Position: 12", await(submit(unload)).error());
    } finally {
      server().bulkCommands(before);
    }
  }

  @Test
  void privilegesAreEnforced() {
    admin(
        "drop table if exists secret_t",
        "create table secret_t (a int)",
        "insert into secret_t values (1)");
    DescribeStatementResponse d =
        await(
            client()
                .executeStatement(sql("select * from secret_t").secretArn(READER_SECRET).build())
                .id());
    assertEquals(StatusString.FAILED, d.status());
    assertEquals("ERROR: permission denied for relation secret_t", d.error());
    admin("grant select on secret_t to reader");
    String ok =
        client()
            .executeStatement(sql("select * from secret_t").secretArn(READER_SECRET).build())
            .id();
    assertEquals(StatusString.FINISHED, await(ok).status());
  }
}
