package dev.redshiftdata.spark.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class UserQueryTest {

  @Test
  void trailingSemicolonsGoCommentsStay() {
    assertEquals("select 1", UserQuery.body(" select 1 ; ;\n"));
    assertEquals("select 1  -- done", UserQuery.body("select 1; -- done"));
    assertEquals("select 1 -- done;", UserQuery.body("select 1 -- done;"));
    assertEquals("select 1  /* a; b */", UserQuery.body("select 1; /* a; b */"));
    assertEquals("select 1 -- a\n  -- b", UserQuery.body("select 1 -- a\n; -- b\n"));
  }

  @Test
  void semicolonsInsideLiteralsIdentifiersAndCommentsAreText() {
    assertEquals("select ';' as \"a;b\"", UserQuery.body("select ';' as \"a;b\";"));
    assertEquals("select 'it''s;', 'x\\';'", UserQuery.body("select 'it''s;', 'x\\';'"));
    assertEquals("select 1 -- ; x\nfrom t", UserQuery.body("select 1 -- ; x\nfrom t"));
    assertEquals("select /* ; */ 1", UserQuery.body("select /* ; */ 1"));
  }

  @Test
  void severalStatementsOrNothingAreRefused() {
    assertEquals(
        "Invalid option 'query': it holds more than one statement (a ';' at character 9 is"
            + " followed by more SQL). Set it to one SELECT; only a trailing ';' is allowed.",
        assertThrows(IllegalArgumentException.class, () -> UserQuery.body("select 1; select 2"))
            .getMessage());
    assertThrows(IllegalArgumentException.class, () -> UserQuery.body("select 1; 'x'"));
    assertEquals(
        "Invalid option 'query': the query is empty. Set it to one SELECT.",
        assertThrows(IllegalArgumentException.class, () -> UserQuery.body(" ; -- nothing"))
            .getMessage());
  }

  @Test
  void unterminatedTextIsLeftToRedshift() {
    assertEquals("select 'a;", UserQuery.body("select 'a; "));
    assertEquals("select /* a;", UserQuery.body("select /* a;"));
  }

  @Test
  void derivedTableClosesOnItsOwnLine() {
    assertEquals(
        "SELECT * FROM (select 1  -- done\n) AS q LIMIT 0",
        SelectBuilder.schemaProbe("select 1; -- done"));
  }
}
