-- Late-binding views (CREATE VIEW ... WITH NO SCHEMA BINDING): the translator prefixes such a
-- view with RedshiftSqlTranslator.LATE_BINDING_MARKER; the event triggers record and forget its oid
-- in RedshiftBootstrap.LATE_BINDING_TABLE.

CREATE TABLE {{LATE_BINDING_TABLE}} (view_oid oid PRIMARY KEY);

GRANT SELECT ON {{LATE_BINDING_TABLE}} TO PUBLIC;

CREATE FUNCTION pg_internal.localredshift_track_views() RETURNS event_trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
DECLARE r record;
BEGIN
  FOR r IN SELECT objid FROM pg_event_trigger_ddl_commands() WHERE object_type = 'view' LOOP
    IF strpos(current_query(), '{{LATE_BINDING_MARKER}}') > 0 THEN
      INSERT INTO {{LATE_BINDING_TABLE}} VALUES (r.objid) ON CONFLICT DO NOTHING;
    ELSE
      DELETE FROM {{LATE_BINDING_TABLE}} WHERE view_oid = r.objid;
    END IF;
  END LOOP;
END $$;

CREATE FUNCTION pg_internal.localredshift_forget_views() RETURNS event_trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
BEGIN
  DELETE FROM {{LATE_BINDING_TABLE}} WHERE view_oid IN
    (SELECT objid FROM pg_event_trigger_dropped_objects() WHERE object_type = 'view');
END $$;

CREATE EVENT TRIGGER localredshift_track_views ON ddl_command_end WHEN TAG IN ('CREATE VIEW')
  EXECUTE FUNCTION pg_internal.localredshift_track_views();

CREATE EVENT TRIGGER localredshift_forget_views ON sql_drop
  EXECUTE FUNCTION pg_internal.localredshift_forget_views();
