package dev.redshiftdata.spark.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.spark.compat.SparkLine;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;

/** What each Spark line does with the types it lacks (see the README's version table). */
class MappingOptionsTest {

  @Test
  void superAsVariantWorksWhereVariantExistsAndIsRefusedClearlyElsewhere() {
    if (SparkLine.HAS_VARIANT) {
      assertTrue(MappingOptions.forSession(true, false).superAsVariant());
    } else {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class, () -> MappingOptions.forSession(true, false));
      assertTrue(e.getMessage().contains("'superAsVariant'"), e.getMessage());
      assertTrue(e.getMessage().contains("Spark 4.0 or later"), e.getMessage());
      assertTrue(e.getMessage().contains("Spark " + SparkLine.VERSION), e.getMessage());
    }
    assertFalse(MappingOptions.forSession(false, false).superAsVariant());
  }

  @Test
  void timeIsAStringUnlessTheSparkLineHasTimeAndTheSessionEnablesIt() {
    // No session here: spark.sql.timeType.enabled has its default, false.
    MappingOptions o = MappingOptions.forSession(false, false);
    assertFalse(o.timeTypeEnabled());
    RedshiftType time = new RedshiftType("t", "time", 15, 6, 0, 1);
    assertEquals(DataTypes.StringType, TypeMapping.sparkType(time, o));
    assertEquals(
        SparkLine.HAS_TIME,
        !TypeMapping.sparkType(time, new MappingOptions(false, SparkLine.HAS_TIME))
            .equals(DataTypes.StringType));
  }
}
