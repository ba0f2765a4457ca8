package dev.redshiftdata.local.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.local.dialect.RedshiftSqlTranslator.Translation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedshiftSqlTranslatorTest {

  /**
   * The translation without the byte-length CHECK constraints of string columns (asserted in
   * byteLengthChecks).
   */
  private static String pg(String sql) {
    return unchecked(RedshiftSqlTranslator.toPostgres(sql, false));
  }

  private static String unchecked(String pgSql) {
    return pgSql
        .replaceAll(
            " CONSTRAINT \"localredshift_bytes_[^\"]*\" CHECK \\(octet_length\\(.*?"
                + "localredshift_(value_too_long|multibyte_char)\\(\"[^\"]*\"::text(, \\d+)?\\)\\)",
            "")
        .replaceAll(", DROP CONSTRAINT IF EXISTS \"localredshift_bytes_[^\"]*\", ADD$", "");
  }

  /** The translation without its leading table-attributes marker comment (asserted separately). */
  private static String unmarked(String pgSql) {
    return pgSql.replaceFirst("^/\\*localredshift:table_attributes .*?\\*/ ", "");
  }

  private static String pgCs(String sql) {
    return unchecked(RedshiftSqlTranslator.toPostgres(sql, true));
  }

  // ---- identifiers
  // ------------------------------------------------------------------------------------

  @Test
  void quotedIdentifiersAreFoldedToLowerCase() {
    assertEquals(
        "CREATE TABLE \"mytable\" (\"mycol\" int)", pg("CREATE TABLE \"MyTable\" (\"MyCol\" int)"));
    assertEquals("SELECT \"a\"\"b\" FROM \"s\".\"t\"", pg("SELECT \"A\"\"B\" FROM \"S\".\"T\""));
  }

  @Test
  void caseSensitiveIdentifiersKeepQuotedCase() {
    assertEquals(
        "CREATE TABLE \"MyTable\" (\"MyCol\" int)",
        pgCs("CREATE TABLE \"MyTable\" (\"MyCol\" int)"));
  }

  @Test
  void unquotedIdentifiersAreLeftToPostgres() {
    assertEquals("SELECT MyCol FROM MyTable", pg("SELECT MyCol FROM MyTable"));
    assertEquals("SELECT MyCol FROM MyTable", pgCs("SELECT MyCol FROM MyTable"));
  }

  @Test
  void nonAsciiLettersAreNotFolded() {
    assertEquals("SELECT \"Äbc_ÜnÏ_dÉf\" FROM \"Öl\"", pg("SELECT \"ÄBC_ÜNÏ_DÉF\" FROM \"ÖL\""));
    assertEquals("SELECT \"Äbc\"", pg("SELECT \"ÄBC\""));
    assertEquals("SELECT \"straße_ÿ\"", pg("SELECT \"STRAßE_ÿ\""));
  }

  @Test
  void quotedUserNamesKeepTheirCase() {
    assertEquals(
        "CREATE USER \"BobSmith\" PASSWORD 'x'", pg("CREATE USER \"BobSmith\" PASSWORD 'x'"));
    assertEquals(
        "ALTER USER \"BobSmith\" RENAME TO \"bob\"",
        pg("ALTER USER \"BobSmith\" RENAME TO \"Bob\""));
  }

  @Test
  void literalsCommentsAndDollarQuotesAreNeverChanged() {
    String sql =
        "SELECT 'It''s \"MyCol\" \\' sysdate', E'\\n\"X\"', $$ \"Y\" nvl( $$, $t$ \"Z\" $t$ -- \"C\" sysdate\n"
            + "/* \"D\" /* nested \"E\" */ text */ FROM t";
    assertEquals(sql, pg(sql));
  }

  @Test
  void backslashEscapedQuoteDoesNotEndTheLiteral() {
    assertEquals("SELECT 'a\\' \"B\" nvl(x)' , \"c\"", pg("SELECT 'a\\' \"B\" nvl(x)' , \"C\""));
  }

  @Test
  void unterminatedLiteralIsPassedThrough() {
    assertEquals("SELECT 'abc \"X\"", pg("SELECT 'abc \"X\""));
    assertEquals("SELECT \"x", pg("SELECT \"X"));
  }

  // ---- types
  // ----------------------------------------------------------------------------------------------

  @Test
  void columnTypes() {
    assertEquals(
        "CREATE TABLE t (a varchar(256), b varchar(256), c VARCHAR(10), d varchar(5), e char(3),"
            + " f numeric(18,0), g numeric(18,0), h NUMERIC(10,2), i CHARACTER varying(256), j CHARACTER VARYING(9))",
        pg(
            "CREATE TABLE t (a TEXT, b VARCHAR, c VARCHAR(10), d NVARCHAR(5), e NCHAR(3), f DECIMAL, g NUMERIC,"
                + " h NUMERIC(10,2), i CHARACTER VARYING, j CHARACTER VARYING(9))"));
  }

  @Test
  void varbyteLengthIsDropped() {
    assertEquals(
        "CREATE TABLE t (a varbyte, b varbyte, c varbyte , d varbyte)",
        pg("CREATE TABLE t (a VARBYTE(10), b VARBINARY(20), c BINARY VARYING(30), d VARBYTE)"));
    assertEquals(
        "SELECT 'ab'::varbyte, CAST(x AS varbyte)",
        pg("SELECT 'ab'::VARBYTE(5), CAST(x AS VARBINARY(3))"));
  }

  @Test
  void redshiftTypesPassThrough() {
    assertEquals(
        "CREATE TABLE t (s SUPER, g GEOMETRY, h HLLSKETCH, z TIMETZ, y TIMESTAMPTZ, b BPCHAR(3))",
        pg(
            "CREATE TABLE t (s SUPER, g GEOMETRY, h HLLSKETCH, z TIMETZ, y TIMESTAMPTZ, b BPCHAR(3))"));
  }

  @Test
  void textOutsideColumnDefinitionsIsKept() {
    assertEquals(
        "SELECT a::text, CAST(b AS varchar), c AS text, text FROM t",
        pg("SELECT a::text, CAST(b AS varchar), c AS text, text FROM t"));
    assertEquals("CREATE TABLE t (text varchar(256))", pg("CREATE TABLE t (text TEXT)"));
    assertEquals(
        "CREATE TABLE t AS SELECT a, b text FROM u",
        pg("CREATE TABLE t AS SELECT a, b text FROM u"));
  }

  @Test
  void alterTableColumnTypes() {
    assertEquals("ALTER TABLE t ADD COLUMN c varchar(256)", pg("ALTER TABLE t ADD COLUMN c TEXT"));
    assertEquals(
        "ALTER TABLE t ADD c numeric(18,0) DEFAULT 0", pg("ALTER TABLE t ADD c DECIMAL DEFAULT 0"));
    assertEquals(
        "ALTER TABLE t ALTER COLUMN c TYPE varchar(256)",
        pg("ALTER TABLE t ALTER COLUMN c TYPE VARCHAR"));
    assertEquals(
        "ALTER TABLE t ALTER COLUMN c TYPE VARCHAR(300)",
        pg("ALTER TABLE t ALTER COLUMN c TYPE VARCHAR(300)"));
  }

  @Test
  void identity() {
    assertEquals(
        "CREATE TABLE t (id BIGINT GENERATED BY DEFAULT AS IDENTITY (START WITH 1 INCREMENT BY 1), v INT)",
        pg("CREATE TABLE t (id BIGINT IDENTITY(1,1), v INT)"));
    assertEquals(
        "CREATE TABLE t (id INT GENERATED BY DEFAULT AS IDENTITY (START WITH 100 INCREMENT BY -5) NOT NULL)",
        pg("CREATE TABLE t (id INT IDENTITY( 100 , -5 ) NOT NULL)"));
    assertEquals(
        "CREATE TABLE t (id INT GENERATED BY DEFAULT AS IDENTITY (START WITH 0 INCREMENT BY 2))",
        pg("CREATE TABLE t (id INT GENERATED BY DEFAULT AS IDENTITY(0, 2))"));
  }

  // ---- table attributes
  // -------------------------------------------------------------------------------------

  @Test
  void tableAttributesAreStrippedAndReported() {
    Translation t =
        RedshiftSqlTranslator.translate(
            "CREATE TABLE t (a INT, b INT) DISTSTYLE KEY DISTKEY(a) COMPOUND SORTKEY(a, b) BACKUP NO ENCODE AUTO",
            false);
    assertEquals("CREATE TABLE t (a INT, b INT)", unmarked(unchecked(t.sql())).strip());
    assertEquals(
        List.of(
            "DISTSTYLE KEY", "DISTKEY(a)", "COMPOUND SORTKEY(a, b)", "BACKUP NO", "ENCODE AUTO"),
        t.strippedAttributes());
    assertEquals(StatementKind.OTHER, t.kind());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "DISTSTYLE AUTO", "DISTSTYLE EVEN", "DISTSTYLE ALL", "DISTSTYLE KEY DISTKEY (a)",
            "SORTKEY AUTO",
        "SORTKEY (a)", "INTERLEAVED SORTKEY (a, b)", "COMPOUND SORTKEY (b)", "BACKUP YES",
            "ENCODE AUTO",
        "diststyle even sortkey(a)"
      })
  void eachTableAttribute(String attribute) {
    assertEquals(
        "CREATE TABLE t (a INT, b INT)",
        unmarked(pg("CREATE TABLE t (a INT, b INT) " + attribute)).strip());
  }

  @Test
  void columnAttributesAreStripped() {
    Translation t =
        RedshiftSqlTranslator.translate(
            "CREATE TABLE t (a INT ENCODE az64 DISTKEY, b VARCHAR(5) ENCODE lzo SORTKEY NOT NULL, c INT ENCODE RAW)",
            false);
    assertEquals(
        "CREATE TABLE t (a INT, b VARCHAR(5) NOT NULL, c INT)",
        unmarked(unchecked(t.sql())).replaceAll(" +", " ").replace(" ,", ",").replace(" )", ")"));
    assertEquals(
        List.of("ENCODE az64", "DISTKEY", "ENCODE lzo", "SORTKEY", "ENCODE RAW"),
        t.strippedAttributes());
  }

  @Test
  void ctasAndTempAndLikeAttributes() {
    assertEquals(
        "CREATE TEMP TABLE t AS SELECT encode(x, 'hex') FROM u",
        unmarked(
                pg(
                    "CREATE TEMP TABLE t DISTSTYLE EVEN SORTKEY (a) AS SELECT encode(x, 'hex') FROM u"))
            .replaceAll(" +", " "));
    assertEquals(
        "CREATE TABLE t (LIKE u INCLUDING CONSTRAINTS)",
        unmarked(pg("CREATE TABLE t (LIKE u) DISTSTYLE ALL")).strip());
    assertEquals(
        "CREATE LOCAL TEMPORARY TABLE t (a INT)",
        unmarked(pg("CREATE LOCAL TEMPORARY TABLE t (a INT ENCODE zstd)")).replace(" )", ")"));
  }

  @Test
  void attributeWordsAsColumnNames() {
    assertEquals(
        "CREATE TABLE t (encode INT, distkey INT, sortkey varchar(256), backup BOOL)",
        unmarked(pg("CREATE TABLE t (encode INT, distkey INT, sortkey TEXT, backup BOOL)")));
    assertEquals(
        "CREATE TABLE t (a INT, encode INT)",
        unmarked(pg("CREATE TABLE t (a INT ENCODE zstd, encode INT ENCODE raw)"))
            .replaceAll(" +", " ")
            .replace(" ,", ",")
            .replace(" )", ")"));
  }

  @Test
  void attributeWordsAsColumnNamesInAlterTable() {
    assertEquals(
        "ALTER TABLE t RENAME COLUMN encode TO diststyle",
        unmarked(pg("ALTER TABLE t RENAME COLUMN encode TO diststyle")));
    assertEquals(
        "ALTER TABLE t DROP COLUMN sortkey", unmarked(pg("ALTER TABLE t DROP COLUMN sortkey")));
    assertEquals(
        "ALTER TABLE t ADD COLUMN backup INT",
        unmarked(pg("ALTER TABLE t ADD COLUMN backup INT ENCODE az64")).strip());
  }

  @Test
  void informationalConstraintsAreStripped() {
    Translation t =
        RedshiftSqlTranslator.translate(
            "CREATE TABLE t (id INT PRIMARY KEY, code CHAR(2) UNIQUE NOT NULL,"
                + " parent INT REFERENCES s.p (id), other INT CONSTRAINT fk REFERENCES q, CONSTRAINT pk PRIMARY KEY (id, code),"
                + " UNIQUE (code), FOREIGN KEY (parent) REFERENCES s.p(id) ON DELETE CASCADE) DISTSTYLE ALL",
            false);
    assertEquals(
        "CREATE TABLE t (id INT, code CHAR(2) NOT NULL, parent INT, other INT)",
        unmarked(unchecked(t.sql()))
            .replaceAll(" +", " ")
            .replace(" ,", ",")
            .replace(" )", ")")
            .strip());
    assertEquals(
        List.of(
            "PRIMARY KEY",
            "UNIQUE",
            "REFERENCES s.p (id)",
            "CONSTRAINT fk REFERENCES q",
            ", CONSTRAINT pk PRIMARY KEY (id, code)",
            ", UNIQUE (code)",
            ", FOREIGN KEY (parent) REFERENCES s.p(id) ON DELETE CASCADE",
            "DISTSTYLE ALL"),
        t.strippedAttributes());
    assertEquals(
        "CREATE TABLE t ( a INT)",
        unmarked(pg("CREATE TABLE t (PRIMARY KEY (a), a INT)")).replaceAll(" +", " "));
    assertEquals(
        "CREATE TABLE t (a INT CHECK (a > 0))",
        unmarked(pg("CREATE TABLE t (a INT CHECK (a > 0))")));
    for (String sql :
        List.of(
            "ALTER TABLE t ADD PRIMARY KEY (a)",
            "ALTER TABLE t ADD CONSTRAINT u UNIQUE (a)",
            "ALTER TABLE t ADD FOREIGN KEY (a) REFERENCES p (id)")) {
      assertTrue(unmarked(pg(sql)).startsWith("DO "), sql);
    }
    assertEquals("ALTER TABLE t ADD COLUMN c INT", unmarked(pg("ALTER TABLE t ADD COLUMN c INT")));
  }

  @Test
  void materializedViewAttributes() {
    Translation t =
        RedshiftSqlTranslator.translate(
            "CREATE MATERIALIZED VIEW mv BACKUP NO DISTSTYLE KEY DISTKEY(a)"
                + " SORTKEY(a) AUTO REFRESH YES AS SELECT a, encode(b, 'hex') FROM t",
            false);
    assertEquals(
        "CREATE MATERIALIZED VIEW mv AS SELECT a, encode(b, 'hex') FROM t",
        unmarked(unchecked(t.sql())).replaceAll(" +", " "));
    assertEquals(
        List.of("BACKUP NO", "DISTSTYLE KEY", "DISTKEY(a)", "SORTKEY(a)", "AUTO REFRESH YES"),
        t.strippedAttributes());
  }

  @Test
  void encodeFunctionIsNotAnAttribute() {
    assertEquals(
        "SELECT encode(x, 'base64') FROM t", unmarked(pg("SELECT encode(x, 'base64') FROM t")));
    assertEquals(
        "CREATE TABLE t (a varchar(256) DEFAULT encode('x', 'hex'))",
        unmarked(pg("CREATE TABLE t (a TEXT DEFAULT encode('x', 'hex'))")));
  }

  @Test
  void alterTableDistAndSortChangesAreNoOps() {
    for (String sql :
        List.of(
            "ALTER TABLE t ALTER DISTSTYLE ALL",
            "ALTER TABLE t ALTER DISTKEY a",
            "ALTER TABLE t ALTER SORTKEY (a, b)",
            "ALTER TABLE t ALTER COMPOUND SORTKEY (a)",
            "ALTER TABLE t ALTER ENCODE AUTO",
            "ALTER TABLE t ALTER COLUMN c ENCODE zstd",
            "alter table t alter sortkey none")) {
      Translation t = RedshiftSqlTranslator.translate(sql, false);
      assertTrue(
          t.sql().startsWith(RedshiftSqlTranslator.TABLE_ATTRIBUTES_MARKER)
              && t.sql().endsWith("*/ ALTER TABLE \"t\" RESET (fillfactor)"),
          sql + " -> " + t.sql());
      assertEquals(List.of(sql), t.strippedAttributes());
    }
    assertEquals(
        "ALTER TABLE t ADD COLUMN c INT",
        unmarked(pg("ALTER TABLE t ADD COLUMN c INT ENCODE zstd")).strip());
  }

  @Test
  void tableAttributesAreCarriedInAMarker() {
    String m = RedshiftSqlTranslator.TABLE_ATTRIBUTES_MARKER;
    assertEquals(
        m
            + "{\"diststyle\":\"KEY\",\"distkey\":\"a\",\"sortkey_type\":\"COMPOUND\",\"sortkey\":[\"a\",\"b\"],"
            + "\"encode_auto\":true,\"backup\":false}*/ CREATE TABLE t (a INT, b INT)",
        pg("CREATE TABLE t (a INT, b INT) DISTSTYLE KEY DISTKEY(a) COMPOUND SORTKEY(a, b) BACKUP NO ENCODE AUTO")
            .strip());
    assertEquals(
        m
            + "{\"diststyle\":\"KEY\",\"distkey\":\"a\",\"sortkey_type\":\"COMPOUND\",\"sortkey\":[\"my col\"],"
            + "\"encodings\":{\"a\":\"az64\",\"my col\":\"lzo\"}}*/",
        pg("CREATE TABLE t (a INT ENCODE az64 DISTKEY, \"My Col\" VARCHAR(5) ENCODE lzo SORTKEY)")
            .split(" CREATE")[0]);
    assertEquals(
        m + "{\"like\":\"\\\"s\\\".\\\"u\\\"\"}*/",
        pg("CREATE TABLE t (LIKE s.U)").split(" CREATE")[0]);
    assertEquals(
        m
            + "{\"alter\":true,\"diststyle\":\"KEY\",\"distkey\":\"b\"}*/ ALTER TABLE \"s\".\"t\" RESET (fillfactor)",
        pg("ALTER TABLE s.T ALTER DISTSTYLE KEY DISTKEY b"));
    assertEquals(
        m
            + "{\"alter\":true,\"sortkey_type\":\"NONE\",\"sortkey\":[]}*/ ALTER TABLE \"t\" RESET (fillfactor)",
        pg("ALTER TABLE t ALTER SORTKEY NONE"));
    assertEquals(
        m + "{\"alter\":true,\"encodings\":{\"c\":\"zstd\"}}*/ ALTER TABLE t ADD COLUMN c INT",
        pg("ALTER TABLE t ADD COLUMN c INT ENCODE zstd").replace(" ENCODE zstd", "").strip());
    // A name cannot end the comment early.
    assertTrue(
        pg("CREATE TABLE t (\"a*/b\" INT DISTKEY)")
            .startsWith(m + "{\"diststyle\":\"KEY\",\"distkey\":\"a\\u002a\\u002fb\"}*/"));
    assertEquals("CREATE TABLE t (a INT)", pg("CREATE TABLE t (a INT)"));
  }

  @Test
  void byteLengthChecks() {
    String check5 =
        " CONSTRAINT \"localredshift_bytes_b\" CHECK (octet_length(\"b\"::text) <= 5"
            + " OR pg_catalog.localredshift_value_too_long(\"b\"::text, 5))";
    assertEquals(
        "CREATE TABLE t (a INT, b VARCHAR(5) NOT NULL" + check5 + ", c INT)",
        RedshiftSqlTranslator.toPostgres(
            "CREATE TABLE t (a INT, b VARCHAR(5) NOT NULL, c INT)", false));
    assertEquals(
        "ALTER TABLE t ADD COLUMN b NVARCHAR(5)".replace("NVARCHAR", "varchar") + check5,
        RedshiftSqlTranslator.toPostgres("ALTER TABLE t ADD COLUMN b NVARCHAR(5)", false));
    assertEquals(
        "ALTER TABLE t ALTER COLUMN b TYPE VARCHAR(5), DROP CONSTRAINT IF EXISTS \"localredshift_bytes_b\","
            + " ADD"
            + check5,
        RedshiftSqlTranslator.toPostgres("ALTER TABLE t ALTER COLUMN b TYPE VARCHAR(5)", false));
    assertTrue(
        RedshiftSqlTranslator.toPostgres("CREATE TABLE t (\"B\" TEXT)", false)
            .contains(
                "varchar(256) CONSTRAINT \"localredshift_bytes_b\" CHECK (octet_length(\"b\"::text) <= 256 OR"));
    assertTrue(
        RedshiftSqlTranslator.toPostgres("CREATE TABLE t (c VARCHAR(MAX))", false)
            .contains("<= 65535 OR"));
    assertTrue(
        RedshiftSqlTranslator.toPostgres("CREATE TABLE t (c CHAR)", false)
            .contains(
                "CHAR CONSTRAINT \"localredshift_bytes_c\" CHECK (octet_length(\"c\"::text) = char_length(\"c\"::text)"
                    + " OR pg_catalog.localredshift_multibyte_char(\"c\"::text))"));
    assertEquals(
        "SELECT 'x'::varchar(5), CAST(y AS char(2)) FROM t",
        RedshiftSqlTranslator.toPostgres(
            "SELECT 'x'::varchar(5), CAST(y AS char(2)) FROM t", false));
  }

  @Test
  void mergeRemoveDuplicates() {
    assertEquals(
        "WITH localredshift_replaced AS (DELETE FROM t USING s WHERE t.id = s.id) INSERT INTO t SELECT * FROM s",
        pg("MERGE INTO t USING s ON t.id = s.id REMOVE DUPLICATES;"));
    assertEquals(
        "WITH localredshift_replaced AS (DELETE FROM \"x\".t AS tt USING (SELECT 1 AS id) AS s WHERE tt.id = s.id)"
            + " INSERT INTO \"x\".t SELECT * FROM (SELECT 1 AS id) AS s",
        pg(
            "MERGE INTO \"X\".t AS tt USING (SELECT 1 AS id) AS s ON tt.id = s.id REMOVE DUPLICATES"));
    String merge =
        "MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN UPDATE SET v = s.v"
            + " WHEN NOT MATCHED THEN INSERT VALUES (s.id, s.v)";
    assertEquals(merge, pg(merge));
  }

  @Test
  void alterTableAppend() {
    assertEquals(
        "CALL pg_catalog.localredshift_append_from('\"t\"', '\"s\".\"src\"', '')",
        pg("ALTER TABLE t APPEND FROM s.\"Src\""));
    assertEquals(
        "CALL pg_catalog.localredshift_append_from('\"t\"', '\"u\"', 'IGNOREEXTRA')",
        pg("alter table T append from u ignoreextra;"));
    assertEquals(
        "CALL pg_catalog.localredshift_append_from('\"t\"', '\"u\"', 'FILLTARGET')",
        pg("ALTER TABLE t APPEND FROM u FILLTARGET"));
  }

  @Test
  void hashTablesAreTemporary() {
    assertEquals("CREATE TEMP TABLE \"#stage\" (a INT)", pg("CREATE TABLE #Stage (a INT)"));
    assertEquals(
        "CREATE TEMP TABLE IF NOT EXISTS \"#s\" AS SELECT 1",
        pg("CREATE TABLE IF NOT EXISTS #s AS SELECT 1"));
    assertEquals("CREATE TEMP TABLE \"#s\" (a INT)", pg("CREATE TEMP TABLE #s (a INT)"));
    assertEquals(
        "SELECT * FROM \"#s\" JOIN \"#t\" ON true", pg("SELECT * FROM #s JOIN #t ON true"));
    assertEquals("SELECT a INTO TEMP \"#c\" FROM t", pg("SELECT a INTO #c FROM t"));
    assertEquals("INSERT INTO \"#s\" VALUES (1)", pg("INSERT INTO #s VALUES (1)"));
    assertEquals("DROP TABLE \"#s\"", pg("DROP TABLE #s"));
    assertEquals("SELECT 5 # 3, a #b FROM t", pg("SELECT 5 # 3, a #b FROM t"));
    assertEquals(
        "CALL pg_catalog.localredshift_append_from('\"#t\"', '\"#s\"', '')",
        pg("ALTER TABLE #T APPEND FROM #s"));
    assertTrue(
        pg("ALTER TABLE #t ALTER DISTSTYLE ALL")
            .endsWith("*/ ALTER TABLE \"#t\" RESET (fillfactor)"));
  }

  @Test
  void explainRunsThroughThePlanFunction() {
    assertEquals(
        "SELECT \"QUERY PLAN\" FROM pg_catalog.localredshift_explain('SELECT  coalesce(a, ''x'') FROM t LIMIT 5',"
            + " false)",
        pg("EXPLAIN SELECT TOP 5 NVL(a, 'x') FROM t;"));
    assertEquals(
        "SELECT \"QUERY PLAN\" FROM pg_catalog.localredshift_explain('SELECT 1', true)",
        pg("explain verbose SELECT 1"));
  }

  @Test
  void lateBindingViews() {
    Translation t =
        RedshiftSqlTranslator.translate(
            "CREATE OR REPLACE VIEW v AS SELECT * FROM s.t WITH NO SCHEMA BINDING;", false);
    assertEquals(
        RedshiftSqlTranslator.LATE_BINDING_MARKER
            + " CREATE OR REPLACE VIEW v AS SELECT * FROM s.t ;",
        t.sql());
    assertTrue(t.lateBindingView());
    Translation plain = RedshiftSqlTranslator.translate("CREATE VIEW v AS SELECT 1", false);
    assertEquals("CREATE VIEW v AS SELECT 1", plain.sql());
    assertFalse(plain.lateBindingView());
  }

  // ---- functions
  // -------------------------------------------------------------------------------------------

  @Test
  void sysdateBecomesAFunctionCall() {
    assertEquals(
        "SELECT sysdate(), trunc(sysdate()) FROM t WHERE d < sysdate()",
        pg("SELECT sysdate, trunc(SYSDATE) FROM t WHERE d < SysDate"));
    assertEquals(
        "SELECT t.sysdate, \"sysdate\" FROM t", pg("SELECT t.sysdate, \"SYSDATE\" FROM t"));
    assertEquals("SELECT getdate()", pg("SELECT getdate()"));
  }

  @Test
  void nvlBecomesCoalesce() {
    assertEquals(
        "SELECT coalesce(a, coalesce(b, 0)) FROM t", pg("SELECT NVL(a, nvl(b, 0)) FROM t"));
    assertEquals("SELECT nvl2(a, 1, 2)", pg("SELECT nvl2(a, 1, 2)"));
  }

  @Test
  void decodeBecomesCase() {
    assertEquals(
        "SELECT CASE WHEN (x) IS NOT DISTINCT FROM (1) THEN 'a' WHEN (x) IS NOT DISTINCT FROM (2) THEN 'b'"
            + " ELSE 'c' END FROM t",
        pg("SELECT DECODE(x, 1, 'a', 2, 'b', 'c') FROM t"));
    assertEquals(
        "SELECT CASE WHEN (f(x, y)) IS NOT DISTINCT FROM ('a,b') THEN coalesce(z, 1) END",
        pg("SELECT decode(f(x, y), 'a,b', nvl(z, 1))"));
    assertEquals("SELECT decode('YWJj', 'base64')", pg("SELECT decode('YWJj', 'base64')"));
  }

  @Test
  void datePartWordsBecomeLiterals() {
    assertEquals(
        "SELECT DATEADD('day', 1, d), DATEDIFF('hour', a, b), DATE_PART('dow', d), dateadd('month', 1, d)",
        pg(
            "SELECT DATEADD(day, 1, d), DATEDIFF(HOUR, a, b), DATE_PART(dow, d), dateadd('month', 1, d)"));
  }

  @Test
  void jsonSerializeCallsTheBootstrapFunction() {
    assertEquals(
        "SELECT \"json_serialize\"(JSON_PARSE('[1]'))",
        pg("SELECT JSON_SERIALIZE(JSON_PARSE('[1]'))"));
  }

  @Test
  void convertListaggMedianApproximate() {
    assertEquals(
        "SELECT CAST(x + 1 AS varchar(10)), convert('a', 'UTF8', 'LATIN1')",
        pg("SELECT CONVERT(varchar(10), x + 1), convert('a', 'UTF8', 'LATIN1')"));
    assertEquals(
        "SELECT string_agg((name)::varchar, ', ' ORDER BY name DESC) FROM t",
        pg("SELECT LISTAGG(name, ', ') WITHIN GROUP (ORDER BY name DESC) FROM t"));
    assertEquals(
        "SELECT string_agg(DISTINCT (coalesce(a, 'x'))::varchar, '') FROM t",
        pg("SELECT listagg(DISTINCT nvl(a, 'x')) FROM t"));
    assertEquals(
        "SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY price) FROM t",
        pg("SELECT MEDIAN(price) FROM t"));
    assertEquals("SELECT MEDIAN(price) OVER () FROM t", pg("SELECT MEDIAN(price) OVER () FROM t"));
    assertEquals(
        "SELECT  COUNT(DISTINCT a) FROM t", pg("SELECT APPROXIMATE COUNT(DISTINCT a) FROM t"));
  }

  @Test
  void varcharMax() {
    assertEquals(
        "CREATE TABLE t (a VARCHAR(65535), b varchar(65535), c CHAR(4096), d CHARACTER VARYING(65535))",
        pg(
            "CREATE TABLE t (a VARCHAR(MAX), b NVARCHAR(max), c CHAR(MAX), d CHARACTER VARYING(MAX))"));
    assertEquals("SELECT x::VARCHAR(65535)", pg("SELECT x::VARCHAR(MAX)"));
  }

  @Test
  void regexpReplaceReplacesAllMatches() {
    assertEquals(
        "SELECT regexp_replace(a, '[0-9]', 'x', 'g')",
        pg("SELECT REGEXP_REPLACE(a, '[0-9]', 'x')"));
    assertEquals("SELECT regexp_replace(a, 'b', '', 'g')", pg("SELECT regexp_replace(a, 'b')"));
    assertEquals(
        "SELECT regexp_replace(a, 'b', 'c', 3, 0)", pg("SELECT regexp_replace(a, 'b', 'c', 3)"));
    assertEquals(
        "SELECT regexp_replace(a, 'b', 'c', 1, 0, 'i')",
        pg("SELECT regexp_replace(a, 'b', 'c', 1, 'ip')"));
    assertEquals(
        "SELECT current_user_id(), x.current_user_id FROM x",
        pg("SELECT current_user_id, x.current_user_id FROM x"));
  }

  @Test
  void dataApiParametersAreNotRewritten() {
    assertEquals(
        "SELECT * FROM t WHERE a = :sysdate AND b = :nvl AND c::text = :text AND \"x\" = :X",
        pg("SELECT * FROM t WHERE a = :sysdate AND b = :nvl AND c::text = :text AND \"X\" = :X"));
  }

  @Test
  void vacuumAndAnalyzeOptions() {
    assertEquals("VACUUM t", pg("VACUUM FULL t TO 75 PERCENT BOOST").replaceAll(" +", " ").strip());
    assertEquals("VACUUM s.t", pg("VACUUM SORT ONLY s.t").replaceAll(" +", " "));
    assertEquals("VACUUM t;", pg("VACUUM DELETE ONLY t;").replaceAll(" +", " "));
    assertEquals("VACUUM", pg("VACUUM REINDEX").strip());
    assertEquals("ANALYZE t", pg("ANALYZE t PREDICATE COLUMNS").strip());
    assertEquals("ANALYZE t", pg("ANALYZE t ALL COLUMNS").strip());
  }

  @Test
  void userOptions() {
    assertEquals(
        "CREATE USER bob PASSWORD NULL SUPERUSER",
        pg("CREATE USER bob PASSWORD DISABLE CREATEUSER"));
    assertEquals(
        "CREATE USER \"Bob\" PASSWORD 'Abc12345' NOSUPERUSER",
        pg("CREATE USER \"Bob\" PASSWORD 'Abc12345' NOCREATEUSER SYSLOG ACCESS RESTRICTED SESSION TIMEOUT 3600")
            .replaceAll(" +", " ")
            .strip());
  }

  @Test
  void selectTopBecomesLimit() {
    assertEquals("SELECT  * FROM t ORDER BY a LIMIT 10", pg("SELECT TOP 10 * FROM t ORDER BY a"));
    assertEquals("SELECT DISTINCT  a FROM t LIMIT 3;", pg("SELECT DISTINCT TOP 3 a FROM t;"));
    assertEquals("SELECT TOP 3 a FROM t LIMIT 5", pg("SELECT TOP 3 a FROM t LIMIT 5"));
    assertEquals("SELECT  a FROM t LIMIT 2 -- done", pg("SELECT TOP 2 a FROM t -- done"));
  }

  // ---- SET / RESET / SHOW enable_case_sensitive_identifier
  // ------------------------------------------------

  @Test
  void setCaseSensitiveIdentifier() {
    String[][] cases = {
      {"SET enable_case_sensitive_identifier TO true", "true"},
      {"set enable_case_sensitive_identifier = false;", "false"},
      {"SET enable_case_sensitive_identifier TO on", "true"},
      {"SET enable_case_sensitive_identifier TO OFF", "false"},
      {"SET enable_case_sensitive_identifier TO 'true'", "true"},
      {"SET SESSION enable_case_sensitive_identifier TO 1", "true"},
      {"  -- comment\n SET enable_case_sensitive_identifier TO no", "false"},
    };
    for (String[] c : cases) {
      setCaseSensitiveIdentifier(c[0], Boolean.parseBoolean(c[1]));
    }
  }

  private static void setCaseSensitiveIdentifier(String sql, boolean value) {
    assertEquals(StatementKind.SET_CASE_SENSITIVE_IDENTIFIER, RedshiftSqlTranslator.classify(sql));
    assertEquals(value, RedshiftSqlTranslator.caseSensitiveIdentifierValue(sql, !value));
    assertEquals(
        "SET "
            + RedshiftSqlTranslator.CASE_SENSITIVE_SETTING
            + " = '"
            + (value ? "on" : "off")
            + "'",
        pg(sql));
  }

  @Test
  void resetCaseSensitiveIdentifier() {
    assertEquals(
        StatementKind.SET_CASE_SENSITIVE_IDENTIFIER,
        RedshiftSqlTranslator.classify("RESET enable_case_sensitive_identifier"));
    assertEquals(
        true,
        RedshiftSqlTranslator.caseSensitiveIdentifierValue(
            "RESET enable_case_sensitive_identifier", true));
    assertEquals(
        false,
        RedshiftSqlTranslator.caseSensitiveIdentifierValue(
            "reset enable_case_sensitive_identifier;", false));
    assertEquals(
        true,
        RedshiftSqlTranslator.caseSensitiveIdentifierValue(
            "SET enable_case_sensitive_identifier TO DEFAULT", true));
    assertEquals(
        "RESET " + RedshiftSqlTranslator.CASE_SENSITIVE_SETTING,
        pg("RESET enable_case_sensitive_identifier"));
    assertEquals(
        "SET LOCAL " + RedshiftSqlTranslator.CASE_SENSITIVE_SETTING + " = 'on'",
        pg("SET LOCAL enable_case_sensitive_identifier TO true"));
  }

  @Test
  void invalidCaseSensitiveValueFailsInPostgres() {
    String sql = "SET enable_case_sensitive_identifier TO maybe";
    assertEquals(StatementKind.SET_CASE_SENSITIVE_IDENTIFIER, RedshiftSqlTranslator.classify(sql));
    assertNull(RedshiftSqlTranslator.caseSensitiveIdentifierValue(sql, false));
    assertTrue(pg(sql).contains("RAISE EXCEPTION"));
  }

  @Test
  void otherSetStatementsAreUntouched() {
    assertEquals(StatementKind.OTHER, RedshiftSqlTranslator.classify("SET search_path TO public"));
    assertNull(
        RedshiftSqlTranslator.caseSensitiveIdentifierValue("SET search_path TO public", false));
    assertEquals("SET search_path TO \"public\"", pg("SET search_path TO \"PUBLIC\""));
    assertNull(RedshiftSqlTranslator.caseSensitiveIdentifierValue("SELECT 1", true));
  }

  @Test
  void downcaseDelimitedIdentifierIsTheInverse() {
    String sql = "SET downcase_delimited_identifier TO false";
    assertEquals(StatementKind.SET_CASE_SENSITIVE_IDENTIFIER, RedshiftSqlTranslator.classify(sql));
    assertEquals(true, RedshiftSqlTranslator.caseSensitiveIdentifierValue(sql, false));
    assertEquals("SET " + RedshiftSqlTranslator.CASE_SENSITIVE_SETTING + " = 'on'", pg(sql));
    assertEquals(
        false,
        RedshiftSqlTranslator.caseSensitiveIdentifierValue(
            "SET downcase_delimited_identifier = on", true));
    assertTrue(
        pg("SHOW downcase_delimited_identifier").contains("AS downcase_delimited_identifier"));
  }

  @Test
  void redshiftOnlyParameters() {
    assertEquals("SET localredshift.query_group = 'etl jobs'", pg("SET query_group TO 'etl jobs'"));
    assertEquals(
        "SET localredshift.wlm_query_slot_count = '3'", pg("set wlm_query_slot_count to 3;"));
    assertEquals(
        "SET LOCAL localredshift.enable_result_cache_for_session = 'off'",
        pg("SET LOCAL enable_result_cache_for_session TO off"));
    assertEquals("RESET localredshift.query_group", pg("RESET query_group"));
    assertEquals("RESET localredshift.query_group", pg("SET query_group TO DEFAULT"));
    assertEquals(
        "SELECT coalesce(nullif(current_setting('localredshift.query_group', true), ''), 'default') AS query_group",
        pg("SHOW query_group"));
    assertEquals(StatementKind.OTHER, RedshiftSqlTranslator.classify("SET query_group TO 'x'"));
    assertEquals("SET search_path TO public", pg("SET search_path TO public"));
    assertEquals("SHOW timezone", pg("SHOW timezone"));
  }

  @Test
  void showCaseSensitiveIdentifier() {
    assertEquals(
        "SELECT coalesce(nullif(current_setting('"
            + RedshiftSqlTranslator.CASE_SENSITIVE_SETTING
            + "', true), ''), 'off') AS enable_case_sensitive_identifier",
        pg("SHOW enable_case_sensitive_identifier"));
  }

  // ---- classify
  // --------------------------------------------------------------------------------------------

  @Test
  void classify() {
    String[][] cases = {
      {"TRUNCATE t", "TRUNCATE"},
      {"truncate table s.t;", "TRUNCATE"},
      {"/* c */ -- x\n  TRUNCATE t", "TRUNCATE"},
      {"UNLOAD ('select * from t') TO 's3://b/p/' IAM_ROLE 'arn'", "UNLOAD"},
      {"unload ($$select 1$$) to 's3://b/'", "UNLOAD"},
      {"COPY t FROM 's3://bucket/key' IAM_ROLE 'arn:aws:iam::1:role/r' FORMAT AS PARQUET", "COPY"},
      {"copy s.t (a, b) from 'S3://bucket/manifest' iam_role default manifest", "COPY"},
      {"COPY t FROM STDIN", "OTHER"},
      {"COPY t TO STDOUT", "OTHER"},
      {"COPY (SELECT 1) TO STDOUT", "OTHER"},
      {"COPY t FROM 'dynamodb://Table' CREDENTIALS 'x' READRATIO 50", "COPY"},
      {"BEGIN", "TRANSACTION_CONTROL"},
      {"begin transaction;", "TRANSACTION_CONTROL"},
      {"START TRANSACTION", "TRANSACTION_CONTROL"},
      {"COMMIT", "TRANSACTION_CONTROL"},
      {"END", "TRANSACTION_CONTROL"},
      {"END TRANSACTION", "TRANSACTION_CONTROL"},
      {"ROLLBACK", "TRANSACTION_CONTROL"},
      {"ABORT", "TRANSACTION_CONTROL"},
      {"SELECT 1", "OTHER"},
      {"(SELECT 1)", "OTHER"},
      {"WITH x AS (SELECT 1) SELECT * FROM x", "OTHER"},
      {"INSERT INTO t VALUES ('TRUNCATE')", "OTHER"},
      {"-- TRUNCATE t\nSELECT 1", "OTHER"},
      {"'TRUNCATE'", "OTHER"},
      {"", "OTHER"},
      {"START something", "OTHER"},
    };
    for (String[] c : cases) {
      assertEquals(StatementKind.valueOf(c[1]), RedshiftSqlTranslator.classify(c[0]), c[0]);
    }
  }

  @Test
  void translationCarriesTheKind() {
    assertEquals(
        StatementKind.TRUNCATE, RedshiftSqlTranslator.translate("TRUNCATE \"T\"", false).kind());
    assertEquals("TRUNCATE \"t\"", pg("TRUNCATE \"T\""));
  }
}
