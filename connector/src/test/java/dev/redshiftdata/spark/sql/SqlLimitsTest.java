package dev.redshiftdata.spark.sql;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SqlLimitsTest {

  @Test
  void countsUtf8Bytes() {
    assertTrue(SqlLimits.fitsDataApi("SELECT 1"));
    assertTrue(SqlLimits.fitsDataApi("x".repeat(100_000)));
    assertFalse(SqlLimits.fitsDataApi("x".repeat(100_001)));
    assertTrue(SqlLimits.fitsDataApi("é".repeat(50_000)));
    assertFalse(SqlLimits.fitsDataApi("é".repeat(50_001)));
    assertFalse(SqlLimits.fitsDataApi("日".repeat(40_000)));
  }
}
