package dev.redshiftdata.spark.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.local.LocalRedshift;
import dev.redshiftdata.local.junit.LocalRedshiftExtension;
import dev.redshiftdata.spark.SharedSpark;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code CALL rs.system.execute('<sql>')}: Redshift statements from SQL alone (PySpark without the
 * JVM gateway, Spark Connect), on the catalog's connection. Spark 4.0 and later.
 */
@ExtendWith(LocalRedshiftExtension.class)
class ExecuteProcedureIT {

  private static LocalRedshift redshift;
  private final SparkSession spark = SharedSpark.session();

  @BeforeAll
  static void start() {
    redshift = CatalogTestSupport.redshift();
    CatalogTestSupport.registerCatalog(SharedSpark.session(), redshift);
  }

  @Test
  void aStatementRunsFromSqlAndReturnsItsIdAndRowCount() {
    String t = "proc_" + System.nanoTime();
    List<Row> created =
        spark
            .sql("CALL rs.system.execute('CREATE TABLE public." + t + " (id INT)')")
            .collectAsList();
    assertEquals(1, created.size());
    assertTrue(CatalogTestSupport.exists(redshift, "public", t));

    Row inserted =
        spark
            .sql(
                "CALL rs.system.execute(sql => 'INSERT INTO public."
                    + t
                    + " VALUES (1), (2), (3)')")
            .first();
    assertEquals(3L, inserted.getLong(1));
    String id = inserted.getString(0);
    assertTrue(
        redshift.dataApi().requests().operation("ExecuteStatement").stream()
            .anyMatch(r -> id.equals(r.statementId()) && r.sql().startsWith("INSERT INTO")),
        id);
    assertEquals(
        List.of(List.of("3")), CatalogTestSupport.query(redshift, "SELECT count(*) FROM " + t));
    assertEquals(
        "struct<statement_id:string,rows_affected:bigint>",
        spark.sql("CALL rs.system.execute('SELECT 1')").schema().simpleString());
  }

  @Test
  void aRedshiftErrorNamesTheStatementAndAnUnknownProcedureNamesTheOneThereIs() {
    Exception e =
        assertThrows(
            Exception.class,
            () ->
                spark.sql("CALL rs.system.execute('DROP TABLE public.no_such_table_x')").collect());
    assertTrue(String.valueOf(e.getMessage()).contains("no_such_table_x"), e.getMessage());
    Exception unknown =
        assertThrows(Exception.class, () -> spark.sql("CALL rs.system.vacuum('t')").collect());
    StringBuilder chain = new StringBuilder();
    for (Throwable c = unknown; c != null; c = c.getCause()) {
      chain.append(c.getMessage()).append(" | ");
    }
    // Spark's FAILED_TO_LOAD_ROUTINE, caused by the catalog's own message
    assertTrue(chain.toString().contains("it has system.execute('<sql>')"), chain.toString());
  }
}
