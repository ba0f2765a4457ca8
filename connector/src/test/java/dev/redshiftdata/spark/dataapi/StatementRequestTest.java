package dev.redshiftdata.spark.dataapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatementRequestTest {
  @Test
  void batchTakesOneToFortyStatements() {
    assertEquals(
        "Cannot run a batch of 0 statements: the Data API takes 1 to 40 per BatchExecuteStatement. Split the work or combine statements.",
        assertThrows(IllegalArgumentException.class, () -> StatementRequest.batch(List.of()))
            .getMessage());
    assertEquals(
        "Cannot run a batch of 41 statements: the Data API takes 1 to 40 per BatchExecuteStatement. Split the work or combine statements.",
        assertThrows(
                IllegalArgumentException.class,
                () -> StatementRequest.batch(Collections.nCopies(41, "select 1")))
            .getMessage());
    assertEquals(40, StatementRequest.batch(Collections.nCopies(40, "select 1")).sqls().size());
    assertThrows(
        IllegalArgumentException.class, () -> StatementRequest.batch(List.of("select 1", " ")));
  }

  @Test
  void parametersFollowDataApiRules() {
    StatementRequest r =
        StatementRequest.sql("select :a, :b").withParameter("a", "1").withParameter("b", "x");
    assertEquals(Map.of("a", "1", "b", "x"), r.parameters());
    assertThrows(IllegalArgumentException.class, () -> r.withParameter("bad-name", "1"));
    assertEquals(
        "Cannot use parameter 'c': the Data API takes no null or empty values. Write NULL or '' in the SQL instead.",
        assertThrows(IllegalArgumentException.class, () -> r.withParameter("c", "")).getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> StatementRequest.batch(List.of("select 1")).withParameter("a", "1"));
  }

  @Test
  void nameAndTokenLimits() {
    assertThrows(
        IllegalArgumentException.class,
        () -> StatementRequest.sql("select 1").withStatementName("n".repeat(501)));
    assertThrows(
        IllegalArgumentException.class,
        () -> StatementRequest.sql("select 1").withClientToken("t".repeat(65)));
    assertThrows(
        IllegalArgumentException.class, () -> StatementRequest.sql("select 1").withClientToken(""));
    StatementRequest r =
        StatementRequest.sql("select 1")
            .withStatementName("job")
            .withClientToken("tok")
            .withFormat(StatementRequest.Format.CSV);
    assertEquals("job", r.statementName().orElseThrow());
    assertEquals("tok", r.clientToken().orElseThrow());
    assertEquals(StatementRequest.Format.CSV, r.format());
    assertThrows(IllegalArgumentException.class, () -> StatementRequest.sql(" "));
  }
}
