package dev.redshiftdata.spark.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.apache.spark.sql.connector.expressions.Expression;
import org.apache.spark.sql.connector.expressions.FieldReference;
import org.apache.spark.sql.connector.expressions.LiteralValue;
import org.apache.spark.sql.connector.expressions.filter.Predicate;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;

/** Which predicates Redshift evaluates and which Spark keeps, without Spark or Redshift. */
class PushedPredicatesTest {

  /** {@code id} INTEGER, {@code name} VARCHAR: string equality on it is a superset. */
  private static final StructType SCHEMA = ReadStatementSizeTest.SMALL;

  private static Predicate compare(String op, String column, Object value) {
    LiteralValue<?> literal =
        value instanceof String s
            ? LiteralValue.apply(UTF8String.fromString(s), DataTypes.StringType)
            : LiteralValue.apply(value, DataTypes.IntegerType);
    return new Predicate(op, new Expression[] {FieldReference.column(column), literal});
  }

  private static final Predicate EXACT = compare(">", "id", 1);
  private static final Predicate SUPERSET = compare("=", "name", "x");
  private static final Predicate UNSAFE = compare("<>", "name", "x");
  private static final Predicate UNSUPPORTED =
      new Predicate("SOME_UDF", new Expression[] {FieldReference.column("id")});

  /** By identity: Spark's toString of an unknown predicate does not end. */
  private static void assertPredicates(List<Predicate> expected, List<Predicate> actual) {
    assertEquals(expected.size(), actual.size());
    for (int i = 0; i < expected.size(); i++) {
      assertSame(expected.get(i), actual.get(i), "predicate " + i);
    }
  }

  @Test
  void sparkKeepsTheUnsafeThenTheUnpushedThenTheInexact() {
    PushedPredicates p =
        PushedPredicates.split(
            new Predicate[] {SUPERSET, EXACT, UNSUPPORTED, UNSAFE}, SCHEMA, 10_000);
    assertPredicates(List.of(SUPERSET, EXACT), p.pushed());
    assertEquals(List.of("\"name\" = 'x'", "\"id\" > 1"), p.where());
    assertPredicates(List.of(UNSUPPORTED, UNSAFE, SUPERSET), p.leftInSpark());

    PushedPredicates noRoom =
        PushedPredicates.split(new Predicate[] {SUPERSET, UNSAFE, EXACT}, SCHEMA, 0);
    assertPredicates(List.of(), noRoom.pushed());
    assertEquals(List.of(), noRoom.where());
    assertPredicates(List.of(UNSAFE, SUPERSET, EXACT), noRoom.leftInSpark());
  }

  @Test
  void keptInSparkPushesNothing() {
    PushedPredicates p = PushedPredicates.keptInSpark(new Predicate[] {EXACT, UNSUPPORTED});
    assertPredicates(List.of(), p.pushed());
    assertEquals(List.of(), p.where());
    assertPredicates(List.of(EXACT, UNSUPPORTED), p.leftInSpark());
  }
}
