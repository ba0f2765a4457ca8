package dev.redshiftdata.spark.write;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.dataapi.RedshiftDataException;
import dev.redshiftdata.spark.dataapi.RedshiftDataException.Kind;
import dev.redshiftdata.spark.sql.TableName;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

class StagedCommitTest {

  private static RedshiftDataException failed(String error) {
    return RedshiftDataException.of(Kind.STATEMENT_FAILED, "run batch", "id-1", "COPY ...", error);
  }

  @Test
  void runsTheTransactionAgainOnlyForTheSerializationConflictKind() {
    assertTrue(
        StagedCommit.isSerializationConflict(
            RedshiftDataException.of(
                Kind.SERIALIZATION_CONFLICT, "run batch", "id-1", "COPY ...", "ERROR: 1023")));
    assertFalse(StagedCommit.isSerializationConflict(failed("ERROR: Serializable isolation")));
    assertFalse(
        StagedCommit.isSerializationConflict(
            RedshiftDataException.of(Kind.THROTTLED, "run batch", null, null, null)));
  }

  @Test
  void aTransactionWithAStatementOverTheSizeLimitFailsBeforeAnyFileIsWritten() {
    Map<String, String> m = new HashMap<>();
    m.put("database", "dev");
    m.put("clusterIdentifier", "c");
    m.put("region", "eu-west-1");
    m.put("endpoint", "http://127.0.0.1:1");
    m.put("tempdir", "s3a://bucket/tmp/");
    m.put("iamRole", "arn:aws:iam::1:role/r");
    RedshiftOptions options = RedshiftOptions.parse(m, Map.of());
    TableName t = TableName.of("public", "t");
    StagedCommit staged =
        new StagedCommit(
            options, options.dataApi(), t, "s3a://bucket/tmp/p/", new Configuration(false));
    List<String> columns = List.of("a", "b");
    staged.checkStatements(
        new StagedCommit.Plan(List.of("DELETE FROM t"), columns, false, List.of("MERGE 1")));

    // 'é' is 2 bytes: 50,000 of them are 100,000 bytes with the rest over the limit
    String merge = "MERGE INTO t USING s ON " + "é".repeat(50_000);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                staged.checkStatements(
                    new StagedCommit.Plan(List.of(), columns, false, List.of(merge))));
    assertTrue(
        e.getMessage()
            .startsWith(
                "Cannot write to table \"public\".\"t\": statement 3 of its transaction, a"
                    + " MERGE, would be 100,024 bytes (UTF-8), over the Data API's limit of"
                    + " 100,000 bytes per statement; nothing was written."),
        e.getMessage());
  }
}
