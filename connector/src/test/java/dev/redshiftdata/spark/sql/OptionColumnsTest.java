package dev.redshiftdata.spark.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.spark.config.RedshiftOption;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionColumnsTest {

  private final OptionColumns columns =
      new OptionColumns(List.of("id", "Name", "NAME", "a,b"), "merge into \"s\".\"t\"");

  @Test
  void anExactNameWinsThenTheOnlyMatchIgnoringCase() {
    assertEquals("id", columns.resolve(RedshiftOption.SORT_KEY, " ID "));
    assertEquals("Name", columns.resolve(RedshiftOption.SORT_KEY, "Name"));
    assertEquals("a,b", columns.resolve(RedshiftOption.SORT_KEY, "\"A,B\""));
    String ambiguous =
        assertThrows(
                IllegalArgumentException.class,
                () -> columns.resolve(RedshiftOption.SORT_KEY, "name"))
            .getMessage();
    assertEquals(
        "Cannot merge into \"s\".\"t\": option 'sortKey' names column 'name', which matches Name"
            + " and NAME ignoring case. Write the exact name.",
        ambiguous);
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> columns.resolve(RedshiftOption.SORT_KEY, "nope"))
            .getMessage()
            .contains("which is not among the columns (id, Name, NAME, a,b)"));
  }

  @Test
  void resolveEachKeepsTheOrderAndRefusesAColumnTwice() {
    assertEquals(
        List.of("a,b", "id"),
        List.copyOf(columns.resolveEach(RedshiftOption.MERGE_KEYS, List.of("\"a,b\"", "Id"))));
    assertEquals(
        "Cannot merge into \"s\".\"t\": option 'mergeKeys' names column 'id' twice.",
        assertThrows(
                IllegalArgumentException.class,
                () -> columns.resolveEach(RedshiftOption.MERGE_KEYS, List.of("id", "ID")))
            .getMessage());
  }

  @Test
  void quotedPartsKeepTheirSeparators() {
    assertEquals(
        List.of("\"a,b\"=raw", " id=zstd", ""),
        OptionColumns.splitOutsideQuotes("\"a,b\"=raw, id=zstd,", ','));
    assertEquals(7, OptionColumns.lastOutsideQuotes("\"x=\"\"y\"=raw", '='));
    assertEquals(-1, OptionColumns.lastOutsideQuotes("\"a=b\"", '='));
  }
}
