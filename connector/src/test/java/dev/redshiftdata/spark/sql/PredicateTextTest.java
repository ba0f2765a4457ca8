package dev.redshiftdata.spark.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.spark.sql.connector.expressions.Expression;
import org.apache.spark.sql.connector.expressions.FieldReference;
import org.apache.spark.sql.connector.expressions.LiteralValue;
import org.apache.spark.sql.connector.expressions.filter.Predicate;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;

class PredicateTextTest {

  private static Expression col(String name) {
    return FieldReference.column(name);
  }

  private static Expression str(String v) {
    return LiteralValue.apply(UTF8String.fromString(v), DataTypes.StringType);
  }

  private static Expression num(int v) {
    return LiteralValue.apply(v, DataTypes.IntegerType);
  }

  private static Predicate p(String name, Expression... children) {
    return new Predicate(name, children);
  }

  @Test
  void rendersComparisonsConnectivesNullChecksAndIn() {
    assertEquals("c = 'ab '", PredicateText.of(p("=", col("c"), str("ab "))));
    assertEquals(
        "(n > 1) AND (NOT (d IS NULL))",
        PredicateText.of(p("AND", p(">", col("n"), num(1)), p("NOT", p("IS_NULL", col("d"))))));
    assertEquals("c IN ('a', 'it''s')", PredicateText.of(p("IN", col("c"), str("a"), str("it's"))));
    assertEquals(
        "DATE '2024-01-03' <= d",
        PredicateText.of(p("<=", LiteralValue.apply(19725, DataTypes.DateType), col("d"))));
    assertEquals("STARTS_WITH(c, 'x')", PredicateText.of(p("STARTS_WITH", col("c"), str("x"))));
  }

  @Test
  void longInListsDeepTreesAndLongTextAreCapped() {
    Expression[] in = new Expression[21];
    in[0] = col("n");
    for (int i = 1; i < in.length; i++) {
      in[i] = num(i);
    }
    assertEquals("n IN (1, 2, 3, 4, 5, ...)", PredicateText.of(p("IN", in)));

    Predicate deep = p("=", col("n"), num(0));
    for (int i = 0; i < 100_000; i++) {
      deep = p("NOT", deep);
    }
    String text = PredicateText.of(deep);
    assertTrue(text.contains("..."), text);
    assertTrue(text.length() <= 203, text);

    String text2 = PredicateText.of(p("=", col("c"), str("x".repeat(1000))));
    assertTrue(text2.endsWith("..."), text2);
    assertEquals(203, text2.length());
  }
}
