package dev.redshiftdata.local.ml;

import java.util.List;

/**
 * A parsed Redshift ML {@code CREATE MODEL}. {@code trainingQuery} is the FROM query's text (or
 * {@code SELECT * FROM table} for a table); {@code functionParamTypes} is empty when the statement
 * names no types.
 */
record CreateModelCommand(
    String schema,
    String name,
    String trainingQuery,
    String trainingSource,
    String target,
    String functionName,
    List<String> functionParamTypes,
    String iamRole,
    boolean auto,
    String modelType,
    String problemType,
    String objective,
    String s3Bucket,
    long maxRuntime) {

  /** Redshift's default MAX_RUNTIME in seconds. */
  static final long DEFAULT_MAX_RUNTIME = 5400;
}
