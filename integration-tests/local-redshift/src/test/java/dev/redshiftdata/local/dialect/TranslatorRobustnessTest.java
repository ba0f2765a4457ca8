package dev.redshiftdata.local.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The translator, classifier and splitter accept any text: random token soups never make them
 * throw.
 */
class TranslatorRobustnessTest {

  private static final String[] WORDS = {
    "CREATE",
    "TABLE",
    "VIEW",
    "MATERIALIZED",
    "ALTER",
    "ADD",
    "COLUMN",
    "SELECT",
    "TOP",
    "FROM",
    "AS",
    "WITH",
    "NO",
    "SCHEMA",
    "BINDING",
    "IDENTITY",
    "DISTKEY",
    "SORTKEY",
    "DISTSTYLE",
    "ENCODE",
    "BACKUP",
    "COMPOUND",
    "AUTO",
    "VARBYTE",
    "BINARY",
    "VARYING",
    "TEXT",
    "VARCHAR",
    "MAX",
    "DECODE",
    "NVL",
    "LISTAGG",
    "WITHIN",
    "GROUP",
    "ORDER",
    "BY",
    "MEDIAN",
    "CONVERT",
    "REGEXP_REPLACE",
    "SYSDATE",
    "DATEADD",
    "SET",
    "RESET",
    "SHOW",
    "TABLES",
    "COLUMNS",
    "enable_case_sensitive_identifier",
    "TO",
    "true",
    "query_group",
    "PRIMARY",
    "KEY",
    "UNIQUE",
    "REFERENCES",
    "FOREIGN",
    "CONSTRAINT",
    "VACUUM",
    "ANALYZE",
    "USER",
    "PASSWORD",
    "DISABLE",
    "COPY",
    "UNLOAD",
    "TRUNCATE",
    "(",
    ")",
    ",",
    ";",
    ".",
    "::",
    ":",
    "=",
    "1",
    "2.5",
    "'s'",
    "'it\\'s'",
    "\"Q\"",
    "$$x$$",
    "$t$",
    "--c\n",
    "/*",
    "*/",
    "'",
    "\"",
    "$1",
    "E'\\n'",
    "ÄÖ"
  };

  @Test
  void randomTokenSoupsNeverThrow() {
    Random random = new Random(42);
    for (int i = 0; i < 5000; i++) {
      StringBuilder sb = new StringBuilder();
      int n = 1 + random.nextInt(25);
      for (int j = 0; j < n; j++) {
        sb.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(4) == 0 ? "" : " ");
      }
      String sql = sb.toString();
      for (boolean cs : new boolean[] {false, true}) {
        RedshiftSqlTranslator.Translation t = RedshiftSqlTranslator.translate(sql, cs);
        assertNotNull(t.sql(), sql);
        assertNotNull(t.kind(), sql);
      }
      assertNotNull(RedshiftSqlTranslator.classify(sql));
      RedshiftSqlTranslator.caseSensitiveIdentifierValue(sql, false);
      StatementSplitter.split(sql);
      StringBuilder back = new StringBuilder();
      SqlLexer.tokenize(sql).forEach(t -> back.append(t.text()));
      assertEquals(sql, back.toString());
    }
  }

  @Test
  void textWithoutRedshiftSyntaxIsUnchanged() {
    for (String sql :
        new String[] {
          "SELECT a, b FROM s.t WHERE c = 'x' ORDER BY 1", "INSERT INTO t (a) VALUES (1), (2)",
          "UPDATE t SET a = a + 1 WHERE b IS NULL", "DELETE FROM t USING u WHERE t.id = u.id",
          "WITH x AS (SELECT 1 AS one) SELECT one FROM x",
              "CREATE TABLE t (a INT, b BIGINT NOT NULL DEFAULT 3)", // string columns get
          // byte-length checks
          "DROP TABLE IF EXISTS t CASCADE", "GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader",
          "SELECT encode(decode('00ff', 'hex'), 'base64')",
              "SELECT x::numeric(10,2), CAST(y AS varchar(5))"
        }) {
      assertEquals(sql, RedshiftSqlTranslator.toPostgres(sql, false));
    }
  }
}
