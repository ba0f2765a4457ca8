package dev.redshiftdata.local.dataapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.redshiftdata.model.Field;
import software.amazon.awssdk.services.redshiftdata.model.StatusString;

/** SVV_COLUMNS and SVV_ALL_COLUMNS through the Data API, for a table with every Redshift type. */
class SystemColumnsViewIT extends DataApiTestSupport {

  private static String text(Field f) {
    return Boolean.TRUE.equals(f.isNull())
        ? "null"
        : f.stringValue() != null ? f.stringValue() : String.valueOf(f.longValue());
  }

  @Test
  void everyTypeHasRedshiftsLongNameLengthsAndPrecision() {
    admin(
        "DROP TABLE IF EXISTS svv_all_types",
        "CREATE TABLE svv_all_types (c_smallint smallint, c_int integer NOT NULL DEFAULT 7, c_bigint bigint,"
            + " c_dec numeric(12,3), c_real real, c_double double precision, c_bool boolean, c_char char(5),"
            + " c_varchar varchar(20), c_text text, c_date date, c_ts timestamp, c_tstz timestamptz, c_time time,"
            + " c_timetz timetz, c_super super, c_varbyte varbyte, c_geometry geometry)",
        "COMMENT ON COLUMN svv_all_types.c_int IS 'the key'");
    List<List<Field>> rows =
        query(
            "SELECT column_name, ordinal_position, data_type, character_maximum_length,"
                + " numeric_precision, numeric_scale, is_nullable, column_default, remarks, table_catalog, table_schema"
                + " FROM svv_columns WHERE table_name = 'svv_all_types' ORDER BY ordinal_position");
    List<String> got = new ArrayList<>();
    for (List<Field> r : rows) {
      got.add(
          String.join(
              "|",
              text(r.get(0)),
              text(r.get(2)),
              text(r.get(3)),
              text(r.get(4)),
              text(r.get(5)),
              text(r.get(6))));
    }
    assertEquals(
        List.of(
            "c_smallint|smallint|null|16|0|YES",
            "c_int|integer|null|32|0|NO",
            "c_bigint|bigint|null|64|0|YES",
            "c_dec|numeric|null|12|3|YES",
            "c_real|real|null|24|null|YES",
            "c_double|double precision|null|53|null|YES",
            "c_bool|boolean|null|null|null|YES",
            "c_char|character|5|null|null|YES",
            "c_varchar|character varying|20|null|null|YES",
            "c_text|character varying|256|null|null|YES",
            "c_date|date|null|null|null|YES",
            "c_ts|timestamp without time zone|null|null|null|YES",
            "c_tstz|timestamp with time zone|null|null|null|YES",
            "c_time|time without time zone|null|null|null|YES",
            "c_timetz|time with time zone|null|null|null|YES",
            "c_super|super|null|null|null|YES",
            "c_varbyte|binary varying|64000|null|null|YES",
            "c_geometry|geometry|null|null|null|YES"),
        got);
    List<Field> key = rows.get(1);
    assertEquals(2L, key.get(1).longValue());
    assertEquals("7", key.get(7).stringValue());
    assertEquals("the key", key.get(8).stringValue());
    assertEquals(DB, key.get(9).stringValue());
    assertEquals("public", key.get(10).stringValue());

    List<List<Field>> all =
        query(
            "SELECT database_name, schema_name, column_name, data_type, remarks"
                + " FROM svv_all_columns WHERE table_name = 'svv_all_types' AND ordinal_position = 2");
    assertEquals(
        List.of(DB, "public", "c_int", "integer", "the key"),
        all.get(0).stream().map(SystemColumnsViewIT::text).toList());
  }

  @Test
  void aUserSeesOnlyColumnsOfTablesTheyMayUse() {
    admin(
        "DROP TABLE IF EXISTS svv_private",
        "CREATE TABLE svv_private (secret int)",
        "DROP TABLE IF EXISTS svv_shared",
        "CREATE TABLE svv_shared (open int)",
        "GRANT SELECT ON svv_shared TO reader");
    String id =
        client()
            .executeStatement(
                sql("SELECT table_name FROM svv_columns"
                        + " WHERE table_name IN ('svv_private', 'svv_shared') ORDER BY 1")
                    .secretArn(READER_SECRET)
                    .build())
            .id();
    assertEquals(StatusString.FINISHED, await(id).status());
    assertEquals(
        List.of("svv_shared"), rows(id).stream().map(r -> r.get(0).stringValue()).toList());
  }
}
