package dev.redshiftdata.spark.write;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.local.LocalRedshift;
import dev.redshiftdata.local.junit.LocalRedshiftExtension;
import dev.redshiftdata.spark.SharedSpark;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Writes whose transaction would hold a statement over the Data API's 100 KB limit fail before any
 * task stages a file: nothing is sent, the table is unchanged, no staging object is left.
 */
@ExtendWith(LocalRedshiftExtension.class)
class WriteStatementSizeIT {

  private static final int COLUMNS = 400;
  private static LocalRedshift redshift;
  private final SparkSession spark = SharedSpark.session();

  @BeforeAll
  static void start() {
    redshift = WriteSupport.redshift();
  }

  /** 63 bytes: {@code col_<i>_xxx...}. */
  private static String name(int i) {
    String n = "col_" + i + "_";
    return n + "x".repeat(63 - n.length());
  }

  /** Two rows of {@link #COLUMNS} long columns, the first ({@code col_0_...}) the key. */
  private Dataset<Row> rows() {
    Column[] columns = new Column[COLUMNS];
    columns[0] = col("id").as(name(0));
    for (int i = 1; i < COLUMNS; i++) {
      columns[i] = col("id").plus(lit(i)).as(name(i));
    }
    return spark.range(2).select(columns);
  }

  private static String createWide() {
    String t = "wide_write_" + System.nanoTime();
    List<String> columns = new ArrayList<>();
    for (int i = 0; i < COLUMNS; i++) {
      columns.add(name(i) + " int8");
    }
    WriteSupport.sql(redshift, "create table " + t + " (" + String.join(", ", columns) + ")");
    WriteSupport.sql(redshift, "insert into " + t + " (" + name(0) + ") values (7)");
    return t;
  }

  @Test
  void aMergeOverTheLimitFailsBeforeAnythingIsStagedOrSent() throws Exception {
    String t = createWide();
    int stagingBefore = WriteSupport.stagingObjects(spark, redshift);
    redshift.dataApi().requests().clear();
    Exception e =
        assertThrows(
            Exception.class,
            () ->
                rows()
                    .write()
                    .format("redshift-data")
                    .options(WriteSupport.options(redshift))
                    .option("dbtable", t)
                    .option("mergeKeys", name(0))
                    .mode(SaveMode.Append)
                    .save());
    String message = e.getMessage();
    assertTrue(
        message.contains("Cannot write to table \"public\".\"" + t + "\": statement "), message);
    assertTrue(message.contains(", a MERGE, would be "), message);
    assertTrue(message.contains("over the Data API's limit of 100,000 bytes"), message);
    assertTrue(message.contains("nothing was written"), message);
    assertTrue(WriteSupport.batches(redshift).isEmpty(), "no transaction was sent");
    assertEquals(1, WriteSupport.count(redshift, t));
    assertEquals(stagingBefore, WriteSupport.stagingObjects(spark, redshift));

    // the same columns append without a merge: the COPY lists them once
    rows()
        .write()
        .format("redshift-data")
        .options(WriteSupport.options(redshift))
        .option("dbtable", t)
        .mode(SaveMode.Append)
        .save();
    assertEquals(3, WriteSupport.count(redshift, t));
    assertEquals(
        List.of(List.of("1", "400")),
        WriteSupport.query(
            redshift,
            "select "
                + name(0)
                + ", "
                + name(COLUMNS - 1)
                + " from "
                + t
                + " where "
                + name(0)
                + " = 1"));
  }

  @Test
  void aTableCommentOverTheLimitFailsBeforeTheTableIsCreated() throws Exception {
    String t = "wide_comment_" + System.nanoTime();
    int stagingBefore = WriteSupport.stagingObjects(spark, redshift);
    redshift.dataApi().requests().clear();
    // 40,000 characters, 120,000 bytes in UTF-8: under the limit counted in characters
    String comment = "日".repeat(40_000);
    Exception e =
        assertThrows(
            Exception.class,
            () ->
                spark
                    .range(2)
                    .write()
                    .format("redshift-data")
                    .options(WriteSupport.options(redshift))
                    .option("dbtable", t)
                    .option("tableComment", comment)
                    .mode(SaveMode.Append)
                    .save());
    String message = e.getMessage();
    assertTrue(message.contains(", a COMMENT, would be 120,"), message);
    assertTrue(message.contains("shorter table or column comments"), message);
    assertTrue(message.contains("nothing was written"), message);
    assertTrue(message.length() < 2_000, "the comment is not repeated in the error");
    assertTrue(WriteSupport.batches(redshift).isEmpty(), "no transaction was sent");
    assertEquals(
        List.of(List.of("0")),
        WriteSupport.query(
            redshift,
            "select count(*) from information_schema.tables where table_name = '" + t + "'"));
    assertEquals(stagingBefore, WriteSupport.stagingObjects(spark, redshift));
  }
}
