package dev.redshiftdata.spark.dataapi;

import static dev.redshiftdata.spark.dataapi.FakeDataApiClient.ID;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.internal.metrics.SdkErrorType;
import software.amazon.awssdk.core.metrics.CoreMetric;
import software.amazon.awssdk.metrics.MetricCollector;
import software.amazon.awssdk.services.redshiftdata.model.DescribeStatementResponse;

class CallStatsTest {

  private final FakeDataApiClient client = new FakeDataApiClient();
  private final DataApiTest.FakeWaiter waiter = new DataApiTest.FakeWaiter();

  private DataApi api() {
    return new DataApi(
        client,
        DataApiTarget.cluster("dev", "c1", null, "admin"),
        Duration.ofMinutes(1),
        new PollSchedule(Duration.ofMillis(10), Duration.ofMillis(500)),
        waiter);
  }

  @Test
  void countsStatementsPollsAndWhatFinishedStatementsReported() {
    CallStats stats = new CallStats();
    client
        .thenStatus("STARTED")
        .thenStatus("STARTED")
        .then(
            DescribeStatementResponse.builder()
                .id(ID)
                .status("FINISHED")
                .hasResultSet(true)
                .resultRows(7L)
                .resultSize(120L)
                .build());
    DataApi counted = api().withDefaultStatementName("n").withStats(stats);
    counted.execute(StatementRequest.sql("select 1"));
    assertEquals(1, stats.statements());
    assertEquals(3, stats.polls());
    assertEquals(7, stats.resultRows());
    assertEquals(120, stats.resultBytes());

    assertEquals(
        1,
        client.executes.get(0).overrideConfiguration().orElseThrow().metricPublishers().size(),
        "the request carries the throttle counter");
    client.describes.clear();
    client.then(
        DescribeStatementResponse.builder()
            .id(ID)
            .status("FINISHED")
            .resultRows(-1L)
            .resultSize(-1L)
            .build());
    counted.execute(StatementRequest.batch(java.util.List.of("select 1", "select 2")));
    assertEquals(2, stats.statements());
    assertEquals(4, stats.polls());
    assertEquals(7, stats.resultRows(), "-1 (not reported) is not added");
    assertEquals(120, stats.resultBytes());
    assertEquals("n", client.batches.get(0).statementName(), "withStats keeps the name");

    // A wrapper without stats counts nothing into them and sends no override configuration.
    api().execute(StatementRequest.sql("select 1"));
    assertEquals(2, stats.statements());
    assertEquals(4, stats.polls());
    assertEquals(true, client.executes.get(1).overrideConfiguration().isEmpty());
  }

  @Test
  void throttledAttemptsCountOnlyWhenRetried() {
    CallStats stats = new CallStats();
    // Throttled, server error, throttled, then success: two throttled attempts were retried.
    stats.publisher().publish(call("Throttling", "ServerError", "Throttling", null));
    assertEquals(2, stats.throttledRetries());
    // The last attempt was throttled and the SDK gave up: not a retry.
    stats.publisher().publish(call("Throttling", "Throttling"));
    assertEquals(3, stats.throttledRetries());
    stats.publisher().publish(call((String) null));
    assertEquals(3, stats.throttledRetries());
  }

  private static software.amazon.awssdk.metrics.MetricCollection call(String... errorTypes) {
    MetricCollector call = MetricCollector.create("ApiCall");
    for (String type : errorTypes) {
      MetricCollector attempt = call.createChild("ApiCallAttempt");
      if (type != null) {
        attempt.reportMetric(CoreMetric.ERROR_TYPE, type);
      }
    }
    return call.collect();
  }

  @Test
  void theSdkNamesThrottlingAsCounted() {
    assertEquals("Throttling", SdkErrorType.THROTTLING.toString());
  }
}
