package dev.redshiftdata.spark.staging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StagingActionKindsTest {

  @Test
  void actionsWithAFreshPlanEndIt() {
    for (String name :
        new String[] {
          "count",
          "head",
          "tail",
          "isEmpty",
          "save",
          "insertInto",
          "saveAsTable",
          "command",
          "append",
          "overwrite",
          "overwritePartitions",
          "create",
          "replace",
          "createOrReplace"
        }) {
      assertTrue(ActionKinds.endsPlan(name), name);
    }
  }

  @Test
  void actionsOnTheDatasetsOwnPlanAndUnknownNamesDoNot() {
    for (String name :
        new String[] {
          "collect",
          "collectAsList",
          "foreach",
          "foreachPartition",
          "toLocalIterator",
          "checkpoint",
          "localCheckpoint",
          "COUNT",
          "somethingNew",
          ""
        }) {
      assertFalse(ActionKinds.endsPlan(name), name);
    }
    assertFalse(ActionKinds.endsPlan(null));
  }
}
