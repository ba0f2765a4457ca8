package dev.redshiftdata.spark.dataapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatementNamesTest {
  @Test
  void labelWinsOtherwiseApplicationAndUnit() {
    assertEquals("nightly-etl", StatementNames.of(Optional.of("nightly-etl"), "app-1", "q-7"));
    assertEquals("redshift-data:app-1:q-7", StatementNames.of(Optional.empty(), "app-1", "q-7"));
  }

  @Test
  void cutToTheServiceLimit() {
    assertEquals(500, StatementNames.of(Optional.empty(), "a".repeat(600), "u").length());
  }
}
