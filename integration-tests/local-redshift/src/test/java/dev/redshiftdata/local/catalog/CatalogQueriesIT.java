package dev.redshiftdata.local.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.local.LocalRedshiftConfig;
import dev.redshiftdata.local.dialect.RedshiftSqlTranslator;
import dev.redshiftdata.local.postgres.PostgresServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ListSchemas, ListTables and DescribeTable answered from a real PostgreSQL with Redshift's names.
 */
class CatalogQueriesIT {

  private static PostgresServer server;
  private static String dev;
  private static String analytics;

  @BeforeAll
  static void start() throws Exception {
    LocalRedshiftConfig config = LocalRedshiftConfig.defaults();
    server = PostgresServer.start(config);
    dev = config.defaultCluster().postgresDatabase("dev");
    analytics = config.defaultCluster().postgresDatabase("analytics");
    try (Connection c = server.connect(dev, "awsuser")) {
      for (String sql :
          List.of(
              "CREATE SCHEMA sales",
              "CREATE TABLE sales.orders (id INT NOT NULL, customer VARCHAR(200), amount DECIMAL(12,2) DEFAULT 0,"
                  + " code CHAR(3) NOT NULL, note TEXT, placed TIMESTAMP DEFAULT GETDATE()) DISTSTYLE KEY DISTKEY(id)"
                  + " SORTKEY(placed)",
              "CREATE TABLE sales.\"LineItems\" (\"OrderId\" BIGINT, qty SMALLINT, price REAL, total FLOAT,"
                  + " ok BOOLEAN, d DATE, t TIME, ttz TIMETZ, tstz TIMESTAMPTZ, doc SUPER, raw VARBYTE(100),"
                  + " shape GEOMETRY, region GEOGRAPHY, hll HLLSKETCH, plain NUMERIC)",
              "CREATE VIEW sales.order_totals AS SELECT customer, sum(amount) AS total FROM sales.orders GROUP BY 1",
              "CREATE VIEW sales.late AS SELECT id FROM sales.orders WITH NO SCHEMA BINDING",
              "CREATE MATERIALIZED VIEW sales.mv AS SELECT id FROM sales.orders",
              "CREATE TABLE public.orders (id INT)",
              "CREATE TABLE public.secret (x INT)",
              "REVOKE ALL ON public.secret FROM PUBLIC")) {
        exec(c, sql);
      }
    }
  }

  private static void exec(Connection c, String redshiftSql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(RedshiftSqlTranslator.toPostgres(redshiftSql, false));
    }
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void freshDatabaseListsRedshiftsSchemas() throws SQLException {
    try (Connection c = server.connect(analytics, "reader")) {
      assertEquals(
          List.of("information_schema", "pg_catalog", "pg_internal", "public"),
          CatalogQueries.listSchemas(c, null));
      assertEquals(
          List.of("information_schema", "pg_catalog", "pg_internal", "public"),
          CatalogQueries.listSchemas(c, "%"));
      assertEquals(List.of("pg_catalog", "pg_internal"), CatalogQueries.listSchemas(c, "pg\\_%"));
      assertEquals(List.of("public"), CatalogQueries.listSchemas(c, "_ublic"));
      assertEquals(
          List.of("pg_catalog", "pg_internal", "public"), CatalogQueries.listSchemas(c, "p%"));
      assertEquals(List.of(), CatalogQueries.listSchemas(c, "PUBLIC"));
      assertEquals(List.of(), CatalogQueries.listSchemas(c, "nothing%"));
      assertEquals(List.of(), CatalogQueries.listTables(c, "public", null));
      assertEquals(List.of(), CatalogQueries.listTables(c, "pg_internal", null));
    }
  }

  @Test
  void listSchemasShowsUserSchemas() throws SQLException {
    try (Connection c = server.connect(dev, "reader")) {
      assertEquals(
          List.of("information_schema", "pg_catalog", "pg_internal", "public", "sales"),
          CatalogQueries.listSchemas(c, null));
      assertEquals(List.of("sales"), CatalogQueries.listSchemas(c, "%les"));
    }
  }

  @Test
  void listTablesTypesAndOrder() throws SQLException {
    try (Connection c = server.connect(dev, "reader")) {
      assertEquals(
          List.of(
              new TableInfo("mv", "sales", "MATERIALIZED VIEW"),
              new TableInfo("lineitems", "sales", "TABLE"),
              new TableInfo("orders", "sales", "TABLE"),
              new TableInfo("late", "sales", "VIEW"),
              new TableInfo("order_totals", "sales", "VIEW")),
          CatalogQueries.listTables(c, "sales", null));
      assertEquals(
          List.of(
              new TableInfo("orders", "public", "TABLE"),
              new TableInfo("orders", "sales", "TABLE")),
          CatalogQueries.listTables(c, null, "orders"));
      assertEquals(
          List.of(new TableInfo("order_totals", "sales", "VIEW")),
          CatalogQueries.listTables(c, "sal%", "order\\_%"));
      assertEquals(
          List.of(new TableInfo("orders", "sales", "TABLE")),
          CatalogQueries.listTables(c, "sales", "o_ders"));
      // Like the JDBC metadata Redshift answers with: listed whatever the role's privileges.
      assertEquals(
          List.of(new TableInfo("secret", "public", "TABLE")),
          CatalogQueries.listTables(c, "public", "secret"));
    }
  }

  @Test
  void listTablesOfSystemSchemas() throws SQLException {
    try (Connection c = server.connect(dev, "reader")) {
      List<TableInfo> info = CatalogQueries.listTables(c, "information_schema", null);
      assertEquals(
          List.of(
              new TableInfo("sql_features", "information_schema", "SYSTEM TABLE"),
              new TableInfo("sql_implementation_info", "information_schema", "SYSTEM TABLE"),
              new TableInfo("sql_parts", "information_schema", "SYSTEM TABLE"),
              new TableInfo("sql_sizing", "information_schema", "SYSTEM TABLE")),
          info.subList(0, 4));
      assertTrue(
          info.contains(new TableInfo("tables", "information_schema", "SYSTEM VIEW")),
          info.toString());
      assertEquals(
          List.of(new TableInfo("pg_class", "pg_catalog", "SYSTEM TABLE")),
          CatalogQueries.listTables(c, "pg_catalog", "pg_class"));
      assertEquals(
          List.of(new TableInfo("pg_tables", "pg_catalog", "SYSTEM VIEW")),
          CatalogQueries.listTables(c, "pg%", "pg_tables"));
      assertEquals(List.of(), CatalogQueries.listTables(c, "pg_toast", null));
      assertEquals(List.of(), CatalogQueries.listTables(c, "pg_internal", null));
    }
  }

  @Test
  void temporaryTablesAreVisibleToTheirSessionOnly() throws SQLException {
    try (Connection c = server.connect(dev, "awsuser");
        Connection other = server.connect(dev, "awsuser")) {
      exec(c, "CREATE TEMP TABLE scratch (a INT)");
      List<TableInfo> mine = CatalogQueries.listTables(c, null, "scratch");
      assertEquals(1, mine.size());
      assertEquals("LOCAL TEMPORARY", mine.get(0).type());
      assertTrue(mine.get(0).schema().startsWith("pg_temp_"), mine.toString());
      assertTrue(CatalogQueries.listSchemas(c, null).contains(mine.get(0).schema()));
      assertEquals(List.of(), CatalogQueries.listTables(other, null, "scratch"));
      assertTrue(CatalogQueries.listSchemas(other, "pg\\_temp%").isEmpty());
      assertEquals(1, CatalogQueries.describeTable(c, null, "scratch").size());
      assertEquals(List.of(), CatalogQueries.describeTable(other, null, "scratch"));
    }
  }

  @Test
  void describeTableReportsRedshiftTypes() throws SQLException {
    try (Connection c = server.connect(dev, "reader")) {
      assertEquals(
          List.of(
              col("id", "int4", 10, 0, 0, true, false, "orders", null),
              col("customer", "varchar", 200, 0, 1, false, true, "orders", null),
              col("amount", "numeric", 12, 2, 1, true, false, "orders", "0"),
              col("code", "bpchar", 3, 0, 0, false, true, "orders", null),
              col("note", "varchar", 256, 0, 1, false, true, "orders", null),
              col("placed", "timestamp", 29, 6, 1, false, false, "orders", "getdate()")),
          CatalogQueries.describeTable(c, "sales", "orders"));
      assertEquals(
          List.of(
              col("orderid", "int8", 19, 0, 1, true, false, "lineitems", null),
              col("qty", "int2", 5, 0, 1, true, false, "lineitems", null),
              col("price", "float4", 8, 8, 1, true, false, "lineitems", null),
              col("total", "float8", 17, 17, 1, true, false, "lineitems", null),
              col("ok", "bool", 1, 0, 1, false, false, "lineitems", null),
              col("d", "date", 13, 0, 1, false, false, "lineitems", null),
              col("t", "time", 15, 6, 1, false, false, "lineitems", null),
              col("ttz", "timetz", 21, 6, 1, false, false, "lineitems", null),
              col("tstz", "timestamptz", 35, 6, 1, false, false, "lineitems", null),
              col("doc", "super", 65535, 0, 1, false, true, "lineitems", null),
              col("raw", "varbyte", 64000, 0, 1, false, false, "lineitems", null),
              col("shape", "geometry", 0, 0, 1, false, false, "lineitems", null),
              col("region", "geography", 0, 0, 1, false, false, "lineitems", null),
              col("hll", "hllsketch", 0, 0, 1, false, false, "lineitems", null),
              col("plain", "numeric", 18, 0, 1, true, false, "lineitems", null)),
          CatalogQueries.describeTable(c, "sales", "lineitems"));
    }
  }

  private static ColumnInfo col(
      String name,
      String type,
      int precision,
      int scale,
      int nullable,
      boolean signed,
      boolean caseSensitive,
      String table,
      String columnDefault) {
    return new ColumnInfo(
        name,
        null,
        type,
        precision,
        scale,
        precision,
        nullable,
        signed,
        caseSensitive,
        false,
        "sales",
        table,
        columnDefault);
  }

  @Test
  void identityColumnsShowRedshiftsIdentityDefault() throws SQLException {
    try (Connection c = server.connect(dev, "awsuser")) {
      exec(c, "CREATE TABLE sales_ident (name VARCHAR(10), id BIGINT IDENTITY(100, 5) NOT NULL)");
      long oid;
      try (Statement s = c.createStatement();
          java.sql.ResultSet rs = s.executeQuery("SELECT 'public.sales_ident'::regclass::oid")) {
        rs.next();
        oid = rs.getLong(1);
      }
      List<ColumnInfo> cols = CatalogQueries.describeTable(c, "public", "sales_ident");
      assertEquals(
          List.of(
              new ColumnInfo(
                  "name",
                  null,
                  "varchar",
                  10,
                  0,
                  10,
                  1,
                  false,
                  true,
                  false,
                  "public",
                  "sales_ident",
                  null),
              new ColumnInfo(
                  "id",
                  null,
                  "int8",
                  19,
                  0,
                  19,
                  0,
                  true,
                  false,
                  false,
                  "public",
                  "sales_ident",
                  "\"identity\"(" + oid + ", 1, '100,5'::text)")),
          cols);
    }
  }

  @Test
  void describeTableNamesAreExactNotPatterns() throws SQLException {
    try (Connection c = server.connect(dev, "reader")) {
      assertEquals(List.of(), CatalogQueries.describeTable(c, "sales", "ord%"));
      assertEquals(List.of(), CatalogQueries.describeTable(c, "sale_", "orders"));
      assertEquals(List.of(), CatalogQueries.describeTable(c, "sales", "LineItems"));
      assertEquals(List.of(), CatalogQueries.describeTable(c, "sales", "nope"));
      List<ColumnInfo> both = CatalogQueries.describeTable(c, null, "orders");
      assertEquals(
          List.of(
              "public.orders.id",
              "sales.orders.id",
              "sales.orders.customer",
              "sales.orders.amount",
              "sales.orders.code",
              "sales.orders.note",
              "sales.orders.placed"),
          both.stream().map(x -> x.schemaName() + "." + x.tableName() + "." + x.name()).toList());
      List<ColumnInfo> schema = CatalogQueries.describeTable(c, "sales", null);
      assertEquals(
          List.of("lineitems", "mv", "order_totals", "orders"),
          schema.stream().map(ColumnInfo::tableName).distinct().toList());
    }
  }

  @Test
  void describeViewsAndLateBindingViews() throws SQLException {
    try (Connection c = server.connect(dev, "reader")) {
      assertEquals(
          List.of(
              new ColumnInfo(
                  "customer",
                  null,
                  "varchar",
                  200,
                  0,
                  200,
                  1,
                  false,
                  true,
                  false,
                  "sales",
                  "order_totals",
                  null),
              new ColumnInfo(
                  "total",
                  null,
                  "numeric",
                  38,
                  18,
                  38,
                  1,
                  true,
                  false,
                  false,
                  "sales",
                  "order_totals",
                  null)),
          CatalogQueries.describeTable(c, "sales", "order_totals"));
      assertEquals(List.of(), CatalogQueries.describeTable(c, "sales", "late"));
      assertEquals(
          List.of(
              new ColumnInfo(
                  "id", null, "int4", 10, 0, 10, 1, true, false, false, "sales", "mv", null)),
          CatalogQueries.describeTable(c, "sales", "mv"));
    }
  }

  @Test
  void describeInformationSchemaDomainsLikeRedshift() throws SQLException {
    try (Connection c = server.connect(dev, "reader")) {
      List<ColumnInfo> cols = CatalogQueries.describeTable(c, "information_schema", "sql_features");
      // The DescribeTable example of the Redshift docs (reference §3.3).
      assertEquals(
          new ColumnInfo(
              "feature_id",
              null,
              "character_data",
              2147483647,
              0,
              2147483647,
              1,
              false,
              true,
              false,
              "information_schema",
              "sql_features",
              null),
          cols.get(0));
      assertEquals(
          List.of(
              "feature_id",
              "feature_name",
              "sub_feature_id",
              "sub_feature_name",
              "is_supported",
              "is_verified_by",
              "comments"),
          cols.stream().map(ColumnInfo::name).toList());
      assertEquals("yes_or_no", cols.get(4).typeName());
      assertEquals(3, cols.get(4).precision());
    }
  }

  @Test
  void describeTableOfATableTheRoleCannotRead() throws SQLException {
    try (Connection c = server.connect(dev, "reader")) {
      assertEquals(
          List.of(
              new ColumnInfo(
                  "x", null, "int4", 10, 0, 10, 1, true, false, false, "public", "secret", null)),
          CatalogQueries.describeTable(c, "public", "secret"));
    }
  }

  @Test
  void resultMetadataTypesOfDomainsMapBack() throws SQLException {
    try (Connection c = server.connect(dev, "awsuser");
        Statement s = c.createStatement();
        java.sql.ResultSet rs =
            s.executeQuery(
                "SELECT doc, raw, \"OrderId\" AS x FROM sales.\"LineItems\"".toLowerCase())) {
      java.sql.ResultSetMetaData md = rs.getMetaData();
      assertEquals(
          "super",
          RedshiftTypeNames.ofJdbc(md.getColumnTypeName(1), md.getPrecision(1), md.getScale(1))
              .typeName());
      assertEquals(
          "varbyte",
          RedshiftTypeNames.ofJdbc(md.getColumnTypeName(2), md.getPrecision(2), md.getScale(2))
              .typeName());
    }
    try (Connection c = server.connect(dev, "awsuser");
        Statement s = c.createStatement();
        java.sql.ResultSet rs =
            s.executeQuery(
                "SELECT customer, amount, code, note, 'lit', 1.5::numeric(5,1)"
                    + " FROM sales.orders")) {
      java.sql.ResultSetMetaData md = rs.getMetaData();
      List<String> got = new java.util.ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        RedshiftTypeNames.RedshiftType t =
            RedshiftTypeNames.ofJdbc(md.getColumnTypeName(i), md.getPrecision(i), md.getScale(i));
        got.add(t.typeName() + "/" + t.precision() + "/" + t.scale());
      }
      assertEquals(
          List.of(
              "varchar/200/0",
              "numeric/12/2",
              "bpchar/3/0",
              "varchar/256/0",
              "varchar/65535/0",
              "numeric/5/1"),
          got);
    }
  }
}
