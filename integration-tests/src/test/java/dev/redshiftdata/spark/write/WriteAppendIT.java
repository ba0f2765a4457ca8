package dev.redshiftdata.spark.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.local.LocalRedshift;
import dev.redshiftdata.local.dataapi.RecordedRequest;
import dev.redshiftdata.spark.SharedSpark;
import dev.redshiftdata.spark.TestRedshift;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Appends and overwrites through {@code df.write.format("redshift-data")}: one transaction with
 * COPY from a manifest of the committed files, the row-count check, nothing left under tempdir.
 */
@ExtendWith(TestRedshift.PerTest.class)
class WriteAppendIT {

  private static LocalRedshift redshift;
  private final SparkSession spark = SharedSpark.session();

  @BeforeAll
  static void start() {
    redshift = WriteSupport.redshift();
  }

  private static String table(String name) {
    return name + "_" + System.nanoTime();
  }

  private Dataset<Row> rows(int from, int to) {
    // Columns in another order and case than the table's: matched by name.
    return spark.range(from, to, 1, 3).selectExpr("concat('v', id) as V", "id as ID");
  }

  private void write(Dataset<Row> df, String table, SaveMode mode) {
    df.write()
        .format("redshift-data")
        .options(WriteSupport.options(redshift))
        .option("dbtable", table)
        .mode(mode)
        .save();
  }

  @Test
  void appendTwiceLoadsEveryRowOnceInOneTransactionEach() throws Exception {
    String t = table("append");
    WriteSupport.sql(redshift, "create table " + t + " (id bigint not null, v varchar(20))");
    write(rows(0, 1000), t, SaveMode.Append);
    List<RecordedRequest> batches = WriteSupport.batches(redshift);
    assertEquals(1, batches.size());
    List<String> sqls = batches.get(0).sqls();
    assertEquals(2, sqls.size(), sqls.toString());
    assertTrue(
        sqls.get(0).startsWith("COPY \"public\".\"" + t + "\" (\"id\", \"v\") FROM 's3://"),
        sqls.get(0));
    assertTrue(
        sqls.get(0)
            .endsWith(
                "manifest.json' IAM_ROLE '"
                    + redshift.config().iamRole()
                    + "' FORMAT AS PARQUET MANIFEST"),
        sqls.get(0));
    assertTrue(sqls.get(1).contains("pg_last_copy_count() = 1000"), sqls.get(1));
    assertEquals(0, WriteSupport.objectsUnder(spark, WriteSupport.lastCopyPrefix(redshift)));

    write(rows(1000, 1500), t, SaveMode.Append);
    assertEquals(1500, WriteSupport.count(redshift, t));
    assertEquals(
        List.of(List.of("1500", "1500", "0", "1499")),
        WriteSupport.query(
            redshift,
            "select count(distinct id), count(distinct v), min(id), max(id) from "
                + t
                + " where v = 'v' || id"));
    assertEquals(0, WriteSupport.objectsUnder(spark, WriteSupport.lastCopyPrefix(redshift)));

    // Read back with the connector.
    List<Row> back =
        spark
            .read()
            .format("redshift-data")
            .options(WriteSupport.options(redshift))
            .option("dbtable", t)
            .load()
            .orderBy("id")
            .collectAsList();
    assertEquals(1500, back.size());
    assertEquals(7L, back.get(7).getLong(0));
    assertEquals("v7", back.get(7).getString(1));
  }

  @Test
  void anEmptyDataFrameSendsNoCopy() {
    String t = table("empty");
    WriteSupport.sql(redshift, "create table " + t + " (id bigint, v varchar(20))");
    write(rows(0, 0), t, SaveMode.Append);
    assertTrue(WriteSupport.batches(redshift).isEmpty());
    assertEquals(0, WriteSupport.count(redshift, t));
  }

  @Test
  void overwriteDeletesInTheCopyTransactionAndKeepsGrantsAndViews() throws Exception {
    String t = table("overwrite");
    WriteSupport.sql(redshift, "create table " + t + " (id bigint, v varchar(20))");
    WriteSupport.sql(redshift, "insert into " + t + " values (-1, 'old'), (-2, 'old')");
    WriteSupport.sql(redshift, "create view " + t + "_view as select id, v from " + t);
    WriteSupport.sql(redshift, "create group " + t + "_readers");
    WriteSupport.sql(redshift, "grant select on " + t + " to group " + t + "_readers");
    redshift.dataApi().requests().clear();

    write(rows(0, 10), t, SaveMode.Overwrite);

    List<String> sqls = WriteSupport.batches(redshift).get(0).sqls();
    assertEquals("DELETE FROM \"public\".\"" + t + "\"", sqls.get(0));
    assertTrue(sqls.get(1).startsWith("COPY "), sqls.toString());
    assertFalse(String.join(";", sqls).toUpperCase().contains("TRUNCATE"));
    assertEquals(
        List.of(List.of("10", "0", "9")),
        WriteSupport.query(redshift, "select count(*), min(id), max(id) from " + t + "_view"));
    assertEquals(
        List.of(List.of("true")),
        WriteSupport.query(
            redshift, "select has_table_privilege('" + t + "_readers', '" + t + "', 'select')"));
    assertEquals(0, WriteSupport.objectsUnder(spark, WriteSupport.lastCopyPrefix(redshift)));
  }

  @Test
  void readersDuringAnOverwriteSeeTheOldRowsUntilItCommits() throws Exception {
    String t = table("concurrent");
    WriteSupport.sql(redshift, "create table " + t + " (id bigint, v varchar(20))");
    WriteSupport.sql(redshift, "insert into " + t + " values (-1, 'old'), (-2, 'old')");
    // A post-action that waits keeps the transaction open after its DELETE and COPY.
    Thread writer =
        new Thread(
            () ->
                rows(0, 10)
                    .write()
                    .format("redshift-data")
                    .options(WriteSupport.options(redshift))
                    .option("dbtable", t)
                    .option("postActions", "SELECT pg_sleep(4)")
                    .mode(SaveMode.Overwrite)
                    .save(),
            "overwrite");
    writer.start();
    java.util.Set<String> seen = new java.util.TreeSet<>();
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (writer.isAlive() && System.nanoTime() < deadline) {
      seen.add(WriteSupport.query(redshift, "select count(*), min(id) from " + t).toString());
      Thread.sleep(200);
    }
    writer.join();
    seen.add(WriteSupport.query(redshift, "select count(*), min(id) from " + t).toString());
    // Only the old table and the new one, never an empty or partial table.
    assertEquals(java.util.Set.of("[[10, 0]]", "[[2, -2]]"), seen);
  }

  @Test
  void aReaderPollingDuringRepeatedOverwritesSeesOnlyWholeTables() throws Exception {
    String t = table("overwrites");
    WriteSupport.sql(redshift, "create table " + t + " (id bigint, v varchar(20))");
    WriteSupport.sql(redshift, "insert into " + t + " values (-1, 'old'), (-2, 'old')");
    java.util.concurrent.atomic.AtomicBoolean done =
        new java.util.concurrent.atomic.AtomicBoolean();
    java.util.Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
    Thread reader =
        new Thread(
            () -> {
              while (!done.get()) {
                seen.add(
                    WriteSupport.query(redshift, "select count(*), min(id), max(id) from " + t)
                        .toString());
                java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
              }
            },
            "reader");
    reader.start();
    try {
      for (int round = 0; round < 4; round++) {
        write(round % 2 == 0 ? rows(0, 300) : rows(1000, 1050), t, SaveMode.Overwrite);
      }
    } finally {
      done.set(true);
      reader.join();
    }
    seen.add(
        WriteSupport.query(redshift, "select count(*), min(id), max(id) from " + t).toString());
    // Each overwrite's DELETE and COPY commit together: the old table or a new one, whole.
    java.util.Set<String> whole =
        java.util.Set.of("[[2, -2, -1]]", "[[300, 0, 299]]", "[[50, 1000, 1049]]");
    assertTrue(whole.containsAll(seen), "seen " + seen);
    assertTrue(seen.contains("[[50, 1000, 1049]]"), "seen " + seen);
  }

  @Test
  void tableColumnsLeftOutGetTheirDefaultsWhenAllowed() {
    String t = table("defaults");
    WriteSupport.sql(
        redshift,
        "create table " + t + " (id bigint, v varchar(10) default 'dflt', n int default 7)");
    redshift.dataApi().requests().clear();
    spark
        .range(0, 3, 1, 1)
        .write()
        .format("redshift-data")
        .options(WriteSupport.options(redshift))
        .option("dbtable", t)
        .option("allowExtraTargetColumns", "true")
        .mode(SaveMode.Append)
        .save();
    String copy =
        redshift.dataApi().requests().sqls().stream()
            .filter(q -> q.startsWith("COPY"))
            .findFirst()
            .orElseThrow();
    assertTrue(copy.startsWith("COPY \"public\".\"" + t + "\" (\"id\") FROM"), copy);
    assertEquals(
        List.of(List.of("0", "dflt", "7"), List.of("1", "dflt", "7"), List.of("2", "dflt", "7")),
        WriteSupport.query(redshift, "select id, v, n from " + t + " order by id"));
  }

  @Test
  void errorIfExistsAndIgnoreLeaveAnExistingTableAlone() {
    String t = table("modes");
    WriteSupport.sql(redshift, "create table " + t + " (id bigint, v varchar(20))");
    WriteSupport.sql(redshift, "insert into " + t + " values (7, 'old')");
    redshift.dataApi().requests().clear();

    Exception e = assertThrows(Exception.class, () -> write(rows(0, 5), t, SaveMode.ErrorIfExists));
    assertTrue(
        e.getMessage()
            .contains(
                "Cannot write to table \"public\".\""
                    + t
                    + "\": it already exists, and save mode 'errorifexists' writes only a table it"
                    + " creates. Use mode 'append' or 'overwrite' to write to it."),
        e.getMessage());
    // Spark's default mode is errorifexists (the mode spark-redshift's samples name "error")
    assertThrows(
        Exception.class,
        () ->
            rows(0, 5)
                .write()
                .format("redshift-data")
                .options(WriteSupport.options(redshift))
                .option("dbtable", t)
                .save());
    write(rows(0, 5), t, SaveMode.Ignore);

    assertTrue(WriteSupport.batches(redshift).isEmpty());
    assertEquals(
        List.of(List.of("7", "old")), WriteSupport.query(redshift, "select id, v from " + t));
  }

  @Test
  void errorIfExistsAndIgnoreCreateAndLoadAnAbsentTableInOneTransaction() throws Exception {
    for (SaveMode mode : List.of(SaveMode.ErrorIfExists, SaveMode.Ignore)) {
      String t = table("new_" + mode.name().toLowerCase(java.util.Locale.ROOT));
      redshift.dataApi().requests().clear();
      write(rows(0, 5), t, mode);
      assertEquals(5, WriteSupport.count(redshift, t), mode.name());
      assertEquals(1, WriteSupport.batches(redshift).size(), mode.name());
      List<String> sent = WriteSupport.batches(redshift).get(0).sqls();
      assertTrue(sent.get(0).startsWith("CREATE TABLE \"" + t + "\" ("), sent.toString());
      assertTrue(sent.stream().anyMatch(q -> q.startsWith("COPY")), sent.toString());
      assertEquals(0, WriteSupport.objectsUnder(spark, WriteSupport.lastCopyPrefix(redshift)));
    }
  }

  @Test
  void aReadWithAUserSchemaStillWorksBesideEverySaveMode() {
    String t = table("user_schema");
    write(rows(0, 3), t, SaveMode.ErrorIfExists);
    Dataset<Row> read =
        spark
            .read()
            .format("redshift-data")
            .schema("id BIGINT, v STRING")
            .options(WriteSupport.options(redshift))
            .option("dbtable", t)
            .load();
    assertEquals("struct<id:bigint,v:string>", read.schema().simpleString());
    assertEquals(
        List.of("0:v0", "1:v1", "2:v2"),
        read.orderBy("id").collectAsList().stream()
            .map(r -> r.getLong(0) + ":" + r.getString(1))
            .toList());
  }

  @Test
  void overwriteModeRecreateReplacesTheTableWithTheDataFramesSchemaInOneTransaction()
      throws Exception {
    String t = table("recreate");
    WriteSupport.sql(redshift, "create table " + t + " (id bigint, v varchar(20))");
    WriteSupport.sql(redshift, "insert into " + t + " values (1, 'old'), (2, 'old')");
    Dataset<Row> changed =
        spark.range(0, 3, 1, 1).selectExpr("id", "concat('n', id) as name", "id * 1.5 as amount");

    // The default keeps the table, so a changed schema is refused and nothing changes.
    assertThrows(Exception.class, () -> write(changed, t, SaveMode.Overwrite));
    assertEquals(List.of(List.of("2")), WriteSupport.query(redshift, "select count(*) from " + t));

    redshift.dataApi().requests().clear();
    int before = WriteSupport.stagingObjects(spark, redshift);
    changed
        .write()
        .format("redshift-data")
        .options(WriteSupport.options(redshift))
        .option("dbtable", t)
        .option("overwriteMode", "recreate")
        .option("sortKey", "id")
        .mode(SaveMode.Overwrite)
        .save();
    List<String> sqls = WriteSupport.batches(redshift).get(0).sqls();
    assertTrue(sqls.get(0).startsWith("DROP TABLE"), sqls.toString());
    assertTrue(sqls.get(1).startsWith("CREATE TABLE") && sqls.get(1).endsWith("SORTKEY(\"id\")"));
    assertTrue(sqls.get(2).startsWith("COPY"), sqls.toString());
    assertEquals(1, WriteSupport.batches(redshift).size(), "one transaction");
    assertEquals(
        List.of(List.of("0", "n0", "0.0"), List.of("2", "n2", "3.0")),
        WriteSupport.query(
            redshift, "select id, name, amount from " + t + " where id <> 1 order by id"));
    assertEquals(before, WriteSupport.stagingObjects(spark, redshift));

    // A view on the table: Redshift refuses the DROP, the transaction rolls back, the table stays.
    WriteSupport.sql(redshift, "create view " + t + "_v as select id from " + t);
    Exception e =
        assertThrows(
            Exception.class,
            () ->
                spark
                    .range(0, 5)
                    .selectExpr("id", "'x' as other")
                    .write()
                    .format("redshift-data")
                    .options(WriteSupport.options(redshift))
                    .option("dbtable", t)
                    .option("overwriteMode", "recreate")
                    .mode(SaveMode.Overwrite)
                    .save());
    assertTrue(e.getMessage().contains("depend"), e.getMessage());
    assertEquals(List.of(List.of("3")), WriteSupport.query(redshift, "select count(*) from " + t));
    assertEquals(before, WriteSupport.stagingObjects(spark, redshift));
    WriteSupport.sql(redshift, "drop view " + t + "_v");
  }

  @Test
  void preAndPostActionsRunInTheCopyTransactionInOrder() {
    String t = table("actions");
    WriteSupport.sql(redshift, "create table " + t + " (id bigint, v varchar(20))");
    WriteSupport.sql(redshift, "create table " + t + "_log (what varchar(20), n bigint)");
    redshift.dataApi().requests().clear();
    rows(0, 4)
        .write()
        .format("redshift-data")
        .options(WriteSupport.options(redshift))
        .option("dbtable", t)
        .option("preActions", "insert into " + t + "_log select 'before', count(*) from %s")
        .option("postActions", "insert into " + t + "_log select 'after', count(*) from %s")
        .mode(SaveMode.Append)
        .save();
    List<String> sqls = WriteSupport.batches(redshift).get(0).sqls();
    assertEquals(4, sqls.size(), sqls.toString());
    assertEquals(
        "insert into " + t + "_log select 'before', count(*) from \"public\".\"" + t + "\"",
        sqls.get(0));
    assertTrue(sqls.get(1).startsWith("COPY "));
    assertTrue(sqls.get(2).startsWith("SELECT CASE WHEN pg_last_copy_count() = 4 "));
    assertEquals(
        List.of(List.of("after", "4"), List.of("before", "0")),
        WriteSupport.query(redshift, "select what, n from " + t + "_log order by what"));
  }

  @Test
  void filesRollOverAtWriteMaxFileSizeAndAreSnappyTimestampMicros() throws Exception {
    String t = table("rollover");
    WriteSupport.sql(redshift, "create table " + t + " (id bigint, h varchar(64), at timestamptz)");
    redshift.dataApi().requests().clear();
    spark
        .range(0, 60_000, 1, 1)
        .selectExpr("id", "sha2(cast(id as string), 256) as h", "timestamp_seconds(id) as at")
        .write()
        .format("redshift-data")
        .options(WriteSupport.options(redshift))
        .option("dbtable", t)
        .option("writeMaxFileSize", "1048576")
        .option("keepStaging", "true")
        .mode(SaveMode.Append)
        .save();
    assertEquals(60_000, WriteSupport.count(redshift, t));
    org.apache.hadoop.fs.Path prefix = WriteSupport.lastCopyPrefix(redshift);
    org.apache.hadoop.conf.Configuration conf = spark.sessionState().newHadoopConf();
    org.apache.hadoop.fs.FileSystem fs = prefix.getFileSystem(conf);
    List<org.apache.hadoop.fs.Path> files = new java.util.ArrayList<>();
    for (org.apache.hadoop.fs.FileStatus f : fs.listStatus(prefix)) {
      if (f.getPath().getName().endsWith(".snappy.parquet")) {
        files.add(f.getPath());
      }
    }
    assertTrue(files.size() >= 2, "files: " + files);
    long rows = 0;
    for (org.apache.hadoop.fs.Path f : files) {
      try (org.apache.parquet.hadoop.ParquetFileReader r =
          org.apache.parquet.hadoop.ParquetFileReader.open(
              org.apache.parquet.hadoop.util.HadoopInputFile.fromPath(f, conf))) {
        rows += r.getRecordCount();
        var meta = r.getFooter();
        assertEquals(
            org.apache.parquet.hadoop.metadata.CompressionCodecName.SNAPPY,
            meta.getBlocks().get(0).getColumns().get(0).getCodec());
        assertEquals(
            "optional int64 at (TIMESTAMP(MICROS,true))",
            meta.getFileMetaData().getSchema().getType("at").toString());
      }
    }
    assertEquals(60_000, rows);
    String manifest =
        new String(
            fs.open(new org.apache.hadoop.fs.Path(prefix, "manifest.json")).readAllBytes(),
            java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(files.size(), manifest.split("\"mandatory\":true").length - 1, manifest);
    fs.delete(prefix, true);
  }

  private void merge(Dataset<Row> df, String t, SaveMode mode) {
    df.write()
        .format("redshift-data")
        .options(WriteSupport.options(redshift))
        .option("dbtable", t)
        .option("mergeKeys", "ID")
        .option("allowExtraTargetColumns", "true")
        .mode(mode)
        .save();
  }

  private List<String> idsAndValues(String t) {
    return query("select id, v from " + t);
  }

  @Test
  void mergeKeysUpdateMatchedRowsAndInsertTheRestInOneTransaction() throws Exception {
    String t = table("merge");
    WriteSupport.sql(
        redshift,
        "create table "
            + t
            + " (id bigint not null, v varchar(20), note varchar(10) default 'kept')");
    WriteSupport.sql(
        redshift,
        "insert into " + t + " (id, v) values (1, 'old1'), (2, 'old2'), (3, 'old3'), (4, 'old4')");
    redshift.dataApi().requests().clear();
    merge(rows(3, 7), t, SaveMode.Append);
    assertEquals(List.of("1|old1", "2|old2", "3|v3", "4|v4", "5|v5", "6|v6"), idsAndValues(t));
    // Unwritten columns: matched rows keep theirs, inserted rows get the default.
    assertEquals(java.util.Collections.nCopies(6, "kept"), query("select note from " + t));
    List<String> batch = WriteSupport.batches(redshift).get(0).sqls();
    assertTrue(batch.stream().anyMatch(q -> q.startsWith("CREATE TEMP TABLE")), batch.toString());
    assertTrue(batch.stream().anyMatch(q -> q.startsWith("MERGE INTO")), batch.toString());
    assertTrue(
        batch.stream().anyMatch(q -> q.startsWith("COPY \"redshift_data_merge_")),
        batch.toString());
    assertEquals(0, WriteSupport.objectsUnder(spark, WriteSupport.lastCopyPrefix(redshift)));
  }

  @Test
  void duplicateMergeKeysInTheInputFailBeforeAnythingChanges() throws Exception {
    String t = table("mergedup");
    WriteSupport.sql(redshift, "create table " + t + " (id bigint, v varchar(20))");
    WriteSupport.sql(redshift, "insert into " + t + " values (1, 'old1')");
    Dataset<Row> dup = rows(0, 3).union(rows(1, 2));
    Exception e = assertThrows(Exception.class, () -> merge(dup, t, SaveMode.Append));
    assertTrue(e.getMessage().contains("Cannot merge"), e.getMessage());
    assertTrue(e.getMessage().contains("mergeKeys"), e.getMessage());
    assertEquals(List.of("1|old1"), idsAndValues(t));
    assertEquals(0, WriteSupport.objectsUnder(spark, WriteSupport.lastCopyPrefix(redshift)));
  }

  @Test
  void mergeKeysIntoANewTableInsertAndWithOverwriteAreRefused() {
    String t = table("mergenew");
    merge(rows(0, 3), t, SaveMode.Append);
    assertEquals(List.of("0|v0", "1|v1", "2|v2"), idsAndValues(t));
    Exception e = assertThrows(Exception.class, () -> merge(rows(0, 3), t, SaveMode.Overwrite));
    assertTrue(
        e.getMessage().contains("'mergeKeys'") && e.getMessage().contains("append"),
        e.getMessage());
    assertEquals(3, WriteSupport.count(redshift, t));
  }

  private List<String> query(String sql) {
    List<String> out = new java.util.ArrayList<>();
    for (Row r :
        spark
            .read()
            .format("redshift-data")
            .options(WriteSupport.options(redshift))
            .option("readMode", "direct")
            .option("query", sql)
            .load()
            .collectAsList()) {
      List<String> cells = new java.util.ArrayList<>();
      for (int i = 0; i < r.length(); i++) {
        cells.add(String.valueOf(r.get(i)).strip());
      }
      out.add(String.join("|", cells));
    }
    java.util.Collections.sort(out);
    return out;
  }

  @Test
  void aCreatedTableGetsItsDistAndSortKeysEncodingsAndComments() {
    String t = table("props");
    rows(0, 5)
        .write()
        .format("redshift-data")
        .options(WriteSupport.options(redshift))
        .option("dbtable", t)
        .option("distStyle", "KEY")
        .option("distKey", "id")
        .option("sortKey", "id")
        .option("columnEncodings", "v=ZSTD")
        .option("tableComment", "it's a \\ table")
        .option("columnComments", "{\"v\": \"the \\\"v\\\" column\"}")
        .mode(SaveMode.Append)
        .save();
    assertEquals(5, WriteSupport.count(redshift, t));
    String create =
        WriteSupport.batches(redshift).get(0).sqls().stream()
            .filter(q -> q.startsWith("CREATE TABLE"))
            .findFirst()
            .orElseThrow();
    assertTrue(
        create.endsWith(
                " ENCODE ZSTD, \"id\" BIGINT) DISTSTYLE KEY DISTKEY(\"id\") COMPOUND SORTKEY(\"id\")")
            || create.contains("DISTKEY(\"id\")"),
        create);
    assertEquals(
        List.of("id|none|true|1", "v|zstd|false|0"),
        query(
            "select \"column\", encoding, distkey, sortkey from pg_table_def where tablename = '"
                + t
                + "'"));
    assertEquals(
        List.of("0|it's a \\ table", "1|the \"v\" column"),
        query(
            "select d.objsubid, d.description from pg_description d join pg_class c on c.oid ="
                + " d.objoid where c.relname = '"
                + t
                + "'"));
  }
}
