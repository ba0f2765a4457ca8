package dev.redshiftdata.spark.dataapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What an over-limit statement's error shows of it, and which statements are refused. */
class StatementSizeCheckTest {

  @Test
  void theKeywordIsTheLeadingLettersUpperCased() {
    String[][] sqlAndKeyword = {
      {"  select 1", "SELECT"},
      {"Unload('x')", "UNLOAD"},
      {"(select 1)", "SQL"},
      {"", "SQL"},
      {"a".repeat(30), "A".repeat(20)}
    };
    for (String[] c : sqlAndKeyword) {
      assertEquals(c[1], StatementSizeCheck.firstWord(c[0]), c[0]);
    }
  }

  @Test
  void theShownStatementIsRedactedThenCut() {
    String secret = "COPY t CREDENTIALS 'aws_secret_access_key=topsecret' ";
    String shown = StatementSizeCheck.shown(secret + "x".repeat(1_000));
    assertFalse(shown.contains("topsecret"), shown);
    assertTrue(shown.endsWith(" ... (cut)"), shown);
    assertEquals(StatementSizeCheck.TOO_LARGE_SQL_SHOWN + " ... (cut)".length(), shown.length());
    assertEquals("select 1", StatementSizeCheck.shown("select 1"));
  }

  @Test
  void onlyStatementsOverTheLimitAreRefused() {
    StatementSizeCheck.check(StatementRequest.sql("x".repeat(StatementRequest.MAX_SQL_BYTES)));
    RedshiftDataException e =
        assertThrows(
            RedshiftDataException.class,
            () ->
                StatementSizeCheck.check(
                    StatementRequest.batch(
                        List.of("select 1", "-- " + "x".repeat(StatementRequest.MAX_SQL_BYTES)))));
    assertEquals(RedshiftDataException.Kind.STATEMENT_TOO_LARGE, e.kind());
    assertTrue(e.getMessage().contains("batch statement 2 of 2, a SQL statement"), e::getMessage);
  }
}
