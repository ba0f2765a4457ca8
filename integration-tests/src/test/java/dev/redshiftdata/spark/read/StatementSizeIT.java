package dev.redshiftdata.spark.read;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.local.LocalRedshift;
import dev.redshiftdata.local.junit.LocalRedshiftExtension;
import dev.redshiftdata.spark.SharedSpark;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Reads whose statements would pass the Data API's 100 KB limit: a table of 1,600 columns with
 * 63-byte names (Redshift's column maximum, PostgreSQL's name maximum), filters too long to push,
 * and a query too long to send. Every statement the local Redshift receives is within the limit.
 */
@ExtendWith(LocalRedshiftExtension.class)
class StatementSizeIT {

  private static final String WIDE = "wide_" + System.nanoTime();
  private static final String NAMES = "names_" + System.nanoTime();
  private static final int COLUMNS = 1600;
  private static final int ROWS = 3;

  private static LocalRedshift redshift;
  private final SparkSession spark = SharedSpark.session();

  /** 63 bytes: {@code col_<i>_xxx...}. */
  static String name(int i) {
    String n = "col_" + i + "_";
    return n + "x".repeat(63 - n.length());
  }

  /** The value of column {@code i} in row {@code r}. */
  static int value(int r, int i) {
    return r * 10_000 + i;
  }

  @BeforeAll
  static void createTables() throws Exception {
    redshift = ReadTestSupport.redshift();
    // The CREATE TABLE of this table is itself over the Data API's limit: create it in PostgreSQL.
    List<String> columns = new ArrayList<>();
    for (int i = 0; i < COLUMNS; i++) {
      columns.add(name(i) + " int4");
    }
    String db = redshift.config().defaultCluster().postgresDatabase("dev");
    try (Connection c = redshift.postgres().connect(db, "awsuser");
        Statement s = c.createStatement()) {
      s.execute("create table " + WIDE + " (" + String.join(", ", columns) + ")");
      for (int r = 1; r <= ROWS; r++) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i < COLUMNS; i++) {
          values.add(Integer.toString(value(r, i)));
        }
        s.execute("insert into " + WIDE + " values (" + String.join(", ", values) + ")");
      }
    }
    ReadTestSupport.run("create table " + NAMES + " (id int4, name varchar(200))");
    ReadTestSupport.run(
        "insert into " + NAMES + " values (1, 'a'), (2, '日本'), (3, 'é''s'), (4, null)");
  }

  @BeforeEach
  void clearRequests() {
    redshift.dataApi().requests().clear();
  }

  private Dataset<Row> read(Map<String, String> options, String table) {
    return spark.read().format("redshift-data").options(options).option("dbtable", table).load();
  }

  private static Map<String, String> unloadOptions() {
    Map<String, String> o = ReadTestSupport.stagingOptions();
    o.put("readMode", "unload");
    return o;
  }

  /** Every statement sent since the log was cleared is within the limit; returns them. */
  private static List<String> sentWithinLimit() {
    List<String> sqls = redshift.dataApi().requests().sqls();
    for (String sql : sqls) {
      int bytes = sql.getBytes(StandardCharsets.UTF_8).length;
      assertTrue(bytes <= 100_000, "sent " + bytes + " bytes");
    }
    return sqls;
  }

  private static void checkWideRows(List<Row> rows) {
    assertEquals(ROWS, rows.size());
    for (Row row : rows) {
      assertEquals(COLUMNS, row.size());
      int r = row.getInt(0) / 10_000;
      for (int i = 0; i < COLUMNS; i++) {
        assertEquals(value(r, i), row.getInt(i), "row " + r + " column " + i);
      }
    }
  }

  @Test
  void aWideTableIsReadWholeOnTheDirectPath() {
    Dataset<Row> df = read(ReadTestSupport.directOptions(), WIDE);
    assertEquals(COLUMNS, df.schema().size());
    assertEquals(name(799), df.schema().fieldNames()[799]);
    checkWideRows(df.collectAsList());
    List<String> sqls = sentWithinLimit();
    assertTrue(sqls.contains("SELECT * FROM \"public\".\"" + WIDE + "\""), sqls.toString());

    // a column out of the middle, and the last one: a short list, selected by name
    List<Row> two =
        df.select(col(name(800)), col(name(1599))).orderBy(col(name(800))).collectAsList();
    assertEquals(
        List.of(
            Row.fromSeq(seq(value(1, 800), value(1, 1599))),
            Row.fromSeq(seq(value(2, 800), value(2, 1599))),
            Row.fromSeq(seq(value(3, 800), value(3, 1599)))),
        two);
    assertTrue(
        redshift.dataApi().requests().sqls().stream()
            .anyMatch(
                s ->
                    s.startsWith(
                        "SELECT \""
                            + name(800)
                            + "\", \""
                            + name(1599)
                            + "\" FROM \"public\".\""
                            + WIDE)));

    // all but one column: still too long to list, so read whole and pruned by name
    Column[] most = new Column[COLUMNS - 1];
    for (int i = 1; i < COLUMNS; i++) {
      most[i - 1] = col(name(i));
    }
    clearRequests();
    Row first = df.select(most).where(col(name(1)).equalTo(value(2, 1))).first();
    assertEquals(COLUMNS - 1, first.size());
    assertEquals(value(2, 800), first.getInt(799));
    assertTrue(
        sentWithinLimit().stream()
            .anyMatch(s -> s.startsWith("SELECT * FROM \"public\".\"" + WIDE + "\" WHERE ")));
  }

  @Test
  void aWideTableIsUnloadedWhole() {
    Dataset<Row> df = read(unloadOptions(), WIDE);
    checkWideRows(df.collectAsList());
    List<String> unloads = ReadTestSupport.unloads();
    assertEquals(1, unloads.size());
    assertTrue(
        unloads
            .get(0)
            .startsWith("UNLOAD ('SELECT * FROM (SELECT * FROM \"public\".\"" + WIDE + "\")"),
        unloads.get(0));
    sentWithinLimit();

    // pruned in the Parquet reader: the files have the table's column names
    clearRequests();
    Column[] most = new Column[COLUMNS - 1];
    for (int i = 0; i < COLUMNS - 1; i++) {
      most[i] = col(name(COLUMNS - 1 - i)); // reversed order
    }
    List<Row> rows = df.select(most).collectAsList();
    assertEquals(ROWS, rows.size());
    for (Row row : rows) {
      int r = row.getInt(0) / 10_000;
      assertEquals(value(r, 1599), row.getInt(0));
      assertEquals(value(r, 800), row.getInt(799));
      assertEquals(value(r, 1), row.getInt(COLUMNS - 2));
    }
    sentWithinLimit();
  }

  /**
   * 800 values of 45 characters, 133 bytes each in UTF-8: under 40,000 characters of IN list but
   * over 100 KB.
   */
  private static List<Object> longValues() {
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < 800; i++) {
      values.add("日".repeat(42) + String.format("%03d", i));
    }
    values.add("日本");
    values.add("é's");
    return values;
  }

  @Test
  void aFilterTooLongToSendStaysInSparkOnTheDirectPath() {
    Dataset<Row> df =
        read(ReadTestSupport.directOptions(), NAMES)
            .where(col("name").isin(longValues().toArray()))
            .orderBy("id");
    assertEquals(
        List.of(Row.fromSeq(seq(2, "日本")), Row.fromSeq(seq(3, "é's"))), df.collectAsList());
    for (String sql : sentWithinLimit()) {
      assertFalse(sql.contains(" IN ("), sql);
    }
  }

  @Test
  void aFilterTooLongToUnloadStaysInSpark() {
    Dataset<Row> df = read(unloadOptions(), NAMES).where(col("name").isin(longValues().toArray()));
    assertEquals(
        List.of(Row.fromSeq(seq(2, "日本")), Row.fromSeq(seq(3, "é's"))),
        df.orderBy("id").collectAsList());
    assertEquals(1, ReadTestSupport.unloads().size());
    sentWithinLimit();
  }

  @Test
  void aQueryOverTheLimitIsRefusedBeforeItIsSent() {
    String query = "select 1 as x /* " + "é".repeat(75_000) + " */";
    Exception e =
        assertThrows(
            Exception.class,
            () ->
                spark
                    .read()
                    .format("redshift-data")
                    .options(ReadTestSupport.directOptions())
                    .option("query", query)
                    .load()
                    .collectAsList());
    String messages = ReadTestSupport.messages(e);
    assertTrue(messages.contains("Cannot run SELECT statement of 150,"), messages);
    assertTrue(messages.contains("limit of 100,000 bytes (UTF-8) per statement"), messages);
    assertTrue(messages.contains("so it was not sent"), messages);
    assertTrue(messages.contains("shorten 'query'"), messages);
    assertTrue(messages.contains("RSD-014 STATEMENT_TOO_LARGE"), messages);
    assertFalse(messages.contains(redshift.connectionInfo().secretArn()), messages);
    assertTrue(redshift.dataApi().requests().operation("ExecuteStatement").isEmpty());
  }

  private static scala.collection.immutable.List<Object> seq(Object... values) {
    return dev.redshiftdata.spark.compat.ScalaCollections.list(List.of(values));
  }
}
