-- Functions that the statements RedshiftSqlTranslator writes call: byte-length errors, EXPLAIN,
-- ALTER TABLE APPEND.

-- ---- Lengths in bytes: raised by the CHECK constraints the translator adds to string columns
CREATE FUNCTION pg_catalog.localredshift_value_too_long(v text, n integer) RETURNS boolean
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
BEGIN
  RAISE EXCEPTION 'value too long for type character varying(%)', n USING ERRCODE = '22001';
END $$;

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
END $$;

-- ---- EXPLAIN: PostgreSQL's plan in Redshift's shape (plan nodes prefixed "XN ")
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
END $$;

GRANT EXECUTE ON FUNCTION pg_catalog.localredshift_explain(text, boolean) TO PUBLIC;

-- ---- ALTER TABLE target APPEND FROM source [IGNOREEXTRA | FILLTARGET]: moves the rows
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
END $$;
