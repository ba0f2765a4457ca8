package dev.redshiftdata.local.bulk;

import java.util.List;

/**
 * System tables of the bulk path, created in every database after the dialect's bootstrap. Load
 * errors live in one base table in {@code pg_internal} written by a separate connection (so they
 * survive the failed COPY's rollback, as on Redshift); the Redshift-named views show each user only
 * their own rows, superusers all.
 */
public final class BulkBootstrap {
  private BulkBootstrap() {}

  public static final String LOAD_ERRORS_TABLE = "pg_internal.localredshift_load_errors";

  public static List<String> statements() {
    return List.of(
        "SET allow_system_table_mods = on",
        "CREATE TABLE "
            + LOAD_ERRORS_TABLE
            + " ("
            + " userid int, username name, slice int, tbl int, starttime timestamp, session int, query int,"
            + " transaction_id bigint, database_name text, filename text, line_number bigint, colname text,"
            + " type text, col_length text, position int, raw_line text, raw_field_value text, err_code int,"
            + " err_reason text, is_partial int, start_offset bigint, copy_job_id bigint)",
        """
        CREATE VIEW pg_catalog.stl_load_errors AS
        SELECT userid, slice, tbl, starttime, session, query,
               rpad(filename, 256)::char(256) AS filename, line_number,
               rpad(coalesce(colname, ''), 127)::char(127) AS colname, rpad(coalesce(type, ''), 10)::char(10) AS type,
               rpad(coalesce(col_length, ''), 10)::char(10) AS col_length, position,
               rpad(left(coalesce(raw_line, ''), 1024), 1024)::char(1024) AS raw_line,
               rpad(left(coalesce(raw_field_value, ''), 1024), 1024)::char(1024) AS raw_field_value,
               err_code, rpad(left(err_reason, 100), 100)::char(100) AS err_reason, is_partial, start_offset,
               copy_job_id
        FROM pg_internal.localredshift_load_errors
        WHERE username = current_user
           OR (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)""",
        """
        CREATE VIEW pg_catalog.sys_load_error_detail AS
        SELECT userid AS user_id, query AS query_id, transaction_id, session AS session_id, database_name,
               tbl AS table_id, starttime AS start_time, filename AS file_name, line_number,
               colname AS column_name, type AS column_type, col_length AS column_length, position,
               err_code AS error_code, err_reason AS error_message, raw_line, raw_field_value, copy_job_id
        FROM pg_internal.localredshift_load_errors
        WHERE username = current_user
           OR (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)""",
        "GRANT SELECT ON pg_catalog.stl_load_errors TO PUBLIC",
        "GRANT SELECT ON pg_catalog.sys_load_error_detail TO PUBLIC",
        "RESET allow_system_table_mods");
  }
}
