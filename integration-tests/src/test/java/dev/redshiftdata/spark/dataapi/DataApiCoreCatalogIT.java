package dev.redshiftdata.spark.dataapi;

import static dev.redshiftdata.spark.dataapi.DataApiCoreIT.api;
import static dev.redshiftdata.spark.dataapi.DataApiCoreIT.table;
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
class DataApiCoreCatalogIT {

  @BeforeAll
  static void start() {
    DataApiCoreIT.start();
  }

  @AfterEach
  void reset() {
    LocalRedshiftExtension.shared().dataApi().reset();
  }

  @Test
  void describeTableReturnsEveryColumnInOrder() {
    String t = table("core_desc");
    DataApi api = api();
    api.execute(
        StatementRequest.sql(
            "CREATE TABLE public."
                + t
                + " (id bigint NOT NULL, name varchar(20), price decimal(10,2))"));
    List<ColumnMetadata> columns = api.describeTable("public", t);
    assertEquals(
        List.of("id", "name", "price"),
        columns.stream().map(ColumnMetadata::name).collect(Collectors.toList()));
    assertEquals(
        List.of("int8", "varchar", "numeric"),
        columns.stream().map(ColumnMetadata::typeName).collect(Collectors.toList()));
  }

  @Test
  void describeTableFollowsEveryPage() throws Exception {
    String t = table("core_wide");
    StringBuilder ddl = new StringBuilder("CREATE TABLE public." + t + " (");
    // The service answers at most 1000 columns a page: 1100 columns take two pages.
    for (int i = 0; i < 1100; i++) {
      ddl.append(i == 0 ? "" : ", ").append("c").append(i).append(" int");
    }
    DataApi api = api();
    api.execute(StatementRequest.sql(ddl.append(")").toString()));
    List<ColumnMetadata> columns = api.describeTable("public", t);
    assertEquals(1100, columns.size());
    assertEquals("c0", columns.get(0).name());
    assertEquals("c1099", columns.get(1099).name());
    assertEquals(2, DataApiCoreIT.calls("DescribeTable", null, 2).size());
  }

  @Test
  void listDatabasesSchemasAndTables() {
    String t = table("core_list");
    DataApi api = api();
    api.execute(StatementRequest.sql("CREATE TABLE public." + t + " (id int)"));
    assertTrue(
        api.listDatabases().containsAll(List.of("dev", "analytics")),
        api.listDatabases().toString());
    assertTrue(api.listSchemas("pub%").contains("public"));
    List<TableMember> tables = api.listTables("public", t);
    assertEquals(1, tables.size());
    assertEquals(t, tables.get(0).name());
    assertEquals("public", tables.get(0).schema());
    assertEquals("TABLE", tables.get(0).type());
  }
}
