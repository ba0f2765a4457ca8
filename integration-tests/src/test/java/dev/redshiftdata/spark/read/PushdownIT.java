package dev.redshiftdata.spark.read;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.sum_distinct;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.local.LocalRedshift;
import dev.redshiftdata.local.LocalRedshiftConfig;
import dev.redshiftdata.spark.SharedSpark;
import dev.redshiftdata.spark.TestRedshift;
import dev.redshiftdata.spark.compat.ScalaCollections;
import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.dataapi.DataApi;
import dev.redshiftdata.spark.dataapi.StatementRequest;
import dev.redshiftdata.spark.sql.Literals;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.plans.logical.LogicalPlan;
import org.apache.spark.sql.execution.datasources.v2.DataSourceV2ScanRelation;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Aggregate, LIMIT, top-N and OFFSET pushdown end to end: the SQL the local Redshift received, and
 * results equal to Spark's own on the same rows read without that pushdown.
 */
@ExtendWith(TestRedshift.PerTest.class)
class PushdownIT {

  private static final String TABLE = "pushdown_" + System.nanoTime();
  // a one-part dbtable is read qualified with the schema the search_path resolves it to
  private static final String QUOTED = "\"public\".\"" + TABLE + "\"";
  private static final String ODD = "odd \"q\" col";
  private static final String SPACE = "with space";
  private static final int ROWS = 10;

  private static LocalRedshift redshift;
  private final SparkSession spark = SharedSpark.session();

  @BeforeAll
  static void createTable() {
    redshift = ReadTestSupport.redshift();
    LocalRedshiftConfig config = redshift.config();
    run(
        "create table "
            + TABLE
            + " (id int4, grp varchar(10), k int4, qty int4, big int8, amount numeric(12,2),"
            + " wide numeric(38,4), ratio float8, day date, note varchar(40),"
            + " \"odd \"\"q\"\" col\" int4, \"with space\" int4)");
    // id, grp, k, qty, big, amount, wide, ratio, day, note, odd, space
    String[][] rows = {
      {
        "1",
        "'a'",
        "1",
        "10",
        "100",
        "1.10",
        "1234567890123456789012345678.1234",
        "0.5",
        "'2024-01-01'",
        "it's",
        "1",
        "5"
      },
      {
        "2",
        "'a'",
        "1",
        "null",
        "200",
        "null",
        "null",
        "0.25",
        "'2024-01-02'",
        "back\\slash",
        "2",
        "null"
      },
      {
        "3",
        "'a'",
        "2",
        "30",
        "300",
        "3.33",
        "1.0001",
        "null",
        "'2024-01-03'",
        "100% sure",
        "3",
        "7"
      },
      {"4", "'b'", "2", "40", "-400", "-4.44", "-2.5", "1.5", "null", "a_b", "null", "8"},
      {"5", "'b'", "3", "50", "500", "5.55", "3", "2.0", "'2024-01-05'", "ab", "1", "9"},
      {
        "6", "'b'", "3", "null", "600", "6.66", "4", "-1.0", "'2024-01-06'", "100 sure", "2", "null"
      },
      {"7", "null", "4", "70", "700", "null", "null", "0.75", "'2024-01-07'", "axb", "3", "11"},
      {"8", "null", "4", "80", "800", "8.88", "5", "null", "'2024-01-08'", null, "null", "12"},
      {"9", "'c'", "5", "90", "900", "null", "null", "null", "'2024-01-09'", "it's", "4", "13"},
      {"10", "'c'", "5", "100", "1000", "null", "null", "4.0", "'2024-01-10'", "x\\", "4", "14"}
    };
    for (String[] r : rows) {
      List<String> values = new ArrayList<>(Arrays.asList(r).subList(0, 9));
      values.add(r[9] == null ? "null" : Literals.string(r[9]));
      values.addAll(Arrays.asList(r).subList(10, 12));
      run("insert into " + TABLE + " values (" + String.join(", ", values) + ")");
    }
  }

  static void run(String sql) {
    DataApi api = RedshiftOptions.parse(ReadTestSupport.directOptions(), Map.of()).dataApi();
    api.execute(StatementRequest.sql(sql));
  }

  private Dataset<Row> table(String... more) {
    DataFrameReader r =
        spark.read().format("redshift-data").options(ReadTestSupport.directOptions());
    for (int i = 0; i < more.length; i += 2) {
      r = r.option(more[i], more[i + 1]);
    }
    // two parts: no search_path lookup among the statements and pages counted here
    return r.option("dbtable", "public." + TABLE).load();
  }

  /** The same table with no aggregate, LIMIT, top-N or OFFSET pushdown: Spark's own answer. */
  private Dataset<Row> sparkOnly() {
    return table("pushDownAggregates", "false", "pushDownLimit", "false");
  }

  /** The row statements Redshift received (not schema probes). */
  private static List<String> selects() {
    return redshift.dataApi().requests().sqls().stream()
        .filter(s -> s.startsWith("SELECT") && !s.endsWith("LIMIT 0"))
        .filter(s -> !ReadTestSupport.isSearchPathLookup(s))
        .toList();
  }

  /** The one row statement Redshift received. */
  private static String onlySelect() {
    List<String> s = selects();
    assertEquals(1, s.size(), s.toString());
    return s.get(0);
  }

  /** Runs {@code query} on the pushed-down table, then on Spark's own, returning the SQL sent. */
  private String assertSameAsSpark(Function<Dataset<Row>, Dataset<Row>> query) {
    List<Row> pushed = query.apply(table()).collectAsList();
    String sql = onlySelect();
    List<Row> expected = query.apply(sparkOnly()).collectAsList();
    assertEquals(expected, pushed, sql);
    return sql;
  }

  private static DataSourceV2ScanRelation scanOf(Dataset<Row> df) {
    List<LogicalPlan> leaves =
        ScalaCollections.toJava(df.queryExecution().optimizedPlan().collectLeaves());
    for (LogicalPlan leaf : leaves) {
      if (leaf instanceof DataSourceV2ScanRelation r) {
        return r;
      }
    }
    throw new AssertionError("no V2 scan in " + df.queryExecution().optimizedPlan());
  }

  private static List<DataType> readTypes(Dataset<Row> df) {
    List<DataType> types = new ArrayList<>();
    for (StructField f : scanOf(df).scan().readSchema().fields()) {
      types.add(f.dataType());
    }
    return types;
  }

  @Test
  void countPushesCountStarAndMovesNoRows() {
    assertEquals(ROWS, table().count());
    assertEquals("SELECT COUNT(*) AS \"agg_func_0\" FROM " + QUOTED, onlySelect());
    assertEquals(
        1,
        redshift.dataApi().requests().count("GetStatementResult")
            + redshift.dataApi().requests().count("GetStatementResultV2"),
        "one result page");
  }

  @Test
  void countOverAnExactFilterPushesTheWhereToo() {
    assertEquals(6, table().filter("qty > 30").count());
    assertEquals(
        "SELECT COUNT(*) AS \"agg_func_0\" FROM "
            + QUOTED
            + " WHERE (\"qty\" IS NOT NULL) AND (\"qty\" > 30)",
        onlySelect());
  }

  @Test
  void everyFunctionGroupedMatchesSpark() {
    Function<Dataset<Row>, Dataset<Row>> q =
        df ->
            df.groupBy("grp")
                .agg(
                    count(lit(1)),
                    count("qty"),
                    sum("qty"),
                    sum("big"),
                    sum("amount"),
                    sum("ratio"),
                    min("amount"),
                    max("day"),
                    avg("qty"),
                    avg("ratio"),
                    max("k"))
                .orderBy(col("grp").asc_nulls_first());
    Dataset<Row> pushed = q.apply(table());
    assertEquals(
        List.of(
            DataTypes.StringType,
            DataTypes.LongType,
            DataTypes.LongType,
            DataTypes.LongType,
            DataTypes.LongType,
            DataTypes.createDecimalType(22, 2),
            DataTypes.DoubleType,
            DataTypes.createDecimalType(12, 2),
            DataTypes.DateType,
            DataTypes.DoubleType,
            DataTypes.DoubleType,
            DataTypes.IntegerType),
        readTypes(pushed),
        "the scan returns Spark's aggregate result types, so no cast is needed");
    String sql = assertSameAsSpark(q);
    assertTrue(
        sql.startsWith(
            "SELECT \"grp\" AS \"group_col_0\", COUNT(*) AS \"agg_func_0\","
                + " COUNT(\"qty\") AS \"agg_func_1\", CAST(SUM(\"qty\") AS BIGINT) AS"
                + " \"agg_func_2\""),
        sql);
    assertTrue(sql.contains("CAST(SUM(\"amount\") AS DECIMAL(22, 2)) AS \"agg_func_4\""), sql);
    assertTrue(sql.contains("AVG(CAST(\"qty\" AS DOUBLE PRECISION))"), sql);
    // a VARCHAR key is grouped by its length too: Redshift ignores trailing blanks, Spark does not
    assertTrue(sql.endsWith(" FROM " + QUOTED + " GROUP BY \"grp\", LENGTH(\"grp\")"), sql);
    List<Row> rows = pushed.collectAsList();
    assertEquals(4, rows.size());
    Row a = rows.get(1);
    assertEquals("a", a.getString(0));
    assertEquals(3L, a.getLong(1));
    assertEquals(2L, a.getLong(2));
    assertEquals(40L, a.getLong(3));
    assertEquals(new BigDecimal("4.43"), a.getDecimal(5));
    assertEquals(20.0, a.getDouble(9));
  }

  @Test
  void globalAggregatesArePushedButAnExpressionGroupingIsNot() {
    String sql =
        assertSameAsSpark(
            df -> df.agg(min("day"), max("amount"), sum("qty"), avg("big"), count("ratio")));
    assertEquals(
        "SELECT MIN(\"day\") AS \"agg_func_0\", MAX(\"amount\") AS \"agg_func_1\","
            + " CAST(SUM(\"qty\") AS BIGINT) AS \"agg_func_2\","
            + " AVG(CAST(\"big\" AS DOUBLE PRECISION)) AS \"agg_func_3\","
            + " COUNT(\"ratio\") AS \"agg_func_4\" FROM "
            + QUOTED,
        sql);
    Row r = table().agg(sum("qty"), avg("big"), count("ratio")).collectAsList().get(0);
    assertEquals(470L, r.getLong(0));
    assertEquals(470.0, r.getDouble(1));
    assertEquals(7L, r.getLong(2));

    redshift.dataApi().requests().clear();
    sql =
        assertSameAsSpark(
            df -> df.groupBy(col("k").plus(1).as("k1")).agg(sum("qty")).orderBy("k1"));
    assertFalse(sql.contains("GROUP BY") || sql.contains("SUM("), sql);
  }

  @Test
  void distinctAggregatesArePushedWhole() {
    String sql =
        assertSameAsSpark(
            df ->
                df.groupBy("k")
                    .agg(count_distinct(col("qty")), sum_distinct(col("odd \"q\" col")))
                    .orderBy("k"));
    // (DISTINCT of a VARCHAR stays in Spark: TrailingBlanksPushdownIT)
    assertTrue(sql.contains("COUNT(DISTINCT \"qty\")"), sql);
    assertTrue(sql.contains("CAST(SUM(DISTINCT \"odd \"\"q\"\" col\") AS BIGINT)"), sql);
    assertTrue(sql.endsWith("GROUP BY \"k\""), sql);
  }

  @Test
  void decimalSumsAndAveragesWithNullsMatchSpark() {
    Function<Dataset<Row>, Dataset<Row>> q =
        df ->
            df.groupBy("grp")
                .agg(sum("amount"), avg("amount"), sum("wide"), avg("wide"))
                .orderBy(col("grp").asc_nulls_first());
    String sql = assertSameAsSpark(q);
    // Spark's AVG of a decimal has more scale than Redshift's: it is pushed as SUM and COUNT.
    assertFalse(sql.contains("AVG("), sql);
    assertTrue(sql.contains("CAST(SUM(\"amount\") AS DECIMAL(22, 2))"), sql);
    assertTrue(sql.contains("COUNT(\"amount\")"), sql);
    assertTrue(sql.contains("CAST(SUM(\"wide\") AS DECIMAL(38, 4))"), sql);
    List<Row> rows = q.apply(table()).collectAsList();
    Row c = rows.get(3);
    assertEquals("c", c.getString(0));
    assertNull(c.get(1), "SUM of only nulls is null");
    assertNull(c.get(2), "AVG of only nulls is null");
    Row a = rows.get(1);
    assertEquals(new BigDecimal("1234567890123456789012345679.1235"), a.getDecimal(3));
    assertEquals(new BigDecimal("2.215000"), a.getDecimal(2));
  }

  @Test
  void anAggregateOverAPredicateRedshiftCannotRunIsNotPushed() {
    String sql =
        assertSameAsSpark(df -> df.filter("id % 2 = 0").groupBy("k").agg(sum("qty")).orderBy("k"));
    assertFalse(sql.contains("GROUP BY"), sql);
    assertFalse(sql.contains("SUM("), sql);
    assertFalse(sql.contains("%"), "the modulo is not pushed either: " + sql);
    // With an exact predicate beside it, that one is pushed but the aggregate still is not.
    redshift.dataApi().requests().clear();
    sql =
        assertSameAsSpark(
            df -> df.filter("id % 2 = 0 AND big > 100").groupBy("k").agg(count("id")).orderBy("k"));
    assertTrue(sql.contains(" WHERE ") && sql.contains("(\"big\" > 100)"), sql);
    assertFalse(sql.contains("GROUP BY"), sql);
  }

  @Test
  void hostileIdentifiersWithAggregates() {
    Function<Dataset<Row>, Dataset<Row>> q =
        df ->
            df.filter(col("`ODD \"Q\" COL`").gt(1))
                .groupBy(col("`odd \"q\" col`"))
                .agg(sum(col("`With Space`")), max(col("`with space`")), count(lit(1)))
                .orderBy(col("`odd \"q\" col`"));
    String sql = assertSameAsSpark(q);
    assertEquals(
        "SELECT \"odd \"\"q\"\" col\" AS \"group_col_0\","
            + " CAST(SUM(\"with space\") AS BIGINT) AS \"agg_func_0\","
            + " MAX(\"with space\") AS \"agg_func_1\", COUNT(*) AS \"agg_func_2\" FROM "
            + QUOTED
            + " WHERE (\"odd \"\"q\"\" col\" IS NOT NULL) AND (\"odd \"\"q\"\" col\" > 1)"
            + " GROUP BY \"odd \"\"q\"\" col\"",
        sql);
    List<Row> rows = q.apply(table()).collectAsList();
    assertEquals(3, rows.size());
    assertEquals(4, rows.get(2).getInt(0));
    assertEquals(27L, rows.get(2).getLong(1));
    assertEquals(2L, rows.get(2).getLong(3));
  }

  @Test
  void hostileStringLiteralsInPredicatesWithAggregates() {
    Map<Column, Long> expected = new java.util.LinkedHashMap<>();
    expected.put(col("note").equalTo("it's"), 2L);
    expected.put(col("note").equalTo("back\\slash"), 1L);
    expected.put(col("note").startsWith("100%"), 1L);
    expected.put(col("note").contains("a_b"), 1L);
    expected.put(col("note").endsWith("\\"), 1L);
    expected.put(col("note").isin("it's", "x\\", "a_b"), 4L);
    for (Map.Entry<Column, Long> e : expected.entrySet()) {
      redshift.dataApi().requests().clear();
      Function<Dataset<Row>, Dataset<Row>> q =
          df -> df.filter(e.getKey()).groupBy("grp").agg(count(lit(1)), sum("qty"));
      List<Row> rows = q.apply(table()).collectAsList();
      String sql = onlySelect();
      long total = 0;
      for (Row r : rows) {
        total += r.getLong(1);
      }
      assertEquals(e.getValue(), total, e.getKey() + " -> " + sql);
      assertEquals(
          new java.util.HashSet<>(q.apply(sparkOnly()).collectAsList()),
          new java.util.HashSet<>(rows),
          sql);
      assertTrue(sql.contains(" WHERE "), "the string predicate is pushed: " + sql);
      // Redshift ignores trailing blanks in string comparisons: Spark filters again, so the
      // aggregate stays in Spark.
      assertFalse(sql.contains("GROUP BY"), sql);
    }
    redshift.dataApi().requests().clear();
    table().filter(col("note").equalTo("it's")).count();
    assertTrue(onlySelect().contains("\"note\" = 'it''s'"), onlySelect());
    redshift.dataApi().requests().clear();
    table().filter(col("note").startsWith("100%")).count();
    assertTrue(onlySelect().contains("\"note\" LIKE '100\\\\%%' ESCAPE '\\\\'"), onlySelect());
    redshift.dataApi().requests().clear();
    table().filter(col("note").endsWith("\\")).count();
    assertTrue(onlySelect().contains("\"note\" LIKE '%\\\\\\\\' ESCAPE '\\\\'"), onlySelect());
  }

  @Test
  void limitIsPushedAndAppliedAgain() {
    List<Row> rows = table().select("id").limit(3).collectAsList();
    assertEquals(3, rows.size());
    assertEquals("SELECT \"id\" FROM " + QUOTED + " LIMIT 3", onlySelect());
    String explain = table().limit(3).queryExecution().executedPlan().toString();
    assertTrue(explain.contains("pushedLimit=3"), explain);
  }

  @Test
  void topNWithNullsEitherWayMatchesSparksOrdering() {
    Column[] orders = {
      col("qty").asc_nulls_first(),
      col("qty").asc_nulls_last(),
      col("qty").desc_nulls_first(),
      col("qty").desc_nulls_last()
    };
    String[] keys = {
      "\"qty\" ASC NULLS FIRST",
      "\"qty\" ASC NULLS LAST",
      "\"qty\" DESC NULLS FIRST",
      "\"qty\" DESC NULLS LAST"
    };
    for (int i = 0; i < orders.length; i++) {
      redshift.dataApi().requests().clear();
      Column order = orders[i];
      List<Row> pushed = table().orderBy(order).limit(4).select("qty", "id").collectAsList();
      String sql = onlySelect();
      assertTrue(sql.endsWith(" ORDER BY " + keys[i] + " LIMIT 4"), sql);
      List<Row> expected = sparkOnly().orderBy(order).limit(4).select("qty", "id").collectAsList();
      assertEquals(
          expected.stream().map(r -> r.get(0)).toList(),
          pushed.stream().map(r -> r.get(0)).toList(),
          sql);
      assertEquals(
          new java.util.HashSet<>(expected),
          new java.util.HashSet<>(pushed),
          "no ties cut: " + sql);
    }
    redshift.dataApi().requests().clear();
    List<Row> first = table().orderBy(col("qty").asc_nulls_first()).limit(3).collectAsList();
    assertTrue(first.get(0).isNullAt(3) && first.get(1).isNullAt(3), first.toString());
    assertEquals(10, first.get(2).getInt(3));
  }

  @Test
  void topNOnAStringOrFloatColumnIsNotPushed() {
    for (String c : new String[] {"grp", "ratio"}) {
      redshift.dataApi().requests().clear();
      String sql =
          assertSameAsSpark(
              df -> df.orderBy(col(c).asc_nulls_last(), col("id")).limit(3).select(c, "id"));
      assertFalse(sql.contains("ORDER BY"), sql);
      assertFalse(sql.contains("LIMIT"), sql);
    }
  }

  @Test
  void offsetAloneAndWithALimitArePushed() {
    assertEquals(ROWS - 4, table().offset(4).count());
    // df.count() over an offset: the aggregate cannot go below the OFFSET, so rows are read
    String sql = onlySelect();
    assertTrue(sql.endsWith(" FROM " + QUOTED + " OFFSET 4"), sql);

    redshift.dataApi().requests().clear();
    List<Row> rows = table().select("id").offset(2).limit(3).collectAsList();
    assertEquals(3, rows.size());
    assertEquals("SELECT \"id\" FROM " + QUOTED + " LIMIT 3 OFFSET 2", onlySelect());

    redshift.dataApi().requests().clear();
    List<Row> ordered =
        table()
            .select("id")
            .orderBy(col("id").desc_nulls_last())
            .offset(2)
            .limit(3)
            .collectAsList();
    assertEquals(List.of(8, 7, 6), ordered.stream().map(r -> r.getInt(0)).toList());
    sql = onlySelect();
    assertTrue(sql.endsWith(" ORDER BY \"id\" DESC NULLS LAST LIMIT 5"), sql);
  }

  @Test
  void aggregateThenTopNOnAGroupColumn() {
    Function<Dataset<Row>, Dataset<Row>> q =
        df -> df.groupBy("k").agg(sum("big")).orderBy(col("k").desc_nulls_last()).limit(2);
    String sql = assertSameAsSpark(q);
    assertTrue(sql.endsWith(" GROUP BY \"k\" ORDER BY \"k\" DESC NULLS LAST LIMIT 2"), sql);
    List<Row> rows = q.apply(table()).collectAsList();
    assertEquals(5, rows.get(0).getInt(0));
    assertEquals(1900L, rows.get(0).getLong(1));
  }

  @Test
  void optionsTurnAggregateAndLimitPushdownOff() {
    assertEquals(ROWS, table("pushDownAggregates", "false").count());
    assertEquals("SELECT 1 AS \"_\" FROM " + QUOTED, onlySelect());

    redshift.dataApi().requests().clear();
    List<Row> grouped =
        table("pushDownAggregates", "false")
            .groupBy("k")
            .agg(sum("qty"))
            .orderBy("k")
            .collectAsList();
    assertEquals(5, grouped.size());
    assertEquals(10L, grouped.get(0).getLong(1));
    String sql = onlySelect();
    assertFalse(sql.contains("GROUP BY") || sql.contains("SUM("), sql);

    redshift.dataApi().requests().clear();
    assertEquals(3, table("pushDownLimit", "false").select("id").limit(3).collectAsList().size());
    assertEquals("SELECT \"id\" FROM " + QUOTED, onlySelect());

    redshift.dataApi().requests().clear();
    List<Row> top =
        table("pushDownLimit", "false")
            .orderBy(col("id").desc())
            .limit(2)
            .select("id")
            .collectAsList();
    assertEquals(List.of(10, 9), top.stream().map(r -> r.getInt(0)).toList());
    assertFalse(onlySelect().contains("ORDER BY") || onlySelect().contains("LIMIT"), onlySelect());
  }

  @Test
  void explainNamesThePushedAggregateNextToTheSql() {
    Dataset<Row> df = table().filter("k > 1").groupBy("k").agg(max("day"));
    String explain = df.queryExecution().executedPlan().toString();
    assertTrue(explain.contains("pushedPredicates=2"), explain);
    assertTrue(explain.contains("pushedAggregates=[\"k\" AS \"group_col_0\""), explain);
    assertTrue(explain.contains("pushedGroupBy=[\"k\"]"), explain);
    assertTrue(explain.contains("GROUP BY \"k\""), explain);
  }

  @Test
  void aUserQueryIsAggregatedAsADerivedTable() {
    Dataset<Row> df =
        spark
            .read()
            .format("redshift-data")
            .options(ReadTestSupport.directOptions())
            .option("query", "select k, qty from " + TABLE + " where id <= 6")
            .load();
    List<Row> rows = df.groupBy("k").agg(sum("qty"), count(lit(1))).orderBy("k").collectAsList();
    assertEquals(3, rows.size());
    assertEquals(10L, rows.get(0).getLong(1));
    assertEquals(70L, rows.get(1).getLong(1));
    assertEquals(50L, rows.get(2).getLong(1));
    String sql = onlySelect();
    assertTrue(sql.contains("\n) AS q GROUP BY \"k\""), sql);
  }
}
