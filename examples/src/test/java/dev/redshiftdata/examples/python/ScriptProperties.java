package dev.redshiftdata.examples.python;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * orders_report.properties read exactly as orders_report.py's {@code load_properties} reads it:
 * key=value lines split at the first '=', both sides trimmed, blank and # lines skipped.
 */
final class ScriptProperties {
  static final Path SCRIPT = Path.of("python", "orders_report.py");
  static final Path PROPERTIES = Path.of("python", "orders_report.properties");

  private ScriptProperties() {}

  static Map<String, String> load(Path path) throws IOException {
    Map<String, String> props = new LinkedHashMap<>();
    for (String raw : Files.readAllLines(path, StandardCharsets.UTF_8)) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      String key = eq < 0 ? line : line.substring(0, eq);
      String value = eq < 0 ? "" : line.substring(eq + 1);
      props.put(key.strip(), value.strip());
    }
    return props;
  }

  /** As the script's {@code step_options}: the {@code <step>.option.<name>} lines of one step. */
  static Map<String, String> stepOptions(Map<String, String> props, String step) {
    String prefix = step + ".option.";
    Map<String, String> out = new LinkedHashMap<>();
    props.forEach(
        (k, v) -> {
          if (k.startsWith(prefix)) {
            out.put(k.substring(prefix.length()), v);
          }
        });
    return out;
  }
}
