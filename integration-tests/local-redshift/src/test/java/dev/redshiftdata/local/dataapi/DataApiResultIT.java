package dev.redshiftdata.local.dataapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.redshiftdata.model.ColumnMetadata;
import software.amazon.awssdk.services.redshiftdata.model.DescribeStatementResponse;
import software.amazon.awssdk.services.redshiftdata.model.Field;
import software.amazon.awssdk.services.redshiftdata.model.GetStatementResultResponse;
import software.amazon.awssdk.services.redshiftdata.model.GetStatementResultV2Response;
import software.amazon.awssdk.services.redshiftdata.model.ResultFormatString;
import software.amazon.awssdk.services.redshiftdata.model.StatusString;
import software.amazon.awssdk.services.redshiftdata.model.ValidationException;

class DataApiResultIT extends DataApiTestSupport {

  private static final String TYPES_TABLE =
      "create table types_t (c_int2 smallint not null, c_int4 integer, c_int8 bigint, c_num numeric(10,2),"
          + " c_f4 real, c_f8 double precision, c_bool boolean, c_char char(5), c_varchar varchar(20),"
          + " c_text text, c_date date, c_time time, c_timetz timetz, c_ts timestamp, c_tstz timestamptz,"
          + " c_bytes bytea, c_json jsonb)";

  private void createTypes() {
    admin(
        "drop table if exists types_t",
        TYPES_TABLE,
        "insert into types_t values (1, 2, 9223372036854774807, 123.40, 1.5, 123.34, true, 'ab', 'x,y',"
            + " 'line\"1', '2023-10-23', '09:26:38.779304', '09:26:38.779304+00', '2022-02-22',"
            + " '2023-10-23 09:26:38.779304+00', '\\\\x616263', '{\"a\": 1, \"b\": [1, 2]}')",
        "insert into types_t (c_int2) values (2)");
  }

  @Test
  void everyTypeEncodesLikeRedshift() {
    createTypes();
    List<List<Field>> rows = query("select * from types_t order by c_int2");
    List<Field> r = rows.get(0);
    assertEquals(Field.fromLongValue(1L), r.get(0));
    assertEquals(Field.fromLongValue(2L), r.get(1));
    assertEquals(Field.fromLongValue(9223372036854774807L), r.get(2));
    assertEquals(Field.fromStringValue("123.40"), r.get(3));
    assertEquals(Field.fromDoubleValue(1.5), r.get(4));
    assertEquals(Field.fromDoubleValue(123.34), r.get(5));
    assertEquals(Field.fromBooleanValue(true), r.get(6));
    assertEquals(Field.fromStringValue("ab   "), r.get(7));
    assertEquals(Field.fromStringValue("x,y"), r.get(8));
    assertEquals(Field.fromStringValue("line\"1"), r.get(9));
    assertEquals(Field.fromStringValue("2023-10-23"), r.get(10));
    assertEquals(Field.fromStringValue("09:26:38.779304"), r.get(11));
    assertEquals(Field.fromStringValue("09:26:38.779304+00"), r.get(12));
    assertEquals(Field.fromStringValue("2022-02-22 00:00:00.0"), r.get(13));
    assertEquals(Field.fromStringValue("2023-10-23 09:26:38.779304+00"), r.get(14));
    assertEquals(Field.fromStringValue("616263"), r.get(15));
    assertEquals(Field.fromStringValue("{\"a\":1,\"b\":[1,2]}"), r.get(16));
    List<Field> nulls = rows.get(1);
    for (int i = 1; i < nulls.size(); i++) {
      assertEquals(Field.fromIsNull(true), nulls.get(i), "column " + i);
    }
  }

  @Test
  void specialFloatsAndTimestampForms() {
    List<Field> r =
        query(
                "select 'NaN'::float8, 'Infinity'::float4, '2020-08-21 17:33:51.88712'::timestamp,"
                    + " '2020-08-21 17:33:51'::timestamptz, -5::int4")
            .get(0);
    assertEquals(Field.fromStringValue("NaN"), r.get(0));
    assertEquals(Field.fromStringValue("Infinity"), r.get(1));
    assertEquals(Field.fromStringValue("2020-08-21 17:33:51.88712"), r.get(2));
    assertEquals(Field.fromStringValue("2020-08-21 17:33:51.0+00"), r.get(3));
    assertEquals(Field.fromLongValue(-5L), r.get(4));
  }

  @Test
  void columnMetadataLikeRedshift() {
    createTypes();
    String id =
        run("select c_int2, c_int4, c_int8, c_num, c_f4, c_f8, c_bool, c_char, c_varchar, c_text,"
                + " c_date, c_time, c_timetz, c_ts, c_tstz, c_bytes, c_json, 1 + 1 as \"Computed\" from types_t")
            .id();
    List<ColumnMetadata> m = client().getStatementResult(b -> b.id(id)).columnMetadata();
    String[] types = {
      "int2",
      "int4",
      "int8",
      "numeric",
      "float4",
      "float8",
      "bool",
      "bpchar",
      "varchar",
      "varchar",
      "date",
      "time",
      "timetz",
      "timestamp",
      "timestamptz",
      "varbyte",
      "super",
      "int4"
    };
    // c_text is a PostgreSQL text column (created past the dialect, which would make it
    // varchar(256)): 65535.
    int[] precision = {5, 10, 19, 10, 8, 17, 1, 5, 20, 65535, 13, 15, 21, 29, 35, 64000, 65535, 10};
    int[] scale = {0, 0, 0, 2, 8, 17, 0, 0, 0, 0, 0, 6, 6, 6, 6, 0, 0, 0};
    for (int i = 0; i < types.length; i++) {
      assertEquals(types[i], m.get(i).typeName(), "type of column " + i);
      assertEquals(precision[i], m.get(i).precision(), "precision of " + types[i]);
      assertEquals(scale[i], m.get(i).scale(), "scale of " + types[i]);
      assertEquals(0, m.get(i).length());
      assertEquals(false, m.get(i).isCurrency());
    }
    ColumnMetadata c0 = m.get(0);
    assertEquals("c_int2", c0.name());
    assertEquals("c_int2", c0.label());
    assertEquals(0, c0.nullable());
    assertEquals(true, c0.isSigned());
    assertEquals(false, c0.isCaseSensitive());
    assertEquals("public", c0.schemaName());
    assertEquals("types_t", c0.tableName());
    assertEquals(1, m.get(1).nullable());
    assertEquals(true, m.get(8).isCaseSensitive());
    assertEquals(false, m.get(8).isSigned());
    ColumnMetadata computed = m.get(17);
    assertEquals("computed", computed.name());
    assertEquals("", computed.schemaName());
    assertEquals("", computed.tableName());
  }

  @Test
  void pagesBySizeWithExactRows() {
    server().settings().resultPageRows(40);
    String id =
        run("select g as n, 'row ' || g as s from generate_series(1, 100) g order by g").id();
    List<GetStatementResultResponse> pages = new ArrayList<>();
    String token = null;
    do {
      String t = token;
      GetStatementResultResponse p = client().getStatementResult(b -> b.id(id).nextToken(t));
      pages.add(p);
      token = p.nextToken();
    } while (token != null);
    assertEquals(3, pages.size());
    assertEquals(List.of(40, 40, 20), pages.stream().map(p -> p.records().size()).toList());
    pages.forEach(p -> assertEquals(100, p.totalNumRows()));
    pages.forEach(p -> assertEquals(2, p.columnMetadata().size()));
    List<List<Field>> all = pages.stream().flatMap(p -> p.records().stream()).toList();
    for (int i = 0; i < 100; i++) {
      assertEquals(
          List.of(Field.fromLongValue(i + 1L), Field.fromStringValue("row " + (i + 1))),
          all.get(i));
    }
    // by bytes: each row is ~50 bytes of JSON, so a 500-byte page holds about 10
    server().settings().resultPageRows(0).resultPageBytes(500);
    List<List<Field>> again = rows(id);
    assertEquals(all, again);
    GetStatementResultResponse first = client().getStatementResult(b -> b.id(id));
    assertTrue(
        first.records().size() >= 5 && first.records().size() <= 15, "" + first.records().size());
    assertThrows(
        ValidationException.class,
        () -> client().getStatementResult(b -> b.id(id).nextToken("garbage")));
  }

  @Test
  void csvResultsThroughV2() {
    String id =
        client()
            .executeStatement(
                sql("select 1 as a, 'x,\"y\"' as b, null::int as c, '' as d, true as e"
                        + " union all select 2, 'plain', 3, 'z', false order by a")
                    .resultFormat(ResultFormatString.CSV)
                    .build())
            .id();
    DescribeStatementResponse d = await(id);
    assertEquals(StatusString.FINISHED, d.status());
    assertEquals("CSV", d.resultFormatAsString());
    GetStatementResultV2Response r = client().getStatementResultV2(b -> b.id(id));
    assertEquals(1, r.records().size());
    assertEquals(
        "1,\"x,\"\"y\"\"\",,\"\",true\n2,plain,3,z,false\n", r.records().get(0).csvRecords());
    assertEquals(2, r.totalNumRows());
    assertEquals(ResultFormatString.CSV, r.resultFormat());
    assertEquals(5, r.columnMetadata().size());
    assertNull(r.nextToken());
    assertThrows(ValidationException.class, () -> client().getStatementResult(b -> b.id(id)));
    String json = run("select 1").id();
    assertThrows(ValidationException.class, () -> client().getStatementResultV2(b -> b.id(json)));
  }

  @Test
  void csvPages() {
    server().settings().resultPageRows(3);
    String id =
        client()
            .executeStatement(
                sql("select g from generate_series(1, 7) g")
                    .resultFormat(ResultFormatString.CSV)
                    .build())
            .id();
    await(id);
    StringBuilder all = new StringBuilder();
    String token = null;
    int pages = 0;
    do {
      String t = token;
      GetStatementResultV2Response p = client().getStatementResultV2(b -> b.id(id).nextToken(t));
      all.append(p.records().get(0).csvRecords());
      token = p.nextToken();
      pages++;
    } while (token != null);
    assertEquals(3, pages);
    assertEquals("1\n2\n3\n4\n5\n6\n7\n", all.toString());
  }

  @Test
  void rowSizeLimitFailsTheStatement() {
    server().settings().maxRowBytes(1000);
    DescribeStatementResponse d = await(submit("select repeat('x', 2000)"));
    assertEquals(StatusString.FAILED, d.status());
    assertTrue(d.error().startsWith("ERROR: Packet for query is too large"), d.error());
  }

  @Test
  void resultSizeLimitFailsTheStatement() {
    server().settings().maxResultBytes(10_000);
    DescribeStatementResponse d =
        await(submit("select repeat('x', 100) from generate_series(1, 200)"));
    assertEquals(StatusString.FAILED, d.status());
    assertTrue(d.error().startsWith("ERROR: Database response exceeded size limit"), d.error());
  }

  @Test
  void largeResultRoundTrips() {
    String id = run("select g, repeat('v', 1000) from generate_series(1, 3000) g order by g").id();
    List<List<Field>> rows = rows(id);
    assertEquals(3000, rows.size());
    assertEquals(Field.fromLongValue(3000L), rows.get(2999).get(0));
    assertNotNull(client().getStatementResult(b -> b.id(id)).nextToken());
  }

  @Test
  void emulatedRedshiftTypes() {
    admin("drop table if exists emu_types_t");
    run("create table emu_types_t (id int, s super, v varbyte(10), g geometry)");
    admin(
        "insert into emu_types_t values (1, '{\"b\": [1, 2], \"a\": \"x\"}', '\\\\x01ff', '\\\\x0102')",
        "insert into emu_types_t (id) values (2)");
    String id = run("select s, v, g from emu_types_t order by id").id();
    GetStatementResultResponse r = client().getStatementResult(b -> b.id(id));
    assertEquals(
        List.of("super", "varbyte", "geometry"),
        r.columnMetadata().stream().map(ColumnMetadata::typeName).toList());
    assertEquals(
        List.of(
            Field.fromStringValue("{\"a\":\"x\",\"b\":[1,2]}"),
            Field.fromStringValue("01ff"),
            Field.fromStringValue("0102")),
        r.records().get(0));
    assertEquals(
        List.of(Field.fromIsNull(true), Field.fromIsNull(true), Field.fromIsNull(true)),
        r.records().get(1));
    assertEquals(
        "varchar",
        client()
            .getStatementResult(b -> b.id(run("select 'a'::text").id()))
            .columnMetadata()
            .get(0)
            .typeName());
  }
}
