package dev.redshiftdata.spark.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.spark.sql.connector.expressions.Expression;
import org.apache.spark.sql.connector.expressions.FieldReference;
import org.apache.spark.sql.connector.expressions.LiteralValue;
import org.apache.spark.sql.connector.expressions.filter.Predicate;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;

class SqlLimitsTest {

  @Test
  void countsUtf8Bytes() {
    assertTrue(SqlLimits.fitsDataApi("SELECT 1"));
    assertTrue(SqlLimits.fitsDataApi("x".repeat(100_000)));
    assertFalse(SqlLimits.fitsDataApi("x".repeat(100_001)));
    assertTrue(SqlLimits.fitsDataApi("é".repeat(50_000)));
    assertFalse(SqlLimits.fitsDataApi("é".repeat(50_001)));
    assertFalse(SqlLimits.fitsDataApi("日".repeat(40_000)));
  }

  @Test
  void quotedBytesCountUnloadsDoubling() {
    assertEquals(3, SqlLimits.bytes("日"));
    assertEquals(2, SqlLimits.bytes("é"));
    assertEquals(4, SqlLimits.bytes("\uD83D\uDE00")); // one code point outside the BMP
    // 'it''s' is 7 bytes; UNLOAD's literal doubles its 4 quotes
    assertEquals(11, SqlLimits.quotedBytes("'it''s'"));
    // a backslash doubles too; 'é' stays 2 bytes
    assertEquals(2 + 2 + 2, SqlLimits.quotedBytes("\\\\é"));
  }

  @Test
  void predicateBudgetIsInQuotedBytes() {
    // "c" = 'é' is 10 bytes; quoted 12 (its two quotes doubled); 7 more for ") AND ("
    Predicate e = eq("é");
    PredicateCompiler compiler = new PredicateCompiler();
    assertEquals(List.of(e), compiler.split(new Predicate[] {e}, 19).pushed());
    assertEquals(List.of(e), compiler.split(new Predicate[] {e}, 18).unpushed());
    // '日' is 3 bytes: one more
    Predicate cjk = eq("日");
    assertEquals(List.of(cjk), compiler.split(new Predicate[] {cjk}, 20).pushed());
    assertEquals(List.of(cjk), compiler.split(new Predicate[] {cjk}, 19).unpushed());
    // one quote in the value: '''' in SQL (4 bytes), 8 inside UNLOAD's literal; "c" = is 6
    Predicate quote = eq("'");
    assertEquals(List.of(quote), compiler.split(new Predicate[] {quote}, 6 + 8 + 7).pushed());
    assertEquals(List.of(quote), compiler.split(new Predicate[] {quote}, 6 + 8 + 6).unpushed());
  }

  private static Predicate eq(String value) {
    return new Predicate(
        "=",
        new Expression[] {
          FieldReference.column("c"),
          LiteralValue.apply(UTF8String.fromString(value), DataTypes.StringType)
        });
  }
}
