-- Redshift table attributes (DISTSTYLE, DISTKEY, SORTKEY, ENCODE, BACKUP): the side table
-- (RedshiftBootstrap.TABLE_ATTRIBUTES_TABLE), the event triggers that fill it from the translator's
-- table_attributes marker comment, and helpers of the catalog views.

CREATE TABLE {{TABLE_ATTRIBUTES_TABLE}} (table_oid oid PRIMARY KEY,
  diststyle text NOT NULL DEFAULT 'AUTO', distkey smallint, sortkey_type text NOT NULL DEFAULT 'AUTO',
  sortkey smallint[] NOT NULL DEFAULT '{}', encodings jsonb NOT NULL DEFAULT '{}',
  encode_auto boolean NOT NULL DEFAULT true, backup boolean NOT NULL DEFAULT true,
  create_time timestamp NOT NULL DEFAULT (now() AT TIME ZONE 'UTC'));

GRANT SELECT ON {{TABLE_ATTRIBUTES_TABLE}} TO PUBLIC;

-- A column of the table by name (as the translator resolved it), or the error Redshift gives.
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
END $$;

-- No SET search_path: LIKE's parent name resolves on the creating session's search path.
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
      INSERT INTO {{TABLE_ATTRIBUTES_TABLE}} (table_oid) VALUES (r.objid) ON CONFLICT (table_oid) DO NOTHING;
    ELSE
      -- A new table (an oid left by a temporary table of an ended session starts afresh).
      DELETE FROM {{TABLE_ATTRIBUTES_TABLE}} WHERE table_oid = r.objid;
      INSERT INTO {{TABLE_ATTRIBUTES_TABLE}} (table_oid) VALUES (r.objid);
    END IF;
    IF r.command_tag <> 'ALTER TABLE' AND m ? 'like' THEN
      parent := pg_catalog.to_regclass(m ->> 'like');
      UPDATE {{TABLE_ATTRIBUTES_TABLE}} t SET diststyle = p.diststyle, distkey = p.distkey, sortkey_type = p.sortkey_type,
             sortkey = p.sortkey, encodings = p.encodings, encode_auto = p.encode_auto, backup = p.backup
      FROM {{TABLE_ATTRIBUTES_TABLE}} p WHERE p.table_oid = parent AND t.table_oid = r.objid;
    END IF;
    IF m ? 'diststyle' THEN
      UPDATE {{TABLE_ATTRIBUTES_TABLE}} SET diststyle = m ->> 'diststyle',
             distkey = CASE WHEN m ->> 'distkey' IS NULL THEN NULL
                            ELSE pg_internal.localredshift_attnum(r.objid, m ->> 'distkey') END
      WHERE table_oid = r.objid;
    END IF;
    IF m ? 'sortkey_type' THEN
      UPDATE {{TABLE_ATTRIBUTES_TABLE}} SET sortkey_type = m ->> 'sortkey_type',
             sortkey = ARRAY(SELECT pg_internal.localredshift_attnum(r.objid, k.value)
                             FROM pg_catalog.jsonb_array_elements_text(m -> 'sortkey') WITH ORDINALITY k
                             ORDER BY k.ordinality)
      WHERE table_oid = r.objid;
    END IF;
    IF m ? 'encodings' THEN
      FOR e IN SELECT key, value FROM pg_catalog.jsonb_each_text(m -> 'encodings') LOOP
        UPDATE {{TABLE_ATTRIBUTES_TABLE}} SET encode_auto = false, encodings = encodings
               || pg_catalog.jsonb_build_object(pg_internal.localredshift_attnum(r.objid, e.key)::text, e.value)
        WHERE table_oid = r.objid;
      END LOOP;
    END IF;
    IF (m ->> 'encode_auto')::boolean THEN
      UPDATE {{TABLE_ATTRIBUTES_TABLE}} SET encode_auto = true,
             encodings = CASE WHEN m ? 'alter' THEN '{}'::jsonb ELSE encodings END
      WHERE table_oid = r.objid;
    END IF;
    IF m ? 'backup' THEN
      UPDATE {{TABLE_ATTRIBUTES_TABLE}} SET backup = (m ->> 'backup')::boolean WHERE table_oid = r.objid;
    END IF;
  END LOOP;
END $$;

CREATE FUNCTION pg_internal.localredshift_forget_tables() RETURNS event_trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
BEGIN
  DELETE FROM {{TABLE_ATTRIBUTES_TABLE}} WHERE table_oid IN
    (SELECT objid FROM pg_event_trigger_dropped_objects() WHERE object_type = 'table');
END $$;

CREATE EVENT TRIGGER localredshift_track_tables ON ddl_command_end
  WHEN TAG IN ('CREATE TABLE', 'CREATE TABLE AS', 'SELECT INTO', 'ALTER TABLE')
  EXECUTE FUNCTION pg_internal.localredshift_track_tables();

CREATE EVENT TRIGGER localredshift_forget_tables ON sql_drop
  EXECUTE FUNCTION pg_internal.localredshift_forget_tables();

-- The encoding Redshift shows for a column: the one given, else what ENCODE AUTO / the defaults
-- pick (sort key columns, BOOLEAN, REAL, DOUBLE PRECISION raw; numbers, dates and times az64;
-- strings lzo).
CREATE FUNCTION pg_internal.localredshift_encoding(ta {{TABLE_ATTRIBUTES_TABLE}}, attnum smallint, typid oid)
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
  END $$;

-- Exact row counts for SVV_TABLE_INFO; a table locked by another session answers from the
-- statistics.
CREATE FUNCTION pg_internal.localredshift_table_rows(rel oid) RETURNS bigint
LANGUAGE plpgsql VOLATILE COST 10000 SET lock_timeout = '200ms' AS $$
DECLARE n bigint;
BEGIN
  EXECUTE pg_catalog.format('SELECT count(*) FROM %s', rel::regclass) INTO n;
  RETURN n;
EXCEPTION WHEN OTHERS THEN
  RETURN (SELECT greatest(reltuples, 0)::bigint FROM pg_catalog.pg_class WHERE oid = rel);
END $$;

CREATE FUNCTION pg_internal.localredshift_table_has_rows(rel oid) RETURNS boolean
LANGUAGE plpgsql VOLATILE COST 10000 SET lock_timeout = '200ms' AS $$
DECLARE b boolean;
BEGIN
  EXECUTE pg_catalog.format('SELECT EXISTS (SELECT 1 FROM %s)', rel::regclass) INTO b;
  RETURN b;
EXCEPTION WHEN OTHERS THEN
  RETURN (SELECT reltuples > 0 FROM pg_catalog.pg_class WHERE oid = rel);
END $$;
