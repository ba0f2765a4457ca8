-- Redshift's date and time functions.

CREATE FUNCTION pg_catalog.getdate() RETURNS timestamp LANGUAGE sql STABLE PARALLEL SAFE AS
$$ SELECT date_trunc('second', statement_timestamp() AT TIME ZONE current_setting('TimeZone')) $$;

CREATE FUNCTION pg_catalog.sysdate() RETURNS timestamp LANGUAGE sql STABLE PARALLEL SAFE AS
$$ SELECT LOCALTIMESTAMP $$;

CREATE FUNCTION pg_catalog.trunc(timestamp) RETURNS date LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$ SELECT $1::date $$;

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
END $$;

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
END $$;

CREATE FUNCTION pg_catalog.dateadd(text, bigint, timestamp) RETURNS timestamp
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT $3 + pg_catalog.localredshift_interval($1, $2) $$;

CREATE FUNCTION pg_catalog.dateadd(text, bigint, timestamptz) RETURNS timestamptz
LANGUAGE sql STABLE STRICT PARALLEL SAFE AS $$ SELECT $3 + pg_catalog.localredshift_interval($1, $2) $$;

CREATE FUNCTION pg_catalog.dateadd(text, bigint, date) RETURNS timestamp
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$ SELECT $3::timestamp + pg_catalog.localredshift_interval($1, $2) $$;

CREATE FUNCTION pg_catalog.dateadd(text, bigint, time) RETURNS time
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT $3 + pg_catalog.localredshift_interval($1, $2) $$;

-- DATEDIFF counts datepart boundaries crossed between the two values (Redshift semantics).
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
END $$;

CREATE FUNCTION pg_catalog.datediff(text, timestamptz, timestamptz) RETURNS bigint
LANGUAGE sql STABLE STRICT PARALLEL SAFE AS
$$ SELECT pg_catalog.datediff($1, $2 AT TIME ZONE 'UTC', $3 AT TIME ZONE 'UTC') $$;

CREATE FUNCTION pg_catalog.datediff(text, date, date) RETURNS bigint
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$ SELECT pg_catalog.datediff($1, $2::timestamp, $3::timestamp) $$;

CREATE FUNCTION pg_catalog.datediff(text, time, time) RETURNS bigint
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$ SELECT pg_catalog.datediff($1, '2000-01-01'::date + $2, '2000-01-01'::date + $3) $$;

CREATE FUNCTION pg_catalog.add_months(timestamp, bigint) RETURNS timestamp
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT $1 + make_interval(months => $2::int) $$;

CREATE FUNCTION pg_catalog.add_months(date, bigint) RETURNS timestamp
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT $1::timestamp + make_interval(months => $2::int) $$;

-- CONVERT_TIMEZONE([source,] target, timestamp): the 2-argument form takes UTC as the source.
CREATE FUNCTION pg_catalog.convert_timezone(text, text, timestamp) RETURNS timestamp
LANGUAGE sql STABLE STRICT PARALLEL SAFE AS $$ SELECT ($3 AT TIME ZONE $1) AT TIME ZONE $2 $$;

CREATE FUNCTION pg_catalog.convert_timezone(text, timestamp) RETURNS timestamp
LANGUAGE sql STABLE STRICT PARALLEL SAFE AS $$ SELECT ($2 AT TIME ZONE 'UTC') AT TIME ZONE $1 $$;

CREATE FUNCTION pg_catalog.convert_timezone(text, timestamptz) RETURNS timestamp
LANGUAGE sql STABLE STRICT PARALLEL SAFE AS $$ SELECT $2 AT TIME ZONE $1 $$;

-- Redshift's DATE_TRUNC of a date is a timestamp (PostgreSQL's would be timestamptz).
CREATE FUNCTION pg_catalog.date_trunc(text, date) RETURNS timestamp
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT date_trunc($1, $2::timestamp) $$;

-- VERSION() names Redshift as Redshift does, for tools that look for it.
CREATE OR REPLACE FUNCTION pg_catalog.version() RETURNS text LANGUAGE sql STABLE PARALLEL SAFE AS
$$ SELECT 'PostgreSQL 8.0.2 on i686-pc-linux-gnu, compiled by GCC gcc (GCC) 3.4.2 20041017 (Red Hat 3.4.2-6.fc3),'
          || ' Redshift 1.0.0 (local Redshift on ' || current_setting('server_version') || ')' $$;

-- MONTHS_BETWEEN: whole months when both are the same day of month or both month ends, else
-- fractional by a 31-day month.
CREATE FUNCTION pg_catalog.months_between(date, date) RETURNS double precision
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT CASE
    WHEN extract(day FROM $1) = extract(day FROM $2)
      OR ($1 = (date_trunc('month', $1) + interval '1 month - 1 day')::date
          AND $2 = (date_trunc('month', $2) + interval '1 month - 1 day')::date)
    THEN ((extract(year FROM $1) - extract(year FROM $2)) * 12 + extract(month FROM $1) - extract(month FROM $2))::double precision
    ELSE ((extract(year FROM $1) - extract(year FROM $2)) * 12 + extract(month FROM $1) - extract(month FROM $2)
          + (extract(day FROM $1) - extract(day FROM $2)) / 31.0)::double precision
  END $$;

CREATE FUNCTION pg_catalog.last_day(date) RETURNS date LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$ SELECT (date_trunc('month', $1) + interval '1 month - 1 day')::date $$;

-- DATE_CMP and TIMESTAMP_CMP exist in PostgreSQL with Redshift's meaning (-1, 0, 1).
