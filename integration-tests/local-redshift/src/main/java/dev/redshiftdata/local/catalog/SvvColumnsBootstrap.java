package dev.redshiftdata.local.catalog;

import java.util.List;

/**
 * SVV_COLUMNS and SVV_ALL_COLUMNS as views over PostgreSQL's catalog, created in every database
 * after the dialect's bootstrap. Types are reported with Redshift's long names ({@code character
 * varying}, {@code integer}, {@code timestamp without time zone}, {@code super}, ...), the local
 * Redshift's domains by their Redshift name, TEXT as Redshift's VARCHAR(256). Like
 * information_schema.columns, a user sees the columns of relations they own or hold a column
 * privilege on. The Redshift database name is the PostgreSQL database's without the endpoint prefix
 * ({@code c_local_cluster__dev} -> {@code dev}).
 */
public final class SvvColumnsBootstrap {
  private SvvColumnsBootstrap() {}

  private static final String COLUMNS =
      """
      SELECT regexp_replace(current_database(), '^[cw]_.*?__', '')::text AS table_catalog,
             n.nspname::text AS table_schema, c.relname::text AS table_name, a.attname::text AS column_name,
             a.attnum::int AS ordinal_position, pg_get_expr(d.adbin, d.adrelid) AS column_default,
             CASE WHEN a.attnotnull THEN 'NO' ELSE 'YES' END::text AS is_nullable,
             CASE
               WHEN t.typtype = 'd' AND tn.nspname = 'pg_catalog'
                    AND t.typname IN ('super', 'geometry', 'geography', 'hllsketch') THEN t.typname::text
               WHEN t.typtype = 'd' AND tn.nspname = 'pg_catalog' AND t.typname = 'varbyte' THEN 'binary varying'
               WHEN bt.typname = 'text' THEN 'character varying'
               WHEN bt.typname IN ('json', 'jsonb') THEN 'super'
               WHEN bt.typname = 'bytea' THEN 'binary varying'
               ELSE format_type(bt.oid, NULL)
             END AS data_type,
             CASE
               WHEN bt.typname IN ('varchar', 'bpchar') AND tm.mod >= 4 THEN tm.mod - 4
               WHEN bt.typname = 'bpchar' THEN 1
               WHEN bt.typname = 'text' THEN 256
               WHEN bt.typname = 'varchar' THEN 256
               WHEN bt.typname = 'bytea' AND t.typname = 'varbyte' THEN 64000
             END::int AS character_maximum_length,
             CASE bt.typname
               WHEN 'int2' THEN 16 WHEN 'int4' THEN 32 WHEN 'int8' THEN 64 WHEN 'float4' THEN 24
               WHEN 'float8' THEN 53
               WHEN 'numeric' THEN CASE WHEN tm.mod >= 4 THEN ((tm.mod - 4) >> 16) & 65535 ELSE 18 END
             END::int AS numeric_precision,
             CASE WHEN bt.typname IN ('int2', 'int4', 'int8', 'float4', 'float8') THEN 2
                  WHEN bt.typname = 'numeric' THEN 10 END::int AS numeric_precision_radix,
             CASE WHEN bt.typname IN ('int2', 'int4', 'int8') THEN 0
                  WHEN bt.typname = 'numeric' THEN CASE WHEN tm.mod >= 4 THEN (tm.mod - 4) & 65535 ELSE 0 END
             END::int AS numeric_scale,
             CASE WHEN bt.typname IN ('timestamp', 'timestamptz', 'time', 'timetz') THEN 6
                  WHEN bt.typname = 'date' THEN 0 END::int AS datetime_precision,
             col_description(c.oid, a.attnum) AS remarks
      FROM pg_catalog.pg_attribute a
      JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
      JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
      JOIN pg_catalog.pg_namespace tn ON tn.oid = t.typnamespace
      JOIN pg_catalog.pg_type bt ON bt.oid = CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE t.oid END
      LEFT JOIN pg_catalog.pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum,
      LATERAL (SELECT CASE WHEN t.typtype = 'd' AND a.atttypmod < 0 THEN t.typtypmod ELSE a.atttypmod END AS mod) tm
      WHERE a.attnum > 0 AND NOT a.attisdropped
        AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
        AND n.nspname !~ '^pg_toast'
        AND (n.nspname !~ '^pg_temp_' OR n.oid = pg_catalog.pg_my_temp_schema())
        AND NOT (n.nspname = 'pg_internal' AND c.relname ~ '^localredshift_')
        AND (pg_has_role(c.relowner, 'USAGE')
             OR has_column_privilege(c.oid, a.attnum, 'SELECT, INSERT, UPDATE, REFERENCES'))""";

  public static List<String> statements() {
    return List.of(
        "SET allow_system_table_mods = on",
        "CREATE VIEW pg_catalog.svv_columns AS\n" + COLUMNS,
        """
        CREATE VIEW pg_catalog.svv_all_columns AS
        SELECT table_catalog AS database_name, table_schema AS schema_name, table_name, column_name,
               ordinal_position, column_default, is_nullable, data_type, character_maximum_length,
               numeric_precision, numeric_scale, remarks
        FROM pg_catalog.svv_columns""",
        "GRANT SELECT ON pg_catalog.svv_columns TO PUBLIC",
        "GRANT SELECT ON pg_catalog.svv_all_columns TO PUBLIC",
        "RESET allow_system_table_mods");
  }
}
