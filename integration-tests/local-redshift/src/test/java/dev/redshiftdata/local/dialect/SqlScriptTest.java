package dev.redshiftdata.local.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SqlScriptTest {

  @Test
  void dollarQuotedBodiesKeepTheirSemicolonsAndLeadingCommentsAreDropped() {
    String script =
        """
        -- header; with a semicolon
        CREATE SCHEMA s;

        -- a function
        CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$
        BEGIN
          -- inside the body; kept
          RETURN 1;
        END $$;
        /* block */ GRANT USAGE ON SCHEMA s TO PUBLIC;
        """;
    assertEquals(
        List.of(
            "CREATE SCHEMA s",
            """
            CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$
            BEGIN
              -- inside the body; kept
              RETURN 1;
            END $$""",
            "GRANT USAGE ON SCHEMA s TO PUBLIC"),
        SqlScript.parse("t.sql", script, Map.of()));
  }

  @Test
  void placeholdersAreReplacedAndAMissingOneFails() {
    assertEquals(
        List.of("GRANT SELECT ON s.t TO PUBLIC", "SELECT '/*m*/'"),
        SqlScript.parse(
            "t.sql",
            "GRANT SELECT ON {{T}} TO PUBLIC; SELECT '{{M}}';",
            Map.of("T", "s.t", "M", "/*m*/")));
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> SqlScript.parse("t.sql", "SELECT {{NOPE}}", Map.of("T", "x")));
    assertEquals("t.sql: no value for {{NOPE}}", e.getMessage());
  }

  @Test
  void bootstrapRunsItsScriptsBetweenAllowingAndResettingSystemTableMods() {
    List<String> all = RedshiftBootstrap.statements();
    assertEquals("SET allow_system_table_mods = on", all.get(0));
    assertEquals("RESET allow_system_table_mods", all.get(all.size() - 1));
    assertEquals(1, all.stream().filter(s -> s.equals("CREATE SCHEMA pg_internal")).count());
    for (String s : all) {
      assertFalse(s.startsWith("--") || s.contains("{{") || s.endsWith(";"), s);
    }
    // The event trigger looks for the translator's marker in the query text.
    assertTrue(
        all.stream()
            .anyMatch(
                s ->
                    s.startsWith("CREATE FUNCTION pg_internal.localredshift_track_views()")
                        && s.contains("'" + RedshiftSqlTranslator.LATE_BINDING_MARKER + "'")
                        && s.contains("INSERT INTO " + RedshiftBootstrap.LATE_BINDING_TABLE)));
    // Objects are created after what they use: the table attributes before the views on them.
    int table = indexOf(all, "CREATE TABLE " + RedshiftBootstrap.TABLE_ATTRIBUTES_TABLE);
    int view = indexOf(all, "CREATE VIEW pg_catalog.svv_table_info");
    assertTrue(table >= 0 && table < view, table + " < " + view);
  }

  private static int indexOf(List<String> statements, String prefix) {
    for (int i = 0; i < statements.size(); i++) {
      if (statements.get(i).startsWith(prefix)) {
        return i;
      }
    }
    return -1;
  }
}
