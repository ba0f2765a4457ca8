package dev.redshiftdata.local.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatementSplitterTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '~',
      value = {
        "SELECT 1|1",
        "SELECT 1;|1",
        "SELECT 1;;  ;|1",
        "SELECT 1; -- trailing comment|1",
        "SELECT 1; /* c; */|1",
        "SELECT 1; SELECT 2|2",
        "SELECT 1;SELECT 2;|2",
        "SELECT 'a;b'|1",
        "SELECT 'it\\'s; still'|1",
        "SELECT 'it''s; still'|1",
        "SELECT E'x\\';y'|1",
        "SELECT \"a;b\" FROM t|1",
        "SELECT $$;$$|1",
        "SELECT $tag$ ; $$ ; $tag$|1",
        "CREATE PROCEDURE p() AS $$ BEGIN SELECT 1; SELECT 2; END; $$ LANGUAGE plpgsql|1",
        "SELECT 1 -- ; not a separator|1",
        "SELECT /* ; */ 1|1",
        "SELECT /* /* ; */ ; */ 1|1",
        "SELECT $1; SELECT 2|2",
        "''|1",
        "~   ~|0",
        "-- only a comment|0",
        ";|0",
        "SELECT 1; SELECT 2; SELECT 3|3"
      })
  void counts(String sql, int count) {
    String text = sql == null ? "" : sql;
    assertEquals(count, StatementSplitter.count(text));
    assertEquals(count > 1, StatementSplitter.hasMultipleStatements(text));
    assertEquals(count == 0, StatementSplitter.isEmpty(text));
  }

  @Test
  void splitReturnsTrimmedStatements() {
    assertEquals(
        List.of("SELECT 'a;b'", "-- c\nSELECT 2"),
        StatementSplitter.split("SELECT 'a;b' ;\n-- c\nSELECT 2;\n"));
    assertEquals(List.of("SELECT 1"), StatementSplitter.split("  SELECT 1  "));
  }

  @Test
  void unterminatedLiteralSwallowsTheRest() {
    assertEquals(1, StatementSplitter.count("SELECT 'abc; SELECT 2"));
    assertEquals(1, StatementSplitter.count("SELECT $$abc; SELECT 2"));
    assertEquals(1, StatementSplitter.count("SELECT 1 /* ; SELECT 2"));
  }

  @Test
  void semicolonInsideParenthesesDoesNotSplit() {
    assertFalse(StatementSplitter.hasMultipleStatements("SELECT f(1; 2)"));
    assertTrue(StatementSplitter.hasMultipleStatements("SELECT (1); SELECT 2"));
  }
}
