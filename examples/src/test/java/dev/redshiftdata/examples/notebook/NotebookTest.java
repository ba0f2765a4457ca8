package dev.redshiftdata.examples.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redshiftdata.spark.config.RedshiftOption;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The EMR / Databricks notebook is a valid nbformat 4 notebook with its outputs cleared, and its
 * code uses only option names the connector knows, with connection settings from a secret.
 */
class NotebookTest {

  static final Path NOTEBOOK = Path.of("notebooks", "redshift_data_emr_databricks.ipynb");

  private static final Pattern OPTION_CALL = Pattern.compile("\\.option\\(\\s*\"([^\"]+)\"");
  private static final Pattern OPTIONS_DICT =
      Pattern.compile("(?s)redshift_options = \\{(.*?)\\n\\}");
  private static final Pattern DICT_KEY = Pattern.compile("\"([^\"]+)\"\\s*:");
  private static final Pattern CELL_ID = Pattern.compile("[a-zA-Z0-9-_]{1,64}");

  private static JsonNode notebook() throws Exception {
    return new ObjectMapper().readTree(NOTEBOOK.toFile());
  }

  private static String source(JsonNode cell) {
    JsonNode s = cell.get("source");
    if (s.isTextual()) {
      return s.asText();
    }
    StringBuilder sb = new StringBuilder();
    s.forEach(line -> sb.append(line.asText()));
    return sb.toString();
  }

  private static String code() throws Exception {
    StringBuilder sb = new StringBuilder();
    for (JsonNode cell : notebook().get("cells")) {
      if (cell.get("cell_type").asText().equals("code")) {
        sb.append(source(cell)).append('\n');
      }
    }
    return sb.toString();
  }

  @Test
  void isNbformat4WithKernelAndClearedOutputs() throws Exception {
    JsonNode nb = notebook();
    assertEquals(4, nb.get("nbformat").asInt());
    int minor = nb.get("nbformat_minor").asInt();
    assertTrue(nb.at("/metadata/kernelspec/name").isTextual(), "kernelspec.name");
    JsonNode cells = nb.get("cells");
    assertTrue(cells.isArray() && cells.size() > 0);
    Set<String> ids = new HashSet<>();
    int code = 0;
    for (JsonNode cell : cells) {
      String type = cell.get("cell_type").asText();
      assertTrue(Set.of("code", "markdown", "raw").contains(type), type);
      assertTrue(cell.get("metadata").isObject(), "metadata of every cell");
      assertTrue(cell.has("source"));
      if (minor >= 5) {
        String id = cell.get("id").asText();
        assertTrue(CELL_ID.matcher(id).matches(), id);
        assertTrue(ids.add(id), "duplicate cell id " + id);
      }
      if (type.equals("code")) {
        code++;
        assertTrue(cell.get("outputs").isArray(), "outputs");
        assertEquals(0, cell.get("outputs").size(), "outputs are cleared: " + source(cell));
        assertTrue(cell.get("execution_count").isNull(), "execution_count is cleared");
      } else {
        assertFalse(cell.has("outputs"), "a " + type + " cell has no outputs");
      }
    }
    assertTrue(code >= 5, "code cells: " + code);
  }

  @Test
  void usesOnlyKnownOptionsAndTakesTheConnectionFromASecret() throws Exception {
    String code = code();
    Set<String> names = new TreeSet<>();
    Matcher call = OPTION_CALL.matcher(code);
    while (call.find()) {
      names.add(call.group(1));
    }
    Matcher dict = OPTIONS_DICT.matcher(code);
    assertTrue(dict.find(), "the notebook defines redshift_options = {...}");
    Matcher key = DICT_KEY.matcher(dict.group(1));
    Set<String> dictKeys = new TreeSet<>();
    while (key.find()) {
      dictKeys.add(key.group(1));
    }
    names.addAll(dictKeys);
    for (String name : names) {
      assertTrue(RedshiftOption.fromName(name).isPresent(), "unknown option '" + name + "'");
    }
    assertTrue(
        names.containsAll(Set.of("dbtable", "query", "mergeKeys", "readMode")), names.toString());
    assertTrue(
        dictKeys.containsAll(Set.of("secretArn", "database", "tempdir", "iamRole")),
        dictKeys.toString());
    // The settings come from a secret; no credential appears in the notebook.
    assertTrue(code.contains("dbutils.secrets.get("), "Databricks secret scope");
    assertTrue(code.contains("get_secret_value("), "AWS Secrets Manager");
    assertFalse(code.toLowerCase(java.util.Locale.ROOT).contains("password"), "no password");
    assertFalse(code.matches("(?s).*AKIA[0-9A-Z]{16}.*"), "no access key id");
  }

  @Test
  void namesEveryDataApiActionTheReadmeGivesTheConnectorsRole() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
    int section = readme.indexOf("### IAM permissions");
    assertTrue(section >= 0, "README lacks its IAM permissions section");
    String dataApi = readme.substring(section, readme.indexOf("- **Database login:**", section));
    Set<String> actions = new TreeSet<>();
    Matcher m = Pattern.compile("`(?:redshift-data:)?([A-Z][A-Za-z0-9]+)`").matcher(dataApi);
    while (m.find()) {
      actions.add(m.group(1));
    }
    assertTrue(actions.contains("GetStatementResultV2"), actions.toString());
    StringBuilder markdown = new StringBuilder();
    for (JsonNode cell : notebook().get("cells")) {
      if (cell.get("cell_type").asText().equals("markdown")) {
        markdown.append(source(cell));
      }
    }
    Set<String> missing = new TreeSet<>();
    for (String action : actions) {
      if (!markdown.toString().contains("`" + action + "`")
          && !markdown.toString().contains("redshift-data:" + action)) {
        missing.add(action);
      }
    }
    assertEquals(Set.of(), missing, "Data API actions the notebook's IAM list lacks");
  }

  @Test
  void theCodeCellsCompileWithPython3() throws Exception {
    Assumptions.assumeTrue(
        Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
            .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, "python3"))),
        "no python3 on PATH: the syntax check is skipped");
    Path script = Path.of("target", "notebook-code", "notebook.py");
    Files.createDirectories(script.getParent());
    Files.writeString(script, code(), StandardCharsets.UTF_8);
    ProcessBuilder pb =
        new ProcessBuilder("python3", "-m", "py_compile", script.toString())
            .redirectErrorStream(true);
    pb.environment().put("PYTHONPYCACHEPREFIX", Path.of("target", "pycache").toString());
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "py_compile did not finish");
    assertEquals(0, p.exitValue(), output);
  }
}
