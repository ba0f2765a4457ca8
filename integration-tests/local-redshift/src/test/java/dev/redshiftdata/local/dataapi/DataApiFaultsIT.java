package dev.redshiftdata.local.dataapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.services.redshiftdata.RedshiftDataClient;
import software.amazon.awssdk.services.redshiftdata.model.DescribeStatementResponse;
import software.amazon.awssdk.services.redshiftdata.model.Field;
import software.amazon.awssdk.services.redshiftdata.model.InternalServerException;
import software.amazon.awssdk.services.redshiftdata.model.RedshiftDataException;
import software.amazon.awssdk.services.redshiftdata.model.StatusString;

class DataApiFaultsIT extends DataApiTestSupport {

  private static RedshiftDataClient noRetries() {
    return RedshiftDataClient.builder()
        .endpointOverride(java.net.URI.create("http://127.0.0.1:" + server().port()))
        .region(software.amazon.awssdk.regions.Region.US_EAST_1)
        .credentialsProvider(
            software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(
                    CONFIG.accessKeyId(), CONFIG.secretAccessKey())))
        .httpClient(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.create())
        .overrideConfiguration(
            ClientOverrideConfiguration.builder().retryPolicy(RetryPolicy.none()).build())
        .build();
  }

  @Test
  void throttlingIsRetriedBySdk() {
    server().faults().throttleEvery("ExecuteStatement", 2);
    run("select 1");
    run("select 2"); // 2nd call throttled, 3rd (the retry) accepted
    List<RecordedRequest> calls = server().requests().operation("ExecuteStatement");
    assertEquals(
        List.of("OK", "ThrottlingException", "OK"),
        calls.stream().map(RecordedRequest::outcome).toList());
    assertEquals(400, calls.get(1).httpStatus());
    assertEquals("select 2", calls.get(2).sql());
    try (RedshiftDataClient once = noRetries()) {
      server().faults().throttleEvery("ListDatabases", 1);
      RedshiftDataException e =
          assertThrows(
              RedshiftDataException.class,
              () ->
                  once.listDatabases(
                      b -> b.clusterIdentifier(CLUSTER).database(DB).dbUser("awsuser")));
      assertEquals("ThrottlingException", e.awsErrorDetails().errorCode());
      assertTrue(e.isThrottlingException());
    }
  }

  @Test
  void oneShotInternalError() {
    try (RedshiftDataClient once = noRetries()) {
      server().faults().internalErrorOnce("ListDatabases");
      InternalServerException e =
          assertThrows(
              InternalServerException.class,
              () ->
                  once.listDatabases(
                      b -> b.clusterIdentifier(CLUSTER).database(DB).dbUser("awsuser")));
      assertEquals(500, e.statusCode());
      assertEquals(
          List.of("analytics", "dev"),
          once.listDatabases(b -> b.clusterIdentifier(CLUSTER).database(DB).dbUser("awsuser"))
              .databases());
    }
    server().faults().internalErrorOnce("DescribeStatement");
    run("select 1"); // the SDK retries the 500
    assertEquals(
        "InternalServerException",
        server().requests().operation("DescribeStatement").get(0).outcome());
  }

  @Test
  void latencyPerOperation() {
    server().faults().latency("ListDatabases", Duration.ofMillis(300));
    long t0 = System.nanoTime();
    client().listDatabases(b -> b.clusterIdentifier(CLUSTER).database(DB).dbUser("awsuser"));
    assertTrue(System.nanoTime() - t0 >= Duration.ofMillis(300).toNanos());
    assertTrue(server().requests().operation("ListDatabases").get(0).elapsed().toMillis() >= 300);
    run("select 1"); // other operations are not delayed: recorded, not timed, to stay robust on a
    // busy machine
    assertEquals(1, server().requests().count("ExecuteStatement"));
  }

  @Test
  void holdStatementForPolls() {
    server().faults().holdNextStatementForPolls(5);
    String id = submit("select 1");
    DescribeStatementResponse d = await(id);
    assertEquals(StatusString.FINISHED, d.status());
    assertTrue(
        server().requests().count("DescribeStatement", id) >= 6,
        "" + server().requests().count("DescribeStatement", id));
  }

  @Test
  void holdStatementForDuration() {
    server().faults().holdNextStatementFor(Duration.ofMillis(400));
    long t0 = System.nanoTime();
    String id = submit("select 1");
    sleep(100);
    assertTrue(client().describeStatement(b -> b.id(id)).status() != StatusString.FINISHED);
    assertEquals(StatusString.FINISHED, await(id).status());
    assertTrue(System.nanoTime() - t0 >= Duration.ofMillis(400).toNanos());
  }

  @Test
  void failAndAbortNextStatement() {
    server().faults().failNextStatement("ERROR: injected disk full");
    DescribeStatementResponse f = await(submit("select 1"));
    assertEquals(StatusString.FAILED, f.status());
    assertEquals("ERROR: injected disk full", f.error());
    server().faults().abortNextStatement();
    assertEquals(StatusString.ABORTED, await(submit("select 1")).status());
    assertEquals(StatusString.FINISHED, await(submit("select 1")).status());
  }

  @Test
  void droppedResponseIsRetriedWithTheSameClientToken() {
    admin("drop table if exists drop_t", "create table drop_t (a int)");
    server().faults().dropResponse("ExecuteStatement", 1);
    String id = submit("insert into drop_t values (1)");
    assertEquals(StatusString.FINISHED, await(id).status());
    List<RecordedRequest> calls = server().requests().operation("ExecuteStatement");
    assertEquals(2, calls.size());
    assertTrue(calls.get(0).dropped());
    assertEquals(id, calls.get(0).statementId());
    assertEquals(id, calls.get(1).statementId());
    assertEquals(calls.get(0).clientToken(), calls.get(1).clientToken());
    assertEquals(List.of(List.of(Field.fromLongValue(1L))), query("select count(*) from drop_t"));
  }

  @Test
  void recordsRequestsWithCredentialsRedacted() {
    String copy =
        "copy t from 's3://b/k' ACCESS_KEY_ID 'AKIAXXXX' SECRET_ACCESS_KEY 'shh' SESSION_TOKEN 'tok'";
    String unload =
        "unload ('select 1') to 's3://b/p' credentials 'aws_access_key_id=AK;aws_secret_access_key=shh'";
    String user = "create user bob password 'Secret123'";
    await(submit(copy));
    await(submit(unload));
    await(submit(user));
    admin("drop user if exists bob");
    List<String> sqls = server().requests().sqls();
    assertEquals(
        List.of(
            "copy t from 's3://b/k' ACCESS_KEY_ID '***' SECRET_ACCESS_KEY '***' SESSION_TOKEN '***'",
            "unload ('select 1') to 's3://b/p' credentials '***'",
            "create user bob password '***'"),
        sqls);
    assertFalse(server().requests().all().toString().contains("shh"));
    assertTrue(server().requests().count("DescribeStatement") >= 3);
    server().requests().clear();
    assertTrue(server().requests().all().isEmpty());
  }

  @Test
  void adminHttpControlsFaultsSettingsAndLog() throws IOException {
    assertEquals(200, post("/_local/faults", "{\"failNextStatement\":\"ERROR: from admin\"}"));
    assertEquals("ERROR: from admin", await(submit("select 1")).error());
    assertEquals(200, post("/_local/settings", "{\"resultPageRows\":1}"));
    String id = run("select 1 union all select 2").id();
    assertEquals(1, client().getStatementResult(b -> b.id(id)).records().size());
    HttpURLConnection c =
        (HttpURLConnection)
            new URL("http://127.0.0.1:" + server().port() + "/_local/requests").openConnection();
    JsonNode log;
    try (InputStream in = c.getInputStream()) {
      log = new ObjectMapper().readTree(in);
    }
    assertTrue(log.isArray());
    assertEquals("ExecuteStatement", log.get(0).path("operation").asText());
    assertEquals("select 1", log.get(0).path("sqls").get(0).asText());
    assertEquals(200, post("/_local/reset", ""));
    assertTrue(server().requests().all().isEmpty());
    assertEquals(0, server().settings().resultPageRows());
  }

  private static int post(String path, String json) throws IOException {
    HttpURLConnection c =
        (HttpURLConnection) new URL("http://127.0.0.1:" + server().port() + path).openConnection();
    c.setRequestMethod("POST");
    c.setDoOutput(true);
    try (OutputStream out = c.getOutputStream()) {
      out.write(json.getBytes(StandardCharsets.UTF_8));
    }
    return c.getResponseCode();
  }
}
