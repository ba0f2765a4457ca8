package dev.redshiftdata.spark.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.local.LocalRedshift;
import dev.redshiftdata.local.dataapi.RecordedRequest;
import dev.redshiftdata.spark.SharedSpark;
import dev.redshiftdata.spark.TestRedshift;
import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.sql.TableName;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.connector.write.DataWriter;
import org.apache.spark.sql.connector.write.WriterCommitMessage;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Failures leave the target unchanged and nothing under tempdir; lost responses, serialization
 * conflicts and duplicate task attempts never load a row twice; schema mismatches name the column.
 */
@ExtendWith(TestRedshift.PerTest.class)
class WriteFailureIT {

  private static LocalRedshift redshift;
  private final SparkSession spark = SharedSpark.session();

  @BeforeAll
  static void start() {
    redshift = WriteSupport.redshift();
  }

  private static String table(String name) {
    String t = name + "_" + System.nanoTime();
    WriteSupport.sql(redshift, "create table " + t + " (id bigint, v varchar(5))");
    WriteSupport.sql(redshift, "insert into " + t + " values (-1, 'old'), (-2, 'old')");
    redshift.dataApi().requests().clear();
    return t;
  }

  private Dataset<Row> rows(int n) {
    return spark.range(0, n, 1, 2).selectExpr("id", "concat('v', id % 100) as v");
  }

  private void write(Dataset<Row> df, String table, SaveMode mode, String... extra) {
    var w =
        df.write()
            .format("redshift-data")
            .options(WriteSupport.options(redshift))
            // two parts: no search_path lookup, so injected faults hit the write's own statements
            .option("dbtable", "public." + table)
            .mode(mode);
    for (int i = 0; i < extra.length; i += 2) {
      w = w.option(extra[i], extra[i + 1]);
    }
    w.save();
  }

  private static String messages(Throwable t) {
    return TestRedshift.messages(t);
  }

  private void assertUnchanged(String t) {
    assertEquals(
        List.of(List.of("2", "-2", "-1")),
        WriteSupport.query(redshift, "select count(*), min(id), max(id) from " + t));
  }

  @Test
  void aCopyFailingMidwayReportsItsLoadErrorsAndChangesNothing() throws Exception {
    String t = table("copyfail");
    // Row 700 has a 7-byte value for VARCHAR(5).
    Dataset<Row> df =
        rows(1000).selectExpr("id", "case when id = 700 then 'toolong' else 'ok' end as v");
    Exception e = assertThrows(Exception.class, () -> write(df, t, SaveMode.Overwrite));
    String m = messages(e);
    assertTrue(m.contains("Cannot write to table \"public\".\"" + t + "\""), m);
    assertTrue(m.contains("rolled back and the table is unchanged"), m);
    assertTrue(m.contains("String length exceeds DDL length"), m);
    assertTrue(m.contains("column 'v' (varchar)"), m);
    assertTrue(m.contains("raw value 'toolong'"), m);
    assertTrue(m.contains("(statement "), m);
    assertTrue(m.contains("SQL: COPY \"public\".\"" + t + "\""), m);
    assertUnchanged(t);
    assertEquals(0, WriteSupport.objectsUnder(spark, WriteSupport.lastCopyPrefix(redshift)));
  }

  @Test
  void aLostBatchResponseIsRetriedWithItsClientTokenAndLoadsOnce() {
    String t = table("lost");
    redshift.dataApi().faults().dropResponse("BatchExecuteStatement", 1);
    write(rows(500), t, SaveMode.Append);
    assertEquals(502, WriteSupport.count(redshift, t));
    List<RecordedRequest> batches = WriteSupport.batches(redshift);
    assertEquals(2, batches.size(), batches.toString());
    assertTrue(batches.get(0).dropped());
    assertEquals(batches.get(0).clientToken(), batches.get(1).clientToken());
    assertEquals(batches.get(0).statementId(), batches.get(1).statementId());
  }

  @Test
  void aSerializationConflictRunsTheTransactionAgainWithANewToken() {
    String t = table("conflict");
    redshift
        .dataApi()
        .faults()
        .failNextStatement(
            "ERROR: 1023 DETAIL: Serializable isolation violation on table - 123, transactions"
                + " forming the cycle are: 1, 2");
    write(rows(300), t, SaveMode.Overwrite);
    assertEquals(300, WriteSupport.count(redshift, t));
    List<RecordedRequest> batches = WriteSupport.batches(redshift);
    assertEquals(2, batches.size(), batches.toString());
    assertNotEquals(batches.get(0).clientToken(), batches.get(1).clientToken());
  }

  @Test
  void schemaMismatchesNameTheColumnAndBothTypes() {
    String t = table("schema");
    String m =
        messages(
            assertThrows(
                Exception.class,
                () -> write(rows(3).selectExpr("id", "v", "1 as extra"), t, SaveMode.Append)));
    assertTrue(m.contains("column 'extra' of the DataFrame is not in the table"), m);
    m =
        messages(
            assertThrows(
                Exception.class, () -> write(rows(3).selectExpr("id"), t, SaveMode.Append)));
    assertTrue(m.contains("table column 'v' (Redshift varchar(5) (Spark string))"), m);
    assertTrue(m.contains("allowExtraTargetColumns"), m);
    m =
        messages(
            assertThrows(
                Exception.class,
                () -> write(rows(3).selectExpr("v as id", "v"), t, SaveMode.Append)));
    assertTrue(
        m.contains("column 'id' is string in the DataFrame but Redshift int8 (Spark bigint)"), m);
    assertTrue(WriteSupport.batches(redshift).isEmpty());
    assertUnchanged(t);

    // A missing column is left to its default when allowed.
    write(rows(3).selectExpr("id"), t, SaveMode.Append, "allowExtraTargetColumns", "true");
    assertEquals(
        List.of(List.of("3", "0")),
        WriteSupport.query(redshift, "select count(*), count(v) from " + t + " where id >= 0"));
  }

  @Test
  void onlyTheCommittedAttemptOfAPartitionIsLoaded() throws Exception {
    String t = table("attempts");
    StructType schema =
        new StructType().add("id", DataTypes.LongType).add("v", DataTypes.StringType);
    RedshiftBatchWrite write =
        RedshiftBatchWrite.prepare(
            RedshiftOptions.parse(WriteSupport.options(redshift), Map.of()),
            TableName.of("public", t),
            schema,
            new WriteRequest.Append());
    var factory = write.createBatchWriterFactory(null);
    // Two attempts of partition 0 (a retried or speculative task) write the same rows.
    WriterCommitMessage[] first = new WriterCommitMessage[1];
    WriterCommitMessage[] second = new WriterCommitMessage[1];
    for (int attempt = 1; attempt <= 2; attempt++) {
      DataWriter<InternalRow> w = factory.createWriter(0, attempt);
      for (long i = 0; i < 50; i++) {
        w.write(new GenericInternalRow(new Object[] {i, UTF8String.fromString("a" + i)}));
      }
      (attempt == 1 ? first : second)[0] = w.commit();
      w.close();
    }
    Path prefix = new Path(write.staged().prefix());
    assertEquals(2, WriteSupport.objectsUnder(spark, prefix));
    write.commit(second);
    assertEquals(52, WriteSupport.count(redshift, t));
    assertEquals(
        List.of(List.of("50")),
        WriteSupport.query(redshift, "select count(distinct id) from " + t + " where id >= 0"));
    assertEquals(0, WriteSupport.objectsUnder(spark, prefix));
  }

  @Test
  void anAbortedWriteDeletesItsFiles() throws Exception {
    String t = table("abort");
    RedshiftBatchWrite write =
        RedshiftBatchWrite.prepare(
            RedshiftOptions.parse(WriteSupport.options(redshift), Map.of()),
            TableName.of("public", t),
            new StructType().add("id", DataTypes.LongType).add("v", DataTypes.StringType),
            new WriteRequest.Append());
    DataWriter<InternalRow> w = write.createBatchWriterFactory(null).createWriter(3, 9);
    w.write(new GenericInternalRow(new Object[] {1L, UTF8String.fromString("x")}));
    WriterCommitMessage m = w.commit();
    w.close();
    Path prefix = new Path(write.staged().prefix());
    assertEquals(1, WriteSupport.objectsUnder(spark, prefix));
    write.abort(new WriterCommitMessage[] {m});
    assertEquals(0, WriteSupport.objectsUnder(spark, prefix));
    assertTrue(WriteSupport.batches(redshift).isEmpty());
    assertUnchanged(t);
  }

  @Test
  void aFailingTaskLeavesTheTargetAndTempdirAsTheyWere() throws Exception {
    String t = table("taskfail");
    int before = WriteSupport.stagingObjects(spark, redshift);
    // Partition 1 fails after writing rows, partition 0 may have committed already.
    Dataset<Row> df =
        spark
            .range(0, 4000, 1, 2)
            .selectExpr("id", "'v' as v")
            .filter("assert_true(id < 3500) is null");
    String m = messages(assertThrows(Exception.class, () -> write(df, t, SaveMode.Overwrite)));
    // Spark's own assertion message (its form differs by Spark line: "(id < 3500)", "cast(3500
    // ...").
    assertTrue(m.contains("3500") && m.contains("is not true"), m);
    assertTrue(WriteSupport.batches(redshift).isEmpty());
    assertUnchanged(t);
    assertEquals(before, WriteSupport.stagingObjects(spark, redshift));
  }

  @Test
  void aTransactionOverTheBatchLimitIsRefusedBeforeItRuns() throws Exception {
    String t = table("toomany");
    int before = WriteSupport.stagingObjects(spark, redshift);
    String actions = String.join(";", java.util.Collections.nCopies(39, "select 1"));
    String m =
        messages(
            assertThrows(
                Exception.class, () -> write(rows(10), t, SaveMode.Append, "preActions", actions)));
    assertTrue(m.contains("the transaction would have 41 statements"), m);
    assertTrue(m.contains("limit of 40"), m);
    assertTrue(WriteSupport.batches(redshift).isEmpty());
    assertUnchanged(t);
    assertEquals(before, WriteSupport.stagingObjects(spark, redshift));
  }
}
