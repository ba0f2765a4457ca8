package dev.redshiftdata.local.history;

import java.util.List;

/**
 * System views of statement history, created in every database after the dialect's and the bulk path's
 * bootstrap: SYS_QUERY_HISTORY and STL_QUERY over one base table in {@code pg_internal}. The table is written on
 * a connection of its own ({@link QueryHistory}), outside the statement's transaction, so failed and rolled-back
 * statements stay recorded as on Redshift. Each user sees their own rows, superusers all.
 */
public final class HistoryBootstrap {
  private HistoryBootstrap() {}

  public static final String QUERY_HISTORY_TABLE = "pg_internal.localredshift_query_history";

  /** Rows a user may see: their own, or all for a superuser (Redshift's visibility of system views). */
  static final String VISIBLE =
      "WHERE username = current_user OR (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)";

  public static List<String> statements() {
    return List.of(
        "SET allow_system_table_mods = on",
        "CREATE TABLE " + QUERY_HISTORY_TABLE + " ("
            + " query_id bigint PRIMARY KEY, user_id int, username name, query_label text, transaction_id bigint,"
            + " session_id int, database_name text, query_type text, status text, start_time timestamp,"
            + " end_time timestamp, elapsed_us bigint, error_message text, returned_rows bigint,"
            + " returned_bytes bigint, query_text text)",
        """
        CREATE VIEW pg_catalog.sys_query_history AS
        SELECT user_id, query_id, query_label, transaction_id, session_id, database_name, query_type, status,
               false AS result_cache_hit, start_time, end_time,
               coalesce(elapsed_us, (extract(epoch FROM (clock_timestamp() AT TIME ZONE 'UTC') - start_time)
                   * 1000000)::bigint) AS elapsed_time,
               0::bigint AS queue_time,
               coalesce(elapsed_us, (extract(epoch FROM (clock_timestamp() AT TIME ZONE 'UTC') - start_time)
                   * 1000000)::bigint) AS execution_time,
               coalesce(error_message, '') AS error_message, returned_rows, returned_bytes,
               left(query_text, 4000) AS query_text, '1.0.0'::text AS redshift_version,
               '' AS usage_limit, 'primary'::text AS compute_type, 0::bigint AS compile_time,
               0::bigint AS planning_time, 0::bigint AS lock_wait_time, 100 AS service_class_id,
               'Default queue'::text AS service_class_name, 'Normal'::text AS query_priority,
               'false'::text AS short_query_accelerated
        FROM pg_internal.localredshift_query_history
        """ + VISIBLE,
        """
        CREATE VIEW pg_catalog.stl_query AS
        SELECT user_id AS userid, query_id::int AS query,
               rpad(coalesce(nullif(query_label, ''), 'default'), 320)::char(320) AS label,
               transaction_id AS xid, session_id AS pid, rpad(database_name, 32)::char(32) AS database,
               rpad(left(query_text, 4000), 4000)::char(4000) AS querytxt,
               start_time AS starttime, coalesce(end_time, start_time) AS endtime,
               CASE WHEN status IN ('failed', 'canceled') THEN 1 ELSE 0 END AS aborted,
               0 AS insert_pristine, 0 AS concurrency_scaling_status
        FROM pg_internal.localredshift_query_history
        """ + VISIBLE,
        "GRANT SELECT ON pg_catalog.sys_query_history TO PUBLIC",
        "GRANT SELECT ON pg_catalog.stl_query TO PUBLIC",
        "RESET allow_system_table_mods");
  }
}
