package dev.redshiftdata.spark.read;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.local.LocalRedshift;
import dev.redshiftdata.spark.SharedSpark;
import dev.redshiftdata.spark.TestRedshift;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pushed predicates and aggregates on CHAR and VARCHAR values with trailing blanks (Redshift
 * ignores them when it compares; Spark does not) and on float keys with -0.0, 0.0 and NaN: on both
 * read paths the rows equal Spark's own answer with that pushdown off, and only what Redshift
 * answers as a superset of Spark's is pushed.
 */
@ExtendWith(TestRedshift.PerTest.class)
class TrailingBlanksPushdownIT {

  private static final String TABLE = "blanks_" + System.nanoTime();
  private static final String FLOATS = "float_keys_" + System.nanoTime();

  private static LocalRedshift redshift;
  private final SparkSession spark = SharedSpark.session();

  @BeforeAll
  static void createTables() {
    redshift = ReadTestSupport.redshift();
    ReadTestSupport.run("create table " + TABLE + " (id int4, c char(6), v varchar(10))");
    ReadTestSupport.run(
        "insert into "
            + TABLE
            + " values (1, 'ab', 'ab'), (2, 'ab ', 'ab '), (3, 'ab\\t', 'ab\\t'), (4, '', ''),"
            + " (5, null, null), (6, 'abc', 'ab  '), (7, ' ab', ' ab'), (8, 'b', 'b'),"
            + " (9, 'a', 'a'), (10, 'ab', 'ab ')");
    ReadTestSupport.run("create table " + FLOATS + " (id int4, d float8, r float4)");
    ReadTestSupport.run(
        "insert into "
            + FLOATS
            + " values (1, -0.0, -0.0), (2, 0.0, 0.0), (3, 'NaN', 'NaN'), (4, 'NaN', 'NaN'),"
            + " (5, 1.5, 1.5), (6, null, null), (7, -0.0, -0.0), (8, -1.5, -1.5)");
  }

  private Dataset<Row> read(String table, String path, String... more) {
    DataFrameReader r =
        spark
            .read()
            .format("redshift-data")
            .options(
                path.equals("unload")
                    ? ReadTestSupport.stagingOptions()
                    : ReadTestSupport.directOptions())
            .option("readMode", path);
    for (int i = 0; i < more.length; i += 2) {
      r = r.option(more[i], more[i + 1]);
    }
    return r.option("dbtable", table).load();
  }

  /** The row statement Redshift received: a SELECT (direct path) or an UNLOAD. */
  private static String rowStatement() {
    List<String> s =
        redshift.dataApi().requests().sqls().stream()
            .filter(q -> q.startsWith("UNLOAD") || q.startsWith("SELECT") && !q.endsWith("LIMIT 0"))
            .filter(q -> !ReadTestSupport.isSearchPathLookup(q))
            .toList();
    assertEquals(1, s.size(), s.toString());
    return s.get(0);
  }

  /** Every comparison, on both columns, with whether Redshift may evaluate it (pushed). */
  private static Map<String, Boolean> predicates() {
    Map<String, Boolean> p = new LinkedHashMap<>();
    for (String c : new String[] {"c", "v"}) {
      // equality and IN: Spark-equal values are Redshift-equal (superset), re-checked by Spark
      p.put(c + " = 'ab'", true);
      p.put(c + " = 'ab '", true);
      p.put(c + " = 'ab    '", true);
      p.put(c + " = ''", true);
      p.put(c + " = 'ab\t'", true);
      p.put(c + " <=> 'ab'", true);
      p.put(c + " IN ('ab', 'b')", true);
      p.put(c + " IN ('ab ', 'ab\t    ')", true);
      // negations and orderings: Redshift's answer can be smaller
      p.put(c + " <> 'ab'", false);
      p.put("NOT (" + c + " = 'ab ')", false);
      p.put("NOT (" + c + " <=> 'ab')", false);
      p.put(c + " NOT IN ('ab', 'b')", false);
      p.put(c + " < 'ab '", false);
      p.put(c + " <= 'ab'", false);
      p.put(c + " > 'ab'", false);
      p.put(c + " >= 'ab '", false);
      p.put(c + " > 'ab\t'", false);
      // LIKE: a pattern that ends in a blank may need the padding
      p.put("startswith(" + c + ", 'ab')", true);
      p.put("startswith(" + c + ", 'ab ')", false);
      p.put("endswith(" + c + ", 'b')", true);
      p.put("endswith(" + c + ", ' ')", false);
      p.put("endswith(" + c + ", 'b  ')", false);
      p.put("contains(" + c + ", ' a')", true);
      p.put("contains(" + c + ", 'b ')", false);
      p.put("NOT startswith(" + c + ", 'ab')", false);
      // combinations: the weaker part decides
      p.put("(" + c + " = 'ab' OR id > 8)", true);
      p.put("(" + c + " = 'ab' OR " + c + " > 'b')", false);
      p.put("NOT (" + c + " = 'ab' OR id > 8)", false);
      p.put("(" + c + " IS NULL OR id > 8)", true);
      p.put("(" + c + " IN ('ab', '') AND id > 1)", true);
    }
    p.put("c = v", true);
    p.put("c <> v", false);
    p.put("c < v", false);
    return p;
  }

  /**
   * Whether the row statement's WHERE tests {@code column} beyond {@code IS NOT NULL} (which Spark
   * adds to every comparison and which is always pushed).
   */
  private static boolean pushedOn(String sql, String column) {
    int where = sql.indexOf(" WHERE ");
    if (where < 0) {
      return false;
    }
    String rest = sql.substring(where).replace("(\"" + column + "\" IS NOT NULL)", "");
    return rest.contains("\"" + column + "\"");
  }

  /**
   * Every predicate on the table read with pushdown, against Spark's own answer on the same rows
   * (read once with predicate pushdown off). On the unload path only those Redshift evaluates are
   * read again: the others are Spark's alone on either path.
   */
  @ParameterizedTest
  @ValueSource(strings = {"direct", "unload"})
  void everyStringComparisonMatchesSparkOnBothPaths(String path) {
    Dataset<Row> all = read(TABLE, path, "pushDownPredicates", "false");
    Dataset<Row> local = spark.createDataFrame(all.collectAsList(), all.schema());
    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, Boolean> e : predicates().entrySet()) {
      if (path.equals("unload") && !e.getValue()) {
        continue;
      }
      redshift.dataApi().requests().clear();
      List<Row> rows =
          read(TABLE, path).where(e.getKey()).select("id").orderBy("id").collectAsList();
      String sql = rowStatement();
      List<Row> expected = local.where(e.getKey()).select("id").orderBy("id").collectAsList();
      if (!expected.equals(rows)) {
        wrong.add(e.getKey() + ": Spark " + expected + " but pushed " + rows + " by " + sql);
      }
      String column = e.getKey().contains("v") ? "v" : "c";
      if (pushedOn(sql, column) != e.getValue()) {
        wrong.add(e.getKey() + (e.getValue() ? " not pushed: " : " pushed: ") + sql);
      }
    }
    assertTrue(wrong.isEmpty(), String.join("\n", wrong));
  }

  @ParameterizedTest
  @ValueSource(strings = {"direct", "unload"})
  void charEqualityFindsThePaddedValue(String path) {
    // CHAR(6) reads back padded; Spark's matching literal is the padded one, Redshift's too
    List<Row> rows =
        read(TABLE, path).where(col("c").equalTo("ab    ")).select("id").collectAsList();
    assertEquals(List.of(1, 2, 10), rows.stream().map(r -> r.getInt(0)).sorted().toList());
    String sql = rowStatement();
    assertTrue(sql.contains("\"c\" = 'ab    '") || sql.contains("\"c\" = ''ab    ''"), sql);
  }

  /** Runs an aggregate pushed and with aggregate pushdown off; returns the row statement. */
  private String assertAggregateAsSpark(
      String table, String path, Function<Dataset<Row>, Dataset<Row>> q) {
    redshift.dataApi().requests().clear();
    List<Row> pushed = q.apply(read(table, path)).collectAsList();
    String sql = rowStatement();
    List<Row> expected = q.apply(read(table, path, "pushDownAggregates", "false")).collectAsList();
    assertEquals(expected.toString(), pushed.toString(), sql); // tells -0.0 from 0.0
    return sql;
  }

  @ParameterizedTest
  @ValueSource(strings = {"direct", "unload"})
  void stringAggregatesKeepValuesThatDifferInTrailingBlanksApart(String path) {
    // VARCHAR keys: grouped by the value and its length, which tells 'ab' from 'ab '
    String sql =
        assertAggregateAsSpark(
            TABLE,
            path,
            df ->
                df.groupBy("v").agg(count(lit(1)), sum("id")).orderBy(col("v").asc_nulls_first()));
    assertTrue(sql.contains("GROUP BY \"v\", LENGTH(\"v\")"), sql);
    // CHAR keys are all padded alike: grouped as in Spark
    sql =
        assertAggregateAsSpark(
            TABLE,
            path,
            df -> df.groupBy("c").agg(count(lit(1))).orderBy(col("c").asc_nulls_first()));
    assertTrue(sql.contains("GROUP BY \"c\""), sql);
    // DISTINCT, MIN and MAX of strings stay in Spark
    for (Column agg :
        new Column[] {count_distinct(col("v")), min("v"), max("v"), min("c"), max("c")}) {
      sql = assertAggregateAsSpark(TABLE, path, df -> df.agg(agg));
      assertTrue(!sql.contains("agg_func"), agg + ": " + sql);
    }
    sql = assertAggregateAsSpark(TABLE, path, df -> df.agg(count_distinct(col("c"))));
    assertTrue(sql.contains("COUNT(DISTINCT \"c\")"), sql);
  }

  @ParameterizedTest
  @ValueSource(strings = {"direct", "unload"})
  void floatKeysWithNegativeZeroAndNanGroupAsSpark(String path) {
    for (String c : new String[] {"d", "r"}) {
      String sql =
          assertAggregateAsSpark(
              FLOATS,
              path,
              df -> df.groupBy(c).agg(count(lit(1)), sum("id")).orderBy(col(c).asc_nulls_first()));
      assertTrue(!sql.contains("GROUP BY"), sql);
      for (Column agg : new Column[] {count_distinct(col(c)), min(c), max(c)}) {
        sql = assertAggregateAsSpark(FLOATS, path, df -> df.agg(agg));
        assertTrue(!sql.contains("agg_func"), agg + ": " + sql);
      }
      // SUM and COUNT of a float column are still pushed
      sql = assertAggregateAsSpark(FLOATS, path, df -> df.agg(sum(c), count(c)));
      assertTrue(sql.contains("agg_func"), sql);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"direct", "unload"})
  void floatPredicatesWithNegativeZeroAndNanMatchSpark(String path) {
    for (String p :
        new String[] {
          "d = 0.0",
          "d = -0.0",
          "d > 0.0",
          "d >= -0.0",
          "d < 1.0",
          "d <> 0.0",
          "d IN (0.0, 1.5)",
          "NOT (d = 0.0)",
          "d <=> -0.0",
          "r > 1.0",
          "r = 0.0",
          "NOT (r < 1.0)",
          "d > r"
        }) {
      List<Row> rows = read(FLOATS, path).where(p).select("id").orderBy("id").collectAsList();
      List<Row> expected =
          read(FLOATS, path, "pushDownPredicates", "false")
              .where(p)
              .select("id")
              .orderBy("id")
              .collectAsList();
      assertEquals(expected, rows, p);
    }
  }
}
