package dev.redshiftdata.spark.dataapi;

import java.util.Objects;
import java.util.Optional;

/**
 * Data API {@code StatementName}s that let an operator match a Redshift statement to the Spark job
 * and query that sent it: the user's {@code label} when set, else {@code redshift-data:<application
 * id>:<unit>}, where the unit is a per-query or per-write id. Names are cut to the service's 500
 * characters.
 */
public final class StatementNames {

  static final String PREFIX = "redshift-data";

  private StatementNames() {}

  /**
   * @param label the {@code label} option, used as given when present
   * @param applicationId the Spark application id (or any id of the running program)
   * @param unitId the id of the query or write the statement belongs to
   */
  public static String of(Optional<String> label, String applicationId, String unitId) {
    Objects.requireNonNull(label, "label is null");
    Objects.requireNonNull(applicationId, "applicationId is null");
    Objects.requireNonNull(unitId, "unitId is null");
    String name = label.orElseGet(() -> PREFIX + ":" + applicationId + ":" + unitId);
    return name.length() <= StatementRequest.MAX_STATEMENT_NAME_LENGTH
        ? name
        : name.substring(0, StatementRequest.MAX_STATEMENT_NAME_LENGTH);
  }
}
