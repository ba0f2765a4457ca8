package dev.redshiftdata.local.history;

import java.util.List;

/**
 * System views of statement history, created in every database after the dialect's and the bulk
 * path's bootstrap: SYS_QUERY_HISTORY and STL_QUERY over one base table in {@code pg_internal}. The
 * table is written on a connection of its own ({@link QueryHistory}), outside the statement's
 * transaction, so failed and rolled-back statements stay recorded as on Redshift. Each user sees
 * their own rows, superusers all.
 */
public final class HistoryBootstrap {
  private HistoryBootstrap() {}

  public static final String QUERY_HISTORY_TABLE = "pg_internal.localredshift_query_history";
  public static final String UNLOAD_HISTORY_TABLE = "pg_internal.localredshift_unload_history";
  public static final String UNLOAD_FILES_TABLE = "pg_internal.localredshift_unload_files";
  public static final String LOAD_HISTORY_TABLE = "pg_internal.localredshift_load_history";
  public static final String LOAD_FILES_TABLE = "pg_internal.localredshift_load_files";

  /**
   * A COPY's status: its own unless it succeeded inside a transaction still open (running) or since
   * rolled back (aborted). {@code pending_xid} is the PostgreSQL xid of that transaction.
   */
  private static final String LOAD_STATUS =
      "CASE WHEN pending_xid IS NULL THEN status ELSE CASE txid_status(pending_xid) WHEN 'committed' THEN status"
          + " WHEN 'aborted' THEN 'aborted' WHEN 'in progress' THEN 'running' ELSE status END END";

  /**
   * Rows a user may see: their own, or all for a superuser (Redshift's visibility of system views).
   */
  static final String VISIBLE =
      "WHERE username = current_user OR (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)";

  public static List<String> statements() {
    return List.of(
        "SET allow_system_table_mods = on",
        "CREATE TABLE "
            + QUERY_HISTORY_TABLE
            + " ("
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
        """
            + VISIBLE,
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
        """
            + VISIBLE,
        "CREATE TABLE "
            + UNLOAD_HISTORY_TABLE
            + " ("
            + " query_id bigint, user_id int, username name, transaction_id bigint, session_id int,"
            + " database_name text, status text, start_time timestamp, end_time timestamp, duration_us bigint,"
            + " file_format text, compression_type text, unloaded_location text, unloaded_rows bigint,"
            + " unloaded_files_count bigint, unloaded_files_size bigint, error_message text)",
        "CREATE TABLE "
            + UNLOAD_FILES_TABLE
            + " ("
            + " query_id bigint, user_id int, username name, session_id int, transaction_id bigint, path text,"
            + " start_time timestamp,"
            + " end_time timestamp, line_count bigint, transfer_size bigint, file_format text)",
        "CREATE TABLE "
            + LOAD_HISTORY_TABLE
            + " ("
            + " query_id bigint, user_id int, username name, transaction_id bigint, pending_xid bigint,"
            + " session_id int, database_name text, status text, table_name text, start_time timestamp,"
            + " end_time timestamp, duration_us bigint, data_source text, file_format text, loaded_rows bigint,"
            + " loaded_bytes bigint, source_file_count int, source_file_bytes bigint, error_count bigint,"
            + " error_message text)",
        "CREATE TABLE "
            + LOAD_FILES_TABLE
            + " ("
            + " query_id bigint, user_id int, username name, table_name text, filename text,"
            + " lines_scanned bigint, errors bigint, curtime timestamp)",
        """
        CREATE VIEW pg_catalog.sys_unload_history AS
        SELECT user_id, query_id, transaction_id, session_id, database_name, status, start_time, end_time,
               duration_us AS duration, file_format, compression_type, unloaded_location, unloaded_rows,
               unloaded_files_count, unloaded_files_size, coalesce(error_message, '') AS error_message
        FROM pg_internal.localredshift_unload_history
        """
            + VISIBLE,
        """
        CREATE VIEW pg_catalog.stl_unload_log AS
        SELECT user_id AS userid, query_id::int AS query, 0 AS slice, session_id AS pid,
               rpad(path, 1280)::char(1280) AS path, start_time, end_time, line_count, transfer_size,
               rpad(file_format, 10)::char(10) AS file_format
        FROM pg_internal.localredshift_unload_files
        """
            + VISIBLE,
        """
        CREATE VIEW pg_catalog.sys_unload_detail AS
        SELECT user_id, query_id::int AS query_id, session_id, transaction_id,
               rpad(path, 1280)::char(1280) AS file_name, start_time, end_time, line_count, transfer_size,
               rpad(file_format, 10)::char(10) AS file_format
        FROM pg_internal.localredshift_unload_files
        """
            + VISIBLE,
        """
        CREATE VIEW pg_catalog.sys_load_history AS
        SELECT user_id, query_id, transaction_id, session_id, database_name, s.load_status AS status, table_name,
               start_time, end_time, duration_us AS duration, data_source, file_format,
               CASE WHEN s.load_status = 'aborted' THEN 0 ELSE loaded_rows END AS loaded_rows,
               CASE WHEN s.load_status = 'aborted' THEN 0 ELSE loaded_bytes END AS loaded_bytes,
               source_file_count, source_file_bytes, source_file_count AS file_count_scanned,
               source_file_bytes AS file_bytes_scanned, error_count, 0::bigint AS copy_job_id
        FROM pg_internal.localredshift_load_history h,
             LATERAL (SELECT"""
            + " "
            + LOAD_STATUS
            + """
         AS load_status) s
        """
            + VISIBLE,
        // One row per file of a load that stayed committed (or is still running in its
        // transaction).
        """
        CREATE VIEW pg_catalog.stl_load_commits AS
        SELECT f.user_id AS userid, f.query_id::int AS query, 0 AS slice, rpad(f.table_name, 256)::char(256) AS name,
               rpad(f.filename, 256)::char(256) AS filename, 0 AS byte_offset, f.lines_scanned::int AS lines_scanned,
               f.errors::int AS errors, f.curtime, 1 AS status, rpad(h.file_format, 16)::char(16) AS file_format,
               0 AS is_partial, 0::bigint AS start_offset, 0::bigint AS copy_job_id
        FROM pg_internal.localredshift_load_files f
        JOIN pg_internal.localredshift_load_history h ON h.query_id = f.query_id,
             LATERAL (SELECT"""
            + " "
            + LOAD_STATUS
                .replace("pending_xid", "h.pending_xid")
                .replace("THEN status", "THEN h.status")
                .replace("ELSE status", "ELSE h.status")
            + """
         AS load_status) s
        WHERE s.load_status <> 'aborted'
          AND (f.username = current_user OR (SELECT rolsuper FROM pg_roles WHERE rolname = current_user))""",
        "GRANT SELECT ON pg_catalog.sys_unload_history TO PUBLIC",
        "GRANT SELECT ON pg_catalog.stl_unload_log TO PUBLIC",
        "GRANT SELECT ON pg_catalog.sys_unload_detail TO PUBLIC",
        "GRANT SELECT ON pg_catalog.sys_load_history TO PUBLIC",
        "GRANT SELECT ON pg_catalog.stl_load_commits TO PUBLIC",
        "GRANT SELECT ON pg_catalog.sys_query_history TO PUBLIC",
        "GRANT SELECT ON pg_catalog.stl_query TO PUBLIC",
        "RESET allow_system_table_mods");
  }
}
