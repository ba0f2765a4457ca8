package dev.redshiftdata.spark.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.spark.sql.AggregateCompiler.CompiledAggregation;
import dev.redshiftdata.spark.sql.SelectBuilder;
import dev.redshiftdata.spark.sql.TableName;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.spark.sql.connector.expressions.Expression;
import org.apache.spark.sql.connector.expressions.Expressions;
import org.apache.spark.sql.connector.expressions.FieldReference;
import org.apache.spark.sql.connector.expressions.NullOrdering;
import org.apache.spark.sql.connector.expressions.SortDirection;
import org.apache.spark.sql.connector.expressions.SortOrder;
import org.apache.spark.sql.connector.expressions.filter.Predicate;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** What may be pushed after what, and the SQL a pushdown makes, without Spark or Redshift. */
class ScanPushdownTest {

  private static final StructType SCHEMA =
      new StructType()
          .add("id", DataTypes.IntegerType)
          .add("Name", DataTypes.StringType)
          .add("amount", DataTypes.createDecimalType(12, 2));

  private static final Predicate UDF =
      new Predicate("SOME_UDF", new Expression[] {FieldReference.column("id")});

  static final CompiledAggregation COUNT_BY_ID =
      new CompiledAggregation(
          List.of("\"id\" AS \"group_col_0\"", "COUNT(*) AS \"agg_func_0\""),
          List.of("\"id\""),
          new StructType()
              .add("group_col_0", DataTypes.IntegerType)
              .add("agg_func_0", DataTypes.LongType));

  private static final CompiledAggregation COUNT_ALL =
      new CompiledAggregation(
          List.of("COUNT(*) AS \"agg_func_0\""),
          List.of(),
          new StructType().add("agg_func_0", DataTypes.LongType));

  private static String sql(ScanPushdown p) {
    return p.select(SelectBuilder.fromTable(TableName.of("public", "t")))
        .withColumns(List.of("id"))
        .build();
  }

  private static SortOrder[] ascending(String... columns) {
    SortOrder[] orders = new SortOrder[columns.length];
    for (int i = 0; i < columns.length; i++) {
      orders[i] =
          Expressions.sort(
              FieldReference.column(columns[i]), SortDirection.ASCENDING, NullOrdering.NULLS_FIRST);
    }
    return orders;
  }

  @Test
  void nothingIsPushedOnTopOfRowsSparkStillFilters() {
    assertTrue(ScanPushdown.NONE.acceptsAggregate());
    assertTrue(ScanPushdown.NONE.acceptsLimit());
    ScanPushdown filtered =
        ScanPushdown.NONE.withPredicates(PushedPredicates.keptInSpark(new Predicate[] {UDF}));
    assertFalse(filtered.acceptsAggregate());
    assertFalse(filtered.acceptsLimit());
  }

  @Test
  void anAggregateComesFirstAndALimitNeverAfterAnOffset() {
    ScanPushdown limited = ScanPushdown.NONE.withLimit(3);
    assertFalse(limited.acceptsAggregate());
    assertTrue(limited.acceptsLimit());
    assertFalse(ScanPushdown.NONE.withOffset(2).acceptsAggregate());
    assertFalse(ScanPushdown.NONE.withOffset(2).acceptsLimit());
    ScanPushdown aggregated = ScanPushdown.NONE.withAggregation(COUNT_BY_ID);
    assertFalse(aggregated.acceptsAggregate());
    assertTrue(aggregated.acceptsLimit());
  }

  @Test
  void theSqlLimitCountsRowsAfterTheOffset() {
    // df.offset(2).limit(5): Spark pushes LIMIT 7, then OFFSET 2
    ScanPushdown p = ScanPushdown.NONE.withLimit(9).withLimit(7).withOffset(2);
    assertEquals(7, p.limit());
    assertEquals("SELECT \"id\" FROM \"public\".\"t\" LIMIT 5 OFFSET 2", sql(p));
    assertEquals(OptionalLong.of(5), p.knownRowBound());
    assertEquals(0L, ScanPushdown.NONE.withLimit(1).withOffset(3).sqlLimit(1));
    assertEquals(OptionalLong.empty(), ScanPushdown.NONE.knownRowBound());
    assertEquals("SELECT \"id\" FROM \"public\".\"t\"", sql(ScanPushdown.NONE));
  }

  @Test
  void anAggregateWithoutGroupByReturnsOneRow() {
    assertEquals(OptionalLong.of(1), ScanPushdown.NONE.withAggregation(COUNT_ALL).knownRowBound());
    assertEquals(
        OptionalLong.empty(), ScanPushdown.NONE.withAggregation(COUNT_BY_ID).knownRowBound());
  }

  @Test
  void topNKeysAreComparableColumnsAndAfterAnAggregateGroupColumns() {
    assertEquals(
        Optional.of(List.of("\"id\" ASC NULLS FIRST", "\"amount\" ASC NULLS FIRST")),
        ScanPushdown.NONE.sortKeys(ascending("ID", "amount"), SCHEMA));
    assertEquals(Optional.empty(), ScanPushdown.NONE.sortKeys(ascending("id", "Name"), SCHEMA));
    assertEquals(Optional.empty(), ScanPushdown.NONE.sortKeys(ascending("missing"), SCHEMA));
    ScanPushdown aggregated = ScanPushdown.NONE.withAggregation(COUNT_BY_ID);
    assertEquals(Optional.empty(), aggregated.sortKeys(ascending("amount"), SCHEMA));
    ScanPushdown topN =
        aggregated.withTopN(aggregated.sortKeys(ascending("id"), SCHEMA).orElseThrow(), 2);
    assertEquals(
        "SELECT \"id\" FROM \"public\".\"t\" ORDER BY \"id\" ASC NULLS FIRST LIMIT 2", sql(topN));
    assertEquals(
        new PushedOperators(
            0,
            COUNT_BY_ID.selectItems(),
            COUNT_BY_ID.groupBy(),
            List.of("\"id\" ASC NULLS FIRST"),
            2L,
            0),
        topN.operators());
  }
}
