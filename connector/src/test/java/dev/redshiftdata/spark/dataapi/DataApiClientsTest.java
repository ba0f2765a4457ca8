package dev.redshiftdata.spark.dataapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.retries.AdaptiveRetryStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.redshiftdata.RedshiftDataClient;

/** Builds clients without calling the network (nothing is sent until a call is made). */
class DataApiClientsTest {

  @AfterAll
  static void close() {
    DataApiClients.closeAll();
  }

  private static ClientSettings settings(String region, int attempts) {
    return new ClientSettings(region, URI.create("http://127.0.0.1:1"), null, null, "s", attempts);
  }

  @Test
  void oneClientPerConfiguration() {
    RedshiftDataClient a = DataApiClients.client(settings("us-east-1", 5));
    assertSame(a, DataApiClients.client(settings("us-east-1", 5)));
    assertNotSame(a, DataApiClients.client(settings("eu-west-1", 5)));
    assertNotSame(a, DataApiClients.client(settings("us-east-1", 6)));
  }

  @Test
  void clientUsesAdaptiveRetriesAndTheEndpoint() {
    RedshiftDataClient client = DataApiClients.client(settings("us-east-1", 7));
    RetryStrategy strategy =
        client.serviceClientConfiguration().overrideConfiguration().retryStrategy().orElseThrow();
    assertTrue(strategy instanceof AdaptiveRetryStrategy, strategy.getClass().getName());
    assertEquals(7, strategy.maxAttempts());
    assertEquals(
        URI.create("http://127.0.0.1:1"),
        client.serviceClientConfiguration().endpointOverride().orElseThrow());
  }

  @Test
  void retryStrategyIsAdaptive() {
    RetryStrategy s = DataApiClients.retryStrategy(3);
    assertTrue(s instanceof AdaptiveRetryStrategy);
    assertEquals(3, s.maxAttempts());
  }
}
