-- Redshift's string, number, SUPER/JSON, VARBYTE, GEOMETRY and session functions.

-- ---- Strings and numbers
CREATE FUNCTION pg_catalog.nvl2(anyelement, anycompatible, anycompatible) RETURNS anycompatible
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT CASE WHEN $1 IS NULL THEN $3 ELSE $2 END $$;

CREATE FUNCTION pg_catalog.len(text) RETURNS integer LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$ SELECT length($1) $$;

CREATE FUNCTION pg_catalog.len(bytea) RETURNS integer LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$ SELECT length($1) $$;

-- TEXTLEN exists in PostgreSQL.
CREATE FUNCTION pg_catalog.replicate(text, integer) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$ SELECT repeat($1, $2) $$;

CREATE FUNCTION pg_catalog.sha2(text, integer) RETURNS varchar LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
BEGIN
  CASE $2
    WHEN 0, 256 THEN RETURN encode(sha256(convert_to($1, 'UTF8')), 'hex');
    WHEN 224 THEN RETURN encode(sha224(convert_to($1, 'UTF8')), 'hex');
    WHEN 384 THEN RETURN encode(sha384(convert_to($1, 'UTF8')), 'hex');
    WHEN 512 THEN RETURN encode(sha512(convert_to($1, 'UTF8')), 'hex');
    ELSE RETURN NULL;
  END CASE;
END $$;

CREATE FUNCTION pg_catalog.current_user_id() RETURNS integer LANGUAGE sql STABLE PARALLEL SAFE AS
$$ SELECT oid::integer FROM pg_catalog.pg_roles WHERE rolname = current_user $$;

CREATE FUNCTION pg_catalog.charindex(text, text) RETURNS integer
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT strpos($2, $1) $$;

-- STRTOL(string, base): like C strtol, stops at the first character that is not a digit of the
-- base.
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
END $$;

-- ---- SUPER and JSON
CREATE FUNCTION pg_catalog.json_parse(text) RETURNS super LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$ SELECT $1::jsonb::super $$;

-- JSON_SERIALIZE is PostgreSQL 17 syntax; the translator calls this function by its quoted name
-- instead.
CREATE FUNCTION pg_catalog.json_serialize(jsonb) RETURNS varchar
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT $1::text $$;

CREATE FUNCTION pg_catalog.is_valid_json(text) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT $1 IS JSON $$;

CREATE FUNCTION pg_catalog.is_valid_json_array(text) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT $1 IS JSON ARRAY $$;

CREATE FUNCTION pg_catalog.localredshift_json_path(doc text, path text[], null_if_invalid boolean)
RETURNS varchar LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
  IF doc IS NULL THEN RETURN NULL; END IF;
  IF coalesce(null_if_invalid, false) AND NOT (doc IS JSON) THEN RETURN NULL; END IF;
  RETURN doc::jsonb #>> path;
END $$;

CREATE FUNCTION pg_catalog.json_extract_path_text(text, VARIADIC text[]) RETURNS varchar
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT pg_catalog.localredshift_json_path($1, $2, false) $$;

CREATE FUNCTION pg_catalog.json_extract_path_text(text, text, boolean) RETURNS varchar
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT pg_catalog.localredshift_json_path($1, ARRAY[$2], $3) $$;

CREATE FUNCTION pg_catalog.json_extract_path_text(text, text, text, boolean) RETURNS varchar
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT pg_catalog.localredshift_json_path($1, ARRAY[$2, $3], $4) $$;

CREATE FUNCTION pg_catalog.json_extract_path_text(text, text, text, text, boolean) RETURNS varchar
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT pg_catalog.localredshift_json_path($1, ARRAY[$2, $3, $4], $5) $$;

CREATE FUNCTION pg_catalog.json_extract_path_text(text, text, text, text, text, boolean) RETURNS varchar
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
$$ SELECT pg_catalog.localredshift_json_path($1, ARRAY[$2, $3, $4, $5], $6) $$;

CREATE FUNCTION pg_catalog.json_extract_array_element_text(text, integer) RETURNS varchar
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT ($1::jsonb -> $2) #>> '{}' $$;

CREATE FUNCTION pg_catalog.json_array_length(text) RETURNS integer
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT jsonb_array_length($1::jsonb) $$;

-- ---- VARBYTE
CREATE FUNCTION pg_catalog.from_hex(text) RETURNS varbyte LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$ SELECT decode($1, 'hex')::varbyte $$;

CREATE FUNCTION pg_catalog.to_hex(bytea) RETURNS varchar LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS
$$ SELECT encode($1, 'hex') $$;

CREATE FUNCTION pg_catalog.from_varbyte(bytea, text) RETURNS varchar
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
BEGIN
  CASE lower($2)
    WHEN 'hex' THEN RETURN encode($1, 'hex');
    WHEN 'base64' THEN RETURN replace(encode($1, 'base64'), E'\n', '');
    WHEN 'utf8', 'utf-8' THEN RETURN convert_from($1, 'UTF8');
    WHEN 'binary' THEN
      RETURN coalesce((SELECT string_agg(get_byte($1, i)::bit(8)::text, '' ORDER BY i)
                       FROM generate_series(0, length($1) - 1) AS i), '');
    ELSE RAISE EXCEPTION 'unsupported format: %', $2 USING ERRCODE = '22023';
  END CASE;
END $$;

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
END $$;

-- ---- GEOMETRY / GEOGRAPHY (stored as the EWKB bytes themselves)
-- Redshift's ST_AsHexEWKB returns the EWKB as upper-case hex text (TO_HEX gives lower case).
CREATE FUNCTION pg_catalog.st_ashexewkb(geometry) RETURNS varchar
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT upper(encode($1, 'hex')) $$;

CREATE FUNCTION pg_catalog.st_ashexewkb(geography) RETURNS varchar
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$ SELECT upper(encode($1, 'hex')) $$;

-- ---- Session information (see RedshiftBootstrap's class comment for the contract)
CREATE FUNCTION pg_catalog.pg_last_copy_count() RETURNS bigint LANGUAGE sql STABLE PARALLEL SAFE AS
$$ SELECT coalesce(nullif(current_setting('localredshift.last_copy_count', true), ''), '0')::bigint $$;

CREATE FUNCTION pg_catalog.pg_last_unload_count() RETURNS bigint LANGUAGE sql STABLE PARALLEL SAFE AS
$$ SELECT coalesce(nullif(current_setting('localredshift.last_unload_count', true), ''), '0')::bigint $$;

CREATE FUNCTION pg_catalog.pg_last_query_id() RETURNS integer LANGUAGE sql STABLE PARALLEL SAFE AS
$$ SELECT coalesce(nullif(current_setting('localredshift.last_query_id', true), ''), '-1')::integer $$;

CREATE FUNCTION pg_catalog.pg_last_copy_id() RETURNS integer LANGUAGE sql STABLE PARALLEL SAFE AS
$$ SELECT coalesce(nullif(current_setting('localredshift.last_copy_id', true), ''), '-1')::integer $$;
