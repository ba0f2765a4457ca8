package dev.redshiftdata.spark.dataapi;

import dev.redshiftdata.spark.dataapi.RedshiftDataException.Kind;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.redshiftdata.RedshiftDataClient;

/**
 * What the calls of one {@link DataApi} share: the client, where statements run, the clock, the
 * optional {@link CallStats}, and turning SDK failures into {@link RedshiftDataException}.
 */
final class ApiCalls {

  /**
   * The logger of every part of {@link DataApi}: they log under its name, so that a logging setting
   * for {@code DataApi} covers all of its calls.
   */
  static final Logger LOG = LoggerFactory.getLogger(DataApi.class);

  final RedshiftDataClient client;
  final DataApiTarget target;
  final DataApi.Waiter waiter;

  /** Null when not counting. */
  private final CallStats stats;

  ApiCalls(
      RedshiftDataClient client, DataApiTarget target, DataApi.Waiter waiter, CallStats stats) {
    this.client = client;
    this.target = target;
    this.waiter = waiter;
    this.stats = stats;
  }

  /** Lets the SDK report this request's attempts to the stats, if counting. */
  void counted(AwsRequest.Builder request) {
    if (stats != null) {
      request.overrideConfiguration(o -> o.addMetricPublisher(stats.publisher()));
    }
  }

  void countSubmitted() {
    if (stats != null) {
      stats.submitted();
    }
  }

  void countPolled() {
    if (stats != null) {
      stats.polled();
    }
  }

  void countFinished(FinishedStatement done) {
    if (stats != null) {
      stats.finished(done);
    }
  }

  /**
   * Sets the target's database, cluster or workgroup, secret and user on a request. The SDK's
   * request builders share no interface for these members, so each passes its setters.
   */
  void connect(
      Consumer<String> database,
      Consumer<String> clusterIdentifier,
      Consumer<String> workgroupName,
      Consumer<String> secretArn,
      Consumer<String> dbUser) {
    database.accept(target.database());
    target.clusterIdentifier().ifPresent(clusterIdentifier);
    target.workgroupName().ifPresent(workgroupName);
    target.secretArn().ifPresent(secretArn);
    target.dbUser().ifPresent(dbUser);
  }

  /**
   * Runs one SDK call; its failure becomes a {@link RedshiftDataException} naming {@code action}.
   */
  static <T> T call(String action, String id, String sql, Supplier<T> call) {
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

  long millisSince(long startNanos) {
    return Duration.ofNanos(waiter.nanoTime() - startNanos).toMillis();
  }
}
