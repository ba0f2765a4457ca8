package dev.redshiftdata.spark.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.spark.sql.ColumnMatcher;
import java.math.BigDecimal;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;

/** Option allowNarrowing: each value converted exactly, or refused naming column and value. */
class NarrowingTest {

  private static final DataType DEC_10_2 = DataTypes.createDecimalType(10, 2);

  private static Object convert(Object v, DataType from, DataType to) {
    return Narrowing.convert(v, from, to, "c");
  }

  private static String refused(Object v, DataType from, DataType to) {
    return assertThrows(IllegalArgumentException.class, () -> convert(v, from, to)).getMessage();
  }

  @Test
  void integersNarrowWithinRange() {
    assertEquals(2147483647, convert(2147483647L, DataTypes.LongType, DataTypes.IntegerType));
    assertEquals((short) -32768, convert(-32768L, DataTypes.LongType, DataTypes.ShortType));
    assertEquals(
        "Cannot write column 'c': value 2147483648 does not fit the table's int (out of range;"
            + " option 'allowNarrowing'). Nothing was loaded.",
        refused(2147483648L, DataTypes.LongType, DataTypes.IntegerType));
    assertTrue(refused(40000, DataTypes.IntegerType, DataTypes.ShortType).contains("40000"));
  }

  @Test
  void floatingTargetsRoundFractionsButKeepIntegersExactAndFiniteValuesFinite() {
    assertEquals(1.1f, convert(1.1d, DataTypes.DoubleType, DataTypes.FloatType));
    assertEquals(Float.NaN, convert(Double.NaN, DataTypes.DoubleType, DataTypes.FloatType));
    assertEquals(
        Float.NEGATIVE_INFINITY,
        convert(Double.NEGATIVE_INFINITY, DataTypes.DoubleType, DataTypes.FloatType));
    assertTrue(refused(1e300, DataTypes.DoubleType, DataTypes.FloatType).contains("out of range"));
    assertEquals(16777216f, convert(16777216L, DataTypes.LongType, DataTypes.FloatType));
    assertTrue(refused(16777217L, DataTypes.LongType, DataTypes.FloatType).contains("not exact"));
    assertTrue(
        refused(Long.MAX_VALUE, DataTypes.LongType, DataTypes.DoubleType).contains("not exact"));
    assertEquals(
        9007199254740992d, convert(9007199254740992L, DataTypes.LongType, DataTypes.DoubleType));
  }

  @Test
  void decimalsRoundHalfUpToTheScaleWithinThePrecision() {
    DataType wide = DataTypes.createDecimalType(38, 18);
    assertEquals(
        Decimal.apply(new BigDecimal("12345678.01")),
        convert(Decimal.apply(new BigDecimal("12345678.005")), wide, DEC_10_2));
    assertTrue(
        refused(Decimal.apply(new BigDecimal("123456789.00")), wide, DEC_10_2)
            .contains("out of range"));
    assertEquals(
        Decimal.apply(new BigDecimal("0.10")), convert(0.1d, DataTypes.DoubleType, DEC_10_2));
    assertTrue(refused(Double.NaN, DataTypes.DoubleType, DEC_10_2).contains("not a finite number"));
    assertEquals(5, convert(Decimal.apply(new BigDecimal("5.00")), wide, DataTypes.IntegerType));
    assertTrue(
        refused(Decimal.apply(new BigDecimal("5.5")), wide, DataTypes.IntegerType)
            .contains("not an integer"));
  }

  @Test
  void stringsMustBeWholeNumbers() {
    assertEquals(
        12, convert(UTF8String.fromString(" 12 "), DataTypes.StringType, DataTypes.IntegerType));
    assertEquals(
        12, convert(UTF8String.fromString("12.0"), DataTypes.StringType, DataTypes.IntegerType));
    assertEquals(
        Decimal.apply(new BigDecimal("3.14")),
        convert(UTF8String.fromString("3.14159"), DataTypes.StringType, DEC_10_2));
    assertEquals(
        2.5d, convert(UTF8String.fromString("2.5"), DataTypes.StringType, DataTypes.DoubleType));
    assertEquals(
        "Cannot write column 'c': value '12abc' does not fit the table's int (not a number;"
            + " option 'allowNarrowing'). Nothing was loaded.",
        refused(UTF8String.fromString("12abc"), DataTypes.StringType, DataTypes.IntegerType));
    assertTrue(
        refused(UTF8String.fromString("12.5"), DataTypes.StringType, DataTypes.IntegerType)
            .contains("not an integer"));
    assertTrue(
        refused(UTF8String.fromString(""), DataTypes.StringType, DataTypes.LongType)
            .contains("not a number"));
  }

  @Test
  void planningNarrowsOnlyColumnsThatAreNotAlreadyCompatibleAndRowsKeepNulls() {
    StructType input =
        new StructType()
            .add("id", DataTypes.LongType)
            .add("n", DataTypes.IntegerType)
            .add("s", DataTypes.StringType);
    StructType file =
        new StructType()
            .add("id", DataTypes.IntegerType)
            .add("n", DataTypes.LongType)
            .add("s", DEC_10_2);
    Narrowing n = Narrowing.plan(input, file, new int[] {0, 1, 2}, ColumnMatcher::compatible);
    assertEquals(
        new StructType()
            .add("id", DataTypes.IntegerType)
            .add("n", DataTypes.IntegerType)
            .add("s", DEC_10_2),
        n.narrowedInput(input));
    InternalRow row =
        n.apply(new GenericInternalRow(new Object[] {7L, 3, UTF8String.fromString("1.5")}));
    assertEquals(7, row.getInt(0));
    assertEquals(3, row.getInt(1));
    assertEquals(Decimal.apply(new BigDecimal("1.50")), row.getDecimal(2, 10, 2));
    assertTrue(n.apply(new GenericInternalRow(new Object[] {null, null, null})).isNullAt(0));
    assertNull(Narrowing.plan(file, file, new int[] {0, 1, 2}, ColumnMatcher::compatible));
    assertFalse(Narrowing.narrowable(DataTypes.StringType, DataTypes.DateType));
    assertFalse(Narrowing.narrowable(DataTypes.BooleanType, DataTypes.IntegerType));
  }
}
