package dev.redshiftdata.spark.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IdentifiersTest {

  @Test
  void quotesAndDoublesQuotes() {
    assertEquals("\"orders\"", Identifiers.quote("orders"));
    assertEquals("\"a\"\"b\"", Identifiers.quote("a\"b"));
    assertEquals("\"\"\"; DROP TABLE x; --\"", Identifiers.quote("\"; DROP TABLE x; --"));
    assertEquals("\"Mixed Case.dot\"", Identifiers.quote("Mixed Case.dot"));
    assertEquals("\"a\\b'c\"", Identifiers.quote("a\\b'c"));
  }

  @Test
  void quoteRefusesEmptyAndNul() {
    assertThrows(IllegalArgumentException.class, () -> Identifiers.quote(""));
    assertThrows(IllegalArgumentException.class, () -> Identifiers.quote("a\0b"));
  }

  @Test
  void parsesOneTwoAndThreeParts() {
    assertEquals(TableName.of("orders"), Identifiers.parseTableName("orders", false));
    assertEquals(
        TableName.of("sales", "orders"), Identifiers.parseTableName("sales.orders", false));
    assertEquals(
        new TableName("dev", "sales", "orders"),
        Identifiers.parseTableName("dev.sales.orders", false));
    assertEquals(
        new TableName("dev", "sales", "orders"),
        Identifiers.parseTableName("  dev . sales\t. orders ", false));
  }

  @Test
  void unquotedPartsAreFoldedToLowerCase() {
    assertEquals(
        TableName.of("sales", "orders"), Identifiers.parseTableName("Sales.ORDERS", false));
    assertEquals(TableName.of("sales", "orders"), Identifiers.parseTableName("Sales.ORDERS", true));
    assertEquals(TableName.of("t_1$x"), Identifiers.parseTableName("T_1$x", false));
    assertEquals(TableName.of("#tmp"), Identifiers.parseTableName("#tmp", false));
  }

  @Test
  void quotedPartsFoldAsciiUnlessCaseSensitive() {
    assertEquals(
        TableName.of("my schema", "a.b\"c"),
        Identifiers.parseTableName("\"My Schema\".\"A.B\"\"C\"", false));
    assertEquals(
        TableName.of("My Schema", "A.B\"C"),
        Identifiers.parseTableName("\"My Schema\".\"A.B\"\"C\"", true));
    // non-ASCII letters are never folded
    assertEquals(TableName.of("ÄÖü"), Identifiers.parseTableName("\"ÄÖü\"", false));
    assertEquals(TableName.of("Äbc"), Identifiers.parseTableName("ÄBC", false));
  }

  @Test
  void quotedPartsMayHoldAnything() {
    TableName t = Identifiers.parseTableName("\"'); DROP TABLE x; --\".\"a\\b\"", false);
    assertEquals(TableName.of("'); drop table x; --", "a\\b"), t);
    assertEquals("\"'); drop table x; --\".\"a\\b\"", t.quoted());
  }

  @Test
  void rendersBackQuoted() {
    assertEquals(
        "\"dev\".\"sales\".\"orders\"",
        Identifiers.parseTableName("dev.sales.orders", false).quoted());
    assertEquals("\"a\"\"b\"", Identifiers.parseTableName("\"a\"\"b\"", false).quoted());
    assertEquals("\"x\"", TableName.of("x").toString());
  }

  @Test
  void malformedNamesNameTheOption() {
    for (String bad :
        new String[] {
          "",
          "  ",
          ".t",
          "s.",
          "s..t",
          "a.b.c.d",
          "\"unterminated",
          "s.\"t",
          "\"\"",
          "a b",
          "1abc",
          "a\"b",
          "\"a\"b",
          "a-b",
          "x".repeat(128),
          "\"" + "é".repeat(64) + "\""
        }) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> Identifiers.parseTableName(bad, false),
              () -> "accepted: " + bad);
      assertTrue(e.getMessage().contains("'dbtable'"), e.getMessage());
    }
    assertThrows(IllegalArgumentException.class, () -> Identifiers.parseTableName(null, false));
  }

  @Test
  void aSubqueryPointsToTheQueryOption() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Identifiers.parseTableName("(select 1) t", false));
    assertTrue(e.getMessage().contains("'query'"), e.getMessage());
  }

  @Test
  void lengthLimitIsInBytes() {
    assertEquals("x".repeat(127), Identifiers.parseTableName("x".repeat(127), false).table());
    // 63 two-byte characters = 126 bytes: fine; 64 = 128 bytes: too long
    assertEquals(
        "é".repeat(63), Identifiers.parseTableName("\"" + "é".repeat(63) + "\"", false).table());
  }

  @Test
  void tableNameNeedsSchemaWithDatabase() {
    assertThrows(IllegalArgumentException.class, () -> new TableName("db", null, "t"));
    assertEquals("\"s\".\"t\"", TableName.of("s", "t").quoted());
    assertTrue(TableName.of("t").schemaName().isEmpty());
  }
}
