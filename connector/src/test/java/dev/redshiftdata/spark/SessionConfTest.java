package dev.redshiftdata.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionConfTest {

  @Test
  void keepsTheConnectorsKeysAndTheRedactionRegexOnly() {
    Map<String, String> all =
        Map.of(
            "spark.datasource.redshift-data.database", "dev",
            "spark.datasource.Redshift-Data.workgroupName", "wg",
            "spark.redaction.regex", "(?i)secret",
            "spark.datasource.other.database", "x",
            "spark.sql.shuffle.partitions", "4");
    assertEquals(
        Map.of(
            "spark.datasource.redshift-data.database", "dev",
            "spark.datasource.Redshift-Data.workgroupName", "wg",
            "spark.redaction.regex", "(?i)secret"),
        SessionConf.select(all));
  }
}
