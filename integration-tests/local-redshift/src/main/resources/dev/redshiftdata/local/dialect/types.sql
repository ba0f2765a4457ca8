-- Redshift's schema pg_internal and its type names, with the casts that make numbers and booleans
-- SUPER scalars.

CREATE SCHEMA pg_internal;

GRANT USAGE ON SCHEMA pg_internal TO PUBLIC;

-- ---- Types
CREATE DOMAIN pg_catalog.super AS jsonb;

CREATE DOMAIN pg_catalog.varbyte AS bytea;

CREATE DOMAIN pg_catalog.geometry AS bytea;

CREATE DOMAIN pg_catalog.geography AS bytea;

CREATE DOMAIN pg_catalog.hllsketch AS text;

-- Numbers and booleans assign to SUPER as scalars, as in Redshift (casts to a domain use its base
-- type).
CREATE FUNCTION pg_catalog.localredshift_super(smallint) RETURNS jsonb
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT to_jsonb($1) $$;

CREATE FUNCTION pg_catalog.localredshift_super(integer) RETURNS jsonb
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT to_jsonb($1) $$;

CREATE FUNCTION pg_catalog.localredshift_super(bigint) RETURNS jsonb
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT to_jsonb($1) $$;

CREATE FUNCTION pg_catalog.localredshift_super(numeric) RETURNS jsonb
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT to_jsonb($1) $$;

CREATE FUNCTION pg_catalog.localredshift_super(real) RETURNS jsonb
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT to_jsonb($1) $$;

CREATE FUNCTION pg_catalog.localredshift_super(double precision) RETURNS jsonb
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT to_jsonb($1) $$;

CREATE FUNCTION pg_catalog.localredshift_super(boolean) RETURNS jsonb
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT to_jsonb($1) $$;

CREATE CAST (smallint AS jsonb) WITH FUNCTION pg_catalog.localredshift_super(smallint) AS ASSIGNMENT;

CREATE CAST (integer AS jsonb) WITH FUNCTION pg_catalog.localredshift_super(integer) AS ASSIGNMENT;

CREATE CAST (bigint AS jsonb) WITH FUNCTION pg_catalog.localredshift_super(bigint) AS ASSIGNMENT;

CREATE CAST (numeric AS jsonb) WITH FUNCTION pg_catalog.localredshift_super(numeric) AS ASSIGNMENT;

CREATE CAST (real AS jsonb) WITH FUNCTION pg_catalog.localredshift_super(real) AS ASSIGNMENT;

CREATE CAST (double precision AS jsonb) WITH FUNCTION pg_catalog.localredshift_super(double precision) AS ASSIGNMENT;

CREATE CAST (boolean AS jsonb) WITH FUNCTION pg_catalog.localredshift_super(boolean) AS ASSIGNMENT;
