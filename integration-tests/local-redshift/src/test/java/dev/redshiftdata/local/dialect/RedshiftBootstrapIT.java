package dev.redshiftdata.local.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.local.LocalRedshiftConfig;
import dev.redshiftdata.local.postgres.PostgresServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Redshift types and functions of {@link RedshiftBootstrap}, through the translator, on a real
 * PostgreSQL.
 */
class RedshiftBootstrapIT {

  private static PostgresServer server;
  private static String database;
  private Connection c;

  @BeforeAll
  static void start() throws Exception {
    LocalRedshiftConfig config = LocalRedshiftConfig.defaults();
    server = PostgresServer.start(config);
    database = config.defaultCluster().postgresDatabase("dev");
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @BeforeEach
  void connect() throws SQLException {
    c = server.connect(database, "awsuser");
  }

  @AfterEach
  void close() throws SQLException {
    c.close();
  }

  private void exec(String redshiftSql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(RedshiftSqlTranslator.toPostgres(redshiftSql, false));
    }
  }

  /** First column of the first row, as text. */
  private String one(String redshiftSql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(RedshiftSqlTranslator.toPostgres(redshiftSql, false))) {
      assertTrue(rs.next(), "no row for " + redshiftSql);
      return rs.getString(1);
    }
  }

  private List<String> rows(String redshiftSql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(RedshiftSqlTranslator.toPostgres(redshiftSql, false))) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  private int rowCount(String redshiftSql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(RedshiftSqlTranslator.toPostgres(redshiftSql, false))) {
      int n = 0;
      while (rs.next()) {
        n++;
      }
      return n;
    }
  }

  private List<String> row(String redshiftSql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(RedshiftSqlTranslator.toPostgres(redshiftSql, false))) {
      assertTrue(rs.next());
      List<String> out = new ArrayList<>();
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
        out.add(rs.getString(i));
      }
      return out;
    }
  }

  @Test
  void typesWorkInDdlAndRoundTrip() throws SQLException {
    exec("CREATE TABLE max_len (a VARCHAR(MAX), b CHAR(MAX))");
    assertEquals(
        List.of("65535", "4096"),
        row(
            "SELECT (SELECT character_maximum_length FROM information_schema.columns"
                + " WHERE table_name = 'max_len' AND column_name = 'a'), (SELECT character_maximum_length FROM"
                + " information_schema.columns WHERE table_name = 'max_len' AND column_name = 'b')"));
    exec(
        "CREATE TABLE types_rt (s SUPER, v VARBYTE(16), vb VARBINARY(8), bv BINARY VARYING(4), g GEOMETRY,"
            + " gg GEOGRAPHY, h HLLSKETCH, t TEXT, vc VARCHAR, nv NVARCHAR(5), nc NCHAR(3), d DECIMAL, n NUMERIC(10,2),"
            + " tz TIMETZ, ts TIMESTAMPTZ, bp BPCHAR(2), f FLOAT, r REAL, b BOOL)");
    exec(
        "INSERT INTO types_rt VALUES (JSON_PARSE('{\"a\":[1,2]}'), FROM_HEX('0aff'), 'ab'::varbyte,"
            + " 'c'::varbinary, FROM_HEX('01'), FROM_HEX('02'), 'sketch', 'text', 'vc', 'nv', 'nc', 12.6, 3.14159,"
            + " '10:11:12+03', '2024-01-02 03:04:05+02', 'x', 1.5, 2.5, true)");
    assertEquals(
        List.of(
            "{\"a\": [1, 2]}",
            "0aff",
            "6162",
            "63",
            "01",
            "02",
            "sketch",
            "text",
            "vc",
            "nv",
            "nc ",
            "13",
            "3.14",
            "10:11:12+03",
            "2024-01-02 01:04:05+00",
            "x ",
            "1.5",
            "2.5",
            "t"),
        row(
            "SELECT JSON_SERIALIZE(s), TO_HEX(v), TO_HEX(vb), TO_HEX(bv), TO_HEX(g), TO_HEX(gg), h, t, vc, nv, nc,"
                + " d, n, tz, ts, bp, f, r, b FROM types_rt"));
    assertEquals(
        List.of(
            "super",
            "varbyte",
            "varbyte",
            "varbyte",
            "geometry",
            "geography",
            "hllsketch",
            "character varying",
            "character varying",
            "character varying",
            "character",
            "numeric",
            "numeric",
            "time with time zone",
            "timestamp with time zone",
            "character",
            "double precision",
            "real",
            "boolean"),
        columnTypes("types_rt"));
    assertEquals(
        List.of("256", "256", "5", "3", "18", "0", "10", "2"),
        row(
            "SELECT (SELECT character_maximum_length FROM information_schema.columns WHERE table_name = 'types_rt'"
                + " AND column_name = 't'), (SELECT character_maximum_length FROM information_schema.columns"
                + " WHERE table_name = 'types_rt' AND column_name = 'vc'), (SELECT character_maximum_length FROM"
                + " information_schema.columns WHERE table_name = 'types_rt' AND column_name = 'nv'),"
                + " (SELECT character_maximum_length FROM information_schema.columns WHERE table_name = 'types_rt'"
                + " AND column_name = 'nc'), (SELECT numeric_precision FROM information_schema.columns"
                + " WHERE table_name = 'types_rt' AND column_name = 'd'), (SELECT numeric_scale FROM"
                + " information_schema.columns WHERE table_name = 'types_rt' AND column_name = 'd'),"
                + " (SELECT numeric_precision FROM information_schema.columns WHERE table_name = 'types_rt'"
                + " AND column_name = 'n'), (SELECT numeric_scale FROM information_schema.columns"
                + " WHERE table_name = 'types_rt' AND column_name = 'n')"));
  }

  /** AWS "Examples with character types": trailing blanks of VARCHAR values do not count. */
  @Test
  void varcharComparesIgnoringTrailingBlanksAsInRedshift() throws SQLException {
    exec("CREATE TABLE address (address1 VARCHAR(100), city CHAR(20))");
    exec("INSERT INTO address (address1) VALUES ('9516 Magnolia Boulevard')");
    exec("INSERT INTO address (address1) VALUES ('9516 Magnolia Boulevard  ')");
    exec("INSERT INTO address (address1) VALUES ('9516 Magnolia Boulevard\t')");
    assertEquals(
        "2", one("SELECT count(*) FROM address WHERE address1 = '9516 Magnolia Boulevard'"));
    assertEquals(
        "2", one("SELECT count(*) FROM address WHERE address1 = '9516 Magnolia Boulevard '"));
    assertEquals(
        "1", one("SELECT count(*) FROM address WHERE address1 <> '9516 Magnolia Boulevard'"));
    assertEquals(
        "1", one("SELECT count(*) FROM address WHERE address1 > '9516 Magnolia Boulevard'"));
    assertEquals(
        "2", one("SELECT count(*) FROM address WHERE address1 <= '9516 Magnolia Boulevard'"));
    assertEquals(
        "2",
        one("SELECT count(*) FROM address WHERE address1 IN ('9516 Magnolia Boulevard', 'x')"));
    // LENGTH still counts them; LIKE sees the stored value
    assertEquals(List.of("23", "24", "25"), rows("SELECT len(address1) FROM address ORDER BY 1"));
    assertEquals("1", one("SELECT count(*) FROM address WHERE address1 LIKE '%d  '"));
    // GROUP BY, DISTINCT and joins (hash and merge) agree with =
    assertEquals("2", one("SELECT count(DISTINCT address1) FROM address"));
    assertEquals(
        List.of("2", "1"), rows("SELECT count(*) FROM address GROUP BY address1 ORDER BY 1 DESC"));
    assertEquals(
        "5", one("SELECT count(*) FROM address a JOIN address b ON a.address1 = b.address1"));
    exec("SET enable_hashjoin = off");
    assertEquals(
        "5", one("SELECT count(*) FROM address a JOIN address b ON a.address1 = b.address1"));
    exec("RESET enable_hashjoin");
    // CHAR (bpchar) as before; CHAR against VARCHAR ignores the blanks too
    exec("UPDATE address SET city = 'Augusta'");
    assertEquals("3", one("SELECT count(*) FROM address WHERE city = 'Augusta   '"));
    assertEquals("3", one("SELECT count(*) FROM address WHERE city = 'Augusta'::varchar(10)"));
  }

  private List<String> columnTypes(String table) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT CASE WHEN domain_name IS NOT NULL THEN domain_name ELSE data_type END"
                    + " FROM information_schema.columns WHERE table_name = '"
                    + table
                    + "' ORDER BY ordinal_position")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  @Test
  void superAndVarbyteCasts() throws SQLException {
    assertEquals("[1, \"x\"]", one("SELECT '[1,\"x\"]'::super"));
    assertEquals("\\x616263", one("SELECT 'abc'::varbyte"));
    assertEquals("616263", one("SELECT to_hex('abc'::varbyte(10))"));
    assertThrows(SQLException.class, () -> one("SELECT 'not json'::super"));
    exec("CREATE TABLE super_scalars (s SUPER)");
    exec(
        "INSERT INTO super_scalars VALUES (1), (2.5), (true), (9223372036854775807), (1.5::float8), (NULL)");
    assertEquals(
        List.of("1", "2.5", "true", "9223372036854775807", "1.5", "null"),
        rows("SELECT coalesce(JSON_SERIALIZE(s), 'null') FROM super_scalars"));
    assertEquals("number", one("SELECT jsonb_typeof(42::super)"));
  }

  @Test
  void resultMetadataOfDomainsIsTheBaseType() throws SQLException {
    exec("CREATE TABLE meta_dom (s super, v varbyte, g geometry)");
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT s, v, g FROM meta_dom")) {
      ResultSetMetaData md = rs.getMetaData();
      // PostgreSQL reports a domain column's base type in RowDescription: RedshiftTypeNames maps
      // them back.
      assertEquals("jsonb", md.getColumnTypeName(1));
      assertEquals("bytea", md.getColumnTypeName(2));
      assertEquals("bytea", md.getColumnTypeName(3));
    }
  }

  @Test
  void dateFunctions() throws SQLException {
    LocalDateTime before = LocalDateTime.now(java.time.ZoneOffset.UTC).withNano(0).minusSeconds(1);
    String getdate = one("SELECT GETDATE()");
    LocalDateTime got = LocalDateTime.parse(getdate.replace(' ', 'T'));
    assertFalse(got.isBefore(before), getdate);
    assertEquals(0, got.getNano());
    assertEquals("t", one("SELECT SYSDATE = LOCALTIMESTAMP"));
    assertEquals("timestamp without time zone", one("SELECT pg_typeof(SYSDATE)::text"));
    assertEquals("2024-03-01 00:00:00", one("SELECT DATEADD(day, 1, '2024-02-29'::date)"));
    assertEquals("2024-02-29 00:00:00", one("SELECT DATEADD(month, 1, '2024-01-31'::timestamp)"));
    assertEquals(
        "2023-02-28 10:00:00", one("SELECT DATEADD('yr', -1, '2024-02-29 10:00'::timestamp)"));
    assertEquals("2024-04-30 00:00:00", one("SELECT DATEADD(qtr, 1, '2024-01-30'::date)"));
    assertEquals("2024-01-01 00:00:01.5", one("SELECT DATEADD(ms, 1500, '2024-01-01'::timestamp)"));
    assertEquals(
        "2024-01-01 02:00:00+00",
        one("SELECT DATEADD(h, 2, '2024-01-01 00:00:00+00'::timestamptz)"));
    assertEquals("1", one("SELECT DATEDIFF(year, '2019-12-31'::date, '2020-01-01'::date)"));
    assertEquals("52", one("SELECT DATEDIFF(week, '2009-01-01'::date, '2009-12-31'::date)"));
    assertEquals("1", one("SELECT DATEDIFF(quarter, '2020-03-31'::date, '2020-04-01'::date)"));
    assertEquals("-13", one("SELECT DATEDIFF(month, '2021-02-15'::date, '2020-01-31'::date)"));
    assertEquals(
        "1",
        one(
            "SELECT DATEDIFF(day, '2020-01-01 23:59:59'::timestamp, '2020-01-02 00:00:00'::timestamp)"));
    assertEquals(
        "1",
        one(
            "SELECT DATEDIFF(hour, '2020-01-01 10:59:59'::timestamp, '2020-01-01 11:00:00'::timestamp)"));
    assertEquals(
        "90",
        one(
            "SELECT DATEDIFF(minute, '2020-01-01 10:00'::timestamp, '2020-01-01 11:30'::timestamp)"));
    assertEquals(
        "2500",
        one(
            "SELECT DATEDIFF(ms, '2020-01-01 10:00:00'::timestamp, '2020-01-01 10:00:02.5'::timestamp)"));
    assertEquals("60", one("SELECT DATEDIFF(day, '2020-01-01', '2020-03-01')"));
    assertThrows(SQLException.class, () -> one("SELECT DATEADD(fortnight, 1, '2020-01-01'::date)"));
    assertEquals(
        "2008-03-05 09:25:29",
        one(
            "SELECT CONVERT_TIMEZONE('UTC', 'America/New_York', '2008-03-05 14:25:29'::timestamp)"));
    assertEquals(
        "2008-03-05 06:25:29",
        one("SELECT CONVERT_TIMEZONE('America/Los_Angeles', '2008-03-05 14:25:29'::timestamp)"));
    assertEquals("2024-05-06", one("SELECT TRUNC('2024-05-06 07:08:09'::timestamp)"));
    assertEquals("2024-03-31 00:00:00", one("SELECT ADD_MONTHS('2024-01-31'::date, 2)"));
    assertEquals("2024-05-01 00:00:00", one("SELECT DATE_TRUNC('month', '2024-05-06'::date)"));
    assertEquals("1", one("SELECT MONTHS_BETWEEN('2024-03-31'::date, '2024-02-29'::date)"));
    assertEquals("-2", one("SELECT MONTHS_BETWEEN('2024-01-15'::date, '2024-03-15'::date)"));
    assertEquals(
        "1.096774193548387", one("SELECT MONTHS_BETWEEN('2024-02-18'::date, '2024-01-15'::date)"));
    assertEquals("2024-02-29", one("SELECT LAST_DAY('2024-02-10'::date)"));
    assertEquals(
        List.of("-1", "0", "1"),
        row(
            "SELECT DATE_CMP('2024-01-01'::date, '2024-01-02'::date),"
                + " DATE_CMP('2024-01-01'::date, '2024-01-01'::date), TIMESTAMP_CMP('2024-01-02'::timestamp, '2024-01-01'::timestamp)"));
    assertEquals(
        "timestamp without time zone",
        one("SELECT pg_typeof(DATE_TRUNC('month', '2024-05-06'::date))::text"));
    assertEquals(
        "2024-05-06 07:00:00", one("SELECT DATE_TRUNC('hour', '2024-05-06 07:08:09'::timestamp)"));
    assertTrue(one("SELECT version()").startsWith("PostgreSQL 8.0.2 on i686-pc-linux-gnu"));
    assertTrue(one("SELECT version()").contains("Redshift 1.0"));
  }

  @Test
  void stringAndConditionalFunctions() throws SQLException {
    assertEquals("b", one("SELECT NVL(NULL, 'b')"));
    assertEquals("c", one("SELECT NVL(NULL, NULL, 'c')"));
    assertEquals("7", one("SELECT NVL(7, 8)"));
    assertEquals("notnull", one("SELECT NVL2(1, 'notnull', 'null')"));
    assertEquals("null", one("SELECT NVL2(NULL::int, 'notnull', 'null')"));
    assertEquals("two", one("SELECT DECODE(2, 1, 'one', 2, 'two', 'other')"));
    assertEquals("other", one("SELECT DECODE(3, 1, 'one', 2, 'two', 'other')"));
    assertNull(one("SELECT DECODE(3, 1, 'one')"));
    assertEquals("was null", one("SELECT DECODE(NULL::int, NULL, 'was null', 'x')"));
    assertEquals("\\x616263", one("SELECT decode('YWJj', 'base64')"));
    assertEquals("5", one("SELECT LEN('hello')"));
    assertEquals("2", one("SELECT LEN('ab   '::char(5))"));
    assertEquals("5", one("SELECT LEN('ab   '::varchar)"));
    assertEquals("2", one("SELECT LEN(FROM_HEX('0102'))"));
    assertEquals("3", one("SELECT CHARINDEX('dog', 'a dog')"));
    assertEquals("0", one("SELECT CHARINDEX('cat', 'a dog')"));
    assertEquals("255", one("SELECT STRTOL('ff', 16)"));
    assertEquals("255", one("SELECT STRTOL('0xFF', 16)"));
    assertEquals("-5", one("SELECT STRTOL('-101', 2)"));
    assertEquals("12", one("SELECT STRTOL('12xyz', 10)"));
    assertEquals("abc", one("SELECT BTRIM('  abc  ')"));
    assertEquals("x-x-x", one("SELECT REGEXP_REPLACE('1-2-3', '[0-9]', 'x')"));
    assertEquals("--", one("SELECT REGEXP_REPLACE('1-2-3', '[0-9]')"));
    assertEquals("1-x-x", one("SELECT REGEXP_REPLACE('1-2-3', '[0-9]', 'x', 2)"));
    assertEquals("x-x", one("SELECT REGEXP_REPLACE('A-a', 'a', 'x', 1, 'i')"));
    assertEquals("5", one("SELECT TEXTLEN('hello')"));
    assertEquals("ababab", one("SELECT REPLICATE('ab', 3)"));
    assertEquals(
        "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
        one("SELECT SHA2('hello', 256)"));
    assertEquals(
        "t",
        one("SELECT CURRENT_USER_ID = (SELECT oid::int FROM pg_roles WHERE rolname = 'awsuser')"));
    assertEquals("42", one("SELECT CONVERT(varchar, 42)"));
    assertEquals("integer", one("SELECT pg_typeof(CONVERT(integer, '7'))::text"));
    assertEquals(
        "a,b,c",
        one(
            "SELECT LISTAGG(x, ',') WITHIN GROUP (ORDER BY x) FROM (VALUES ('b'), ('c'), ('a')) v(x)"));
    assertEquals(
        "cba",
        one(
            "SELECT LISTAGG(x) WITHIN GROUP (ORDER BY x DESC) FROM (VALUES ('b'), ('c'), ('a')) v(x)"));
    assertEquals("2.5", one("SELECT MEDIAN(x) FROM (VALUES (1), (2), (3), (4)) v(x)"));
    assertEquals(
        "3", one("SELECT APPROXIMATE COUNT(DISTINCT x) FROM (VALUES (1), (2), (3), (3)) v(x)"));
    assertEquals(2, rowCount("SELECT TOP 2 x FROM (VALUES (1), (2), (3)) v(x) ORDER BY x DESC"));
  }

  @Test
  void jsonFunctions() throws SQLException {
    assertEquals(
        "star",
        one(
            "SELECT JSON_EXTRACT_PATH_TEXT('{\"f2\":{\"f3\":1},\"f4\":{\"f5\":99,\"f6\":\"star\"}}', 'f4', 'f6')"));
    assertEquals(
        "{\"f5\": 99}", one("SELECT JSON_EXTRACT_PATH_TEXT('{\"f4\":{\"f5\":99}}', 'f4')"));
    assertNull(one("SELECT JSON_EXTRACT_PATH_TEXT('{\"a\":1}', 'b')"));
    assertNull(one("SELECT JSON_EXTRACT_PATH_TEXT('{\"a\":1', 'a', true)"));
    assertThrows(SQLException.class, () -> one("SELECT JSON_EXTRACT_PATH_TEXT('{\"a\":1', 'a')"));
    assertEquals("1", one("SELECT JSON_EXTRACT_PATH_TEXT('{\"a\":{\"b\":1}}', 'a', 'b', false)"));
    assertEquals("t", one("SELECT IS_VALID_JSON('{\"a\":2}')"));
    assertEquals("f", one("SELECT IS_VALID_JSON('{\"a\":2')"));
    assertEquals("t", one("SELECT IS_VALID_JSON_ARRAY('[1,2]')"));
    assertEquals("f", one("SELECT IS_VALID_JSON_ARRAY('{}')"));
    assertEquals("113", one("SELECT JSON_EXTRACT_ARRAY_ELEMENT_TEXT('[111,112,113]', 2)"));
    assertEquals("3", one("SELECT JSON_ARRAY_LENGTH('[1,2,3]')"));
    assertEquals("super", one("SELECT pg_typeof(JSON_PARSE('[1]'))::text"));
    assertEquals(
        "[1, {\"b\": true}]", one("SELECT JSON_SERIALIZE(JSON_PARSE('[1,{\"b\":true}]'))"));
  }

  @Test
  void varbyteFunctions() throws SQLException {
    assertEquals("616263", one("SELECT FROM_VARBYTE(TO_VARBYTE('abc', 'utf8'), 'hex')"));
    assertEquals("YWJj", one("SELECT FROM_VARBYTE('abc'::varbyte, 'base64')"));
    assertEquals("abc", one("SELECT FROM_VARBYTE(TO_VARBYTE('YWJj', 'base64'), 'utf8')"));
    assertEquals("0000000111111111", one("SELECT FROM_VARBYTE(FROM_HEX('01ff'), 'binary')"));
    assertEquals("05", one("SELECT TO_HEX(TO_VARBYTE('101', 'binary'))"));
    assertEquals("cafe", one("SELECT TO_HEX(TO_VARBYTE('CAFE', 'hex'))"));
    assertEquals("ff", one("SELECT TO_HEX(255)"));
  }

  @Test
  void geometryHexEwkbIsUpperCaseAndToHexIsLowerCase() throws SQLException {
    // EWKB of POINT(1 2) with SRID 4326, little endian.
    String ewkb = "0101000020E6100000000000000000F03F0000000000000040";
    exec("CREATE TABLE geo_hex (g GEOMETRY, v VARBYTE)");
    exec("INSERT INTO geo_hex VALUES (FROM_HEX('" + ewkb.toLowerCase() + "'), FROM_HEX('cafe'))");
    assertEquals(ewkb, one("SELECT ST_AsHexEWKB(g) FROM geo_hex"));
    assertEquals("character varying", one("SELECT pg_typeof(ST_AsHexEWKB(g))::text FROM geo_hex"));
    assertEquals("cafe", one("SELECT TO_HEX(v) FROM geo_hex"));
    assertEquals(ewkb.toLowerCase(), one("SELECT TO_HEX(g) FROM geo_hex"));
    assertNull(one("SELECT ST_AsHexEWKB(NULL::geometry)"));
  }

  @Test
  void sessionFunctionsReadSettings() throws SQLException {
    assertEquals("0", one("SELECT pg_last_copy_count()"));
    assertEquals("0", one("SELECT pg_last_unload_count()"));
    assertEquals("-1", one("SELECT pg_last_query_id()"));
    exec("SET localredshift.last_copy_count = '42'");
    exec("SET localredshift.last_unload_count = '7'");
    exec("SET localredshift.last_query_id = '1234'");
    assertEquals(
        List.of("42", "7", "1234"),
        row("SELECT pg_last_copy_count(), pg_last_unload_count(), pg_last_query_id()"));
    assertEquals("-1", one("SELECT pg_last_copy_id()"));
    exec("SET localredshift.last_copy_id = '77'");
    assertEquals("77", one("SELECT pg_last_copy_id()"));
    assertEquals("bigint", one("SELECT pg_typeof(pg_last_copy_count())::text"));
    assertEquals("integer", one("SELECT pg_typeof(pg_last_query_id())::text"));
  }

  @Test
  void backslashEscapesInLiterals() throws SQLException {
    assertEquals("it's", one("SELECT 'it\\'s'"));
    assertEquals("it's", one("SELECT 'it''s'"));
    assertEquals("a\tb", one("SELECT 'a\\tb'"));
    assertEquals("a\\b", one("SELECT 'a\\\\b'"));
    assertEquals("semi;colon", one("SELECT 'semi;colon'"));
    assertEquals("x\ny", one("SELECT E'x\\ny'"));
    assertEquals("$$raw\\n$$", "$$" + one("SELECT $$raw\\n$$") + "$$");
  }

  @Test
  void caseSensitiveIdentifierSetting() throws SQLException {
    assertEquals("off", one("SHOW enable_case_sensitive_identifier"));
    exec("SET enable_case_sensitive_identifier TO true");
    assertEquals("on", one("SHOW enable_case_sensitive_identifier"));
    exec("RESET enable_case_sensitive_identifier");
    assertEquals("off", one("SHOW enable_case_sensitive_identifier"));
    exec("SET downcase_delimited_identifier TO off");
    assertEquals("on", one("SHOW enable_case_sensitive_identifier"));
    assertEquals("off", one("SHOW downcase_delimited_identifier"));
    exec("RESET enable_case_sensitive_identifier");
    assertEquals("default", one("SHOW query_group"));
    exec("SET query_group TO 'it''s etl'");
    assertEquals("it's etl", one("SHOW query_group"));
    exec("SET wlm_query_slot_count TO 2");
    assertEquals("2", one("SHOW wlm_query_slot_count"));
    exec("RESET query_group");
    assertEquals("default", one("SHOW query_group"));
    SQLException e =
        assertThrows(
            SQLException.class, () -> exec("SET enable_case_sensitive_identifier TO maybe"));
    assertTrue(e.getMessage().contains("requires a Boolean value"), e.getMessage());
  }

  @Test
  void quotedIdentifiersFoldLikeRedshift() throws SQLException {
    exec("CREATE TABLE \"MixedCase\" (\"ColA\" int, \"Ünï\" int)");
    exec("INSERT INTO mixedcase (cola, \"Ünï\") VALUES (1, 2)");
    assertEquals("3", one("SELECT \"COLA\" + \"Ünï\" FROM \"MIXEDCASE\""));
    assertEquals(List.of("cola", "Ünï"), columnNames("mixedcase"));
    try (Statement s = c.createStatement()) {
      s.execute(RedshiftSqlTranslator.toPostgres("CREATE TABLE \"KeepCase\" (\"Col\" int)", true));
    }
    assertEquals(List.of("Col"), columnNames("KeepCase"));
  }

  private List<String> columnNames(String table) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT column_name FROM information_schema.columns WHERE table_name = '"
                    + table
                    + "' ORDER BY ordinal_position")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  @Test
  void redshiftTableAttributesAndIdentity() throws SQLException {
    exec(
        "CREATE TABLE attrs (id BIGINT IDENTITY(100, 5), a INT ENCODE az64 DISTKEY, b VARCHAR(10) ENCODE lzo"
            + " SORTKEY, c TIMESTAMP DEFAULT GETDATE()) DISTSTYLE KEY COMPOUND SORTKEY (a, b) BACKUP NO");
    exec("INSERT INTO attrs (a, b) VALUES (1, 'x'), (2, 'y')");
    assertEquals(List.of("100", "105"), row("SELECT min(id)::text, max(id)::text FROM attrs"));
    exec("ALTER TABLE attrs ALTER DISTSTYLE ALL");
    exec("ALTER TABLE attrs ALTER COMPOUND SORTKEY (b)");
    exec("ALTER TABLE attrs ADD COLUMN d TEXT ENCODE zstd");
    exec("CREATE TABLE attrs_ctas DISTSTYLE EVEN SORTKEY AUTO AS SELECT a, b FROM attrs");
    exec("CREATE TABLE attrs_like (LIKE attrs) DISTSTYLE ALL ENCODE AUTO");
    assertEquals("2", one("SELECT count(*) FROM attrs_ctas"));
    assertEquals(
        "256",
        one(
            "SELECT character_maximum_length FROM information_schema.columns"
                + " WHERE table_name = 'attrs' AND column_name = 'd'"));
  }

  @Test
  void pgTableDefListsTablesOnTheSearchPath() throws SQLException {
    exec("CREATE TABLE tdef (a INT NOT NULL, b TEXT, c DECIMAL(5,1))");
    exec("CREATE SCHEMA hidden_s");
    exec("CREATE TABLE hidden_s.tdef2 (x INT)");
    assertEquals(
        List.of(
            "public|tdef|a|integer|true",
            "public|tdef|b|character varying(256)|false",
            "public|tdef|c|numeric(5,1)|false"),
        rows(
            "SELECT schemaname || '|' || tablename || '|' || \"column\" || '|' || type || '|' || \"notnull\""
                + " FROM pg_table_def WHERE tablename LIKE 'tdef%' ORDER BY \"column\""));
    try (Connection r = server.connect(database, "reader")) {
      try (Statement s = r.createStatement();
          ResultSet rs =
              s.executeQuery("SELECT count(*) FROM pg_table_def WHERE tablename = 'tdef'")) {
        assertTrue(rs.next());
        assertEquals(3, rs.getInt(1));
      }
    }
  }

  @Test
  void keyConstraintsAreNotEnforced() throws SQLException {
    exec("CREATE TABLE parent_k (id INT PRIMARY KEY, code VARCHAR(3) UNIQUE)");
    exec(
        "CREATE TABLE child_k (id INT NOT NULL, pid INT REFERENCES parent_k (id), PRIMARY KEY (id))");
    exec("ALTER TABLE parent_k ADD CONSTRAINT pk2 UNIQUE (code)");
    exec("INSERT INTO parent_k VALUES (1, 'a'), (1, 'a')");
    exec("INSERT INTO child_k VALUES (5, 99), (5, 99)");
    assertEquals("2", one("SELECT count(*) FROM parent_k"));
    assertEquals("2", one("SELECT count(*) FROM child_k"));
    assertThrows(SQLException.class, () -> exec("INSERT INTO child_k VALUES (NULL, 1)"));
  }

  @Test
  void maintenanceAndUserStatements() throws SQLException {
    exec("CREATE TABLE vac (a INT)");
    exec("VACUUM SORT ONLY vac TO 90 PERCENT");
    exec("VACUUM FULL vac BOOST");
    exec("ANALYZE vac PREDICATE COLUMNS");
    exec("CREATE USER \"MixedUser\" PASSWORD DISABLE NOCREATEUSER SYSLOG ACCESS RESTRICTED");
    assertEquals("f", one("SELECT rolsuper FROM pg_roles WHERE rolname = 'MixedUser'"));
    exec("DROP USER \"MixedUser\"");
    assertEquals("0", one("SELECT count(*) FROM pg_roles WHERE rolname = 'MixedUser'"));
  }

  @Test
  void showSchemasTablesColumns() throws SQLException {
    exec("CREATE SCHEMA show_s");
    exec(
        "CREATE TABLE show_s.\"ShowT\" (id INT NOT NULL, name VARCHAR(20) DEFAULT 'x', amount DECIMAL(8,2))");
    exec("CREATE VIEW show_s.show_v AS SELECT id FROM show_s.showt");
    assertEquals(List.of("show_v", "showt"), column("SHOW TABLES FROM SCHEMA dev.show_s", 3));
    assertEquals(List.of("VIEW", "TABLE"), column("SHOW TABLES FROM SCHEMA dev.show_s;", 4));
    assertEquals(List.of("dev", "dev"), column("SHOW TABLES FROM SCHEMA dev.show_s", 1));
    assertEquals(
        List.of("show_v"),
        column("SHOW TABLES FROM SCHEMA dev.\"SHOW_S\" LIKE 'show%' LIMIT 1", 3));
    assertEquals(List.of("show_v"), column("SHOW TABLES FROM SCHEMA dev.show_s LIKE '%\\_v'", 3));
    assertEquals(
        List.of("id", "name", "amount"), column("SHOW COLUMNS FROM TABLE dev.show_s.showt", 4));
    assertEquals(
        List.of("character varying"),
        column("SHOW COLUMNS FROM TABLE dev.show_s.showt LIKE 'na%'", 8));
    assertEquals(List.of("20"), column("SHOW COLUMNS FROM TABLE dev.show_s.showt LIKE 'na%'", 9));
    assertEquals(
        List.of("NO", "YES", "YES"), column("SHOW COLUMNS FROM TABLE dev.show_s.showt", 7));
    assertEquals(List.of("show_s"), column("SHOW SCHEMAS FROM DATABASE dev LIKE 'show%'", 2));
    assertTrue(
        column("SHOW SCHEMAS FROM DATABASE dev", 2)
            .containsAll(List.of("pg_internal", "public", "show_s")));
  }

  private List<String> column(String redshiftSql, int index) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(RedshiftSqlTranslator.toPostgres(redshiftSql, false))) {
      while (rs.next()) {
        out.add(rs.getString(index));
      }
    }
    return out;
  }

  @Test
  void lateBindingViewsAreRecorded() throws SQLException {
    exec("CREATE TABLE lb_base (x int)");
    exec("CREATE VIEW lb_view AS SELECT x FROM lb_base WITH NO SCHEMA BINDING");
    exec("CREATE VIEW plain_view AS SELECT x FROM lb_base");
    String q =
        "SELECT count(*) FROM "
            + RedshiftBootstrap.LATE_BINDING_TABLE
            + " WHERE view_oid = '%s'::regclass";
    assertEquals("1", one(q.formatted("lb_view")));
    assertEquals("0", one(q.formatted("plain_view")));
    exec("CREATE OR REPLACE VIEW lb_view AS SELECT x FROM lb_base");
    assertEquals("0", one(q.formatted("lb_view")));
    exec("CREATE OR REPLACE VIEW lb_view AS SELECT x FROM lb_base WITH NO SCHEMA BINDING");
    assertEquals("1", one(q.formatted("lb_view")));
    String before = one("SELECT count(*) FROM " + RedshiftBootstrap.LATE_BINDING_TABLE);
    exec("DROP VIEW lb_view");
    assertEquals(
        String.valueOf(Integer.parseInt(before) - 1),
        one("SELECT count(*) FROM " + RedshiftBootstrap.LATE_BINDING_TABLE));
  }

  @Test
  void lateBindingViewByNonSuperuser() throws SQLException {
    exec("CREATE SCHEMA IF NOT EXISTS rd");
    exec("GRANT ALL ON SCHEMA rd TO reader");
    try (Connection r = server.connect(database, "reader");
        Statement s = r.createStatement()) {
      s.execute(
          RedshiftSqlTranslator.toPostgres(
              "CREATE VIEW rd.v1 AS SELECT 1 AS one WITH NO SCHEMA BINDING", false));
    }
    assertEquals(
        "1",
        one(
            "SELECT count(*) FROM "
                + RedshiftBootstrap.LATE_BINDING_TABLE
                + " WHERE view_oid = 'rd.v1'::regclass"));
  }
}
