package dev.redshiftdata.spark.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.connector.expressions.Expressions;
import org.apache.spark.sql.connector.expressions.FieldReference;
import org.apache.spark.sql.connector.expressions.NullOrdering;
import org.apache.spark.sql.connector.expressions.SortDirection;
import org.junit.jupiter.api.Test;

class SelectBuilderTest {

  static final TableName ORDERS = TableName.of("sales", "orders");

  @Test
  void wholeTable() {
    assertEquals("SELECT * FROM \"sales\".\"orders\"", SelectBuilder.fromTable(ORDERS).build());
  }

  @Test
  void projectionFilterOrderLimitOffset() {
    String sql =
        SelectBuilder.fromTable(ORDERS)
            .withColumns(List.of("id", "Odd \"name\""))
            .withWhere(List.of("\"id\" > 5", "(\"a\" = 1) OR (\"b\" IS NULL)"))
            .withOrderBy(List.of("\"id\" DESC NULLS LAST"))
            .withLimit(10)
            .withOffset(20)
            .build();
    assertEquals(
        "SELECT \"id\", \"Odd \"\"name\"\"\" FROM \"sales\".\"orders\""
            + " WHERE (\"id\" > 5) AND ((\"a\" = 1) OR (\"b\" IS NULL))"
            + " ORDER BY \"id\" DESC NULLS LAST LIMIT 10 OFFSET 20",
        sql);
  }

  @Test
  void emptyProjectionSelectsAConstant() {
    assertEquals(
        "SELECT 1 AS \"_\" FROM \"sales\".\"orders\"",
        SelectBuilder.fromTable(ORDERS).withColumns(List.of()).build());
  }

  @Test
  void aggregation() {
    String sql =
        SelectBuilder.fromTable(ORDERS)
            .withSelectItems(List.of("\"k\" AS \"group_col_0\"", "COUNT(*) AS \"agg_func_0\""))
            .withWhere(List.of("\"k\" IS NOT NULL"))
            .withGroupBy(List.of("\"k\""))
            .build();
    assertEquals(
        "SELECT \"k\" AS \"group_col_0\", COUNT(*) AS \"agg_func_0\" FROM \"sales\".\"orders\""
            + " WHERE (\"k\" IS NOT NULL) GROUP BY \"k\"",
        sql);
  }

  @Test
  void userQueryBecomesADerivedTable() {
    assertEquals(
        "SELECT \"a\" FROM (select a from t -- trailing comment\n) AS q LIMIT 5",
        SelectBuilder.fromQuery("  select a from t -- trailing comment \n")
            .withColumns(List.of("a"))
            .withLimit(5)
            .build());
    assertEquals(
        "SELECT * FROM (select 1\n) AS q", SelectBuilder.fromQuery("select 1 ; ;\n").build());
    assertThrows(IllegalArgumentException.class, () -> SelectBuilder.fromQuery(" ; "));
  }

  @Test
  void offsetZeroIsOmittedAndLimitZeroKept() {
    assertEquals(
        "SELECT * FROM \"sales\".\"orders\" LIMIT 0",
        SelectBuilder.fromTable(ORDERS).withLimit(0).withOffset(0).build());
    assertEquals(
        "SELECT * FROM \"sales\".\"orders\" OFFSET 3",
        SelectBuilder.fromTable(ORDERS).withOffset(3).build());
    assertThrows(
        IllegalArgumentException.class, () -> SelectBuilder.fromTable(ORDERS).withLimit(-1));
  }

  @Test
  void builderIsImmutable() {
    SelectBuilder base = SelectBuilder.fromTable(ORDERS);
    base.withLimit(3);
    assertEquals("SELECT * FROM \"sales\".\"orders\"", base.build());
  }

  @Test
  void unloadSelectNestsALimit() {
    SelectBuilder b = SelectBuilder.fromTable(ORDERS).withColumns(List.of("id"));
    assertEquals("SELECT \"id\" FROM \"sales\".\"orders\"", b.buildForUnload());
    assertEquals(
        "SELECT * FROM (SELECT \"id\" FROM \"sales\".\"orders\" ORDER BY \"id\" ASC NULLS FIRST"
            + " LIMIT 7) AS q",
        b.withOrderBy(List.of("\"id\" ASC NULLS FIRST")).withLimit(7).buildForUnload());
  }

  @Test
  void schemaProbes() {
    assertEquals(
        "SELECT * FROM (select * from t where x = 'a;b'\n) AS q LIMIT 0",
        SelectBuilder.schemaProbe("select * from t where x = 'a;b';"));
    assertEquals("SELECT * FROM \"sales\".\"orders\" LIMIT 0", SelectBuilder.schemaProbe(ORDERS));
  }

  @Test
  void sortKeysAlwaysSayWhereNullsGo() {
    assertEquals(
        Optional.of("\"a\" ASC NULLS FIRST"),
        SelectBuilder.sortKey(
            Expressions.sort(
                FieldReference.column("a"), SortDirection.ASCENDING, NullOrdering.NULLS_FIRST)));
    assertEquals(
        Optional.of("\"a\" ASC NULLS LAST"),
        SelectBuilder.sortKey(
            Expressions.sort(
                FieldReference.column("a"), SortDirection.ASCENDING, NullOrdering.NULLS_LAST)));
    assertEquals(
        Optional.of("\"b\"\"c\" DESC NULLS LAST"),
        SelectBuilder.sortKey(
            Expressions.sort(
                FieldReference.column("b\"c"), SortDirection.DESCENDING, NullOrdering.NULLS_LAST)));
    assertEquals(
        Optional.of("\"b\" DESC NULLS FIRST"),
        SelectBuilder.sortKey(
            Expressions.sort(
                FieldReference.column("b"), SortDirection.DESCENDING, NullOrdering.NULLS_FIRST)));
    assertEquals(
        Optional.empty(),
        SelectBuilder.sortKey(
            Expressions.sort(
                FieldReference.apply("a.b"), SortDirection.ASCENDING, NullOrdering.NULLS_FIRST)));
  }
}
