package dev.redshiftdata.spark.write;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.dataapi.RedshiftDataException;
import dev.redshiftdata.spark.dataapi.RedshiftDataException.Kind;
import dev.redshiftdata.spark.sql.TableName;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommitTransactionTest {

  private static RedshiftDataException failed(String error) {
    return RedshiftDataException.of(Kind.STATEMENT_FAILED, "run batch", "id-1", "COPY ...", error);
  }

  @Test
  void runsTheTransactionAgainOnlyForTheSerializationConflictKind() {
    assertTrue(
        CommitTransaction.isSerializationConflict(
            RedshiftDataException.of(
                Kind.SERIALIZATION_CONFLICT, "run batch", "id-1", "COPY ...", "ERROR: 1023")));
    assertFalse(CommitTransaction.isSerializationConflict(failed("ERROR: Serializable isolation")));
    assertFalse(
        CommitTransaction.isSerializationConflict(
            RedshiftDataException.of(Kind.THROTTLED, "run batch", null, null, null)));
  }

  @Test
  void aTransactionWithAStatementOverTheSizeLimitFailsBeforeAnyFileIsWritten() {
    RedshiftOptions options = TestWriteOptions.of();
    TableName t = TableName.of("public", "t");
    CommitTransaction transaction = new CommitTransaction(options, options.dataApi(), t);
    String manifest = "s3a://bucket/tmp/p/manifest.json";
    List<String> columns = List.of("a", "b");
    transaction.check(
        new TransactionPlan(List.of("DELETE FROM t"), columns, false, List.of("MERGE 1")),
        manifest);

    // 'é' is 2 bytes: 50,000 of them are 100,000 bytes with the rest over the limit
    String merge = "MERGE INTO t USING s ON " + "é".repeat(50_000);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                transaction.check(
                    new TransactionPlan(List.of(), columns, false, List.of(merge)), manifest));
    assertTrue(
        e.getMessage()
            .startsWith(
                "Cannot write to table \"public\".\"t\": statement 3 of its transaction, a"
                    + " MERGE, would be 100,024 bytes (UTF-8), over the Data API's limit of"
                    + " 100,000 bytes per statement; nothing was written."),
        e.getMessage());
  }
}
