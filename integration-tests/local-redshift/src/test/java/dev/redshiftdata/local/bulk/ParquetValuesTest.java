package dev.redshiftdata.local.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.LocalDate;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroup;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;

/** SERIALIZETOJSON of nested Parquet values into SUPER: every physical encoding a writer uses. */
class ParquetValuesTest {

  private static final TargetTable.Column SUPER =
      new TargetTable.Column("doc", "super", 0, 0, false);

  private static String json(Group record) {
    return ParquetValues.text(record, 0, SUPER, true);
  }

  private static final MessageType SCALARS =
      MessageTypeParser.parseMessageType(
          "message m { optional group doc {"
              + " optional int32 d32 (DECIMAL(9,2));"
              + " optional int64 d64 (DECIMAL(18,4));"
              + " optional binary dbin (DECIMAL(30,3));"
              + " optional fixed_len_byte_array(16) dfix (DECIMAL(38,10));"
              + " optional int32 day (DATE);"
              + " optional int32 bc (DATE);"
              + " optional int64 ms (TIMESTAMP(MILLIS,true));"
              + " optional int64 us (TIMESTAMP(MICROS,false));"
              + " optional int64 ns (TIMESTAMP(NANOS,true));"
              + " optional int96 i96;"
              + " optional int64 t (TIME(MICROS,false));"
              + " optional binary s (STRING);"
              + " optional binary raw;"
              + " optional double nan;"
              + " optional int32 absent;"
              + " } }");

  @Test
  void decimalsAreExactNumbersAndTemporalsRedshiftText() {
    Group r = new SimpleGroup(SCALARS);
    Group d = r.addGroup("doc");
    d.add("d32", -1250);
    d.add("d64", 123456789012345678L);
    d.add(
        "dbin",
        Binary.fromConstantByteArray(new BigInteger("-123456789012345678901234567").toByteArray()));
    byte[] fixed = new byte[16];
    byte[] v = BigInteger.valueOf(5).toByteArray();
    System.arraycopy(v, 0, fixed, 16 - v.length, v.length);
    d.add("dfix", Binary.fromConstantByteArray(fixed));
    d.add("day", (int) LocalDate.parse("2024-02-29").toEpochDay());
    d.add("bc", (int) LocalDate.parse("-0043-03-15").toEpochDay());
    d.add("ms", 1_714_972_089_500L); // 2024-05-06 05:08:09.5 UTC
    d.add("us", 1_704_164_645_678_901L); // 2024-01-02 03:04:05.678901
    d.add("ns", 1_704_164_645_000_000_000L);
    ByteBuffer int96 = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
    int96.putLong(3_723_000_001_000L).putInt(2_440_588 + 1); // 1970-01-02 01:02:03.000001
    d.add("i96", Binary.fromConstantByteArray(int96.array()));
    d.add("t", 45_296_100_000L); // 12:34:56.1
    d.add("s", "é\"\\\n");
    d.add("raw", Binary.fromConstantByteArray(new byte[] {0, (byte) 0xff}));
    d.add("nan", Double.NaN);
    assertEquals(
        "{\"d32\":-12.50,\"d64\":12345678901234.5678,\"dbin\":-123456789012345678901234.567,"
            + "\"dfix\":0.0000000005,\"day\":\"2024-02-29\",\"bc\":\"0044-03-15 BC\","
            + "\"ms\":\"2024-05-06 05:08:09.5+00\",\"us\":\"2024-01-02 03:04:05.678901\","
            + "\"ns\":\"2024-01-02 03:04:05+00\",\"i96\":\"1970-01-02 01:02:03.000001+00\","
            + "\"t\":\"12:34:56.1\",\"s\":\"é\\\"\\\\\\n\",\"raw\":\"00ff\",\"nan\":\"NaN\"}",
        json(r));
  }

  private static final MessageType NESTED =
      MessageTypeParser.parseMessageType(
          "message m { optional group doc (MAP) { repeated group key_value {"
              + " required binary key (STRING);"
              + " optional group value (LIST) { repeated group list {"
              + " optional group element { optional int32 k; optional int32 day (DATE); } } } } } }");

  @Test
  void mapsKeepEveryEntryAndListsTheirNulls() {
    Group r = new SimpleGroup(NESTED);
    Group m = r.addGroup("doc");
    Group a = m.addGroup("key_value");
    a.add("key", "a");
    Group list = a.addGroup("value");
    list.addGroup("list").addGroup("element").append("k", 1).append("day", 0);
    list.addGroup("list"); // a null element
    list.addGroup("list").addGroup("element"); // an element with null fields
    Group b = m.addGroup("key_value");
    b.add("key", "b");
    b.addGroup("value"); // an empty list
    m.addGroup("key_value").add("key", "c"); // a null value
    assertEquals("{\"a\":[{\"k\":1,\"day\":\"1970-01-01\"},null,{}],\"b\":[],\"c\":null}", json(r));
  }
}
