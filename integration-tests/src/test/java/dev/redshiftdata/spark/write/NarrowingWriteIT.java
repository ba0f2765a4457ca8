package dev.redshiftdata.spark.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.local.LocalRedshift;
import dev.redshiftdata.local.junit.LocalRedshiftExtension;
import dev.redshiftdata.spark.SharedSpark;
import dev.redshiftdata.spark.TestRedshift;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Option {@code allowNarrowing}: a DataFrame of wider types (as JSON and Spark's decimal arithmetic
 * give) goes into narrower table columns, each value checked; one that does not fit fails the write
 * naming the column and the value, and the table and staging prefix are as before.
 */
@ExtendWith(LocalRedshiftExtension.class)
class NarrowingWriteIT {

  private static LocalRedshift redshift;
  private final SparkSession spark = SharedSpark.session();

  @BeforeAll
  static void start() {
    redshift = WriteSupport.redshift();
  }

  private static String table() {
    String t = "narrow_" + System.nanoTime();
    WriteSupport.sql(
        redshift, "CREATE TABLE " + t + " (id INTEGER, r REAL, d DECIMAL(10,2), n SMALLINT)");
    WriteSupport.sql(redshift, "INSERT INTO " + t + " VALUES (1, 1.5, 1.25, 1)");
    return t;
  }

  private Dataset<Row> rows(String id) {
    return spark.sql(
        "SELECT CAST("
            + id
            + " AS BIGINT) AS id, CAST(1.1 AS DOUBLE) AS r,"
            + " CAST(12345678.005 AS DECIMAL(38,18)) AS d, ' 42 ' AS n");
  }

  private void append(Dataset<Row> df, String t, boolean narrowing) {
    Map<String, String> o = new HashMap<>(WriteSupport.options(redshift));
    o.put("dbtable", t);
    if (narrowing) {
      o.put("allowNarrowing", "true");
    }
    df.write().format("redshift-data").options(o).mode(SaveMode.Append).save();
  }

  @Test
  void widerColumnsGoInValueByValueWithTheOption() {
    String t = table();
    Exception refused = assertThrows(Exception.class, () -> append(rows("2147483647"), t, false));
    assertTrue(
        refused.getMessage().contains("set option 'allowNarrowing' to true"), refused.getMessage());

    append(rows("2147483647"), t, true);
    assertEquals(
        List.of(
            List.of("1", "1.5", "1.25", "1"),
            // the decimal rounds half up to the column's scale; the string is trimmed
            List.of("2147483647", "1.1", "12345678.01", "42")),
        WriteSupport.query(redshift, "SELECT id, r, d, n FROM " + t + " ORDER BY id"));
  }

  @Test
  void aValueTheColumnCannotHoldFailsTheWriteNamingItAndLeavesNothing() throws Exception {
    String t = table();
    int staged = WriteSupport.stagingObjects(spark, redshift);
    Exception e = assertThrows(Exception.class, () -> append(rows("2147483648"), t, true));
    String messages = messages(e);
    assertTrue(
        messages.contains(
            "Cannot write column 'id': value 2147483648 does not fit the table's int (out of range;"
                + " option 'allowNarrowing'). Nothing was loaded."),
        messages);
    assertEquals(1, WriteSupport.count(redshift, t));
    assertEquals(staged, WriteSupport.stagingObjects(spark, redshift));

    Dataset<Row> text =
        spark.sql("SELECT 2 AS id, 1.0D AS r, CAST(1 AS DECIMAL(38,18)) AS d, '4x' AS n");
    String notNumber = messages(assertThrows(Exception.class, () -> append(text, t, true)));
    assertTrue(notNumber.contains("Cannot write column 'n': value '4x'"), notNumber);
    assertEquals(1, WriteSupport.count(redshift, t));
  }

  private static String messages(Throwable t) {
    return TestRedshift.messages(t);
  }
}
