package dev.redshiftdata.spark.sql;

import static dev.redshiftdata.spark.sql.ExactPredicates.Pushdown.EXACT;
import static dev.redshiftdata.spark.sql.ExactPredicates.Pushdown.SUPERSET;
import static dev.redshiftdata.spark.sql.ExactPredicates.Pushdown.UNSAFE;
import static dev.redshiftdata.spark.sql.PredicateCompilerTest.col;
import static dev.redshiftdata.spark.sql.PredicateCompilerTest.lit;
import static dev.redshiftdata.spark.sql.PredicateCompilerTest.p;
import static dev.redshiftdata.spark.sql.PredicateCompilerTest.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.spark.sql.ExactPredicates.Pushdown;
import org.apache.spark.sql.connector.expressions.FieldReference;
import org.apache.spark.sql.connector.expressions.LiteralValue;
import org.apache.spark.sql.connector.expressions.filter.AlwaysTrue;
import org.apache.spark.sql.connector.expressions.filter.And;
import org.apache.spark.sql.connector.expressions.filter.Not;
import org.apache.spark.sql.connector.expressions.filter.Or;
import org.apache.spark.sql.connector.expressions.filter.Predicate;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class ExactPredicatesTest {

  private static final StructType SCHEMA =
      new StructType()
          .add("id", DataTypes.IntegerType)
          .add("big", DataTypes.LongType)
          .add("amount", DataTypes.createDecimalType(12, 2))
          .add("day", DataTypes.DateType)
          .add("ts", DataTypes.TimestampType)
          .add("flag", DataTypes.BooleanType)
          .add("Name", DataTypes.StringType, true, AggregateCompilerTest.redshiftType("varchar"))
          .add("code", DataTypes.StringType, true, AggregateCompilerTest.redshiftType("bpchar"))
          .add("t", DataTypes.StringType, true, AggregateCompilerTest.redshiftType("time"))
          .add("plain", DataTypes.StringType)
          .add("score", DataTypes.DoubleType)
          .add("blob", DataTypes.BinaryType);

  private static boolean exact(Predicate p) {
    return ExactPredicates.isExact(p, SCHEMA);
  }

  @Test
  void numbersDatesTimestampsAndBooleansAreExact() {
    assertTrue(exact(p(">", col("id"), lit(5))));
    assertTrue(exact(p("=", col("big"), col("id"))));
    assertTrue(exact(p("<=", col("amount"), LiteralValue.apply(1, DataTypes.IntegerType))));
    assertTrue(exact(p("=", col("day"), LiteralValue.apply(19000, DataTypes.DateType))));
    assertTrue(exact(p("<", col("ts"), LiteralValue.apply(0L, DataTypes.TimestampType))));
    assertTrue(exact(p("<=>", col("flag"), LiteralValue.apply(true, DataTypes.BooleanType))));
    assertTrue(exact(p("IN", col("id"), lit(1), lit(2))));
    assertTrue(exact(p("=", col("ID"), lit(1))), "case-insensitive column match");
    assertTrue(exact(new AlwaysTrue()));
  }

  @Test
  void nullChecksAreExactForEveryType() {
    for (String c : new String[] {"Name", "score", "blob", "id"}) {
      assertTrue(exact(p("IS_NULL", col(c))), c);
      assertTrue(exact(p("IS_NOT_NULL", col(c))), c);
    }
  }

  @Test
  void stringsFloatsAndBinaryAreNotExact() {
    assertFalse(exact(p("=", col("Name"), str("ab"))), "Redshift ignores trailing blanks");
    assertFalse(exact(p("<", col("Name"), str("ab"))));
    assertFalse(exact(p("IN", col("Name"), str("a"), str("b"))));
    assertFalse(exact(p("STARTS_WITH", col("Name"), str("a%"))));
    assertFalse(exact(p(">", col("score"), LiteralValue.apply(1.0, DataTypes.DoubleType))));
    assertFalse(exact(p("=", col("blob"), col("blob"))));
    assertFalse(exact(p("=", col("id"), col("Name"))));
  }

  private static Pushdown classify(Predicate p) {
    return ExactPredicates.classify(p, SCHEMA);
  }

  @Test
  void stringEqualityAndInAreASuperset() {
    for (String c : new String[] {"Name", "code"}) {
      assertEquals(SUPERSET, classify(p("=", col(c), str("ab"))), c);
      assertEquals(SUPERSET, classify(p("=", col(c), str("ab "))), c);
      assertEquals(SUPERSET, classify(p("<=>", col(c), str("ab"))), c);
      assertEquals(SUPERSET, classify(p("IN", col(c), str("a"), str("b "))), c);
    }
    assertEquals(SUPERSET, classify(p("=", col("Name"), col("code"))));
  }

  @Test
  void stringOrderingsAndNegationsAreUnsafe() {
    for (String c : new String[] {"Name", "code"}) {
      for (String op : new String[] {"<>", "<", "<=", ">", ">="}) {
        assertEquals(UNSAFE, classify(p(op, col(c), str("ab"))), c + " " + op);
      }
      assertEquals(UNSAFE, classify(new Not(p("=", col(c), str("ab")))), c);
      assertEquals(UNSAFE, classify(new Not(p("IN", col(c), str("a"), str("b")))), c);
      assertEquals(UNSAFE, classify(new Not(p("<=>", col(c), str("a")))), c);
    }
    assertEquals(UNSAFE, classify(p("<", col("Name"), col("code"))));
  }

  @Test
  void likeIsASupersetUnlessThePatternEndsWithABlank() {
    for (String f : new String[] {"STARTS_WITH", "ENDS_WITH", "CONTAINS"}) {
      assertEquals(SUPERSET, classify(p(f, col("Name"), str("a b"))), f);
      assertEquals(SUPERSET, classify(p(f, col("code"), str(""))), f);
      assertEquals(SUPERSET, classify(p(f, col("code"), str("b\t"))), f);
      assertEquals(UNSAFE, classify(p(f, col("Name"), str("b "))), f);
      assertEquals(UNSAFE, classify(p(f, col("code"), str(" "))), f);
      assertEquals(UNSAFE, classify(new Not(p(f, col("Name"), str("ab")))), f);
    }
  }

  @Test
  void stringsThatAreNotCharOrVarcharInRedshiftAreUnsafe() {
    for (String c : new String[] {"t", "plain"}) {
      assertEquals(UNSAFE, classify(p("=", col(c), str("10:00:00"))), c);
      assertEquals(UNSAFE, classify(p("STARTS_WITH", col(c), str("10"))), c);
      assertEquals(EXACT, classify(p("IS_NULL", col(c))), c);
    }
  }

  @Test
  void floatsAndBinaryAreASupersetButNotTheirNegation() {
    Predicate gt = p(">", col("score"), LiteralValue.apply(1.0, DataTypes.DoubleType));
    assertEquals(SUPERSET, classify(gt));
    assertEquals(SUPERSET, classify(p("=", col("blob"), col("blob"))));
    assertEquals(UNSAFE, classify(new Not(gt)));
  }

  @Test
  void combinationsTakeTheWeakerClass() {
    Predicate exact = p(">", col("id"), lit(5));
    Predicate superset = p("=", col("Name"), str("x"));
    Predicate unsafe = p("<", col("Name"), str("x"));
    assertEquals(EXACT, classify(new Or(exact, new Not(exact))));
    assertEquals(SUPERSET, classify(new And(exact, superset)));
    assertEquals(SUPERSET, classify(new Or(superset, exact)));
    assertEquals(UNSAFE, classify(new Or(superset, unsafe)));
    assertEquals(UNSAFE, classify(new And(unsafe, exact)));
    assertEquals(UNSAFE, classify(new Not(new Or(superset, exact))));
    assertEquals(
        UNSAFE,
        classify(p("=", new Not(superset), LiteralValue.apply(true, DataTypes.BooleanType))));
  }

  @Test
  void combinationsAreExactOnlyWhenEveryPartIs() {
    Predicate good = p(">", col("id"), lit(5));
    Predicate bad = p("=", col("Name"), str("x"));
    assertTrue(exact(new And(good, new Not(p("IS_NULL", col("Name"))))));
    assertTrue(exact(new Or(good, good)));
    assertFalse(exact(new And(good, bad)));
    assertFalse(exact(new Or(bad, good)));
    assertFalse(exact(new Not(bad)));
  }

  @Test
  void unknownNestedAndAmbiguousColumnsAreNotExact() {
    assertFalse(exact(p("=", col("missing"), lit(1))));
    assertFalse(exact(p("=", FieldReference.apply("a.b"), lit(1))));
    assertFalse(exact(p("IS_NULL", col("missing"))));
    StructType clash = new StructType().add("Ab", "int").add("aB", "int");
    assertFalse(ExactPredicates.isExact(p("=", col("ab"), lit(1)), clash));
    assertFalse(exact(p("SOME_FUNCTION", col("id"))));
  }
}
