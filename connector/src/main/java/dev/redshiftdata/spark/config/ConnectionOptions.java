package dev.redshiftdata.spark.config;

import static dev.redshiftdata.spark.config.RedshiftOption.*;

import dev.redshiftdata.spark.dataapi.ClientSettings;
import dev.redshiftdata.spark.dataapi.DataApi;
import dev.redshiftdata.spark.dataapi.DataApiClients;
import dev.redshiftdata.spark.dataapi.DataApiTarget;
import dev.redshiftdata.spark.dataapi.PollSchedule;
import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The connection options: where statements run ({@link DataApiTarget}), how the Data API client is
 * built ({@link ClientSettings}), and how statements are named, awaited and limited.
 *
 * <p>{@code label} is the statement name, or null to derive one. Serializable, so that executors
 * reach the Data API with the driver's settings; {@link #forExecutors()} drops the secret ARN and
 * database user first (reading a finished statement's result needs neither). No credential is ever
 * part of it: the SDK's provider chain, a profile or an assumed role supply them on each JVM.
 */
public record ConnectionOptions(
    DataApiTarget target,
    ClientSettings clientSettings,
    boolean caseSensitiveIdentifiers,
    Duration statementTimeout,
    String label,
    PollSchedule pollSchedule)
    implements Serializable {

  /** The Data API runs a statement for at most 24 hours. */
  static final Duration MAX_STATEMENT_TIMEOUT = Duration.ofHours(24);

  /** Data API {@code StatementName} is at most 500 characters. */
  static final int MAX_LABEL_LENGTH = 500;

  static ConnectionOptions parse(OptionLookup in) {
    DataApiTarget target = target(in);
    ClientSettings clientSettings =
        new ClientSettings(
            in.explicit(REGION).orElse(null),
            in.explicit(ENDPOINT).map(ConnectionOptions::parseEndpoint).orElse(null),
            in.explicit(PROFILE).orElse(null),
            in.explicit(ASSUME_ROLE_ARN).orElse(null),
            in.string(ASSUME_ROLE_SESSION_NAME).orElseThrow(),
            (int) in.longInRange(RETRY_MAX_ATTEMPTS, 1, 100));
    boolean caseSensitive = in.bool(CASE_SENSITIVE_IDENTIFIERS);
    Duration statementTimeout =
        in.duration(STATEMENT_TIMEOUT, Duration.ofMillis(1), MAX_STATEMENT_TIMEOUT);
    String label = in.explicit(LABEL).orElse(null);
    if (label != null && label.length() > MAX_LABEL_LENGTH) {
      throw new IllegalArgumentException(
          "Cannot use option '"
              + LABEL
              + "': it is "
              + label.length()
              + " characters long. The Data API's StatementName takes at most "
              + MAX_LABEL_LENGTH
              + ".");
    }
    return new ConnectionOptions(
        target, clientSettings, caseSensitive, statementTimeout, label, pollSchedule(in));
  }

  private static DataApiTarget target(OptionLookup in) {
    String database =
        in.explicit(DATABASE)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "Cannot connect to Redshift: option '"
                            + DATABASE
                            + "' is not set. Set it to the database name (e.g. dev)."));
    Optional<String> cluster = in.explicit(CLUSTER_IDENTIFIER);
    Optional<String> workgroup = in.explicit(WORKGROUP_NAME);
    if (cluster.isPresent() == workgroup.isPresent()) {
      throw new IllegalArgumentException(
          "Cannot connect to Redshift: "
              + (cluster.isPresent() ? "both" : "neither")
              + " '"
              + CLUSTER_IDENTIFIER
              + "' "
              + (cluster.isPresent() ? "and" : "nor")
              + " '"
              + WORKGROUP_NAME
              + "' "
              + (cluster.isPresent() ? "are" : "is")
              + " set. Set exactly one: '"
              + CLUSTER_IDENTIFIER
              + "' for a provisioned cluster or '"
              + WORKGROUP_NAME
              + "' for Redshift Serverless.");
    }
    String secretArn = in.explicit(SECRET_ARN).orElse(null);
    String dbUser = in.explicit(DB_USER).orElse(null);
    if (secretArn != null && dbUser != null) {
      throw new IllegalArgumentException(
          "Cannot connect to Redshift: both '"
              + SECRET_ARN
              + "' and '"
              + DB_USER
              + "' are set. Set '"
              + SECRET_ARN
              + "' to use a Secrets Manager secret, or '"
              + DB_USER
              + "' to use temporary IAM credentials, not both.");
    }
    return cluster.isPresent()
        ? DataApiTarget.cluster(database, cluster.get(), secretArn, dbUser)
        : DataApiTarget.workgroup(database, workgroup.get(), secretArn, dbUser);
  }

  private static PollSchedule pollSchedule(OptionLookup in) {
    Duration initial =
        in.duration(POLL_INITIAL_DELAY, Duration.ofMillis(1), Duration.ofSeconds(10));
    Duration max = in.duration(POLL_MAX_DELAY, Duration.ofMillis(1), Duration.ofMinutes(1));
    if (max.compareTo(initial) < 0) {
      throw new IllegalArgumentException(
          "Cannot use options '"
              + POLL_MAX_DELAY
              + "' and '"
              + POLL_INITIAL_DELAY
              + "': '"
              + POLL_MAX_DELAY
              + "' ("
              + OptionLookup.format(max)
              + ") is shorter than '"
              + POLL_INITIAL_DELAY
              + "' ("
              + OptionLookup.format(initial)
              + "). Set '"
              + POLL_MAX_DELAY
              + "' to at least '"
              + POLL_INITIAL_DELAY
              + "'.");
    }
    return new PollSchedule(initial, max);
  }

  private static URI parseEndpoint(String value) {
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw OptionLookup.invalid(
        ENDPOINT,
        value,
        "is not an http or https URI",
        "Use e.g. https://redshift-data.us-east-1.amazonaws.com.");
  }

  /** The same connection without the secret ARN and database user, for executors. */
  public ConnectionOptions forExecutors() {
    return new ConnectionOptions(
        target.withoutCredentials(),
        clientSettings,
        caseSensitiveIdentifiers,
        statementTimeout,
        label,
        pollSchedule);
  }

  /**
   * A Data API wrapper over this JVM's shared client for {@link #clientSettings()}, sending {@code
   * label} (when set) as every statement's {@code StatementName}.
   */
  public DataApi dataApi() {
    return new DataApi(
            DataApiClients.client(clientSettings), target, statementTimeout, pollSchedule)
        .withDefaultStatementName(label);
  }
}
