package dev.redshiftdata.spark.amazonml;

import dev.redshiftdata.spark.config.RedshiftOption;
import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.dataapi.DataApiClients;
import dev.redshiftdata.spark.dataapi.PollSchedule;
import dev.redshiftdata.spark.dataapi.Redaction;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.machinelearning.MachineLearningClient;
import software.amazon.awssdk.services.machinelearning.model.CreateDataSourceFromRedshiftRequest;
import software.amazon.awssdk.services.machinelearning.model.CreateDataSourceFromS3Request;
import software.amazon.awssdk.services.machinelearning.model.EntityStatus;
import software.amazon.awssdk.services.machinelearning.model.GetDataSourceResponse;
import software.amazon.awssdk.services.machinelearning.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.machinelearning.model.MachineLearningException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Submits the writer's Amazon ML request specs ({@code amazonMl.submit=true}) and waits, with
 * backoff, until every datasource is COMPLETED. Redshift specs get their {@code
 * DatabaseCredentials} here, from the {@code username}/{@code password} of the Secrets Manager
 * secret {@code amazonMl.secretArn} (else {@code secretArn}); nothing else ever sees them.
 *
 * <p>Safe to retry: the specs carry their DataSourceId, and Amazon ML answers a repeated identical
 * request with the same datasource. All specs are turned into requests (and checked) before the
 * first is sent.
 */
public final class AmazonMlSubmitter {
  private static final Logger LOG = LoggerFactory.getLogger(AmazonMlSubmitter.class);

  /** Polls start at 0.5 s and double up to 15 s: building a datasource takes minutes. */
  static final PollSchedule DEFAULT_POLLS =
      new PollSchedule(Duration.ofMillis(500), Duration.ofSeconds(15));

  /** A datasource that reached COMPLETED. */
  public record Submitted(
      String dataSourceId, RequestSpec.Kind kind, Long dataSizeInBytes, Long numberOfFiles) {}

  private final Supplier<MachineLearningClient> ml;
  private final Supplier<DatabaseCredentials> credentials;
  private final PollSchedule polls;
  private final Duration timeout;

  /** Submits with clients built from the options (region, credentials, endpoints). */
  public AmazonMlSubmitter(RedshiftOptions options) {
    this(
        () -> machineLearning(options),
        () -> credentialsFromSecret(options),
        DEFAULT_POLLS,
        options.amazonMl().submitTimeout());
  }

  /**
   * Submits through the given client (closed after each {@link #submit}) with credentials from
   * {@code credentials} (asked only when a Redshift spec is submitted).
   */
  public AmazonMlSubmitter(
      Supplier<MachineLearningClient> ml,
      Supplier<DatabaseCredentials> credentials,
      PollSchedule polls,
      Duration timeout) {
    this.ml = Objects.requireNonNull(ml, "ml");
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    this.polls = Objects.requireNonNull(polls, "polls");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
  }

  /**
   * Sends every spec, then waits for each datasource in turn until COMPLETED.
   *
   * @return the completed datasources, in the order of {@code specs}
   * @throws AmazonMlSubmissionException when a request is refused or a datasource ends FAILED,
   *     DELETED or still pending after the timeout
   * @throws IllegalArgumentException when a spec is malformed (nothing is sent then)
   */
  public List<Submitted> submit(List<RequestSpec> specs) {
    DatabaseCredentials creds =
        specs.stream().anyMatch(s -> s.kind() == RequestSpec.Kind.REDSHIFT)
            ? credentials.get()
            : null;
    List<Object> requests = new ArrayList<>();
    for (RequestSpec spec : specs) {
      requests.add(
          spec.kind() == RequestSpec.Kind.S3
              ? AmazonMlRequests.fromS3(spec)
              : AmazonMlRequests.fromRedshift(spec, creds));
    }
    String password = creds == null ? null : creds.password();
    try (MachineLearningClient client = ml.get()) {
      for (int i = 0; i < specs.size(); i++) {
        send(client, specs.get(i), requests.get(i), password);
      }
      List<Submitted> done = new ArrayList<>();
      for (RequestSpec spec : specs) {
        done.add(await(client, spec, password));
      }
      return done;
    }
  }

  private static void send(
      MachineLearningClient client, RequestSpec spec, Object request, String password) {
    String id = spec.dataSourceId();
    try {
      if (request instanceof CreateDataSourceFromS3Request s3) {
        client.createDataSourceFromS3(s3);
      } else {
        client.createDataSourceFromRedshift((CreateDataSourceFromRedshiftRequest) request);
      }
      LOG.info("Submitted Amazon ML datasource {} ({})", id, spec.kind().operation());
    } catch (IdempotentParameterMismatchException e) {
      throw new AmazonMlSubmissionException(
          id,
          "Amazon ML datasource "
              + id
              + " already exists with different parameters. Set option '"
              + RedshiftOption.AMAZON_ML_DATASOURCE_ID
              + "' to a new id, or delete the old datasource. Amazon ML said: "
              + scrub(e.awsErrorDetails().errorMessage(), password),
          null);
    } catch (MachineLearningException e) {
      throw new AmazonMlSubmissionException(
          id,
          "Amazon ML refused "
              + spec.kind().operation()
              + " for datasource "
              + id
              + ": "
              + e.awsErrorDetails().errorCode()
              + ": "
              + scrub(e.awsErrorDetails().errorMessage(), password),
          null);
    } catch (SdkException e) {
      throw new AmazonMlSubmissionException(
          id,
          "Cannot reach Amazon ML to submit datasource "
              + id
              + ": "
              + scrub(e.getMessage(), password),
          null);
    }
  }

  private Submitted await(MachineLearningClient client, RequestSpec spec, String password) {
    String id = spec.dataSourceId();
    long deadline = System.nanoTime() + timeout.toNanos();
    for (int poll = 0; ; poll++) {
      GetDataSourceResponse r;
      try {
        r = client.getDataSource(b -> b.dataSourceId(id));
      } catch (SdkException e) {
        throw new AmazonMlSubmissionException(
            id,
            "Cannot read the status of Amazon ML datasource "
                + id
                + ": "
                + scrub(e.getMessage(), password),
            null);
      }
      EntityStatus status = r.status();
      if (status == EntityStatus.COMPLETED) {
        LOG.info("Amazon ML datasource {} is COMPLETED", id);
        return new Submitted(id, spec.kind(), r.dataSizeInBytes(), r.numberOfFiles());
      }
      if (status == EntityStatus.FAILED || status == EntityStatus.DELETED) {
        throw new AmazonMlSubmissionException(
            id,
            "Amazon ML datasource "
                + id
                + " is "
                + status
                + ": "
                + (r.message() == null ? "(no message)" : scrub(r.message(), password)),
            null);
      }
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        throw new AmazonMlSubmissionException(
            id,
            "Amazon ML datasource "
                + id
                + " is still "
                + r.statusAsString()
                + " after "
                + timeout
                + " (option '"
                + RedshiftOption.AMAZON_ML_SUBMIT_TIMEOUT
                + "').",
            null);
      }
      sleep(polls.delay(poll, Duration.ofNanos(remaining)), id);
    }
  }

  private static void sleep(Duration d, String id) {
    try {
      Thread.sleep(Math.max(1, d.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AmazonMlSubmissionException(
          id, "Interrupted while waiting for Amazon ML datasource " + id, e);
    }
  }

  /** Belt and braces: a service message never echoes the password, but if it did, hide it. */
  static String scrub(String message, String password) {
    if (message == null || password == null || password.isEmpty()) {
      return message;
    }
    return message.replace(password, Redaction.REDACTED);
  }

  private static MachineLearningClient machineLearning(RedshiftOptions options) {
    return DataApiClients.configured(
            MachineLearningClient.builder(),
            options.connection().clientSettings(),
            options.amazonMl().endpoint().map(URI::create))
        .build();
  }

  /**
   * DatabaseCredentials from {@code amazonMl.secretArn}, else the connection's {@code secretArn}.
   */
  private static DatabaseCredentials credentialsFromSecret(RedshiftOptions options) {
    String arn =
        options
            .amazonMl()
            .secretArn()
            .or(() -> options.connection().target().secretArn())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "Cannot submit an Amazon ML Redshift datasource: Amazon ML needs a"
                            + " database user and password, and neither option '"
                            + RedshiftOption.AMAZON_ML_SECRET_ARN
                            + "' nor '"
                            + RedshiftOption.SECRET_ARN
                            + "' names a Secrets Manager secret holding them. Set one of them."));
    try (SecretsManagerClient sm =
        DataApiClients.configured(
                SecretsManagerClient.builder(),
                options.connection().clientSettings(),
                options.amazonMl().secretsEndpoint().map(URI::create))
            .build()) {
      String secret = sm.getSecretValue(r -> r.secretId(arn)).secretString();
      return DatabaseCredentials.fromSecretString(secret, arn);
    } catch (SdkException e) {
      throw new IllegalArgumentException(
          "Cannot read Amazon ML's DatabaseCredentials from secret " + arn + ": " + e.getMessage(),
          e);
    }
  }
}
