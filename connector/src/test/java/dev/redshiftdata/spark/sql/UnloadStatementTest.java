package dev.redshiftdata.spark.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class UnloadStatementTest {

  static final String ROLE = "arn:aws:iam::123456789012:role/unload";
  static final String TARGET = "s3://bucket/staging/q-1/";

  /** Selects that carry quotes, backslashes, newlines and injection attempts of their own. */
  static final List<String> HOSTILE_SELECTS =
      List.of(
          "SELECT \"id\" FROM \"sales\".\"orders\"",
          "SELECT * FROM \"t\" WHERE (\"s\" = 'it''s')",
          "SELECT * FROM \"t\" WHERE (\"s\" LIKE 'a\\\\%%' ESCAPE '\\\\')",
          "SELECT * FROM (select 'x'');  DROP TABLE x; --'\n-- comment ' \n) AS q",
          "SELECT '\\\\' AS \"b\", '''' AS \"q\", 'tab\there' AS \"t\"",
          "SELECT \"a\"\"b\" FROM \"we'ird\\\"",
          "SELECT '日本語 😀' AS \"u\"",
          "SELECT ''') TO ''s3://evil/'' IAM_ROLE default --' AS x");

  @Test
  void plainParquetUnload() {
    assertEquals(
        "UNLOAD ('SELECT \"id\" FROM \"sales\".\"orders\"') TO 's3://bucket/staging/q-1/'"
            + " IAM_ROLE 'arn:aws:iam::123456789012:role/unload'"
            + " FORMAT AS PARQUET MANIFEST VERBOSE MAXFILESIZE 256 MB",
        UnloadStatement.of("SELECT \"id\" FROM \"sales\".\"orders\"", TARGET, ROLE, 256).sql());
  }

  @Test
  void everyOption() {
    assertEquals(
        "UNLOAD ('SELECT 1') TO 's3://bucket/staging/q-1/' IAM_ROLE default"
            + " FORMAT AS PARQUET MANIFEST VERBOSE MAXFILESIZE 5 MB"
            + " ENCRYPTED KMS_KEY_ID 'key-''1' REGION 'eu-west-1' ALLOWOVERWRITE",
        new UnloadStatement("SELECT 1", TARGET, "DEFAULT", 5, true, "key-'1", "eu-west-1", true)
            .sql());
    assertEquals(
        "UNLOAD ('SELECT 1') TO 's3://bucket/staging/q-1/' IAM_ROLE default"
            + " FORMAT AS PARQUET MANIFEST VERBOSE MAXFILESIZE 6200 MB ENCRYPTED",
        new UnloadStatement("SELECT 1", TARGET, "default", 6200, true, null, null, false).sql());
  }

  @Test
  void secondEscapingLayer() {
    assertEquals(
        "UNLOAD ('SELECT * FROM \"t\" WHERE (\"s\" = ''it''''s'') AND (\"p\" LIKE ''a\\\\\\\\%''"
            + " ESCAPE ''\\\\\\\\'')') TO 's3://bucket/staging/q-1/' IAM_ROLE default"
            + " FORMAT AS PARQUET MANIFEST VERBOSE MAXFILESIZE 64 MB",
        UnloadStatement.of(
                "SELECT * FROM \"t\" WHERE (\"s\" = 'it''s') AND (\"p\" LIKE 'a\\\\%' ESCAPE '\\\\')",
                TARGET, "default", 64)
            .sql());
  }

  @Test
  void unescapingTheLiteralGivesBackTheExactSelect() {
    for (String select : HOSTILE_SELECTS) {
      String sql = UnloadStatement.of(select, TARGET, ROLE, 100).sql();
      String literal = sql.substring("UNLOAD (".length(), sql.indexOf(") TO 's3://bucket/"));
      assertEquals(select, Literals.unescape(literal), sql);
    }
  }

  @Test
  void refusesBadArguments() {
    assertThrows(
        IllegalArgumentException.class, () -> UnloadStatement.of("S", "s3://b/no-slash", ROLE, 5));
    assertThrows(
        IllegalArgumentException.class, () -> UnloadStatement.of("S", "s3a://b/p/", ROLE, 5));
    assertThrows(IllegalArgumentException.class, () -> UnloadStatement.of("S", TARGET, ROLE, 4));
    assertThrows(IllegalArgumentException.class, () -> UnloadStatement.of("S", TARGET, ROLE, 6201));
    assertThrows(
        IllegalArgumentException.class, () -> UnloadStatement.of("S", TARGET, " ", 5).sql());
    assertThrows(
        IllegalArgumentException.class,
        () -> new UnloadStatement("S", TARGET, ROLE, 5, false, "k", null, false));
    assertThrows(
        IllegalArgumentException.class, () -> UnloadStatement.of("a\0b", TARGET, ROLE, 5).sql());
  }
}
