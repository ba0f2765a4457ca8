package dev.redshiftdata.local.dataapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.redshiftdata.model.BatchExecuteStatementResponse;
import software.amazon.awssdk.services.redshiftdata.model.ColumnMetadata;
import software.amazon.awssdk.services.redshiftdata.model.DescribeStatementResponse;
import software.amazon.awssdk.services.redshiftdata.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.redshiftdata.model.Field;
import software.amazon.awssdk.services.redshiftdata.model.StatusString;

/**
 * Result metadata across operations: DescribeTable and GetStatementResult describe a column the
 * same way (one type table, RedshiftTypeNames), {@code pg_last_query_id()} within a batch and a
 * session, and {@code describe_field_name_in_uppercase}.
 */
class DataApiMetadataIT extends DataApiTestSupport {

  private static void createTableAndView() {
    run("drop view if exists meta_v");
    run("drop table if exists meta_t");
    run(
        "create table meta_t (c_int2 smallint, c_int4 integer, c_int8 bigint, c_num numeric(12,2), c_f4 real,"
            + " c_f8 double precision, c_bool boolean, c_char char(3), c_varchar varchar(40), c_max varchar(max),"
            + " c_date date, c_time time, c_timetz timetz, c_ts timestamp, c_tstz timestamptz, c_super super,"
            + " c_varbyte varbyte, c_geom geometry)");
    // Computed columns: PostgreSQL gives an aggregate of a numeric no declared precision, a || no
    // length.
    run(
        "create view meta_v as select sum(c_num) as total, avg(c_num) as mean, max(c_varchar) || '!' as label,"
            + " count(*) as n from meta_t");
  }

  private static String describe(ColumnMetadata c) {
    return c.typeName()
        + "/"
        + c.precision()
        + "/"
        + c.scale()
        + "/signed="
        + c.isSigned()
        + "/cs="
        + c.isCaseSensitive();
  }

  private static Map<String, String> describeTable(String table) {
    Map<String, String> out = new LinkedHashMap<>();
    for (ColumnMetadata c :
        client()
            .describeTable(
                b ->
                    b.clusterIdentifier(CLUSTER)
                        .database(DB)
                        .secretArn(ADMIN_SECRET)
                        .schema("public")
                        .table(table))
            .columnList()) {
      out.put(c.name(), describe(c));
    }
    return out;
  }

  private static Map<String, String> resultMetadata(String sql) {
    String id = run(sql).id();
    Map<String, String> out = new LinkedHashMap<>();
    for (ColumnMetadata c : client().getStatementResult(b -> b.id(id)).columnMetadata()) {
      out.put(c.name(), describe(c));
    }
    return out;
  }

  @Test
  void describeTableAndGetStatementResultAgreeForEveryType() {
    createTableAndView();
    Map<String, String> table = describeTable("meta_t");
    assertEquals(table, resultMetadata("select * from meta_t"));
    assertEquals(
        Map.ofEntries(
            Map.entry("c_int2", "int2/5/0/signed=true/cs=false"),
            Map.entry("c_int4", "int4/10/0/signed=true/cs=false"),
            Map.entry("c_int8", "int8/19/0/signed=true/cs=false"),
            Map.entry("c_num", "numeric/12/2/signed=true/cs=false"),
            Map.entry("c_f4", "float4/8/8/signed=true/cs=false"),
            Map.entry("c_f8", "float8/17/17/signed=true/cs=false"),
            Map.entry("c_bool", "bool/1/0/signed=false/cs=false"),
            Map.entry("c_char", "bpchar/3/0/signed=false/cs=true"),
            Map.entry("c_varchar", "varchar/40/0/signed=false/cs=true"),
            Map.entry("c_max", "varchar/65535/0/signed=false/cs=true"),
            Map.entry("c_date", "date/13/0/signed=false/cs=false"),
            Map.entry("c_time", "time/15/6/signed=false/cs=false"),
            Map.entry("c_timetz", "timetz/21/6/signed=false/cs=false"),
            Map.entry("c_ts", "timestamp/29/6/signed=false/cs=false"),
            Map.entry("c_tstz", "timestamptz/35/6/signed=false/cs=false"),
            Map.entry("c_super", "super/65535/0/signed=false/cs=true"),
            Map.entry("c_varbyte", "varbyte/64000/0/signed=false/cs=false"),
            Map.entry("c_geom", "geometry/0/0/signed=false/cs=false")),
        table);

    Map<String, String> view = describeTable("meta_v");
    assertEquals(view, resultMetadata("select * from meta_v"));
    assertEquals(
        Map.of(
            "total", "numeric/38/18/signed=true/cs=false",
            "mean", "numeric/38/18/signed=true/cs=false",
            "label", "varchar/65535/0/signed=false/cs=true",
            "n", "int8/19/0/signed=true/cs=false"),
        view);
    // The same aggregate computed in the query itself (no catalog column behind it) follows the
    // same rule.
    assertEquals(
        view,
        resultMetadata(
            "select sum(c_num) as total, avg(c_num) as mean,"
                + " max(c_varchar) || '!' as label, count(*) as n from meta_t"));
  }

  private static long longValue(String statementId) {
    List<List<Field>> rows = rows(statementId);
    assertEquals(1, rows.size());
    return rows.get(0).get(0).longValue();
  }

  @Test
  void pgLastQueryIdInABatch() {
    BatchExecuteStatementResponse b =
        client()
            .batchExecuteStatement(
                x ->
                    x.clusterIdentifier(CLUSTER)
                        .database(DB)
                        .secretArn(ADMIN_SECRET)
                        .sqls(
                            "select 1", "select pg_last_query_id()", "select pg_last_query_id()"));
    DescribeStatementResponse d = await(b.id());
    assertEquals(StatusString.FINISHED, d.status(), d.error());
    long first = d.subStatements().get(0).redshiftQueryId();
    long second = d.subStatements().get(1).redshiftQueryId();
    assertTrue(first > 0 && second > first);
    assertEquals(first, longValue(b.id() + ":2"));
    assertEquals(second, longValue(b.id() + ":3"));
  }

  @Test
  void pgLastQueryIdAfterAnUnloadIsTheUnloads() {
    BulkCommandHandler before = server().bulkCommands();
    try {
      server().bulkCommands(ctx -> new BulkCommandHandler.Outcome(1));
      BatchExecuteStatementResponse b =
          client()
              .batchExecuteStatement(
                  x ->
                      x.clusterIdentifier(CLUSTER)
                          .database(DB)
                          .secretArn(ADMIN_SECRET)
                          .sqls(
                              "unload ('select 1') to 's3://local-redshift/x/' iam_role 'arn:aws:iam::123456789012:role/r'",
                              "select pg_last_query_id()"));
      DescribeStatementResponse d = await(b.id());
      assertEquals(StatusString.FINISHED, d.status(), d.error());
      assertEquals(d.subStatements().get(0).redshiftQueryId(), longValue(b.id() + ":2"));
    } finally {
      server().bulkCommands(before);
    }
  }

  @Test
  void pgLastQueryIdInASession() {
    ExecuteStatementResponse e =
        client().executeStatement(sql("select 1").sessionKeepAliveSeconds(30).build());
    DescribeStatementResponse first = await(e.id());
    assertEquals(StatusString.FINISHED, first.status(), first.error());
    String next =
        client()
            .executeStatement(b -> b.sessionId(e.sessionId()).sql("select pg_last_query_id()"))
            .id();
    assertEquals(StatusString.FINISHED, await(next).status());
    assertEquals(first.redshiftQueryId(), longValue(next));
    String again =
        client()
            .executeStatement(b -> b.sessionId(e.sessionId()).sql("select pg_last_query_id()"))
            .id();
    assertEquals(StatusString.FINISHED, await(again).status());
    assertEquals(await(next).redshiftQueryId(), longValue(again));
    // A statement of its own runs in a new session: nothing before it (aws-sdk issue #322,
    // reference §10).
    assertEquals(-1, longValue(run("select pg_last_query_id()").id()));
  }

  private static List<String> names(String statementId) {
    return client().getStatementResult(b -> b.id(statementId)).columnMetadata().stream()
        .map(c -> c.name() + "|" + c.label())
        .toList();
  }

  @Test
  void describeFieldNameInUppercaseLivesInTheSession() {
    ExecuteStatementResponse set =
        client()
            .executeStatement(
                sql("SET describe_field_name_in_uppercase TO on")
                    .sessionKeepAliveSeconds(30)
                    .build());
    assertEquals(StatusString.FINISHED, await(set.id()).status(), await(set.id()).error());
    String id =
        client()
            .executeStatement(
                b -> b.sessionId(set.sessionId()).sql("select 1 as abc, 2 as \"MixedCase\", 3"))
            .id();
    assertEquals(StatusString.FINISHED, await(id).status());
    assertEquals(List.of("ABC|ABC", "MIXEDCASE|MIXEDCASE", "?COLUMN?|?COLUMN?"), names(id));
    String show =
        client()
            .executeStatement(
                b -> b.sessionId(set.sessionId()).sql("show describe_field_name_in_uppercase"))
            .id();
    assertEquals(StatusString.FINISHED, await(show).status());
    assertEquals("on", rows(show).get(0).get(0).stringValue());
    String off =
        client()
            .executeStatement(
                b -> b.sessionId(set.sessionId()).sql("reset describe_field_name_in_uppercase"))
            .id();
    assertEquals(StatusString.FINISHED, await(off).status());
    String after =
        client().executeStatement(b -> b.sessionId(set.sessionId()).sql("select 1 as abc")).id();
    assertEquals(StatusString.FINISHED, await(after).status());
    assertEquals(List.of("abc|abc"), names(after));
    // Outside the session the default (off) applies.
    assertEquals(List.of("abc|abc"), names(run("select 1 as ABC").id()));
  }

  @Test
  void describeFieldNameInUppercaseInABatch() {
    BatchExecuteStatementResponse b =
        client()
            .batchExecuteStatement(
                x ->
                    x.clusterIdentifier(CLUSTER)
                        .database(DB)
                        .secretArn(ADMIN_SECRET)
                        .sqls(
                            "select 1 as before_set",
                            "set describe_field_name_in_uppercase to true",
                            "select 1 as after_set"));
    DescribeStatementResponse d = await(b.id());
    assertEquals(StatusString.FINISHED, d.status(), d.error());
    assertEquals(List.of("before_set|before_set"), names(b.id() + ":1"));
    assertEquals(List.of("AFTER_SET|AFTER_SET"), names(b.id() + ":3"));
  }
}
