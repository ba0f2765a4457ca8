package dev.redshiftdata.spark.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.local.LocalRedshift;
import dev.redshiftdata.local.junit.LocalRedshiftExtension;
import dev.redshiftdata.spark.SharedSpark;
import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.dataapi.DataApi;
import dev.redshiftdata.spark.dataapi.StatementRequest;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reads under throttling, 5xx answers and lost responses: no row lost or doubled; and table names
 * resolved the way Redshift resolves them.
 */
@ExtendWith(LocalRedshiftExtension.class)
class ReadRobustnessIT {

  private static final String TABLE = "robust_" + System.nanoTime();
  private static final int ROWS = 3_000;

  private static LocalRedshift redshift;
  private final SparkSession spark = SharedSpark.session();

  @BeforeAll
  static void createTable() {
    redshift = ReadTestSupport.redshift();
    api()
        .execute(
            StatementRequest.sql(
                "create table "
                    + TABLE
                    + " as select n as id, 'v' || n as v from generate_series(1, "
                    + ROWS
                    + ") as n"));
  }

  @BeforeEach
  void clear() {
    redshift.dataApi().requests().clear();
  }

  @AfterEach
  void reset() {
    redshift.dataApi().reset();
    redshift.unloadSettings().reset();
  }

  private static DataApi api() {
    return RedshiftOptions.parse(ReadTestSupport.stagingOptions(), Map.of()).dataApi();
  }

  private DataFrameReader reader(String mode) {
    return spark
        .read()
        .format("redshift-data")
        .options(ReadTestSupport.stagingOptions())
        .option("readMode", mode);
  }

  private static void assertEveryRowOnce(List<Row> rows) {
    assertEquals(ROWS, rows.size());
    Set<Integer> ids = new HashSet<>();
    for (Row r : rows) {
      int id = r.getInt(0);
      assertTrue(ids.add(id), "row " + id + " twice");
      assertEquals("v" + id, r.getString(1));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"json", "csv"})
  void directReadsSurviveThrottlingAndServerErrorsOnEveryCall(String format) {
    redshift.dataApi().settings().resultPageRows(500);
    String pages = format.equals("csv") ? "GetStatementResultV2" : "GetStatementResult";
    redshift
        .dataApi()
        .faults()
        .throttleEvery("ExecuteStatement", 2)
        .throttleEvery("DescribeStatement", 2)
        .throttleEvery(pages, 3)
        .internalError(pages, 2);
    List<Row> rows =
        reader("direct")
            .option("resultFormat", format)
            .option("dbtable", TABLE)
            .load()
            .collectAsList();
    assertEveryRowOnce(rows);
    assertTrue(redshift.dataApi().requests().count(pages) >= 8, "pages were retried");
  }

  @Test
  void anUnloadReadSurvivesALostResponseAndUnloadsOnce() {
    redshift.unloadSettings().slices(2).rowsPerSliceChunk(500);
    redshift
        .dataApi()
        .faults()
        .dropResponse("ExecuteStatement", 1)
        .throttleEvery("DescribeStatement", 2)
        .internalError("DescribeStatement", 1);
    // two parts: no search_path lookup, so the lost response is the UNLOAD's
    List<Row> rows = reader("unload").option("dbtable", "public." + TABLE).load().collectAsList();
    assertEveryRowOnce(rows);
    assertEquals(
        2,
        ReadTestSupport.unloads().size(),
        "the SDK retried the ExecuteStatement whose response was lost");
    // ...with the same ClientToken, so Redshift ran the UNLOAD once.
    String prefix = ReadTestSupport.unloadTarget(ReadTestSupport.unloads().get(0));
    List<Row> history =
        reader("direct")
            .option(
                "query",
                "select count(*) as n from sys_unload_history where unloaded_location like '"
                    + prefix
                    + "%'")
            .load()
            .collectAsList();
    assertEquals(1L, ((Number) history.get(0).get(0)).longValue());
  }

  @Test
  void aThreePartNameInTheConnectedDatabaseReads() {
    List<Row> rows =
        reader("direct")
            .option("dbtable", "DEV.Public." + TABLE.toUpperCase())
            .load()
            .collectAsList();
    assertEveryRowOnce(rows);
  }

  @Test
  void aThreePartNameInAnotherDatabaseIsRefusedClearly() {
    Exception e =
        assertThrows(
            Exception.class,
            () -> reader("direct").option("dbtable", "analytics.public." + TABLE).load());
    String m = e.getMessage();
    assertTrue(m.contains("analytics") && m.contains("dev"), m);
    assertTrue(m.contains("dbtable"), m);
  }
}
