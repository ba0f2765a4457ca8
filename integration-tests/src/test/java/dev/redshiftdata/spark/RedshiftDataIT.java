package dev.redshiftdata.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.local.LocalRedshift;
import dev.redshiftdata.local.junit.LocalRedshiftExtension;
import dev.redshiftdata.spark.dataapi.RedshiftDataException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link RedshiftData}: statements, batches and small queries through the connector's options,
 * credentials and errors, against the local Redshift.
 */
@ExtendWith(LocalRedshiftExtension.class)
class RedshiftDataIT {

  private static LocalRedshift redshift;
  private final SparkSession spark = SharedSpark.session();

  @BeforeAll
  static void start() {
    redshift = TestRedshift.shared();
  }

  private static Map<String, String> options() {
    return new HashMap<>(redshift.connectionInfo().sparkOptions());
  }

  private static String table(String name) {
    return name + "_" + System.nanoTime();
  }

  @Test
  void statementsChangeTheDatabaseAndQueriesReturnTypedValues() {
    String t = table("rd_exec");
    RedshiftData.execute(
        spark,
        options(),
        "CREATE TABLE " + t + " (id int, name varchar(10), score float8, ok boolean, b varbyte)");
    StatementResult insert =
        RedshiftData.execute(
            spark,
            options(),
            "INSERT INTO "
                + t
                + " VALUES (1, 'a', 1.5, true, 'ab'::varbyte), (2, NULL, NULL, false, NULL)");
    assertEquals(2, insert.rows());
    assertFalse(insert.statementId().isEmpty());

    QueryResult r =
        RedshiftData.query(
            spark, options(), "SELECT id, name, score, ok, b FROM " + t + " ORDER BY id");
    assertEquals(List.of("id", "name", "score", "ok", "b"), r.columns());
    assertEquals(2, r.rows().size());
    assertEquals(1L, r.value(0, "id"));
    assertEquals("a", r.value(0, "name"));
    assertEquals(1.5, r.value(0, "score"));
    assertEquals(true, r.value(0, "ok"));
    assertNull(r.value(1, "name"));
    assertNull(r.value(1, "score"));
    assertEquals(false, r.value(1, "ok"));
    Object bytes = r.value(0, "b");
    assertTrue(bytes instanceof byte[] || bytes instanceof String, String.valueOf(bytes));
    if (bytes instanceof byte[] raw) {
      assertArrayEquals("ab".getBytes(java.nio.charset.StandardCharsets.US_ASCII), raw);
    }
  }

  @Test
  void aStatementWithoutRowsGivesAnEmptyQueryResult() {
    QueryResult r =
        RedshiftData.query(spark, options(), "CREATE TABLE " + table("rd_empty") + " (x int)");
    assertTrue(r.columns().isEmpty());
    assertTrue(r.rows().isEmpty());
  }

  @Test
  void aFailingBatchRollsBackEveryStatementAndNamesTheOneThatFailed() {
    String t = table("rd_batch");
    RedshiftData.execute(spark, options(), "CREATE TABLE " + t + " (x int)");
    StatementResult ok =
        RedshiftData.executeBatch(
            spark,
            options(),
            List.of("INSERT INTO " + t + " VALUES (1)", "INSERT INTO " + t + " VALUES (2)"));
    assertEquals(2, ok.subStatementIds().size());

    RedshiftDataException e =
        assertThrows(
            RedshiftDataException.class,
            () ->
                RedshiftData.executeBatch(
                    spark, options(), List.of("INSERT INTO " + t + " VALUES (3)", "SELECT 1 / 0")));
    assertEquals(RedshiftDataException.Kind.STATEMENT_FAILED, e.kind());
    assertTrue(e.getMessage().contains("statement 2 of 2"), e.getMessage());
    assertTrue(e.getMessage().contains("division by zero"), e.getMessage());
    assertEquals(
        2L, RedshiftData.query(spark, options(), "SELECT count(*) FROM " + t).value(0, "count"));
  }

  @Test
  void aFailedStatementCarriesItsIdAndRedactedSqlButNeverTheSecret() {
    RedshiftDataException e =
        assertThrows(
            RedshiftDataException.class,
            () ->
                RedshiftData.execute(
                    spark, options(), "ALTER USER no_such_user_rd PASSWORD 'Sup3rSecretPw'"));
    assertTrue(e.statementId().isPresent());
    assertTrue(e.getMessage().contains(e.statementId().get()), e.getMessage());
    assertTrue(e.getMessage().contains("no_such_user_rd"), e.getMessage());
    assertFalse(e.getMessage().contains("Sup3rSecretPw"), e.getMessage());
  }

  @Test
  void badOptionsAreNamedAndSessionConfFillsOptions() {
    Map<String, String> bad = options();
    bad.put("statementTimeout", "soon");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> RedshiftData.execute(spark, bad, "SELECT 1"));
    assertTrue(e.getMessage().contains("statementTimeout"), e.getMessage());

    Map<String, String> withoutDatabase = options();
    String database = withoutDatabase.remove("database");
    IllegalArgumentException missing =
        assertThrows(
            IllegalArgumentException.class,
            () -> RedshiftData.query(spark, withoutDatabase, "SELECT 1 AS one"));
    assertTrue(missing.getMessage().contains("'database'"), missing.getMessage());
    spark.conf().set("spark.datasource.redshift-data.database", database);
    try {
      assertEquals(
          7L, RedshiftData.query(spark, withoutDatabase, "SELECT 7 AS seven").value(0, "seven"));
    } finally {
      spark.conf().unset("spark.datasource.redshift-data.database");
    }
  }
}
