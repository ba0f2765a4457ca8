package dev.redshiftdata.spark.read;

import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.dataapi.ClientSettings;
import dev.redshiftdata.spark.dataapi.DataApi;
import dev.redshiftdata.spark.dataapi.DataApiClients;
import dev.redshiftdata.spark.dataapi.DataApiTarget;
import dev.redshiftdata.spark.dataapi.PollSchedule;
import java.io.Serializable;
import java.net.URI;
import java.time.Duration;

/**
 * What an executor needs to reach the Data API: the parts of {@link ClientSettings} (region,
 * endpoint, profile, role to assume, retries) and of the target, without the secret ARN or the
 * database user (reading a finished statement's result needs neither). Credentials come from the
 * executor's own default provider chain, profile or assumed role, never from here.
 */
record ExecutorConnection(
    String region,
    URI endpoint,
    String profile,
    String assumeRoleArn,
    String assumeRoleSessionName,
    int maxAttempts,
    String database,
    String clusterIdentifier,
    String workgroupName,
    long statementTimeoutMillis,
    long pollInitialMillis,
    long pollMaxMillis)
    implements Serializable {

  static ExecutorConnection of(RedshiftOptions options) {
    ClientSettings s = options.clientSettings();
    DataApiTarget t = options.target();
    return new ExecutorConnection(
        s.region().orElse(null),
        s.endpoint().orElse(null),
        s.profile().orElse(null),
        s.assumeRoleArn().orElse(null),
        s.assumeRoleSessionName(),
        s.maxAttempts(),
        t.database(),
        t.clusterIdentifier().orElse(null),
        t.workgroupName().orElse(null),
        options.statementTimeout().toMillis(),
        options.pollSchedule().initial().toMillis(),
        options.pollSchedule().max().toMillis());
  }

  ClientSettings clientSettings() {
    return new ClientSettings(
        region, endpoint, profile, assumeRoleArn, assumeRoleSessionName, maxAttempts);
  }

  /** A Data API wrapper over this JVM's shared client for these settings. */
  DataApi dataApi() {
    DataApiTarget target =
        clusterIdentifier != null
            ? DataApiTarget.cluster(database, clusterIdentifier, null, null)
            : DataApiTarget.workgroup(database, workgroupName, null, null);
    return new DataApi(
        DataApiClients.client(clientSettings()),
        target,
        Duration.ofMillis(statementTimeoutMillis),
        new PollSchedule(Duration.ofMillis(pollInitialMillis), Duration.ofMillis(pollMaxMillis)));
  }
}
