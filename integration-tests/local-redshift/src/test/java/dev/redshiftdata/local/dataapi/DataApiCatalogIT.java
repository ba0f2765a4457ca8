package dev.redshiftdata.local.dataapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.redshiftdata.model.ColumnMetadata;
import software.amazon.awssdk.services.redshiftdata.model.DatabaseConnectionException;
import software.amazon.awssdk.services.redshiftdata.model.DescribeTableResponse;
import software.amazon.awssdk.services.redshiftdata.model.ListDatabasesResponse;
import software.amazon.awssdk.services.redshiftdata.model.ListSchemasResponse;
import software.amazon.awssdk.services.redshiftdata.model.ListTablesResponse;
import software.amazon.awssdk.services.redshiftdata.model.TableMember;
import software.amazon.awssdk.services.redshiftdata.model.ValidationException;

class DataApiCatalogIT extends DataApiTestSupport {

  @Test
  void listDatabasesOfTheEndpoint() {
    ListDatabasesResponse r =
        client()
            .listDatabases(b -> b.clusterIdentifier(CLUSTER).database(DB).secretArn(ADMIN_SECRET));
    assertEquals(List.of("analytics", "dev"), r.databases());
    assertNull(r.nextToken());
    ListDatabasesResponse p1 =
        client()
            .listDatabases(
                b ->
                    b.clusterIdentifier(CLUSTER)
                        .database(DB)
                        .secretArn(ADMIN_SECRET)
                        .maxResults(1));
    assertEquals(List.of("analytics"), p1.databases());
    assertNotNull(p1.nextToken());
    ListDatabasesResponse p2 =
        client()
            .listDatabases(
                b ->
                    b.clusterIdentifier(CLUSTER)
                        .database(DB)
                        .secretArn(ADMIN_SECRET)
                        .maxResults(1)
                        .nextToken(p1.nextToken()));
    assertEquals(List.of("dev"), p2.databases());
    assertNull(p2.nextToken());
    assertEquals(
        List.of("dev"),
        client().listDatabases(b -> b.workgroupName("local-workgroup").database(DB)).databases());
    assertThrows(
        ValidationException.class,
        () ->
            client()
                .listDatabases(
                    b ->
                        b.clusterIdentifier(CLUSTER)
                            .database(DB)
                            .secretArn(ADMIN_SECRET)
                            .maxResults(1001)));
    assertThrows(
        ValidationException.class,
        () ->
            client()
                .listDatabases(
                    b ->
                        b.clusterIdentifier(CLUSTER)
                            .database(DB)
                            .secretArn(ADMIN_SECRET)
                            .nextToken("bogus")));
    assertThrows(
        DatabaseConnectionException.class,
        () ->
            client()
                .listDatabases(
                    b -> b.clusterIdentifier(CLUSTER).database("nope").secretArn(ADMIN_SECRET)));
  }

  @Test
  void listSchemasWithPatternAndPaging() {
    admin("create schema if not exists cat_s1", "create schema if not exists cat_s2");
    ListSchemasResponse r =
        client()
            .listSchemas(
                b ->
                    b.clusterIdentifier(CLUSTER)
                        .database(DB)
                        .secretArn(ADMIN_SECRET)
                        .schemaPattern("cat_s%"));
    assertEquals(List.of("cat_s1", "cat_s2"), r.schemas());
    ListSchemasResponse p1 =
        client()
            .listSchemas(
                b ->
                    b.clusterIdentifier(CLUSTER)
                        .database(DB)
                        .secretArn(ADMIN_SECRET)
                        .schemaPattern("cat_s_")
                        .maxResults(1));
    assertEquals(1, p1.schemas().size());
    assertNotNull(p1.nextToken());
  }

  @Test
  void listTablesAndDescribeTable() {
    admin(
        "drop table if exists cat_t",
        "create table cat_t (id int not null, name varchar(30))",
        "drop view if exists cat_v",
        "create view cat_v as select id from cat_t");
    ListTablesResponse t =
        client()
            .listTables(
                b ->
                    b.clusterIdentifier(CLUSTER)
                        .database(DB)
                        .secretArn(ADMIN_SECRET)
                        .schemaPattern("public")
                        .tablePattern("cat_%"));
    assertEquals(
        List.of("cat_t:TABLE", "cat_v:VIEW"),
        t.tables().stream().map((TableMember m) -> m.name() + ":" + m.type()).sorted().toList());
    assertTrue(t.tables().stream().allMatch(m -> m.schema().equals("public")));

    DescribeTableResponse d =
        client()
            .describeTable(
                b ->
                    b.clusterIdentifier(CLUSTER)
                        .database(DB)
                        .secretArn(ADMIN_SECRET)
                        .schema("public")
                        .table("cat_t"));
    assertEquals("cat_t", d.tableName());
    List<ColumnMetadata> cols = d.columnList();
    assertEquals(List.of("id", "name"), cols.stream().map(ColumnMetadata::name).toList());
    assertEquals("int4", cols.get(0).typeName());
    assertEquals(0, cols.get(0).nullable());
    assertEquals("varchar", cols.get(1).typeName());
    assertEquals(30, cols.get(1).length());
    DescribeTableResponse page =
        client()
            .describeTable(
                b ->
                    b.clusterIdentifier(CLUSTER)
                        .database(DB)
                        .secretArn(ADMIN_SECRET)
                        .schema("public")
                        .table("cat_t")
                        .maxResults(1));
    assertEquals(1, page.columnList().size());
    assertNotNull(page.nextToken());
  }
}
