package dev.redshiftdata.spark.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.local.LocalRedshift;
import dev.redshiftdata.local.junit.LocalRedshiftExtension;
import dev.redshiftdata.spark.SharedSpark;
import dev.redshiftdata.spark.amazonml.RequestSpec;
import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.sql.TableName;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.connector.write.DataWriter;
import org.apache.spark.sql.connector.write.DataWriterFactory;
import org.apache.spark.sql.connector.write.WriterCommitMessage;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Only the CSV files of committed task attempts are published into the Amazon ML data location: a
 * speculative attempt's file and an aborted attempt's file never are; an aborted write publishes
 * nothing and leaves no staging file; the write hands back the specs it published.
 */
@ExtendWith(LocalRedshiftExtension.class)
class AmazonMlAttemptsIT {

  private static final StructType SCHEMA =
      new StructType().add("id", DataTypes.LongType).add("label", DataTypes.StringType);

  private static LocalRedshift redshift;
  private final SparkSession spark = SharedSpark.session();

  @BeforeAll
  static void start() {
    redshift = WriteSupport.redshift();
  }

  private RedshiftBatchWrite prepare(String table, String location) {
    Map<String, String> o = new HashMap<>(WriteSupport.options(redshift));
    o.put("amazonMl.datasource", "s3");
    o.put("amazonMl.location", location);
    o.put("amazonMl.targetAttribute", "label");
    o.put("amazonMl.dataSourceId", "attempts");
    return RedshiftBatchWrite.prepare(
        RedshiftOptions.parse(o, Map.of()), TableName.of(table), SCHEMA, new WriteRequest.Append());
  }

  private static WriterCommitMessage attempt(
      DataWriterFactory factory, int partition, long taskId, int rows, boolean commit)
      throws Exception {
    DataWriter<InternalRow> w = factory.createWriter(partition, taskId);
    for (long i = 0; i < rows; i++) {
      w.write(
          new GenericInternalRow(new Object[] {i, UTF8String.fromString(i % 2 == 0 ? "y" : "n")}));
    }
    WriterCommitMessage m = null;
    if (commit) {
      m = w.commit();
    } else {
      w.abort();
    }
    w.close();
    return m;
  }

  private Map<String, String> files(String prefix) throws Exception {
    Path root = new Path(prefix);
    FileSystem fs = root.getFileSystem(spark.sessionState().newHadoopConf());
    Map<String, String> out = new java.util.TreeMap<>();
    if (!fs.exists(root)) {
      return out;
    }
    RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
    while (it.hasNext()) {
      Path p = it.next().getPath();
      try (InputStream in = fs.open(p)) {
        out.put(
            p.toString().substring(root.toString().length() + 1),
            new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  @Test
  void onlyCommittedAttemptsArePublished() throws Exception {
    String table = "aml_attempts_" + System.nanoTime();
    String folder =
        "s3a://" + redshift.config().bucket() + "/aml/attempts-" + System.nanoTime() + "/";
    RedshiftBatchWrite write = prepare(table, folder + "data/");
    DataWriterFactory factory = write.createBatchWriterFactory(null);
    attempt(factory, 0, 1, 50, true); // a speculative attempt whose message Spark drops
    WriterCommitMessage winner = attempt(factory, 0, 2, 50, true);
    attempt(factory, 1, 3, 10, false); // failed and aborted
    WriterCommitMessage other = attempt(factory, 1, 4, 20, true);

    write.commit(new WriterCommitMessage[] {winner, other});

    assertEquals(70, WriteSupport.count(redshift, table));
    Map<String, String> files = files(folder);
    List<String> csv = new ArrayList<>();
    for (String name : files.keySet()) {
      if (name.startsWith("data/")) {
        csv.add(name);
      }
    }
    assertEquals(List.of("data/part-00000-2.csv", "data/part-00001-4.csv"), csv);
    assertEquals(51, files.get("data/part-00000-2.csv").split("\n").length);
    assertEquals(21, files.get("data/part-00001-4.csv").split("\n").length);

    List<RequestSpec> specs = write.publishedSpecs();
    assertEquals(1, specs.size());
    RequestSpec spec = specs.get(0);
    assertEquals(RequestSpec.Kind.S3, spec.kind());
    assertEquals("attempts", spec.dataSourceId());
    assertEquals(folder + "data.attempts.CreateDataSourceFromS3.json", spec.location());
    assertEquals(spec.json(), files.get("data.attempts.CreateDataSourceFromS3.json"));
    assertEquals(70, write.amazonMlResult().rows()); // the speculative attempt's 50 are not counted
    assertEquals(0, WriteSupport.stagingObjects(spark, redshift));
  }

  @Test
  void anAbortedWritePublishesNothingAndLeavesNoStagingFile() throws Exception {
    String table = "aml_aborted_" + System.nanoTime();
    String folder =
        "s3a://" + redshift.config().bucket() + "/aml/aborted-" + System.nanoTime() + "/";
    RedshiftBatchWrite write = prepare(table, folder + "data/");
    DataWriterFactory factory = write.createBatchWriterFactory(null);
    WriterCommitMessage m = attempt(factory, 0, 7, 30, true);
    assertTrue(WriteSupport.stagingObjects(spark, redshift) >= 2); // Parquet and CSV
    write.abort(new WriterCommitMessage[] {m});
    assertEquals(Map.of(), files(folder));
    assertEquals(0, WriteSupport.stagingObjects(spark, redshift));
    assertTrue(write.publishedSpecs().isEmpty());
  }
}
