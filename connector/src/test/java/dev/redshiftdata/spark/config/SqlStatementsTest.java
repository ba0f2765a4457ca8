package dev.redshiftdata.spark.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlStatementsTest {
  @Test
  void splitsOnSemicolonsOutsideQuotes() {
    assertEquals(
        List.of(
            "INSERT INTO log VALUES ('a;b')",
            "DELETE FROM \"odd;name\"",
            "SELECT 'it''s; fine'",
            "select 'x\\';y'"),
        SqlStatements.split(
            " INSERT INTO log VALUES ('a;b'); DELETE FROM \"odd;name\";;SELECT 'it''s; fine'; select 'x\\';y' ;"));
  }

  @Test
  void emptyGivesNothing() {
    assertEquals(List.of(), SqlStatements.split(" ; ;"));
  }
}
