package dev.redshiftdata.spark.dataapi;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.redshiftdata.RedshiftDataClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * One {@link RedshiftDataClient} per JVM per {@link ClientSettings}: clients hold connection pools
 * and credential caches, so building one per call would be slow and would defeat the adaptive retry
 * strategy's client-side rate limiting, which only works when all calls share one client.
 *
 * <p>Throttling and 5xx are retried by the SDK's adaptive retry strategy, with the attempt budget
 * of {@code retryMaxAttempts}; nothing above this class retries a call by hand.
 */
public final class DataApiClients {
  private static final Logger LOG = LoggerFactory.getLogger(DataApiClients.class);

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  // DescribeTable and the List calls answer synchronously from the database and can take a while.
  private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(120);

  private static final Map<ClientSettings, RedshiftDataClient> CLIENTS = new ConcurrentHashMap<>();

  private DataApiClients() {}

  /** The shared client for these settings, built on first use. */
  public static RedshiftDataClient client(ClientSettings settings) {
    return CLIENTS.computeIfAbsent(settings, DataApiClients::build);
  }

  /** Closes and forgets every cached client (tests, or a session that stops). */
  public static void closeAll() {
    for (ClientSettings key : CLIENTS.keySet()) {
      RedshiftDataClient client = CLIENTS.remove(key);
      if (client != null) {
        client.close();
      }
    }
  }

  /**
   * The retry strategy every client uses: AWS's adaptive strategy with the given attempt budget.
   */
  public static RetryStrategy retryStrategy(int maxAttempts) {
    return AwsRetryStrategy.adaptiveRetryStrategy().toBuilder().maxAttempts(maxAttempts).build();
  }

  /** The small HTTP client every AWS client of the connector uses (also Amazon ML's). */
  public static SdkHttpClient httpClient() {
    return UrlConnectionHttpClient.builder()
        .connectionTimeout(CONNECT_TIMEOUT)
        .socketTimeout(SOCKET_TIMEOUT)
        .build();
  }

  private static RedshiftDataClient build(ClientSettings settings) {
    LOG.info("Building Data API client {}", settings);
    return configured(RedshiftDataClient.builder(), settings, settings.endpoint()).build();
  }

  /**
   * Configures an AWS client builder as every client of the connector is: the small HTTP client,
   * the settings' credentials and region, adaptive retries, and the endpoint override if any (used
   * for the Data API, Amazon ML and Secrets Manager clients).
   */
  public static <B extends AwsClientBuilder<B, ?> & SdkSyncClientBuilder<B, ?>> B configured(
      B builder, ClientSettings settings, Optional<URI> endpoint) {
    builder
        .httpClient(httpClient())
        .credentialsProvider(credentials(settings))
        .overrideConfiguration(c -> c.retryStrategy(retryStrategy(settings.maxAttempts())));
    settings.region().map(Region::of).ifPresent(builder::region);
    endpoint.ifPresent(builder::endpointOverride);
    return builder;
  }

  /**
   * The credentials of these settings: the named profile or the default chain, with the role
   * assumed on top when set (also used by the Amazon ML and Secrets Manager clients).
   */
  public static AwsCredentialsProvider credentials(ClientSettings settings) {
    AwsCredentialsProvider base =
        settings
            .profile()
            .<AwsCredentialsProvider>map(ProfileCredentialsProvider::create)
            .orElseGet(DefaultCredentialsProvider::create);
    if (settings.assumeRoleArn().isEmpty()) {
      return base;
    }
    StsClientBuilder sts =
        StsClient.builder()
            .httpClient(httpClient())
            .credentialsProvider(base)
            .overrideConfiguration(c -> c.retryStrategy(retryStrategy(settings.maxAttempts())));
    settings.region().map(Region::of).ifPresent(sts::region);
    return StsAssumeRoleCredentialsProvider.builder()
        .stsClient(sts.build())
        .refreshRequest(
            r ->
                r.roleArn(settings.assumeRoleArn().get())
                    .roleSessionName(settings.assumeRoleSessionName()))
        .build();
  }
}
