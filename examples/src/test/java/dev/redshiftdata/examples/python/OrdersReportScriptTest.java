package dev.redshiftdata.examples.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.spark.config.RedshiftOption;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * orders_report.py compiles with python3 (skipped where there is none: PySpark cannot be installed
 * on the build machines, so the script itself never runs here), and it uses exactly the keys of its
 * properties file, whose options the connector knows; OrdersReportIT runs those options and SQL.
 */
class OrdersReportScriptTest {

  private static boolean python3Exists() {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, "python3"))) {
        return true;
      }
    }
    return false;
  }

  @Test
  void theScriptCompilesWithPython3() throws Exception {
    Assumptions.assumeTrue(python3Exists(), "no python3 on PATH: the syntax check is skipped");
    ProcessBuilder pb =
        new ProcessBuilder("python3", "-m", "py_compile", ScriptProperties.SCRIPT.toString())
            .redirectErrorStream(true);
    // Keep the bytecode out of the source tree.
    pb.environment().put("PYTHONPYCACHEPREFIX", Path.of("target", "pycache").toString());
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "py_compile did not finish");
    assertEquals(0, p.exitValue(), output);
  }

  @Test
  void theScriptReadsEveryPropertyAndNoOther() throws Exception {
    String script = Files.readString(ScriptProperties.SCRIPT, StandardCharsets.UTF_8);
    Map<String, String> props = ScriptProperties.load(ScriptProperties.PROPERTIES);

    Set<String> used = new TreeSet<>();
    Matcher key = Pattern.compile("props\\[\"([^\"]+)\"\\]").matcher(script);
    while (key.find()) {
      used.add(key.group(1));
    }
    Matcher step = Pattern.compile("step_options\\(props, \"([^\"]+)\"\\)").matcher(script);
    Set<String> steps = new TreeSet<>();
    while (step.find()) {
      steps.add(step.group(1));
    }

    Set<String> plain = new TreeSet<>();
    Set<String> optionSteps = new TreeSet<>();
    for (String k : props.keySet()) {
      int at = k.indexOf(".option.");
      if (at > 0) {
        optionSteps.add(k.substring(0, at));
      } else {
        plain.add(k);
      }
    }
    assertEquals(plain, used, "props[...] keys of the script vs. the properties file");
    assertEquals(optionSteps, steps, "step_options(...) steps of the script vs. the file");
  }

  @Test
  void everyOptionOfThePropertiesIsAConnectorOption() throws Exception {
    Map<String, String> props = ScriptProperties.load(ScriptProperties.PROPERTIES);
    for (String k : props.keySet()) {
      int at = k.indexOf(".option.");
      if (at > 0) {
        String name = k.substring(at + ".option.".length());
        assertTrue(
            RedshiftOption.fromName(name).isPresent(), "unknown option " + name + " in " + k);
      }
    }
  }
}
