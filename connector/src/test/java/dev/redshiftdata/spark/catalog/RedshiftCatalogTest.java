package dev.redshiftdata.spark.catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;
import org.junit.jupiter.api.Test;

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
}
