package dev.redshiftdata.spark.dataapi;

import static dev.redshiftdata.spark.dataapi.DataApiIT.api;
import static dev.redshiftdata.spark.dataapi.DataApiIT.table;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.local.junit.LocalRedshiftExtension;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.redshiftdata.model.ColumnMetadata;
import software.amazon.awssdk.services.redshiftdata.model.TableMember;

/** DescribeTable and the List calls through the core, every page, against the local Redshift. */
@ExtendWith(LocalRedshiftExtension.class)
class DataApiCatalogIT {

  @BeforeAll
  static void start() {
    DataApiIT.credentialsFromTheProviderChain();
  }

  @AfterEach
  void reset() {
    LocalRedshiftExtension.shared().dataApi().reset();
  }

  @Test
  void describeTableReturnsEveryColumnInOrder() {
    String t = table("core_desc");
    DataApi api = api();
    api.execute(StatementRequest.sql("CREATE TABLE public." + t + " (id bigint NOT NULL, name varchar(20), price decimal(10,2))"));
    List<ColumnMetadata> columns = api.describeTable("public", t);
    assertEquals(List.of("id", "name", "price"), columns.stream().map(ColumnMetadata::name).collect(Collectors.toList()));
    assertEquals(List.of("int8", "varchar", "numeric"), columns.stream().map(ColumnMetadata::typeName).collect(Collectors.toList()));
  }

  @Test
  void describeTableFollowsEveryPage() {
    String t = table("core_wide");
    StringBuilder ddl = new StringBuilder("CREATE TABLE public." + t + " (");
    for (int i = 0; i < 30; i++) {
      ddl.append(i == 0 ? "" : ", ").append("c").append(i).append(" int");
    }
    DataApi api = api();
    api.execute(StatementRequest.sql(ddl.append(")").toString()));
    assertEquals(30, api.describeTable("public", t).size());
  }

  @Test
  void listDatabasesSchemasAndTables() {
    String t = table("core_list");
    DataApi api = api();
    api.execute(StatementRequest.sql("CREATE TABLE public." + t + " (id int)"));
    assertTrue(api.listDatabases().containsAll(List.of("dev", "analytics")), api.listDatabases().toString());
    assertTrue(api.listSchemas("pub%").contains("public"));
    List<TableMember> tables = api.listTables("public", t);
    assertEquals(1, tables.size());
    assertEquals(t, tables.get(0).name());
    assertEquals("public", tables.get(0).schema());
    assertEquals("TABLE", tables.get(0).type());
  }
}
