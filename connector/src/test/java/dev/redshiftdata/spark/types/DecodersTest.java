package dev.redshiftdata.spark.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.redshiftdata.spark.compat.SparkLine;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.redshiftdata.model.Field;

class DecodersTest {

  /** Every switch this Spark line has turned on. */
  private static final MappingOptions ALL_ON =
      new MappingOptions(SparkLine.HAS_VARIANT, SparkLine.HAS_TIME);

  private static final Field NULL = Field.builder().isNull(true).build();

  private static Field l(long v) {
    return Field.builder().longValue(v).build();
  }

  private static Field d(double v) {
    return Field.builder().doubleValue(v).build();
  }

  private static Field s(String v) {
    return Field.builder().stringValue(v).build();
  }

  private static FieldDecoder decoder(RedshiftType t, MappingOptions o) {
    return Decoders.field(t, TypeMapping.sparkType(t, o));
  }

  private static FieldDecoder decoder(String type) {
    return decoder(new RedshiftType("c", type, 0, 0, 0, 1), MappingOptions.DEFAULTS);
  }

  private static FieldDecoder numeric(int p, int s) {
    return decoder(new RedshiftType("amount", "numeric", p, s, 0, 1), MappingOptions.DEFAULTS);
  }

  @Test
  void everyDecoderMapsIsNullToNull() {
    for (String type :
        new String[] {
          "int2",
          "int4",
          "int8",
          "numeric",
          "float4",
          "float8",
          "bool",
          "varchar",
          "bpchar",
          "date",
          "timestamp",
          "timestamptz",
          "time",
          "timetz",
          "varbyte",
          "super",
          "geometry",
          "geography",
          "hllsketch"
        }) {
      for (MappingOptions o : new MappingOptions[] {MappingOptions.DEFAULTS, ALL_ON}) {
        RedshiftType t = new RedshiftType("c", type, 10, 2, 10, 1);
        assertNull(decoder(t, o).decode(NULL), type);
        DataType spark = TypeMapping.sparkType(t, o);
        assertNull(Decoders.field(t, spark).decode(Field.builder().isNull(true).build()), type);
      }
    }
  }

  @Test
  void integers() {
    assertEquals(Short.MIN_VALUE, decoder("int2").decode(l(Short.MIN_VALUE)));
    assertEquals(Short.MAX_VALUE, decoder("int2").decode(l(Short.MAX_VALUE)));
    assertEquals(Integer.MIN_VALUE, decoder("int4").decode(l(Integer.MIN_VALUE)));
    assertEquals(Integer.MAX_VALUE, decoder("int4").decode(l(Integer.MAX_VALUE)));
    assertEquals(Long.MIN_VALUE, decoder("int8").decode(l(Long.MIN_VALUE)));
    assertEquals(Long.MAX_VALUE, decoder("int8").decode(l(Long.MAX_VALUE)));
    assertEquals(9223372036854774807L, decoder("int8").decode(l(9223372036854774807L)));
    assertEquals((short) 0, decoder("int2").decode(l(0)));
    // Also as text (CSV, or a stringValue).
    assertEquals(-42, decoder("int4").decode(s("-42")));
    assertEquals(Long.MIN_VALUE, decoder("int8").decode(s("-9223372036854775808")));
  }

  @Test
  void integerOutOfRangeIsAnErrorNotATruncation() {
    ArithmeticException e =
        assertThrows(ArithmeticException.class, () -> decoder("int2").decode(l(40000)));
    assertEquals("40000 of column 'c' does not fit SMALLINT", e.getMessage());
    assertThrows(ArithmeticException.class, () -> decoder("int4").decode(l(1L << 31)));
  }

  @Test
  void floatsAndDoubles() {
    assertEquals(123.34, decoder("float8").decode(d(123.34)));
    assertEquals(Double.MAX_VALUE, decoder("float8").decode(d(Double.MAX_VALUE)));
    assertEquals(Double.MIN_VALUE, decoder("float8").decode(d(Double.MIN_VALUE)));
    assertEquals(-0.0, decoder("float8").decode(d(-0.0)));
    assertEquals(1.1f, decoder("float4").decode(d(1.1)));
    assertEquals(1.1f, decoder("float4").decode(d((double) 1.1f)));
    assertEquals(Float.MAX_VALUE, decoder("float4").decode(d(Float.MAX_VALUE)));
    assertEquals(3.0, decoder("float8").decode(l(3)));
  }

  @Test
  void nanAndInfinityArriveAsStrings() {
    for (String type : new String[] {"float4", "float8"}) {
      FieldDecoder dec = decoder(type);
      Object nan = dec.decode(s("NaN"));
      Object inf = dec.decode(s("Infinity"));
      Object negInf = dec.decode(s("-Infinity"));
      if (type.equals("float4")) {
        assertTrue(Float.isNaN((Float) nan));
        assertEquals(Float.POSITIVE_INFINITY, inf);
        assertEquals(Float.NEGATIVE_INFINITY, negInf);
      } else {
        assertTrue(Double.isNaN((Double) nan));
        assertEquals(Double.POSITIVE_INFINITY, inf);
        assertEquals(Double.NEGATIVE_INFINITY, negInf);
      }
      // and as doubleValue, should a real Redshift send them that way
      assertEquals(
          type.equals("float4") ? (Object) Float.POSITIVE_INFINITY : Double.POSITIVE_INFINITY,
          dec.decode(d(Double.POSITIVE_INFINITY)));
    }
  }

  @Test
  void booleans() {
    assertEquals(true, decoder("bool").decode(Field.builder().booleanValue(true).build()));
    assertEquals(false, decoder("bool").decode(Field.builder().booleanValue(false).build()));
    assertEquals(true, decoder("bool").decode(s("true")));
    assertEquals(false, decoder("bool").decode(s("f")));
    assertThrows(IllegalArgumentException.class, () -> decoder("bool").decode(s("yes!")));
  }

  @Test
  void decimalsAreExact() {
    Decimal v = (Decimal) numeric(12, 2).decode(s("123.45"));
    assertEquals(new BigDecimal("123.45"), v.toJavaBigDecimal());
    assertEquals(12, v.precision());
    assertEquals(2, v.scale());
    assertEquals(
        new BigDecimal("1.50"), ((Decimal) numeric(5, 2).decode(s("1.50"))).toJavaBigDecimal());
    // Fewer digits than the scale (a trimmed text) still takes the column's scale.
    assertEquals(
        new BigDecimal("1.50"), ((Decimal) numeric(5, 2).decode(s("1.5"))).toJavaBigDecimal());
    assertEquals(
        new BigDecimal("-0.01"), ((Decimal) numeric(5, 2).decode(s("-0.01"))).toJavaBigDecimal());
  }

  @Test
  void decimal38Extremes() {
    String max38 = "99999999999999999999999999999999999999";
    assertEquals(
        new BigDecimal(max38), ((Decimal) numeric(38, 0).decode(s(max38))).toJavaBigDecimal());
    assertEquals(
        new BigDecimal("-" + max38),
        ((Decimal) numeric(38, 0).decode(s("-" + max38))).toJavaBigDecimal());
    String frac = "0.9999999999999999999999999999999999999";
    assertEquals(
        new BigDecimal(frac), ((Decimal) numeric(38, 37).decode(s(frac))).toJavaBigDecimal());
    String mid = "12345678901234567890.123456789012345678";
    assertEquals(
        new BigDecimal(mid), ((Decimal) numeric(38, 18).decode(s(mid))).toJavaBigDecimal());
    String small = "0.000000000000000001";
    assertEquals(
        new BigDecimal(small), ((Decimal) numeric(38, 18).decode(s(small))).toJavaBigDecimal());
    ArithmeticException e =
        assertThrows(ArithmeticException.class, () -> numeric(38, 1).decode(s(max38)));
    assertTrue(e.getMessage().contains("column 'amount' does not fit DECIMAL(38,1)"));
  }

  @Test
  void unconstrainedNumeric() {
    FieldDecoder dec = decoder(new RedshiftType("s", "numeric", 38, 18, 0, 1), ALL_ON);
    assertEquals(
        new BigDecimal("2.500000000000000000"),
        ((Decimal) dec.decode(s("2.5"))).toJavaBigDecimal());
  }

  @Test
  void strings() {
    FieldDecoder dec = decoder("varchar");
    assertEquals(UTF8String.fromString(""), dec.decode(s("")));
    assertEquals(UTF8String.fromString("abc"), dec.decode(s("abc")));
    String multi = "Zürich — 東京 🎉 ‏עברית";
    UTF8String u = (UTF8String) dec.decode(s(multi));
    assertEquals(multi, u.toString());
    assertArrayEquals(multi.getBytes(StandardCharsets.UTF_8), u.getBytes());
    // CHAR keeps Redshift's padding: the value is what Redshift returns.
    assertEquals(UTF8String.fromString("ab   "), decoder("bpchar").decode(s("ab   ")));
    assertEquals(UTF8String.fromString("a,\"b\"\n"), dec.decode(s("a,\"b\"\n")));
  }

  @Test
  void timeTimetzSuperHllsketchAsStringsByDefault() {
    assertEquals(UTF8String.fromString("09:26:38.7"), decoder("time").decode(s("09:26:38.7")));
    assertEquals(
        UTF8String.fromString("09:26:38.779304+00"),
        decoder("timetz").decode(s("09:26:38.779304+00")));
    assertEquals(UTF8String.fromString("{\"a\":1}"), decoder("super").decode(s("{\"a\":1}")));
    assertEquals(UTF8String.fromString("{\"v\":1}"), decoder("hllsketch").decode(s("{\"v\":1}")));
  }

  @Test
  void timeTypesWhenEnabled() {
    assumeTrue(SparkLine.HAS_TIME, "Spark " + SparkLine.VERSION + " has no TIME type");
    FieldDecoder time = decoder(new RedshiftType("t", "time", 15, 6, 0, 1), ALL_ON);
    assertEquals(
        LocalTime.of(9, 26, 38, 779_304_000).toNanoOfDay(), time.decode(s("09:26:38.779304")));
    FieldDecoder timetz = decoder(new RedshiftType("t", "timetz", 21, 6, 0, 1), ALL_ON);
    assertEquals(LocalTime.of(3, 56, 38).toNanoOfDay(), timetz.decode(s("09:26:38+05:30")));
  }

  @Test
  void superAsVariant() {
    assumeTrue(SparkLine.HAS_VARIANT, "Spark " + SparkLine.VERSION + " has no VARIANT type");
    FieldDecoder dec = decoder(new RedshiftType("j", "super", 65535, 0, 0, 1), ALL_ON);
    // A variant value's toString is its JSON, in UTC.
    Object v = dec.decode(s("{\"a\":1,\"b\":[true,null,\"x\"]}"));
    assertEquals("{\"a\":1,\"b\":[true,null,\"x\"]}", v.toString());
    Object scalar = dec.decode(s("\"text\""));
    assertEquals("\"text\"", scalar.toString());
    assertThrows(IllegalArgumentException.class, () -> dec.decode(s("{not json")));
  }

  @Test
  void datesAndTimestamps() {
    assertEquals(
        (int) LocalDate.of(2023, 10, 23).toEpochDay(), decoder("date").decode(s("2023-10-23")));
    assertEquals((int) LocalDate.of(1, 1, 1).toEpochDay(), decoder("date").decode(s("0001-01-01")));
    assertEquals(
        (int) LocalDate.of(9999, 12, 31).toEpochDay(), decoder("date").decode(s("9999-12-31")));
    assertEquals(
        (int) LocalDate.of(-43, 3, 15).toEpochDay(), decoder("date").decode(s("0044-03-15 BC")));
    assertEquals(1645488000000000L, decoder("timestamp").decode(s("2022-02-22 00:00:00.0")));
    assertEquals(1598031231887120L, decoder("timestamp").decode(s("2020-08-21 17:33:51.88712")));
    assertEquals(
        1698053198779304L, decoder("timestamptz").decode(s("2023-10-23 09:26:38.779304+00")));
    assertEquals(
        1698053198779304L - 19_800_000_000L,
        decoder("timestamptz").decode(s("2023-10-23 09:26:38.779304+05:30")));
  }

  @Test
  void binaryFromHexTextOrBlob() {
    byte[] bytes = {0, 1, 2, (byte) 0xfe, (byte) 0xff};
    assertArrayEquals(bytes, (byte[]) decoder("varbyte").decode(s("000102feff")));
    assertArrayEquals(
        bytes,
        (byte[])
            decoder("varbyte")
                .decode(Field.builder().blobValue(SdkBytes.fromByteArray(bytes)).build()));
    assertArrayEquals(new byte[0], (byte[]) decoder("varbyte").decode(s("")));
    byte[] wkbPoint = RedshiftText.parseHex("0101000000000000000000f03f0000000000000040");
    assertArrayEquals(
        wkbPoint,
        (byte[]) decoder("geometry").decode(s("0101000000000000000000f03f0000000000000040")));
  }

  @Test
  void aFieldWithNoUsableMemberIsAClearError() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> decoder("int4").decode(Field.builder().booleanValue(true).build()));
    assertTrue(e.getMessage().startsWith("Unexpected Data API value for column 'c'"));
  }

  @Test
  void aTypeThatCannotBeReadAsTheRequestedSparkTypeIsAClearError() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Decoders.text(
                    new RedshiftType("d", "date", 13, 0, 0, 1),
                    DataTypes.createArrayType(DataTypes.IntegerType)));
    assertEquals(
        "Cannot decode column 'd': Redshift type 'date' cannot be read as Spark type 'array<int>'",
        e.getMessage());
  }

  /**
   * Not a test of speed (no timing assertion): decodes a batch of fields so that a profiler or a
   * curious reader can see the decoders in a loop.
   */
  @Test
  void decodesManyValuesWithOneDecoderPerColumn() {
    FieldDecoder ts = decoder("timestamp");
    Field f = s("2020-08-21 17:33:51.88712");
    long sum = 0;
    for (int i = 0; i < 10_000; i++) {
      sum += (Long) ts.decode(f);
    }
    assertEquals(1598031231887120L * 10_000, sum);
  }
}
