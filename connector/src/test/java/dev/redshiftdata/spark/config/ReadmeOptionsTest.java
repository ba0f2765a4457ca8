package dev.redshiftdata.spark.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's option table is the registry's: every name, default and meaning, in order. */
class ReadmeOptionsTest {

  private static final String BEGIN = "<!-- options:begin";
  private static final String END = "<!-- options:end -->";

  @Test
  void readmeTableMatchesTheRegistry() throws Exception {
    Path readme = Path.of("..", "README.md");
    assertTrue(
        Files.isRegularFile(readme), "README.md not found from " + Path.of("").toAbsolutePath());
    String text = Files.readString(readme, StandardCharsets.UTF_8);
    int begin = text.indexOf(BEGIN);
    int end = text.indexOf(END);
    assertTrue(begin >= 0 && end > begin, "README.md lacks the options markers");
    String table = text.substring(text.indexOf('\n', begin) + 1, end);
    assertEquals(
        RedshiftOption.markdownTable(),
        table,
        "README.md's option table differs from RedshiftOption: regenerate it from RedshiftOption.markdownTable()");
  }
}
