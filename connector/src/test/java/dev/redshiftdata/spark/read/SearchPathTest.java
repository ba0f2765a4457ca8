package dev.redshiftdata.spark.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.spark.sql.SearchPathQuery;
import dev.redshiftdata.spark.sql.TableName;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.redshiftdata.model.Field;

class SearchPathTest {

  private static Field text(String s) {
    return Field.builder().stringValue(s).build();
  }

  private static Field nul() {
    return Field.builder().isNull(true).build();
  }

  @Test
  void theLookupAsksForTheVisibleRelationOfThatExactNameWithTheNameEscaped() {
    String sql = SearchPathQuery.sql("it's\\x");
    assertTrue(sql.contains("c.relname = 'it''s\\\\x'"), sql);
    assertTrue(sql.contains("pg_catalog.pg_table_is_visible(c.oid)"), sql);
    assertTrue(sql.startsWith("SELECT CAST(current_setting('search_path')"), sql);
  }

  @Test
  void aFoundSchemaQualifiesTheName() {
    SearchPath.Resolution r =
        SearchPath.parse(
            TableName.of("dup"), List.of(List.of(text("\"$user\", public"), text("public"))));
    assertTrue(r.found());
    assertEquals(TableName.of("public", "dup"), r.table());
    assertEquals("\"$user\", public", r.searchPath());
  }

  @Test
  void noSchemaKeepsTheOnePartNameAndTheErrorNamesTableSearchPathAndOtherSchemas() {
    SearchPath.Resolution r =
        SearchPath.parse(TableName.of("dup"), List.of(List.of(text("\"$user\", public"), nul())));
    assertFalse(r.found());
    assertEquals(TableName.of("dup"), r.table());
    assertEquals(
        "Invalid option 'dbtable': table \"dup\" is in no schema of Redshift's search_path"
            + " (\"$user\", public), which is where Redshift looks for a name without a schema; a"
            + " table of that name is in sales.dup. Name the table with its schema, as in"
            + " 'schema.table'.",
        SearchPath.notFound(r, List.of("sales.dup")).getMessage());
    assertTrue(
        SearchPath.notFound(r, List.of())
            .getMessage()
            .contains("it does not exist in any other schema"));
  }

  @Test
  void anUnexpectedResultShapeFails() {
    assertThrows(IllegalStateException.class, () -> SearchPath.parse(TableName.of("t"), List.of()));
  }
}
