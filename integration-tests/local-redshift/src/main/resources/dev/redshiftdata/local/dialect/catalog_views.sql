-- Redshift's catalog views over the table attributes.

-- ---- PG_TABLE_DEF: tables on the search path, as Redshift's view shows them
CREATE VIEW pg_catalog.pg_table_def AS
SELECT n.nspname::name AS schemaname, c.relname::name AS tablename, a.attname::name AS "column",
       pg_catalog.format_type(a.atttypid, a.atttypmod)::varchar(128) AS type,
       pg_internal.localredshift_encoding(ta, a.attnum, a.atttypid)::char(32) AS encoding,
       coalesce(a.attnum = ta.distkey, false) AS distkey,
       coalesce(CASE WHEN ta.sortkey_type = 'INTERLEAVED'
                     THEN pg_catalog.array_position(ta.sortkey, a.attnum)
                          * CASE WHEN pg_catalog.array_position(ta.sortkey, a.attnum) % 2 = 0 THEN -1 ELSE 1 END
                     ELSE pg_catalog.array_position(ta.sortkey, a.attnum) END, 0)::integer AS sortkey,
       a.attnotnull AS notnull
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
LEFT JOIN {{TABLE_ATTRIBUTES_TABLE}} ta ON ta.table_oid = c.oid
WHERE c.relkind IN ('r', 'p') AND pg_catalog.pg_table_is_visible(c.oid);

GRANT SELECT ON pg_catalog.pg_table_def TO PUBLIC;

-- ---- SVV_TABLE_INFO: user tables and materialized views with at least one row (AWS: "doesn't
-- return any information for empty tables")
CREATE VIEW pg_catalog.svv_table_info AS
SELECT pg_catalog.regexp_replace(pg_catalog.current_database(), '^[cw]_[a-z0-9_]+?__', '')::text AS database,
       n.nspname::text AS schema, c.oid AS table_id, c.relname::text AS "table",
       (CASE WHEN coalesce(ta.encode_auto, true) THEN 'Y, AUTO(ENCODE)'
             WHEN EXISTS (SELECT 1 FROM pg_catalog.jsonb_each_text(ta.encodings) e WHERE e.value <> 'raw')
             THEN 'Y' ELSE 'N' END)::text AS encoded,
       (CASE coalesce(ta.diststyle, 'AUTO')
             WHEN 'AUTO' THEN 'AUTO(ALL)'
             WHEN 'KEY' THEN 'KEY(' || dk.attname || ')'
             ELSE ta.diststyle END)::text AS diststyle,
       (CASE coalesce(ta.sortkey_type, 'AUTO')
             WHEN 'AUTO' THEN 'AUTO(SORTKEY)'
             WHEN 'NONE' THEN NULL
             ELSE sk.attname END)::text AS sortkey1,
       coalesce((SELECT max(a.atttypmod - 4) FROM pg_catalog.pg_attribute a
                 WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                   AND a.atttypid = 'varchar'::regtype), 0)::integer AS max_varchar,
       (CASE WHEN sk.attnum IS NOT NULL
             THEN pg_internal.localredshift_encoding(ta, sk.attnum, sk.atttypid) END)::char(32) AS sortkey1_enc,
       coalesce(pg_catalog.cardinality(ta.sortkey), 0)::integer AS sortkey_num,
       pg_catalog.ceil(pg_catalog.pg_total_relation_size(c.oid) / 1048576.0)::bigint AS size,
       pg_catalog.round(pg_catalog.ceil(pg_catalog.pg_total_relation_size(c.oid) / 1048576.0) * 100.0
                        / 163840, 4)::numeric(10,4) AS pct_used,
       0::bigint AS empty,
       (CASE WHEN coalesce(pg_catalog.cardinality(ta.sortkey), 0) > 0 THEN 0 END)::numeric(5,2) AS unsorted,
       (CASE WHEN st.last_analyze IS NULL AND st.last_autoanalyze IS NULL THEN 100
             ELSE least(100, st.n_mod_since_analyze * 100.0 / greatest(c.reltuples, 1)) END)::numeric(5,2)
         AS stats_off,
       pg_internal.localredshift_table_rows(c.oid)::numeric(38,0) AS tbl_rows,
       (CASE WHEN coalesce(pg_catalog.cardinality(ta.sortkey), 0) > 0 THEN 1 END)::numeric(19,2)
         AS skew_sortkey1,
       (CASE WHEN ta.diststyle = 'ALL' THEN NULL ELSE 1 END)::numeric(19,2) AS skew_rows,
       pg_internal.localredshift_table_rows(c.oid)::numeric(38,0) AS estimated_visible_rows,
       NULL::text AS risk_event,
       NULL::numeric(12,2) AS vacuum_sort_benefit,
       ta.create_time AS create_time
FROM pg_catalog.pg_class c
JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN {{TABLE_ATTRIBUTES_TABLE}} ta ON ta.table_oid = c.oid
LEFT JOIN pg_catalog.pg_attribute dk ON dk.attrelid = c.oid AND dk.attnum = ta.distkey
LEFT JOIN pg_catalog.pg_attribute sk ON sk.attrelid = c.oid AND sk.attnum = ta.sortkey[1]
LEFT JOIN pg_catalog.pg_stat_all_tables st ON st.relid = c.oid
WHERE c.relkind IN ('r', 'p', 'm')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_internal') AND n.nspname !~ '^pg_toast'
  AND (n.nspname !~ '^pg_temp_' OR n.oid = pg_catalog.pg_my_temp_schema())
  AND pg_catalog.has_table_privilege(c.oid, 'SELECT')
  AND pg_internal.localredshift_table_has_rows(c.oid);

GRANT SELECT ON pg_catalog.svv_table_info TO PUBLIC;
