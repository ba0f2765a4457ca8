package dev.redshiftdata.local.dialect;

import java.util.ArrayList;
import java.util.List;

/**
 * SQL run once in every PostgreSQL database of the local Redshift so it speaks Redshift's dialect:
 * type names (SUPER, VARBYTE, GEOMETRY, ...) and common Redshift functions (GETDATE, NVL2,
 * JSON_PARSE, ...), and VARCHAR comparisons that ignore trailing blanks ({@link
 * VarcharComparison}).
 *
 * <p>Everything Redshift-like lives in {@code pg_catalog} (always on the search path, like
 * Redshift's own functions), so user schemas stay clean and {@code DROP SCHEMA public CASCADE}
 * cannot remove it. An empty {@code pg_internal} schema exists so that ListSchemas of a fresh
 * database matches Redshift; it also holds the local Redshift's own bookkeeping (hidden from
 * ListTables).
 *
 * <h2>Session settings read by functions (the contract for the Data API server and the bulk path)
 * </h2>
 *
 * <ul>
 *   <li>{@code pg_last_copy_count()} (bigint) returns {@code
 *       current_setting('localredshift.last_copy_count')}, 0 when unset: the bulk path runs {@code
 *       SET localredshift.last_copy_count = 'n'} on the session's connection after a COPY loaded n
 *       rows.
 *   <li>{@code pg_last_unload_count()} (bigint) reads {@code localredshift.last_unload_count}, 0
 *       when unset.
 *   <li>{@code pg_last_query_id()} (integer) reads {@code localredshift.last_query_id}, -1 when
 *       unset: the Data API server sets it to each statement's RedshiftQueryId on the statement's
 *       connection after it ran.
 *   <li>{@code pg_last_copy_id()} (integer) reads {@code localredshift.last_copy_id}, -1 when
 *       unset.
 *   <li>{@code localredshift.enable_case_sensitive_identifier} ('on'/'off') mirrors Redshift's
 *       {@code enable_case_sensitive_identifier}: {@link RedshiftSqlTranslator} turns {@code SET},
 *       {@code RESET} and {@code SHOW} of it into statements on this setting; its database default
 *       is the cluster default set by {@code PostgresServer}.
 * </ul>
 *
 * <h2>Late-binding views</h2>
 *
 * {@code CREATE VIEW ... WITH NO SCHEMA BINDING} is translated into a plain view prefixed with
 * {@link RedshiftSqlTranslator#LATE_BINDING_MARKER}; an event trigger records the view's oid in
 * {@value #LATE_BINDING_TABLE} (and forgets it when the view is replaced without the clause or
 * dropped), so DescribeTable can answer for it as Redshift does, with no columns.
 *
 * <h2>Table attributes, byte lengths, APPEND, EXPLAIN</h2>
 *
 * An event trigger records the attributes the translator carries in its {@link
 * RedshiftSqlTranslator#TABLE_ATTRIBUTES_MARKER} comment in {@value #TABLE_ATTRIBUTES_TABLE} (every
 * new table gets a row, with Redshift's defaults when there is no comment); {@code svv_table_info}
 * and {@code pg_table_def} show them. {@code localredshift_value_too_long} / {@code
 * localredshift_multibyte_char} raise the errors of the translator's byte-length CHECK constraints;
 * {@code localredshift_append_from} moves rows for ALTER TABLE APPEND; {@code
 * localredshift_explain} shapes EXPLAIN output as Redshift's.
 */
public final class RedshiftBootstrap {
  private RedshiftBootstrap() {}

  /** Side table of late-binding views: one row per view oid. Readable by everyone. */
  public static final String LATE_BINDING_TABLE = "pg_internal.localredshift_late_binding_views";

  /**
   * Side table of Redshift table attributes, one row per table created after the bootstrap:
   * diststyle (AUTO, EVEN, KEY, ALL), distkey (attnum), sortkey_type (AUTO, NONE, COMPOUND,
   * INTERLEAVED), sortkey (attnums), encodings ({attnum: encoding} of columns given an ENCODE),
   * encode_auto, backup, create_time. Written by an event trigger from the {@link
   * RedshiftSqlTranslator#TABLE_ATTRIBUTES_MARKER} comment; read by {@code svv_table_info} and
   * {@code pg_table_def}.
   */
  public static final String TABLE_ATTRIBUTES_TABLE = "pg_internal.localredshift_table_attributes";

  /** Statements to run, in order, as the superuser, in a freshly created database. */
  public static List<String> statements() {
    List<String> all = new ArrayList<>(core());
    // before the closing RESET allow_system_table_mods
    all.addAll(all.size() - 1, VarcharComparison.statements());
    return List.copyOf(all);
  }

  private static List<String> core() {
    return List.of(
        // pg_internal (the pg_ prefix is reserved) and objects in pg_catalog need this, for the
        // superuser only.
        "SET allow_system_table_mods = on",
        "CREATE SCHEMA pg_internal",
        "GRANT USAGE ON SCHEMA pg_internal TO PUBLIC",

        // ---- Types
        // ----------------------------------------------------------------------------------------
        "CREATE DOMAIN pg_catalog.super AS jsonb",
        "CREATE DOMAIN pg_catalog.varbyte AS bytea",
        "CREATE DOMAIN pg_catalog.geometry AS bytea",
        "CREATE DOMAIN pg_catalog.geography AS bytea",
        "CREATE DOMAIN pg_catalog.hllsketch AS text",

        // Numbers and booleans assign to SUPER as scalars, as in Redshift (casts to a domain use
        // its base type).
        """
        CREATE FUNCTION pg_catalog.localredshift_super(smallint) RETURNS jsonb
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT to_jsonb($1) $$""",
        """
        CREATE FUNCTION pg_catalog.localredshift_super(integer) RETURNS jsonb
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT to_jsonb($1) $$""",
        """
        CREATE FUNCTION pg_catalog.localredshift_super(bigint) RETURNS jsonb
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT to_jsonb($1) $$""",
        """
        CREATE FUNCTION pg_catalog.localredshift_super(numeric) RETURNS jsonb
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT to_jsonb($1) $$""",
        """
        CREATE FUNCTION pg_catalog.localredshift_super(real) RETURNS jsonb
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT to_jsonb($1) $$""",
        """
        CREATE FUNCTION pg_catalog.localredshift_super(double precision) RETURNS jsonb
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT to_jsonb($1) $$""",
        """
        CREATE FUNCTION pg_catalog.localredshift_super(boolean) RETURNS jsonb
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT to_jsonb($1) $$""",
        "CREATE CAST (smallint AS jsonb) WITH FUNCTION pg_catalog.localredshift_super(smallint) AS ASSIGNMENT",
        "CREATE CAST (integer AS jsonb) WITH FUNCTION pg_catalog.localredshift_super(integer) AS ASSIGNMENT",
        "CREATE CAST (bigint AS jsonb) WITH FUNCTION pg_catalog.localredshift_super(bigint) AS ASSIGNMENT",
        "CREATE CAST (numeric AS jsonb) WITH FUNCTION pg_catalog.localredshift_super(numeric) AS ASSIGNMENT",
        "CREATE CAST (real AS jsonb) WITH FUNCTION pg_catalog.localredshift_super(real) AS ASSIGNMENT",
        "CREATE CAST (double precision AS jsonb) WITH FUNCTION pg_catalog.localredshift_super(double precision)"
            + " AS ASSIGNMENT",
        "CREATE CAST (boolean AS jsonb) WITH FUNCTION pg_catalog.localredshift_super(boolean) AS ASSIGNMENT",

        // ---- Date and time
        // ----------------------------------------------------------------------------------
        """
        CREATE FUNCTION pg_catalog.getdate() RETURNS timestamp LANGUAGE sql STABLE PARALLEL SAFE AS
        $$ SELECT date_trunc('second', statement_timestamp() AT TIME ZONE current_setting('TimeZone')) $$""",
        """
        CREATE FUNCTION pg_catalog.sysdate() RETURNS timestamp LANGUAGE sql STABLE PARALLEL SAFE AS
        $$ SELECT LOCALTIMESTAMP $$""",
        """
        CREATE FUNCTION pg_catalog.trunc(timestamp) RETURNS date LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
        $$ SELECT $1::date $$""",
        """
        CREATE FUNCTION pg_catalog.localredshift_datepart(part text) RETURNS text
        LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
        BEGIN
          CASE lower(trim(part))
            WHEN 'millennium', 'millennia', 'millenniums', 'mil', 'mils' THEN RETURN 'millennium';
            WHEN 'century', 'centuries', 'c', 'cent', 'cents' THEN RETURN 'century';
            WHEN 'decade', 'decades', 'dec', 'decs' THEN RETURN 'decade';
            WHEN 'year', 'years', 'y', 'yr', 'yrs' THEN RETURN 'year';
            WHEN 'quarter', 'quarters', 'qtr', 'qtrs' THEN RETURN 'quarter';
            WHEN 'month', 'months', 'mon', 'mons' THEN RETURN 'month';
            WHEN 'week', 'weeks', 'w' THEN RETURN 'week';
            WHEN 'day', 'days', 'd' THEN RETURN 'day';
            WHEN 'hour', 'hours', 'h', 'hr', 'hrs' THEN RETURN 'hour';
            WHEN 'minute', 'minutes', 'm', 'min', 'mins' THEN RETURN 'minute';
            WHEN 'second', 'seconds', 's', 'sec', 'secs' THEN RETURN 'second';
            WHEN 'millisecond', 'milliseconds', 'ms', 'msec', 'msecs', 'msecond', 'mseconds', 'millisec',
                 'millisecs', 'millisecon' THEN RETURN 'millisecond';
            WHEN 'microsecond', 'microseconds', 'microsec', 'microsecs', 'microsecond', 'usecond',
                 'useconds', 'us', 'usec', 'usecs' THEN RETURN 'microsecond';
            ELSE RAISE EXCEPTION 'Invalid datepart: %', part USING ERRCODE = '22023';
          END CASE;
        END $$""",
        """
        CREATE FUNCTION pg_catalog.localredshift_interval(part text, n bigint) RETURNS interval
        LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
        BEGIN
          CASE pg_catalog.localredshift_datepart(part)
            WHEN 'millennium' THEN RETURN make_interval(years => (n * 1000)::int);
            WHEN 'century' THEN RETURN make_interval(years => (n * 100)::int);
            WHEN 'decade' THEN RETURN make_interval(years => (n * 10)::int);
            WHEN 'year' THEN RETURN make_interval(years => n::int);
            WHEN 'quarter' THEN RETURN make_interval(months => (n * 3)::int);
            WHEN 'month' THEN RETURN make_interval(months => n::int);
            WHEN 'week' THEN RETURN make_interval(weeks => n::int);
            WHEN 'day' THEN RETURN make_interval(days => n::int);
            WHEN 'hour' THEN RETURN make_interval(hours => n::int);
            WHEN 'minute' THEN RETURN make_interval(mins => n::int);
            WHEN 'second' THEN RETURN make_interval(secs => n);
            WHEN 'millisecond' THEN RETURN make_interval(secs => n / 1000.0);
            ELSE RETURN make_interval(secs => n / 1000000.0);
          END CASE;
        END $$""",
        """
        CREATE FUNCTION pg_catalog.dateadd(text, bigint, timestamp) RETURNS timestamp
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT $3 + pg_catalog.localredshift_interval($1, $2) $$""",
        """
        CREATE FUNCTION pg_catalog.dateadd(text, bigint, timestamptz) RETURNS timestamptz
        LANGUAGE sql STABLE STRICT PARALLEL SAFE AS $$ SELECT $3 + pg_catalog.localredshift_interval($1, $2) $$""",
        """
        CREATE FUNCTION pg_catalog.dateadd(text, bigint, date) RETURNS timestamp
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
        $$ SELECT $3::timestamp + pg_catalog.localredshift_interval($1, $2) $$""",
        """
        CREATE FUNCTION pg_catalog.dateadd(text, bigint, time) RETURNS time
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT $3 + pg_catalog.localredshift_interval($1, $2) $$""",
        // DATEDIFF counts datepart boundaries crossed between the two values (Redshift semantics).
        """
        CREATE FUNCTION pg_catalog.datediff(text, timestamp, timestamp) RETURNS bigint
        LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
        DECLARE p text := pg_catalog.localredshift_datepart($1);
        BEGIN
          CASE p
            WHEN 'millennium', 'century', 'decade', 'year' THEN
              RETURN (date_part(p, $3) - date_part(p, $2))::bigint;
            WHEN 'quarter' THEN
              RETURN ((date_part('year', $3) * 4 + date_part('quarter', $3))
                    - (date_part('year', $2) * 4 + date_part('quarter', $2)))::bigint;
            WHEN 'month' THEN
              RETURN ((date_part('year', $3) * 12 + date_part('month', $3))
                    - (date_part('year', $2) * 12 + date_part('month', $2)))::bigint;
            WHEN 'week' THEN
              RETURN (date_trunc('week', $3)::date - date_trunc('week', $2)::date) / 7;
            WHEN 'day' THEN
              RETURN $3::date - $2::date;
            WHEN 'hour' THEN
              RETURN ((extract(epoch FROM date_trunc('hour', $3)) - extract(epoch FROM date_trunc('hour', $2))) / 3600)::bigint;
            WHEN 'minute' THEN
              RETURN ((extract(epoch FROM date_trunc('minute', $3)) - extract(epoch FROM date_trunc('minute', $2))) / 60)::bigint;
            WHEN 'second' THEN
              RETURN (extract(epoch FROM date_trunc('second', $3)) - extract(epoch FROM date_trunc('second', $2)))::bigint;
            WHEN 'millisecond' THEN
              RETURN ((extract(epoch FROM date_trunc('milliseconds', $3)) - extract(epoch FROM date_trunc('milliseconds', $2))) * 1000)::bigint;
            ELSE
              RETURN ((extract(epoch FROM $3) - extract(epoch FROM $2)) * 1000000)::bigint;
          END CASE;
        END $$""",
        """
        CREATE FUNCTION pg_catalog.datediff(text, timestamptz, timestamptz) RETURNS bigint
        LANGUAGE sql STABLE STRICT PARALLEL SAFE AS
        $$ SELECT pg_catalog.datediff($1, $2 AT TIME ZONE 'UTC', $3 AT TIME ZONE 'UTC') $$""",
        """
        CREATE FUNCTION pg_catalog.datediff(text, date, date) RETURNS bigint
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
        $$ SELECT pg_catalog.datediff($1, $2::timestamp, $3::timestamp) $$""",
        """
        CREATE FUNCTION pg_catalog.datediff(text, time, time) RETURNS bigint
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
        $$ SELECT pg_catalog.datediff($1, '2000-01-01'::date + $2, '2000-01-01'::date + $3) $$""",
        """
        CREATE FUNCTION pg_catalog.add_months(timestamp, bigint) RETURNS timestamp
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT $1 + make_interval(months => $2::int) $$""",
        """
        CREATE FUNCTION pg_catalog.add_months(date, bigint) RETURNS timestamp
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT $1::timestamp + make_interval(months => $2::int) $$""",
        // CONVERT_TIMEZONE([source,] target, timestamp): the 2-argument form takes UTC as the
        // source.
        """
        CREATE FUNCTION pg_catalog.convert_timezone(text, text, timestamp) RETURNS timestamp
        LANGUAGE sql STABLE STRICT PARALLEL SAFE AS $$ SELECT ($3 AT TIME ZONE $1) AT TIME ZONE $2 $$""",
        """
        CREATE FUNCTION pg_catalog.convert_timezone(text, timestamp) RETURNS timestamp
        LANGUAGE sql STABLE STRICT PARALLEL SAFE AS $$ SELECT ($2 AT TIME ZONE 'UTC') AT TIME ZONE $1 $$""",
        """
        CREATE FUNCTION pg_catalog.convert_timezone(text, timestamptz) RETURNS timestamp
        LANGUAGE sql STABLE STRICT PARALLEL SAFE AS $$ SELECT $2 AT TIME ZONE $1 $$""",

        // Redshift's DATE_TRUNC of a date is a timestamp (PostgreSQL's would be timestamptz).
        """
        CREATE FUNCTION pg_catalog.date_trunc(text, date) RETURNS timestamp
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT date_trunc($1, $2::timestamp) $$""",
        // VERSION() names Redshift as Redshift does, for tools that look for it.
        """
        CREATE OR REPLACE FUNCTION pg_catalog.version() RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS
        $$ SELECT 'PostgreSQL 8.0.2 on i686-pc-linux-gnu, compiled by GCC gcc (GCC) 3.4.2 20041017 (Red Hat 3.4.2-6.fc3),'
                  || ' Redshift 1.0.0 (local Redshift on ' || current_setting('server_version') || ')' $$""",

        // MONTHS_BETWEEN: whole months when both are the same day of month or both month ends, else
        // fractional by a 31-day month.
        """
        CREATE FUNCTION pg_catalog.months_between(date, date) RETURNS double precision
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
          SELECT CASE
            WHEN extract(day FROM $1) = extract(day FROM $2)
              OR ($1 = (date_trunc('month', $1) + interval '1 month - 1 day')::date
                  AND $2 = (date_trunc('month', $2) + interval '1 month - 1 day')::date)
            THEN ((extract(year FROM $1) - extract(year FROM $2)) * 12 + extract(month FROM $1) - extract(month FROM $2))::double precision
            ELSE ((extract(year FROM $1) - extract(year FROM $2)) * 12 + extract(month FROM $1) - extract(month FROM $2)
                  + (extract(day FROM $1) - extract(day FROM $2)) / 31.0)::double precision
          END $$""",
        """
        CREATE FUNCTION pg_catalog.last_day(date) RETURNS date LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
        $$ SELECT (date_trunc('month', $1) + interval '1 month - 1 day')::date $$""",
        // DATE_CMP and TIMESTAMP_CMP exist in PostgreSQL with Redshift's meaning (-1, 0, 1).

        // ---- Strings and numbers
        // -----------------------------------------------------------------------------
        """
        CREATE FUNCTION pg_catalog.nvl2(anyelement, anycompatible, anycompatible) RETURNS anycompatible
        LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT CASE WHEN $1 IS NULL THEN $3 ELSE $2 END $$""",
        """
        CREATE FUNCTION pg_catalog.len(text) RETURNS integer LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
        $$ SELECT length($1) $$""",
        """
        CREATE FUNCTION pg_catalog.len(bytea) RETURNS integer LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
        $$ SELECT length($1) $$""",
        // TEXTLEN exists in PostgreSQL.
        """
        CREATE FUNCTION pg_catalog.replicate(text, integer) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
        $$ SELECT repeat($1, $2) $$""",
        """
        CREATE FUNCTION pg_catalog.sha2(text, integer) RETURNS varchar LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
        BEGIN
          CASE $2
            WHEN 0, 256 THEN RETURN encode(sha256(convert_to($1, 'UTF8')), 'hex');
            WHEN 224 THEN RETURN encode(sha224(convert_to($1, 'UTF8')), 'hex');
            WHEN 384 THEN RETURN encode(sha384(convert_to($1, 'UTF8')), 'hex');
            WHEN 512 THEN RETURN encode(sha512(convert_to($1, 'UTF8')), 'hex');
            ELSE RETURN NULL;
          END CASE;
        END $$""",
        """
        CREATE FUNCTION pg_catalog.current_user_id() RETURNS integer LANGUAGE sql STABLE PARALLEL SAFE AS
        $$ SELECT oid::integer FROM pg_catalog.pg_roles WHERE rolname = current_user $$""",
        """
        CREATE FUNCTION pg_catalog.charindex(text, text) RETURNS integer
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT strpos($2, $1) $$""",
        // STRTOL(string, base): like C strtol, stops at the first character that is not a digit of
        // the base.
        """
        CREATE FUNCTION pg_catalog.strtol(text, integer) RETURNS bigint
        LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
        DECLARE
          s text := lower(trim($1));
          r bigint := 0;
          neg boolean := false;
          d integer;
          c text;
        BEGIN
          IF $2 < 2 OR $2 > 36 THEN
            RAISE EXCEPTION 'strtol: base must be between 2 and 36' USING ERRCODE = '22023';
          END IF;
          IF left(s, 1) = '-' THEN neg := true; s := substr(s, 2);
          ELSIF left(s, 1) = '+' THEN s := substr(s, 2);
          END IF;
          IF $2 = 16 AND left(s, 2) = '0x' THEN s := substr(s, 3); END IF;
          FOREACH c IN ARRAY regexp_split_to_array(s, '') LOOP
            d := strpos('0123456789abcdefghijklmnopqrstuvwxyz', c) - 1;
            EXIT WHEN d < 0 OR d >= $2;
            r := r * $2 + d;
          END LOOP;
          RETURN CASE WHEN neg THEN -r ELSE r END;
        END $$""",

        // ---- SUPER and JSON
        // ------------------------------------------------------------------------------
        """
        CREATE FUNCTION pg_catalog.json_parse(text) RETURNS super LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
        $$ SELECT $1::jsonb::super $$""",
        // JSON_SERIALIZE is PostgreSQL 17 syntax; the translator calls this function by its quoted
        // name instead.
        """
        CREATE FUNCTION pg_catalog.json_serialize(jsonb) RETURNS varchar
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT $1::text $$""",
        """
        CREATE FUNCTION pg_catalog.is_valid_json(text) RETURNS boolean
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT $1 IS JSON $$""",
        """
        CREATE FUNCTION pg_catalog.is_valid_json_array(text) RETURNS boolean
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT $1 IS JSON ARRAY $$""",
        """
        CREATE FUNCTION pg_catalog.localredshift_json_path(doc text, path text[], null_if_invalid boolean)
        RETURNS varchar LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
        BEGIN
          IF doc IS NULL THEN RETURN NULL; END IF;
          IF coalesce(null_if_invalid, false) AND NOT (doc IS JSON) THEN RETURN NULL; END IF;
          RETURN doc::jsonb #>> path;
        END $$""",
        """
        CREATE FUNCTION pg_catalog.json_extract_path_text(text, VARIADIC text[]) RETURNS varchar
        LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT pg_catalog.localredshift_json_path($1, $2, false) $$""",
        """
        CREATE FUNCTION pg_catalog.json_extract_path_text(text, text, boolean) RETURNS varchar
        LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
        $$ SELECT pg_catalog.localredshift_json_path($1, ARRAY[$2], $3) $$""",
        """
        CREATE FUNCTION pg_catalog.json_extract_path_text(text, text, text, boolean) RETURNS varchar
        LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
        $$ SELECT pg_catalog.localredshift_json_path($1, ARRAY[$2, $3], $4) $$""",
        """
        CREATE FUNCTION pg_catalog.json_extract_path_text(text, text, text, text, boolean) RETURNS varchar
        LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
        $$ SELECT pg_catalog.localredshift_json_path($1, ARRAY[$2, $3, $4], $5) $$""",
        """
        CREATE FUNCTION pg_catalog.json_extract_path_text(text, text, text, text, text, boolean) RETURNS varchar
        LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
        $$ SELECT pg_catalog.localredshift_json_path($1, ARRAY[$2, $3, $4, $5], $6) $$""",
        """
        CREATE FUNCTION pg_catalog.json_extract_array_element_text(text, integer) RETURNS varchar
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT ($1::jsonb -> $2) #>> '{}' $$""",
        """
        CREATE FUNCTION pg_catalog.json_array_length(text) RETURNS integer
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT jsonb_array_length($1::jsonb) $$""",

        // ---- VARBYTE
        // ----------------------------------------------------------------------------------------
        """
        CREATE FUNCTION pg_catalog.from_hex(text) RETURNS varbyte LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
        $$ SELECT decode($1, 'hex')::varbyte $$""",
        """
        CREATE FUNCTION pg_catalog.to_hex(bytea) RETURNS varchar LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
        $$ SELECT encode($1, 'hex') $$""",
        """
        CREATE FUNCTION pg_catalog.from_varbyte(bytea, text) RETURNS varchar
        LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
        BEGIN
          CASE lower($2)
            WHEN 'hex' THEN RETURN encode($1, 'hex');
            WHEN 'base64' THEN RETURN replace(encode($1, 'base64'), E'\\n', '');
            WHEN 'utf8', 'utf-8' THEN RETURN convert_from($1, 'UTF8');
            WHEN 'binary' THEN
              RETURN coalesce((SELECT string_agg(get_byte($1, i)::bit(8)::text, '' ORDER BY i)
                               FROM generate_series(0, length($1) - 1) AS i), '');
            ELSE RAISE EXCEPTION 'unsupported format: %', $2 USING ERRCODE = '22023';
          END CASE;
        END $$""",
        """
        CREATE FUNCTION pg_catalog.to_varbyte(text, text) RETURNS varbyte
        LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
        BEGIN
          CASE lower($2)
            WHEN 'hex' THEN RETURN decode($1, 'hex');
            WHEN 'base64' THEN RETURN decode($1, 'base64');
            WHEN 'utf8', 'utf-8' THEN RETURN convert_to($1, 'UTF8');
            WHEN 'binary' THEN
              RETURN decode(coalesce((SELECT string_agg(lpad(to_hex(substr(lpad($1, ((length($1) + 7) / 8) * 8, '0'),
                                                                          i * 8 + 1, 8)::bit(8)::int), 2, '0'), '' ORDER BY i)
                                      FROM generate_series(0, (length($1) + 7) / 8 - 1) AS i), ''), 'hex');
            ELSE RAISE EXCEPTION 'unsupported format: %', $2 USING ERRCODE = '22023';
          END CASE;
        END $$""",

        // ---- GEOMETRY / GEOGRAPHY (stored as the EWKB bytes themselves)
        // ----------------------------------------------------------------------------------------
        // Redshift's ST_AsHexEWKB returns the EWKB as upper-case hex text (TO_HEX gives lower
        // case).
        """
        CREATE FUNCTION pg_catalog.st_ashexewkb(geometry) RETURNS varchar
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT upper(encode($1, 'hex')) $$""",
        """
        CREATE FUNCTION pg_catalog.st_ashexewkb(geography) RETURNS varchar
        LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT upper(encode($1, 'hex')) $$""",

        // ---- Session information (see the class comment for the contract)
        // ------------------------------------
        """
        CREATE FUNCTION pg_catalog.pg_last_copy_count() RETURNS bigint LANGUAGE sql STABLE PARALLEL SAFE AS
        $$ SELECT coalesce(nullif(current_setting('localredshift.last_copy_count', true), ''), '0')::bigint $$""",
        """
        CREATE FUNCTION pg_catalog.pg_last_unload_count() RETURNS bigint LANGUAGE sql STABLE PARALLEL SAFE AS
        $$ SELECT coalesce(nullif(current_setting('localredshift.last_unload_count', true), ''), '0')::bigint $$""",
        """
        CREATE FUNCTION pg_catalog.pg_last_query_id() RETURNS integer LANGUAGE sql STABLE PARALLEL SAFE AS
        $$ SELECT coalesce(nullif(current_setting('localredshift.last_query_id', true), ''), '-1')::integer $$""",
        """
        CREATE FUNCTION pg_catalog.pg_last_copy_id() RETURNS integer LANGUAGE sql STABLE PARALLEL SAFE AS
        $$ SELECT coalesce(nullif(current_setting('localredshift.last_copy_id', true), ''), '-1')::integer $$""",

        // ---- Lengths in bytes: raised by the CHECK constraints the translator adds to string
        // columns ---------
        """
        CREATE FUNCTION pg_catalog.localredshift_value_too_long(v text, n integer) RETURNS boolean
        LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
        BEGIN
          RAISE EXCEPTION 'value too long for type character varying(%)', n USING ERRCODE = '22001';
        END $$""",
        """
        CREATE FUNCTION pg_catalog.localredshift_multibyte_char(v text) RETURNS boolean
        LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
        DECLARE
          ch text;
          b bytea;
        BEGIN
          SELECT x.c INTO ch FROM pg_catalog.regexp_split_to_table(v, '') WITH ORDINALITY AS x(c, i)
          WHERE pg_catalog.octet_length(x.c) > 1 ORDER BY x.i LIMIT 1;
          b := pg_catalog.convert_to(ch, 'UTF8');
          RAISE EXCEPTION 'Multibyte character not supported for CHAR (Hint: try using VARCHAR). Invalid char: %',
            (SELECT pg_catalog.string_agg(pg_catalog.lpad(pg_catalog.to_hex(pg_catalog.get_byte(b, i)), 2, '0'), ' '
                                          ORDER BY i)
             FROM pg_catalog.generate_series(0, pg_catalog.length(b) - 1) AS i)
            USING ERRCODE = '22001';
        END $$""",

        // ---- EXPLAIN: PostgreSQL's plan in Redshift's shape (plan nodes prefixed "XN ")
        // ----------------------
        """
        CREATE FUNCTION pg_catalog.localredshift_explain(stmt text, verbose_plan boolean)
        RETURNS TABLE ("QUERY PLAN" text) LANGUAGE plpgsql AS $$
        DECLARE
          line text;
          pre text;
        BEGIN
          FOR line IN EXECUTE 'EXPLAIN ' || CASE WHEN verbose_plan THEN '(VERBOSE) ' ELSE '' END || stmt LOOP
            IF pg_catalog.strpos(line, '(cost=') > 0 THEN
              pre := (pg_catalog.regexp_match(line, '^( *(?:-> +)?)'))[1];
              line := pre || 'XN ' || pg_catalog.substr(line, pg_catalog.length(pre) + 1);
            END IF;
            "QUERY PLAN" := line;
            RETURN NEXT;
          END LOOP;
        END $$""",
        "GRANT EXECUTE ON FUNCTION pg_catalog.localredshift_explain(text, boolean) TO PUBLIC",

        // ---- ALTER TABLE target APPEND FROM source [IGNOREEXTRA | FILLTARGET]: moves the rows
        // -----------------
        """
        CREATE PROCEDURE pg_catalog.localredshift_append_from(target text, source text, mode text)
        LANGUAGE plpgsql AS $$
        DECLARE
          t regclass := target::regclass;
          s regclass := source::regclass;
          cols text;
          missing boolean;
          extra boolean;
        BEGIN
          SELECT pg_catalog.string_agg(pg_catalog.quote_ident(a.attname), ', ' ORDER BY a.attnum) INTO cols
          FROM pg_catalog.pg_attribute a
          WHERE a.attrelid = t AND a.attnum > 0 AND NOT a.attisdropped
            AND EXISTS (SELECT 1 FROM pg_catalog.pg_attribute b WHERE b.attrelid = s AND b.attname = a.attname
                        AND b.attnum > 0 AND NOT b.attisdropped);
          SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = t AND a.attnum > 0
                         AND NOT a.attisdropped AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute b
                           WHERE b.attrelid = s AND b.attname = a.attname AND b.attnum > 0 AND NOT b.attisdropped))
            INTO missing;
          SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute b WHERE b.attrelid = s AND b.attnum > 0
                         AND NOT b.attisdropped AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a
                           WHERE a.attrelid = t AND a.attname = b.attname AND a.attnum > 0 AND NOT a.attisdropped))
            INTO extra;
          IF (extra AND mode <> 'IGNOREEXTRA') OR (missing AND mode <> 'FILLTARGET') OR cols IS NULL THEN
            RAISE EXCEPTION 'Target table and source table attributes don''t match.' USING ERRCODE = '42804';
          END IF;
          EXECUTE pg_catalog.format('WITH moved AS (DELETE FROM %s RETURNING *) INSERT INTO %s (%s) SELECT %s FROM moved',
                                    s, t, cols, cols);
        END $$""",

        // ---- Table attributes (DISTSTYLE, DISTKEY, SORTKEY, ENCODE, BACKUP)
        // ---------------------------------
        "CREATE TABLE "
            + TABLE_ATTRIBUTES_TABLE
            + " (table_oid oid PRIMARY KEY,"
            + " diststyle text NOT NULL DEFAULT 'AUTO', distkey smallint, sortkey_type text NOT NULL DEFAULT 'AUTO',"
            + " sortkey smallint[] NOT NULL DEFAULT '{}', encodings jsonb NOT NULL DEFAULT '{}',"
            + " encode_auto boolean NOT NULL DEFAULT true, backup boolean NOT NULL DEFAULT true,"
            + " create_time timestamp NOT NULL DEFAULT (now() AT TIME ZONE 'UTC'))",
        "GRANT SELECT ON " + TABLE_ATTRIBUTES_TABLE + " TO PUBLIC",
        // A column of the table by name (as the translator resolved it), or the error Redshift
        // gives.
        """
        CREATE FUNCTION pg_internal.localredshift_attnum(rel oid, col text) RETURNS smallint
        LANGUAGE plpgsql STABLE AS $$
        DECLARE n smallint;
        BEGIN
          SELECT attnum INTO n FROM pg_catalog.pg_attribute
          WHERE attrelid = rel AND attname = col AND attnum > 0 AND NOT attisdropped;
          IF n IS NULL THEN
            RAISE EXCEPTION 'column "%" does not exist', col USING ERRCODE = '42703';
          END IF;
          RETURN n;
        END $$""",
        // No SET search_path: LIKE's parent name resolves on the creating session's search path.
        """
        CREATE FUNCTION pg_internal.localredshift_track_tables() RETURNS event_trigger
        LANGUAGE plpgsql SECURITY DEFINER AS $$
        DECLARE
          r record;
          m jsonb;
          parent oid;
          e record;
        BEGIN
          m := coalesce(substring(pg_catalog.current_query()
                 FROM '/[*]localredshift:table_attributes (.*?)[*]/')::jsonb, '{}'::jsonb);
          FOR r IN SELECT DISTINCT objid, command_tag FROM pg_catalog.pg_event_trigger_ddl_commands()
                   WHERE object_type = 'table' LOOP
            IF r.command_tag = 'ALTER TABLE' AND NOT (m ? 'alter') THEN
              CONTINUE;
            END IF;
            IF r.command_tag = 'ALTER TABLE' THEN
              INSERT INTO %1$s (table_oid) VALUES (r.objid) ON CONFLICT (table_oid) DO NOTHING;
            ELSE
              -- A new table (an oid left by a temporary table of an ended session starts afresh).
              DELETE FROM %1$s WHERE table_oid = r.objid;
              INSERT INTO %1$s (table_oid) VALUES (r.objid);
            END IF;
            IF r.command_tag <> 'ALTER TABLE' AND m ? 'like' THEN
              parent := pg_catalog.to_regclass(m ->> 'like');
              UPDATE %1$s t SET diststyle = p.diststyle, distkey = p.distkey, sortkey_type = p.sortkey_type,
                     sortkey = p.sortkey, encodings = p.encodings, encode_auto = p.encode_auto, backup = p.backup
              FROM %1$s p WHERE p.table_oid = parent AND t.table_oid = r.objid;
            END IF;
            IF m ? 'diststyle' THEN
              UPDATE %1$s SET diststyle = m ->> 'diststyle',
                     distkey = CASE WHEN m ->> 'distkey' IS NULL THEN NULL
                                    ELSE pg_internal.localredshift_attnum(r.objid, m ->> 'distkey') END
              WHERE table_oid = r.objid;
            END IF;
            IF m ? 'sortkey_type' THEN
              UPDATE %1$s SET sortkey_type = m ->> 'sortkey_type',
                     sortkey = ARRAY(SELECT pg_internal.localredshift_attnum(r.objid, k.value)
                                     FROM pg_catalog.jsonb_array_elements_text(m -> 'sortkey') WITH ORDINALITY k
                                     ORDER BY k.ordinality)
              WHERE table_oid = r.objid;
            END IF;
            IF m ? 'encodings' THEN
              FOR e IN SELECT key, value FROM pg_catalog.jsonb_each_text(m -> 'encodings') LOOP
                UPDATE %1$s SET encode_auto = false, encodings = encodings
                       || pg_catalog.jsonb_build_object(pg_internal.localredshift_attnum(r.objid, e.key)::text, e.value)
                WHERE table_oid = r.objid;
              END LOOP;
            END IF;
            IF (m ->> 'encode_auto')::boolean THEN
              UPDATE %1$s SET encode_auto = true,
                     encodings = CASE WHEN m ? 'alter' THEN '{}'::jsonb ELSE encodings END
              WHERE table_oid = r.objid;
            END IF;
            IF m ? 'backup' THEN
              UPDATE %1$s SET backup = (m ->> 'backup')::boolean WHERE table_oid = r.objid;
            END IF;
          END LOOP;
        END $$"""
            .formatted(TABLE_ATTRIBUTES_TABLE),
        """
        CREATE FUNCTION pg_internal.localredshift_forget_tables() RETURNS event_trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
        BEGIN
          DELETE FROM %s WHERE table_oid IN
            (SELECT objid FROM pg_event_trigger_dropped_objects() WHERE object_type = 'table');
        END $$"""
            .formatted(TABLE_ATTRIBUTES_TABLE),
        "CREATE EVENT TRIGGER localredshift_track_tables ON ddl_command_end"
            + " WHEN TAG IN ('CREATE TABLE', 'CREATE TABLE AS', 'SELECT INTO', 'ALTER TABLE')"
            + " EXECUTE FUNCTION pg_internal.localredshift_track_tables()",
        "CREATE EVENT TRIGGER localredshift_forget_tables ON sql_drop"
            + " EXECUTE FUNCTION pg_internal.localredshift_forget_tables()",
        // The encoding Redshift shows for a column: the one given, else what ENCODE AUTO / the
        // defaults pick
        // (sort key columns, BOOLEAN, REAL, DOUBLE PRECISION raw; numbers, dates and times az64;
        // strings lzo).
        """
        CREATE FUNCTION pg_internal.localredshift_encoding(ta %s, attnum smallint, typid oid)
        RETURNS text LANGUAGE sql STABLE AS $$
          SELECT CASE
            WHEN ta.encodings ? attnum::text THEN
              CASE WHEN ta.encodings ->> attnum::text = 'raw' THEN 'none' ELSE ta.encodings ->> attnum::text END
            WHEN attnum = ANY (coalesce(ta.sortkey, '{}')) THEN 'none'
            ELSE CASE (SELECT coalesce(nullif(t.typbasetype, 0), t.oid) FROM pg_catalog.pg_type t WHERE t.oid = typid)
              WHEN 'int2'::regtype THEN 'az64' WHEN 'int4'::regtype THEN 'az64' WHEN 'int8'::regtype THEN 'az64'
              WHEN 'numeric'::regtype THEN 'az64' WHEN 'date'::regtype THEN 'az64'
              WHEN 'timestamp'::regtype THEN 'az64' WHEN 'timestamptz'::regtype THEN 'az64'
              WHEN 'bpchar'::regtype THEN 'lzo' WHEN 'varchar'::regtype THEN 'lzo' WHEN 'text'::regtype THEN 'lzo'
              ELSE 'none' END
          END $$"""
            .formatted(TABLE_ATTRIBUTES_TABLE),
        // Exact row counts for SVV_TABLE_INFO; a table locked by another session answers from the
        // statistics.
        """
        CREATE FUNCTION pg_internal.localredshift_table_rows(rel oid) RETURNS bigint
        LANGUAGE plpgsql VOLATILE COST 10000 SET lock_timeout = '200ms' AS $$
        DECLARE n bigint;
        BEGIN
          EXECUTE pg_catalog.format('SELECT count(*) FROM %s', rel::regclass) INTO n;
          RETURN n;
        EXCEPTION WHEN OTHERS THEN
          RETURN (SELECT greatest(reltuples, 0)::bigint FROM pg_catalog.pg_class WHERE oid = rel);
        END $$""",
        """
        CREATE FUNCTION pg_internal.localredshift_table_has_rows(rel oid) RETURNS boolean
        LANGUAGE plpgsql VOLATILE COST 10000 SET lock_timeout = '200ms' AS $$
        DECLARE b boolean;
        BEGIN
          EXECUTE pg_catalog.format('SELECT EXISTS (SELECT 1 FROM %s)', rel::regclass) INTO b;
          RETURN b;
        EXCEPTION WHEN OTHERS THEN
          RETURN (SELECT reltuples > 0 FROM pg_catalog.pg_class WHERE oid = rel);
        END $$""",

        // ---- PG_TABLE_DEF: tables on the search path, as Redshift's view shows them
        // --------------------------
        """
        CREATE VIEW pg_catalog.pg_table_def AS
        SELECT n.nspname::name AS schemaname, c.relname::name AS tablename, a.attname::name AS "column",
               pg_catalog.format_type(a.atttypid, a.atttypmod)::varchar(128) AS type,
               pg_internal.localredshift_encoding(ta, a.attnum, a.atttypid)::char(32) AS encoding,
               coalesce(a.attnum = ta.distkey, false) AS distkey,
               coalesce(CASE WHEN ta.sortkey_type = 'INTERLEAVED'
                             THEN pg_catalog.array_position(ta.sortkey, a.attnum)
                                  * CASE WHEN pg_catalog.array_position(ta.sortkey, a.attnum) %% 2 = 0 THEN -1 ELSE 1 END
                             ELSE pg_catalog.array_position(ta.sortkey, a.attnum) END, 0)::integer AS sortkey,
               a.attnotnull AS notnull
        FROM pg_catalog.pg_class c
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
        LEFT JOIN %s ta ON ta.table_oid = c.oid
        WHERE c.relkind IN ('r', 'p') AND pg_catalog.pg_table_is_visible(c.oid)"""
            .formatted(TABLE_ATTRIBUTES_TABLE),
        "GRANT SELECT ON pg_catalog.pg_table_def TO PUBLIC",

        // ---- SVV_TABLE_INFO: user tables and materialized views with at least one row (AWS:
        // "doesn't return
        // any information for empty tables")
        // ---------------------------------------------------------------
        """
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
        LEFT JOIN %1$s ta ON ta.table_oid = c.oid
        LEFT JOIN pg_catalog.pg_attribute dk ON dk.attrelid = c.oid AND dk.attnum = ta.distkey
        LEFT JOIN pg_catalog.pg_attribute sk ON sk.attrelid = c.oid AND sk.attnum = ta.sortkey[1]
        LEFT JOIN pg_catalog.pg_stat_all_tables st ON st.relid = c.oid
        WHERE c.relkind IN ('r', 'p', 'm')
          AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_internal') AND n.nspname !~ '^pg_toast'
          AND (n.nspname !~ '^pg_temp_' OR n.oid = pg_catalog.pg_my_temp_schema())
          AND pg_catalog.has_table_privilege(c.oid, 'SELECT')
          AND pg_internal.localredshift_table_has_rows(c.oid)"""
            .formatted(TABLE_ATTRIBUTES_TABLE),
        "GRANT SELECT ON pg_catalog.svv_table_info TO PUBLIC",

        // ---- Late-binding views
        // ------------------------------------------------------------------------------
        "CREATE TABLE " + LATE_BINDING_TABLE + " (view_oid oid PRIMARY KEY)",
        "GRANT SELECT ON " + LATE_BINDING_TABLE + " TO PUBLIC",
        """
        CREATE FUNCTION pg_internal.localredshift_track_views() RETURNS event_trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
        DECLARE r record;
        BEGIN
          FOR r IN SELECT objid FROM pg_event_trigger_ddl_commands() WHERE object_type = 'view' LOOP
            IF strpos(current_query(), '%s') > 0 THEN
              INSERT INTO %s VALUES (r.objid) ON CONFLICT DO NOTHING;
            ELSE
              DELETE FROM %s WHERE view_oid = r.objid;
            END IF;
          END LOOP;
        END $$"""
            .formatted(
                RedshiftSqlTranslator.LATE_BINDING_MARKER, LATE_BINDING_TABLE, LATE_BINDING_TABLE),
        """
        CREATE FUNCTION pg_internal.localredshift_forget_views() RETURNS event_trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
        BEGIN
          DELETE FROM %s WHERE view_oid IN
            (SELECT objid FROM pg_event_trigger_dropped_objects() WHERE object_type = 'view');
        END $$"""
            .formatted(LATE_BINDING_TABLE),
        "CREATE EVENT TRIGGER localredshift_track_views ON ddl_command_end WHEN TAG IN ('CREATE VIEW')"
            + " EXECUTE FUNCTION pg_internal.localredshift_track_views()",
        "CREATE EVENT TRIGGER localredshift_forget_views ON sql_drop"
            + " EXECUTE FUNCTION pg_internal.localredshift_forget_views()",
        "RESET allow_system_table_mods");
  }
}
