package dev.redshiftdata.spark.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.redshiftdata.spark.sql.CopyStatement;
import java.util.List;
import org.apache.spark.sql.connector.write.WriterCommitMessage;
import org.junit.jupiter.api.Test;

class CopyManifestTest {

  @Test
  void listsTheFilesOfCommittedMessagesOnly() {
    WriterCommitMessage[] messages = {
      new StagedFiles(
          0,
          11,
          List.of(
              new StagedFile("s3a://b/tmp/p/part-00000-11-000.snappy.parquet", 10, 100),
              new StagedFile("s3a://b/tmp/p/part-00000-11-001.snappy.parquet", 5, 60))),
      null,
      new StagedFiles(2, 13, List.of()),
    };
    CopyManifest m = CopyManifest.of(messages);
    assertEquals(15, m.rows());
    assertEquals(160, m.bytes());
    assertEquals(
        "{\"entries\":["
            + "{\"url\":\"s3://b/tmp/p/part-00000-11-000.snappy.parquet\",\"mandatory\":true,"
            + "\"meta\":{\"content_length\":100}},"
            + "{\"url\":\"s3://b/tmp/p/part-00000-11-001.snappy.parquet\",\"mandatory\":true,"
            + "\"meta\":{\"content_length\":60}}]}",
        m.json());
    assertEquals("{\"entries\":[]}", CopyManifest.of(new WriterCommitMessage[0]).json());
  }

  @Test
  void refusesForeignMessages() {
    WriterCommitMessage foreign = new WriterCommitMessage() {};
    assertThrows(
        IllegalArgumentException.class, () -> CopyManifest.of(new WriterCommitMessage[] {foreign}));
  }

  @Test
  void theRowCountGuardFailsOnlyOnAMismatchAtRunTime() {
    assertEquals(
        "SELECT CASE WHEN pg_last_copy_count() = 42 THEN 1 ELSE CAST('COPY loaded ' ||"
            + " pg_last_copy_count() || ' rows but the Spark tasks wrote 42; rolled back' AS"
            + " INTEGER) END",
        CopyStatement.rowCountGuard(42));
  }
}
