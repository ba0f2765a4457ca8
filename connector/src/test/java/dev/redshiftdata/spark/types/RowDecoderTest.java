package dev.redshiftdata.spark.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.spark.compat.SparkLine;
import dev.redshiftdata.spark.compat.SparkTypes;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.redshiftdata.model.Field;

class RowDecoderTest {

  private static final List<RedshiftType> COLUMNS =
      List.of(
          new RedshiftType("id", "int4", 10, 0, 0, 0),
          new RedshiftType("small", "int2", 5, 0, 0, 1),
          new RedshiftType("big", "int8", 19, 0, 0, 1),
          new RedshiftType("amount", "numeric", 38, 10, 0, 1),
          new RedshiftType("r", "float4", 8, 8, 0, 1),
          new RedshiftType("dp", "float8", 17, 17, 0, 1),
          new RedshiftType("flag", "bool", 1, 0, 0, 1),
          new RedshiftType("code", "bpchar", 3, 0, 3, 1),
          new RedshiftType("name", "varchar", 100, 0, 100, 1),
          new RedshiftType("day", "date", 13, 0, 0, 1),
          new RedshiftType("ts", "timestamp", 29, 6, 0, 1),
          new RedshiftType("tstz", "timestamptz", 35, 6, 0, 1),
          new RedshiftType("t", "time", 15, 6, 0, 1),
          new RedshiftType("ttz", "timetz", 21, 6, 0, 1),
          new RedshiftType("bytes", "varbyte", 64000, 0, 0, 1),
          new RedshiftType("doc", "super", 65535, 0, 0, 1),
          new RedshiftType("geom", "geometry", 0, 0, 0, 1));

  private static final Field NULL = Field.builder().isNull(true).build();

  private static Field l(long v) {
    return Field.builder().longValue(v).build();
  }

  private static Field s(String v) {
    return Field.builder().stringValue(v).build();
  }

  /** One row as the local Redshift sends it in JSON (RowEncoder) ... */
  private static final List<Field> JSON_ROW =
      List.of(
          l(2147483647),
          l(-32768),
          l(Long.MIN_VALUE),
          s("-1234567890123456789012345678.0123456789"),
          s("NaN"),
          s("-Infinity"),
          Field.builder().booleanValue(true).build(),
          s("ab "),
          s("tab\t, \"quote\"\nline 東京"),
          s("0044-03-15 BC"),
          s("2020-08-21 17:33:51.88712"),
          s("2023-10-23 09:26:38.779304+00"),
          s("23:59:59.999999"),
          s("09:26:38.779304+00"),
          s("00ff10"),
          s("{\"a\":[1,2,{\"b\":null}]}"),
          s("0101000000000000000000f03f0000000000000040"));

  /** ... and the same row as its GetStatementResultV2 CSV line. */
  private static final String CSV_ROW =
      "2147483647,-32768,-9223372036854775808,-1234567890123456789012345678.0123456789,NaN,"
          + "-Infinity,true,ab ,\"tab\t, \"\"quote\"\"\nline 東京\",0044-03-15 BC,"
          + "2020-08-21 17:33:51.88712,2023-10-23 09:26:38.779304+00,23:59:59.999999,"
          + "09:26:38.779304+00,00ff10,\"{\"\"a\"\":[1,2,{\"\"b\"\":null}]}\","
          + "0101000000000000000000f03f0000000000000040\n";

  @Test
  void jsonAndCsvGiveIdenticalRows() {
    for (MappingOptions o :
        List.of(
            MappingOptions.DEFAULTS,
            new MappingOptions(SparkLine.HAS_VARIANT, SparkLine.HAS_TIME))) {
      RowDecoder dec = RowDecoder.create(COLUMNS, o);
      InternalRow fromJson = dec.decode(JSON_ROW);
      List<String[]> records = CsvRecords.parse(CSV_ROW, COLUMNS.size());
      assertEquals(1, records.size());
      InternalRow fromCsv = dec.decodeCsv(records.get(0));
      assertRowsEqual(dec.schema(), fromJson, fromCsv);
    }
  }

  @Test
  void nullsAndEmptyStringsInBothForms() {
    RowDecoder dec = RowDecoder.create(COLUMNS, MappingOptions.DEFAULTS);
    Field[] json = new Field[COLUMNS.size()];
    Arrays.fill(json, NULL);
    json[8] = s(""); // name: empty string, not NULL
    InternalRow a = dec.decode(List.of(json));
    String csv = ",".repeat(8) + "\"\"" + ",".repeat(COLUMNS.size() - 9) + "\n";
    InternalRow b = dec.decodeCsv(CsvRecords.parse(csv, COLUMNS.size()).get(0));
    for (InternalRow r : List.of(a, b)) {
      for (int i = 0; i < COLUMNS.size(); i++) {
        if (i == 8) {
          assertEquals("", r.getUTF8String(i).toString());
        } else {
          assertTrue(r.isNullAt(i), "column " + i);
        }
      }
    }
  }

  @Test
  void projectionPicksColumnsByName() {
    StructType all = TypeMapping.schema(COLUMNS, MappingOptions.DEFAULTS);
    StructType projection =
        new StructType(new StructField[] {all.apply("ts"), all.apply("id"), all.apply("name")});
    RowDecoder dec = RowDecoder.create(COLUMNS, projection, ZoneOffset.UTC);
    InternalRow r = dec.decode(JSON_ROW);
    assertEquals(3, r.numFields());
    assertEquals(1598031231887120L, r.getLong(0));
    assertEquals(2147483647, r.getInt(1));
    assertEquals("tab\t, \"quote\"\nline 東京", r.getUTF8String(2).toString());
    InternalRow c = dec.decodeCsv(CsvRecords.parse(CSV_ROW, COLUMNS.size()).get(0));
    assertRowsEqual(projection, r, c);
  }

  @Test
  void projectionMatchesCaseInsensitivelyAndReportsMissingColumns() {
    StructType upper = new StructType().add("ID", DataTypes.IntegerType);
    assertEquals(
        2147483647, RowDecoder.create(COLUMNS, upper, ZoneOffset.UTC).decode(JSON_ROW).getInt(0));
    StructType missing = new StructType().add("nope", DataTypes.IntegerType);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> RowDecoder.create(COLUMNS, missing, ZoneOffset.UTC));
    assertEquals("Column 'nope' is not in the result", e.getMessage());
  }

  @Test
  void csvRecords() {
    List<String[]> r = CsvRecords.parse("1,,\"\"\r\n\"a\"\"b\",x y,\"c,\nd\"\n", 3);
    assertEquals(2, r.size());
    assertArrayEquals(new String[] {"1", null, ""}, r.get(0));
    assertArrayEquals(new String[] {"a\"b", "x y", "c,\nd"}, r.get(1));
    assertArrayEquals(new String[] {null}, CsvRecords.parse("\n", 1).get(0));
    assertArrayEquals(new String[] {"last"}, CsvRecords.parse("last", 1).get(0));
    // quotes only, a doubled quote last in a cell, a quoted cell last in the text
    assertArrayEquals(
        new String[] {"\"", "a\"", ""}, CsvRecords.parse("\"\"\"\",\"a\"\"\",\"\"", 3).get(0));
    assertThrows(IllegalArgumentException.class, () -> CsvRecords.parse("\"a\"b\n", 1));
    assertEquals(0, CsvRecords.parse("", 2).size());
    assertThrows(IllegalArgumentException.class, () -> CsvRecords.parse("1,2\n", 3));
    assertThrows(IllegalArgumentException.class, () -> CsvRecords.parse("1,2,3,4\n", 3));
    assertThrows(IllegalArgumentException.class, () -> CsvRecords.parse("\"open\n", 1));
  }

  private static void assertRowsEqual(StructType schema, InternalRow a, InternalRow b) {
    assertEquals(a.numFields(), b.numFields());
    for (int i = 0; i < a.numFields(); i++) {
      DataType t = schema.fields()[i].dataType();
      Object x = a.get(i, t);
      Object y = b.get(i, t);
      if (x == null || y == null) {
        assertNull(x, schema.fields()[i].name());
        assertNull(y, schema.fields()[i].name());
      } else if (x instanceof byte[] bx) {
        assertArrayEquals(bx, (byte[]) y, schema.fields()[i].name());
      } else if (SparkTypes.isVariant(t)) {
        assertArrayEquals(SparkTypes.variantValue(x), SparkTypes.variantValue(y));
        assertArrayEquals(SparkTypes.variantMetadata(x), SparkTypes.variantMetadata(y));
      } else if (x instanceof Float fx) {
        assertEquals(Float.floatToRawIntBits(fx), Float.floatToRawIntBits((Float) y));
      } else if (x instanceof Double dx) {
        assertEquals(Double.doubleToRawLongBits(dx), Double.doubleToRawLongBits((Double) y));
      } else {
        assertEquals(x, y, schema.fields()[i].name());
      }
    }
  }
}
