package dev.redshiftdata.spark.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.apache.spark.sql.connector.expressions.LiteralValue;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;

class LiteralsTest {

  static final String[] HOSTILE = {
    "it's",
    "back\\slash",
    "'); DROP TABLE x; --",
    "\\'",
    "'\\",
    "line\nbreak\r\ttab",
    "日本語 ✓ 𝄞 emoji 😀",
    "%_\\%",
    "''''",
    "\\\\\\",
    "",
    "$$ dollar $$",
    "/* comment */ -- dash"
  };

  @Test
  void stringsDoubleQuotesAndBackslashes() {
    assertEquals("'it''s'", Literals.string("it's"));
    assertEquals("'a\\\\b'", Literals.string("a\\b"));
    assertEquals("''''');  DROP TABLE x; --'", Literals.string("'');  DROP TABLE x; --"));
    assertEquals("'line\nbreak'", Literals.string("line\nbreak"));
    assertEquals("''", Literals.string(""));
    assertEquals("'\\\\'''", Literals.string("\\'"));
  }

  @Test
  void hostileStringsRoundTripThroughRedshiftUnescaping() {
    for (String s : HOSTILE) {
      String lit = Literals.string(s);
      assertEquals(s, Literals.unescape(lit), lit);
    }
  }

  @Test
  void unescapeFollowsStandardConformingStringsOff() {
    assertEquals("a\nb", Literals.unescape("'a\\nb'"));
    assertEquals("it's", Literals.unescape("'it\\'s'"));
    assertEquals("q", Literals.unescape("'\\q'"));
    assertThrows(IllegalArgumentException.class, () -> Literals.unescape("'a'b'"));
    assertThrows(IllegalArgumentException.class, () -> Literals.unescape("'a\\'"));
    assertThrows(IllegalArgumentException.class, () -> Literals.unescape("abc"));
  }

  @Test
  void nulIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> Literals.string("a\0b"));
  }

  @Test
  void sparkStringLiterals() {
    assertEquals(
        "'O''Brien \\\\ co'",
        Literals.render(
            LiteralValue.apply(UTF8String.fromString("O'Brien \\ co"), DataTypes.StringType)));
  }

  @Test
  void integersAndBooleans() {
    assertEquals("42", Literals.render((byte) 42, DataTypes.ByteType));
    assertEquals("-32768", Literals.render((short) -32768, DataTypes.ShortType));
    assertEquals("2147483647", Literals.render(Integer.MAX_VALUE, DataTypes.IntegerType));
    assertEquals("-9223372036854775808", Literals.render(Long.MIN_VALUE, DataTypes.LongType));
    assertEquals("TRUE", Literals.render(true, DataTypes.BooleanType));
    assertEquals("FALSE", Literals.render(false, DataTypes.BooleanType));
    assertEquals("NULL", Literals.render(null, DataTypes.IntegerType));
    assertEquals("NULL", Literals.render(null, DataTypes.NullType));
  }

  @Test
  void decimalsNeverUseExponents() {
    DecimalType t = DataTypes.createDecimalType(38, 10);
    assertEquals("0.0000000001", Literals.render(Decimal.apply(new BigDecimal("1E-10")), t));
    assertEquals(
        "12345678901234567890123456789012345678",
        Literals.render(
            Decimal.apply(new BigDecimal("12345678901234567890123456789012345678")),
            DataTypes.createDecimalType(38, 0)));
    assertEquals("1000", Literals.render(new BigDecimal("1E+3"), t));
    assertEquals("-12.50", Literals.render(Decimal.apply(new BigDecimal("-12.50")), t));
  }

  @Test
  void floatingPoint() {
    assertEquals("CAST(1.5 AS DOUBLE PRECISION)", Literals.render(1.5d, DataTypes.DoubleType));
    assertEquals(
        "CAST(100000000000000000000 AS DOUBLE PRECISION)",
        Literals.render(1e20d, DataTypes.DoubleType));
    assertEquals(
        "CAST(0.0000001 AS DOUBLE PRECISION)", Literals.render(1e-7d, DataTypes.DoubleType));
    assertEquals("CAST(0.1 AS REAL)", Literals.render(0.1f, DataTypes.FloatType));
    assertEquals("CAST(-2.5 AS REAL)", Literals.render(-2.5f, DataTypes.FloatType));
    assertEquals("'NaN'::float8", Literals.render(Double.NaN, DataTypes.DoubleType));
    assertEquals(
        "'Infinity'::float8", Literals.render(Double.POSITIVE_INFINITY, DataTypes.DoubleType));
    assertEquals(
        "'-Infinity'::float4", Literals.render(Float.NEGATIVE_INFINITY, DataTypes.FloatType));
  }

  @Test
  void dates() {
    assertEquals(
        "DATE '2024-02-29'",
        Literals.render((int) LocalDate.of(2024, 2, 29).toEpochDay(), DataTypes.DateType));
    assertEquals("DATE '1970-01-01'", Literals.render(0, DataTypes.DateType));
    assertEquals(
        "DATE '1582-10-04'",
        Literals.render((int) LocalDate.of(1582, 10, 4).toEpochDay(), DataTypes.DateType));
    assertEquals("DATE '0001-01-01'", Literals.render(LocalDate.of(1, 1, 1), DataTypes.DateType));
    // ISO year 0 is 1 BC
    assertEquals(
        "DATE '0001-12-31 BC'", Literals.render(LocalDate.of(0, 12, 31), DataTypes.DateType));
    assertEquals(
        "DATE '12345-06-07'", Literals.render(LocalDate.of(12345, 6, 7), DataTypes.DateType));
  }

  @Test
  void timestampsWithoutZone() {
    long micros = LocalDateTime.of(2024, 3, 10, 2, 30, 5).toEpochSecond(ZoneOffset.UTC) * 1_000_000;
    assertEquals(
        "TIMESTAMP '2024-03-10 02:30:05'", Literals.render(micros, DataTypes.TimestampNTZType));
    assertEquals(
        "TIMESTAMP '2024-03-10 02:30:05.000001'",
        Literals.render(micros + 1, DataTypes.TimestampNTZType));
    assertEquals(
        "TIMESTAMP '1969-12-31 23:59:59.999999'", Literals.render(-1L, DataTypes.TimestampNTZType));
    assertEquals(
        "TIMESTAMP '2000-01-01 00:00:00.120000'",
        Literals.render(
            LocalDateTime.of(2000, 1, 1, 0, 0, 0, 120_000_000), DataTypes.TimestampNTZType));
  }

  @Test
  void timestampsWithZoneAreUtcInstants() {
    Instant i = Instant.parse("2024-10-27T01:30:00.5Z");
    long micros = i.getEpochSecond() * 1_000_000 + 500_000;
    assertEquals(
        "TIMESTAMPTZ '2024-10-27 01:30:00.500000+00'",
        Literals.render(micros, DataTypes.TimestampType));
    assertEquals(
        "TIMESTAMPTZ '2024-10-27 01:30:00.500000+00'", Literals.render(i, DataTypes.TimestampType));
    long bc = LocalDateTime.of(0, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC) * 1_000_000;
    assertEquals(
        "TIMESTAMPTZ '0001-01-01 00:00:00+00 BC'", Literals.render(bc, DataTypes.TimestampType));
  }

  @Test
  void binaryIsHex() {
    assertEquals(
        "FROM_HEX('00ff27a5')",
        Literals.render(new byte[] {0, (byte) 0xff, '\'', (byte) 0xa5}, DataTypes.BinaryType));
    assertEquals("FROM_HEX('')", Literals.render(new byte[0], DataTypes.BinaryType));
  }

  @Test
  void unknownTypesAreRefused() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Literals.render(new Object(), DataTypes.CalendarIntervalType));
  }
}
