package dev.redshiftdata.local.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.redshiftdata.local.catalog.RedshiftTypeNames.RedshiftType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedshiftTypeNamesTest {

  @ParameterizedTest
  @CsvSource({
    // pg name, typmod, typeName, precision, scale, signed, caseSensitive
    "int2, -1, int2, 5, 0, true, false",
    "int4, -1, int4, 10, 0, true, false",
    "int8, -1, int8, 19, 0, true, false",
    "integer, -1, int4, 10, 0, true, false",
    "bigint, -1, int8, 19, 0, true, false",
    "smallint, -1, int2, 5, 0, true, false",
    "numeric, 786438, numeric, 12, 2, true, false",
    "numeric, 1179652, numeric, 18, 0, true, false",
    "numeric, -1, numeric, 38, 18, true, false",
    "numeric, 3276810, numeric, 38, 18, true, false",
    "float4, -1, float4, 8, 8, true, false",
    "real, -1, float4, 8, 8, true, false",
    "float8, -1, float8, 17, 17, true, false",
    "double precision, -1, float8, 17, 17, true, false",
    "bool, -1, bool, 1, 0, false, false",
    "boolean, -1, bool, 1, 0, false, false",
    "varchar, 204, varchar, 200, 0, false, true",
    "character varying, 260, varchar, 256, 0, false, true",
    "varchar, -1, varchar, 65535, 0, false, true",
    "text, -1, varchar, 65535, 0, false, true",
    "unknown, -1, varchar, 65535, 0, false, true",
    "bpchar, 324, bpchar, 320, 0, false, true",
    "character, 7, bpchar, 3, 0, false, true",
    "date, -1, date, 13, 0, false, false",
    "time, -1, time, 15, 6, false, false",
    "timetz, -1, timetz, 21, 6, false, false",
    "time with time zone, -1, timetz, 21, 6, false, false",
    "timestamp, -1, timestamp, 29, 6, false, false",
    "timestamp without time zone, -1, timestamp, 29, 6, false, false",
    "timestamptz, -1, timestamptz, 35, 6, false, false",
    "timestamp with time zone, -1, timestamptz, 35, 6, false, false",
    "jsonb, -1, super, 65535, 0, false, true",
    "bytea, -1, varbyte, 64000, 0, false, false",
    "oid, -1, oid, 10, 0, false, false",
    "name, -1, name, 64, 0, false, true",
    "interval, -1, interval, 49, 6, false, false",
    "_int4, -1, _int4, 0, 0, false, true",
    "pg_catalog.int4, -1, int4, 10, 0, true, false",
    "\"varchar\", 14, varchar, 10, 0, false, true",
    "VARCHAR(10), 14, varchar, 10, 0, false, true"
  })
  void of(
      String pg, int typmod, String name, int precision, int scale, boolean signed, boolean cs) {
    assertEquals(
        new RedshiftType(name, precision, scale, signed, cs), RedshiftTypeNames.of(pg, typmod));
  }

  @Test
  void domains() {
    assertEquals(
        new RedshiftType("super", 65535, 0, false, true),
        RedshiftTypeNames.ofColumn("super", "jsonb", -1));
    assertEquals(
        new RedshiftType("varbyte", 64000, 0, false, false),
        RedshiftTypeNames.ofColumn("varbyte", "bytea", -1));
    assertEquals(
        new RedshiftType("geometry", 0, 0, false, false),
        RedshiftTypeNames.ofColumn("geometry", "bytea", -1));
    assertEquals(
        new RedshiftType("hllsketch", 0, 0, false, false),
        RedshiftTypeNames.ofColumn("hllsketch", "text", -1));
    assertEquals(
        new RedshiftType("character_data", 2147483647, 0, false, true),
        RedshiftTypeNames.ofColumn("character_data", "varchar", -1));
    assertEquals(
        new RedshiftType("cardinal_number", 10, 0, true, false),
        RedshiftTypeNames.ofColumn("cardinal_number", "int4", -1));
    assertEquals(
        new RedshiftType("yes_or_no", 3, 0, false, true),
        RedshiftTypeNames.ofColumn("yes_or_no", "varchar", 7));
    assertEquals(
        new RedshiftType("int4", 10, 0, true, false), RedshiftTypeNames.ofColumn("int4", null, -1));
  }

  @Test
  void jdbcMetadata() {
    assertEquals(
        new RedshiftType("varchar", 200, 0, false, true),
        RedshiftTypeNames.ofJdbc("varchar", 200, 0));
    assertEquals(
        new RedshiftType("varchar", 65535, 0, false, true),
        RedshiftTypeNames.ofJdbc("text", 2147483647, 0));
    assertEquals(
        new RedshiftType("varchar", 65535, 0, false, true),
        RedshiftTypeNames.ofJdbc("varchar", 65535, 0));
    assertEquals(
        new RedshiftType("numeric", 38, 18, true, false),
        RedshiftTypeNames.ofJdbc("numeric", 131089, 0));
    assertEquals(
        new RedshiftType("numeric", 38, 18, true, false),
        RedshiftTypeNames.ofJdbc("numeric", 50, 2));
    assertEquals(
        new RedshiftType("varbyte", 64000, 0, false, false),
        RedshiftTypeNames.ofJdbc("bytea", 0, 0));
    assertEquals(
        new RedshiftType("bpchar", 320, 0, false, true),
        RedshiftTypeNames.ofJdbc("bpchar", 320, 0));
    assertEquals(
        new RedshiftType("numeric", 12, 2, true, false),
        RedshiftTypeNames.ofJdbc("numeric", 12, 2));
    assertEquals(
        new RedshiftType("numeric", 38, 18, true, false),
        RedshiftTypeNames.ofJdbc("numeric", 0, 0));
    assertEquals(
        new RedshiftType("timestamp", 29, 6, false, false),
        RedshiftTypeNames.ofJdbc("timestamp", 29, 6));
    assertEquals(
        new RedshiftType("int4", 10, 0, true, false), RedshiftTypeNames.ofJdbc("int4", 10, 0));
    assertEquals(
        new RedshiftType("super", 65535, 0, false, true), RedshiftTypeNames.ofJdbc("jsonb", 0, 0));
  }
}
