package dev.redshiftdata.spark.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.spark.sql.connector.catalog.TableSummary;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.redshiftdata.model.TableMember;

/** Spark 4.1's table summaries. */
class RedshiftCatalogSummaryTest {

  @Test
  void redshiftTableTypesMapToSparkSummaryTypes() {
    assertEquals(TableSummary.VIEW_TABLE_TYPE, type("VIEW"));
    assertEquals(TableSummary.VIEW_TABLE_TYPE, type("MATERIALIZED VIEW"));
    assertEquals(TableSummary.EXTERNAL_TABLE_TYPE, type("EXTERNAL TABLE"));
    assertEquals(TableSummary.MANAGED_TABLE_TYPE, type("TABLE"));
    assertEquals(TableSummary.MANAGED_TABLE_TYPE, type(null));
  }

  private static String type(String redshiftType) {
    return RedshiftCatalog.summaryType(
        TableMember.builder().schema("s").name("t").type(redshiftType).build());
  }
}
