package dev.redshiftdata.spark.catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.spark.sql.connector.catalog.TableSummary;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.redshiftdata.model.TableMember;

class RedshiftCatalogTest {

  @Test
  void aBadCatalogOptionFailsAtInitializeNamingIt() {
    RedshiftCatalog catalog = new RedshiftCatalog();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                catalog.initialize(
                    "rs",
                    new CaseInsensitiveStringMap(
                        Map.of(
                            "database", "dev",
                            "clusterIdentifier", "c",
                            "statementTimeout", "forever"))));
    assertTrue(e.getMessage().contains("'statementTimeout'"), e.getMessage());
  }

  @Test
  void namespacesDefaultToPublic() {
    RedshiftCatalog catalog = new RedshiftCatalog();
    catalog.initialize(
        "rs", new CaseInsensitiveStringMap(Map.of("database", "dev", "clusterIdentifier", "c")));
    assertEquals("rs", catalog.name());
    assertArrayEquals(new String[] {"public"}, catalog.defaultNamespace());
  }

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
