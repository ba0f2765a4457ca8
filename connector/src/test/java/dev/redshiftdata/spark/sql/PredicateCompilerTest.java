package dev.redshiftdata.spark.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.connector.expressions.Expression;
import org.apache.spark.sql.connector.expressions.Expressions;
import org.apache.spark.sql.connector.expressions.FieldReference;
import org.apache.spark.sql.connector.expressions.GeneralScalarExpression;
import org.apache.spark.sql.connector.expressions.LiteralValue;
import org.apache.spark.sql.connector.expressions.NamedReference;
import org.apache.spark.sql.connector.expressions.filter.AlwaysFalse;
import org.apache.spark.sql.connector.expressions.filter.AlwaysTrue;
import org.apache.spark.sql.connector.expressions.filter.And;
import org.apache.spark.sql.connector.expressions.filter.Not;
import org.apache.spark.sql.connector.expressions.filter.Or;
import org.apache.spark.sql.connector.expressions.filter.Predicate;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;

class PredicateCompilerTest {

  private final PredicateCompiler compiler = new PredicateCompiler();

  static NamedReference col(String name) {
    return FieldReference.column(name);
  }

  static LiteralValue<Integer> lit(int v) {
    return LiteralValue.apply(v, DataTypes.IntegerType);
  }

  static LiteralValue<UTF8String> str(String v) {
    return LiteralValue.apply(UTF8String.fromString(v), DataTypes.StringType);
  }

  static Predicate p(String name, Expression... children) {
    return new Predicate(name, children);
  }

  private String sql(Predicate p) {
    return compiler.compile(p).orElseThrow(() -> new AssertionError("not compiled: " + p));
  }

  @Test
  void comparisons() {
    for (String op : new String[] {"=", "<>", "<", "<=", ">", ">="}) {
      assertEquals("\"a\" " + op + " 5", sql(p(op, col("a"), lit(5))));
    }
    assertEquals("5 < \"a\"", sql(p("<", lit(5), col("a"))));
    assertEquals("\"a\" = \"b\"", sql(p("=", col("a"), col("b"))));
  }

  @Test
  void columnReferencesAreQuotedAndEscaped() {
    assertEquals(
        "\"Weird \"\"col\"\".x\" = 'it''s'", sql(p("=", col("Weird \"col\".x"), str("it's"))));
  }

  @Test
  void nullSafeEqualityIsTwoValued() {
    assertEquals(
        "(COALESCE(\"a\" = 1, FALSE) OR (\"a\" IS NULL AND 1 IS NULL))",
        sql(p("<=>", col("a"), lit(1))));
    assertEquals(
        "NOT ((COALESCE(\"a\" = \"b\", FALSE) OR (\"a\" IS NULL AND \"b\" IS NULL)))",
        sql(new Not(p("<=>", col("a"), col("b")))));
  }

  @Test
  void nullChecks() {
    assertEquals("\"a\" IS NULL", sql(p("IS_NULL", col("a"))));
    assertEquals("\"a\" IS NOT NULL", sql(p("IS_NOT_NULL", col("a"))));
  }

  @Test
  void inListsWithCap() {
    assertEquals("\"a\" IN (1, 2, 3)", sql(p("IN", col("a"), lit(1), lit(2), lit(3))));
    assertEquals(
        "\"s\" IN ('x', 'y''z', NULL)",
        sql(
            p(
                "IN",
                col("s"),
                str("x"),
                str("y'z"),
                LiteralValue.apply(null, DataTypes.StringType))));
    PredicateCompiler small = new PredicateCompiler(2);
    assertTrue(small.compile(p("IN", col("a"), lit(1), lit(2))).isPresent());
    assertEquals(Optional.empty(), small.compile(p("IN", col("a"), lit(1), lit(2), lit(3))));
    assertEquals(Optional.empty(), compiler.compile(p("IN", col("a"), col("b"))));
    assertEquals(Optional.empty(), compiler.compile(p("IN", col("a"))));
  }

  @Test
  void logic() {
    Predicate a = p(">", col("a"), lit(1));
    Predicate b = p("IS_NULL", col("b"));
    assertEquals("(\"a\" > 1) AND (\"b\" IS NULL)", sql(new And(a, b)));
    assertEquals("(\"a\" > 1) OR (\"b\" IS NULL)", sql(new Or(a, b)));
    assertEquals("NOT (\"a\" > 1)", sql(new Not(a)));
    assertEquals(
        "((\"a\" > 1) OR (\"b\" IS NULL)) AND (NOT (\"a\" > 1))",
        sql(new And(new Or(a, b), new Not(a))));
    assertEquals("TRUE", sql(new AlwaysTrue()));
    assertEquals("FALSE", sql(new AlwaysFalse()));
  }

  @Test
  void partialLogicIsNotPushed() {
    Predicate ok = p(">", col("a"), lit(1));
    Predicate bad = p("REGEXP", col("a"), str("x"));
    assertEquals(Optional.empty(), compiler.compile(new And(ok, bad)));
    assertEquals(Optional.empty(), compiler.compile(new Or(bad, ok)));
    assertEquals(Optional.empty(), compiler.compile(new Not(bad)));
  }

  @Test
  void stringMatchingIsAnEscapedLike() {
    assertEquals("\"s\" LIKE 'ab%' ESCAPE '\\\\'", sql(p("STARTS_WITH", col("s"), str("ab"))));
    assertEquals("\"s\" LIKE '%ab' ESCAPE '\\\\'", sql(p("ENDS_WITH", col("s"), str("ab"))));
    assertEquals("\"s\" LIKE '%ab%' ESCAPE '\\\\'", sql(p("CONTAINS", col("s"), str("ab"))));
    // raw pattern 50\%\_o''k\\% : each wildcard and the escape char escaped, then the literal layer
    assertEquals(
        "\"s\" LIKE '50\\\\%\\\\_o''k\\\\\\\\%' ESCAPE '\\\\'",
        sql(p("STARTS_WITH", col("s"), str("50%_o'k\\"))));
    String literal = sql(p("CONTAINS", col("s"), str("'); DROP TABLE x; --")));
    assertEquals("\"s\" LIKE '%''); DROP TABLE x; --%' ESCAPE '\\\\'", literal);
    assertEquals(Optional.empty(), compiler.compile(p("CONTAINS", col("s"), col("t"))));
  }

  @Test
  void likeEscapingRoundTrips() {
    assertEquals("a\\%b\\_c\\\\d", PredicateCompiler.escapeLike("a%b_c\\d"));
    String pattern = Literals.unescape(Literals.string(PredicateCompiler.escapeLike("x%\\_")));
    assertEquals("x\\%\\\\\\_", pattern);
  }

  @Test
  void literalsOfEveryType() {
    assertEquals(
        "\"d\" >= DATE '2024-01-31'",
        sql(
            p(
                ">=",
                col("d"),
                LiteralValue.apply(
                    (int) java.time.LocalDate.of(2024, 1, 31).toEpochDay(), DataTypes.DateType))));
    assertEquals(
        "\"t\" < TIMESTAMPTZ '1970-01-01 00:00:01+00'",
        sql(p("<", col("t"), LiteralValue.apply(1_000_000L, DataTypes.TimestampType))));
    assertEquals(
        "\"b\" = FROM_HEX('0102')",
        sql(p("=", col("b"), LiteralValue.apply(new byte[] {1, 2}, DataTypes.BinaryType))));
    assertEquals(
        "\"x\" = CAST(1.25 AS DOUBLE PRECISION)",
        sql(p("=", col("x"), LiteralValue.apply(1.25d, DataTypes.DoubleType))));
  }

  @Test
  void unsupportedStaysInSpark() {
    // NaN/Infinity: ordering and equality not known to match Spark's
    assertEquals(
        Optional.empty(),
        compiler.compile(p("=", col("x"), LiteralValue.apply(Double.NaN, DataTypes.DoubleType))));
    assertEquals(
        Optional.empty(),
        compiler.compile(
            p(">", col("x"), LiteralValue.apply(Float.POSITIVE_INFINITY, DataTypes.FloatType))));
    // NUL in a string
    assertEquals(Optional.empty(), compiler.compile(p("=", col("s"), str("a\0b"))));
    // nested fields
    assertEquals(Optional.empty(), compiler.compile(p("=", FieldReference.apply("a.b"), lit(1))));
    // functions and arithmetic
    assertEquals(
        Optional.empty(),
        compiler.compile(
            p("=", new GeneralScalarExpression("+", new Expression[] {col("a"), lit(1)}), lit(2))));
    assertEquals(
        Optional.empty(), compiler.compile(p("=", Expressions.apply("upper", col("a")), str("X"))));
    // a collated string literal (Spark 4.0 and later): Spark compares it differently
    DataType lcase = collatedString("UTF8_LCASE");
    if (lcase != null) {
      assertEquals(
          Optional.empty(),
          compiler.compile(
              p("=", col("s"), LiteralValue.apply(UTF8String.fromString("a"), lcase))));
      assertEquals(
          Optional.empty(),
          compiler.compile(
              p("STARTS_WITH", col("s"), LiteralValue.apply(UTF8String.fromString("a"), lcase))));
    }
    // wrong arity
    assertEquals(Optional.empty(), compiler.compile(p("=", col("a"))));
    // an unknown literal type
    assertEquals(
        Optional.empty(),
        compiler.compile(p("=", col("a"), LiteralValue.apply(1, DataTypes.CalendarIntervalType))));
  }

  @Test
  void splitPushesWhatCompilesAndFits() {
    Predicate a = p(">", col("a"), lit(1));
    Predicate bad = p("REGEXP", col("a"), str("x"));
    Predicate c = p("=", col("c"), str("y".repeat(50)));
    PredicateCompiler.Split split = compiler.split(new Predicate[] {a, bad, c}, 100);
    assertEquals(List.of(a, c), split.pushed());
    assertEquals(List.of("\"a\" > 1", "\"c\" = '" + "y".repeat(50) + "'"), split.sql());
    assertEquals(List.of(bad), split.unpushed());

    // "a" > 1 costs 7 + 7; the long one then no longer fits
    PredicateCompiler.Split tight = compiler.split(new Predicate[] {a, c}, 20);
    assertEquals(List.of(a), tight.pushed());
    assertEquals(List.of(c), tight.unpushed());
  }

  @Test
  void hugeInListStaysInSpark() {
    Expression[] children = new Expression[5001];
    children[0] = col("id");
    for (int i = 1; i < children.length; i++) {
      children[i] = lit(i);
    }
    Predicate huge = p("IN", children);
    PredicateCompiler roomy = new PredicateCompiler(10_000);
    assertTrue(roomy.compile(huge).isPresent());
    PredicateCompiler.Split split = roomy.split(new Predicate[] {huge}, 20_000);
    assertEquals(List.of(huge), split.unpushed());
  }

  /** {@code StringType(collation)}, or null on a Spark line without collations (3.5). */
  private static DataType collatedString(String collation) {
    try {
      return (DataType)
          org.apache.spark.sql.types.StringType.class
              .getMethod("apply", String.class)
              .invoke(null, collation);
    } catch (NoSuchMethodException e) {
      return null;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
