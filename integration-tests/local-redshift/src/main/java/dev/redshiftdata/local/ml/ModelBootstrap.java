package dev.redshiftdata.local.ml;

import java.util.List;

/**
 * The Redshift ML model registry of one database: one row per model, read by SHOW MODEL and written
 * by CREATE / DROP MODEL in the statement's own transaction (so a rolled-back CREATE MODEL leaves
 * neither model nor function). Every user may use it, as any user with CREATE on a schema may
 * create models locally.
 */
public final class ModelBootstrap {
  private ModelBootstrap() {}

  static final String MODELS_TABLE = "pg_internal.localredshift_models";

  public static List<String> statements() {
    return List.of(
        "SET allow_system_table_mods = on",
        "CREATE TABLE "
            + MODELS_TABLE
            + " ("
            + " schema_name text, model_name text, owner text, created_at timestamp, ready_at timestamp,"
            + " reported_training boolean, training_query text, target_column text, function_name text,"
            + " function_params text, function_param_types text, return_type text, iam_role text, s3_bucket text,"
            + " model_type text, problem_type text, objective text, auto boolean, max_runtime bigint,"
            + " method text, training_rows bigint, PRIMARY KEY (schema_name, model_name))",
        "GRANT SELECT, INSERT, UPDATE, DELETE ON " + MODELS_TABLE + " TO PUBLIC",
        "RESET allow_system_table_mods");
  }
}
