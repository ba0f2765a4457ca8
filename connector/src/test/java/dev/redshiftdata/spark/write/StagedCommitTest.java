package dev.redshiftdata.spark.write;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.spark.dataapi.RedshiftDataException;
import dev.redshiftdata.spark.dataapi.RedshiftDataException.Kind;
import org.junit.jupiter.api.Test;

class StagedCommitTest {

  private static RedshiftDataException failed(String error) {
    return RedshiftDataException.of(Kind.STATEMENT_FAILED, "run batch", "id-1", "COPY ...", error);
  }

  @Test
  void recognisesSerializableIsolationConflicts() {
    assertTrue(
        StagedCommit.isSerializationConflict(
            failed(
                "ERROR: 1023 DETAIL: Serializable isolation violation on table - 101, transactions"
                    + " forming the cycle are: 1, 2")));
    assertTrue(
        StagedCommit.isSerializationConflict(failed("ERROR: Serializable isolation violation")));
    assertFalse(
        StagedCommit.isSerializationConflict(
            failed("ERROR: Load into table 't' failed. Check 'stl_load_errors'")));
    assertTrue(StagedCommit.isSerializationConflict(failed("ERROR: 1023")));
    assertFalse(
        StagedCommit.isSerializationConflict(
            failed(
                "ERROR: invalid input syntax for type integer: \"COPY loaded 1023 rows but the"
                    + " Spark tasks wrote 1024; rolled back\"")));
    assertFalse(
        StagedCommit.isSerializationConflict(
            RedshiftDataException.of(Kind.THROTTLED, "run batch", null, null, null)));
  }
}
