package dev.redshiftdata.spark.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.spark.sql.TableName;
import org.apache.spark.sql.connector.catalog.Identifier;
import org.junit.jupiter.api.Test;

class CatalogNamesTest {

  @Test
  void foldsAsciiLettersLikeRedshiftUnlessCaseSensitive() {
    CatalogNames folding = new CatalogNames(false);
    assertEquals(
        TableName.of("sales", "orders_été"),
        folding.table(Identifier.of(new String[] {"Sales"}, "ORDERS_été")));
    CatalogNames keeping = new CatalogNames(true);
    assertEquals(
        TableName.of("Sales", "Orders"),
        keeping.table(Identifier.of(new String[] {"Sales"}, "Orders")));
  }

  @Test
  void aNamespaceIsExactlyOneSchema() {
    CatalogNames names = new CatalogNames(false);
    assertEquals("public", names.schema(new String[] {"PUBLIC"}));
    for (String[] bad : new String[][] {{}, {"a", "b"}, {""}}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> names.schema(bad));
      assertTrue(e.getMessage().contains("exactly one schema name"), e.getMessage());
    }
  }

  @Test
  void listedNamesBecomeIdentifiersAsTheyAre() {
    Identifier ident = CatalogNames.identifier("MixedSchema", "T");
    assertEquals("MixedSchema", ident.namespace()[0]);
    assertEquals("T", ident.name());
  }

  @Test
  void quotesNamesWithQuotesAndDots() {
    TableName t = new CatalogNames(false).table(Identifier.of(new String[] {"a.b"}, "x\"y"));
    assertEquals("\"a.b\".\"x\"\"y\"", t.quoted());
  }
}
