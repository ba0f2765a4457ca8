package dev.redshiftdata.spark.amazonml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;

class CsvValuesTest {

  private static String render(DataType type, Object internal) {
    StructType schema = new StructType().add("c", type);
    return CsvValues.renderers(schema)[0].render(
        new GenericInternalRow(new Object[] {internal}), 0);
  }

  @Test
  void numbersArePlainDecimalNotation() {
    assertEquals("42", render(DataTypes.IntegerType, 42));
    assertEquals("-7", render(DataTypes.ByteType, (byte) -7));
    assertEquals("-32768", render(DataTypes.ShortType, (short) -32768));
    assertEquals("9223372036854775807", render(DataTypes.LongType, Long.MAX_VALUE));
    assertEquals("0.1", render(DataTypes.FloatType, 0.1f));
    assertEquals("10000000000", render(DataTypes.DoubleType, 1.0e10));
    assertEquals("1.5", render(DataTypes.DoubleType, 1.5));
    assertEquals("2", render(DataTypes.DoubleType, 2.0));
    assertEquals("0", render(DataTypes.DoubleType, -0.0));
    assertEquals("0.000001", render(DataTypes.DoubleType, 1.0e-6));
    assertEquals(
        "-12.50",
        render(
            DataTypes.createDecimalType(10, 2), Decimal.apply(new java.math.BigDecimal("-12.50"))));
  }

  @Test
  void nanInfinityAndNullAreMissing() {
    assertNull(render(DataTypes.DoubleType, Double.NaN));
    assertNull(render(DataTypes.DoubleType, Double.POSITIVE_INFINITY));
    assertNull(render(DataTypes.FloatType, Float.NEGATIVE_INFINITY));
    assertNull(render(DataTypes.StringType, null));
  }

  @Test
  void booleansAreOneAndZero() {
    assertEquals("1", render(DataTypes.BooleanType, true));
    assertEquals("0", render(DataTypes.BooleanType, false));
  }

  @Test
  void datesAndTimestampsAreIso() {
    assertEquals(
        "2024-02-29", render(DataTypes.DateType, (int) LocalDate.parse("2024-02-29").toEpochDay()));
    long micros = Instant.parse("2024-01-31T13:45:00.123456Z").toEpochMilli() * 1000 + 456;
    assertEquals("2024-01-31T13:45:00.123456Z", render(DataTypes.TimestampType, micros));
    assertEquals("2024-01-31T13:45:00.123456", render(DataTypes.TimestampNTZType, micros));
    long whole = Instant.parse("1969-12-31T23:59:59Z").getEpochSecond() * 1_000_000;
    assertEquals("1969-12-31T23:59:59Z", render(DataTypes.TimestampType, whole));
  }

  @Test
  void stringsAreAsTheyAre() {
    assertEquals("a,\"b\"\n", render(DataTypes.StringType, UTF8String.fromString("a,\"b\"\n")));
  }

  @Test
  void binaryAndNestedTypesAreRefusedNamingTheColumn() {
    for (DataType t :
        new DataType[] {
          DataTypes.BinaryType,
          DataTypes.createArrayType(DataTypes.IntegerType),
          new StructType().add("x", DataTypes.IntegerType),
          DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType)
        }) {
      StructType schema = new StructType().add("ok", DataTypes.IntegerType).add("bad", t);
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> CsvValues.check(schema, "do it"));
      assertTrue(
          e.getMessage().startsWith("Cannot do it: column 'bad' is of type "), e.getMessage());
      assertTrue(e.getMessage().contains("Cast it to a string or drop it"), e.getMessage());
    }
  }
}
