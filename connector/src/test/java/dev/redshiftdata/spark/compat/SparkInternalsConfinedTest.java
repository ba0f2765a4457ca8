package dev.redshiftdata.spark.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Spark's internal classes and Scala's version-specific collections are named only in {@code
 * compat/}, so a new Spark line changes that package and nothing else.
 */
class SparkInternalsConfinedTest {

  /** Names that differ between Spark or Scala lines, or that Spark does not promise to keep. */
  static final Pattern INTERNAL =
      Pattern.compile(
          "\\b(org\\.apache\\.spark\\.sql\\.(execution|internal|classic)\\.[\\w.$]+"
              + "|org\\.apache\\.spark\\.sql\\.catalyst\\.expressions\\.[\\w.$]+"
              + "|org\\.apache\\.spark\\.sql\\.connector\\.catalog\\.CatalogV2Util"
              + "|org\\.apache\\.spark\\.(paths|util|types\\.variant)\\.[\\w.$]+"
              + "|org\\.apache\\.spark\\.unsafe\\.types\\.VariantVal"
              + "|scala\\.(jdk|collection)\\.[\\w.$]+)");

  /**
   * Allowed outside compat/: the generic row every DataSource V2 reader builds, unchanged since
   * Spark 2; and the immutable Map of the public {@code CreatableRelationProvider.createRelation}
   * signature (the same class on Scala 2.12 and 2.13), which RedshiftDataSource must implement.
   */
  static final List<String> ALLOWED =
      List.of(
          "org.apache.spark.sql.catalyst.expressions.GenericInternalRow",
          "scala.collection.immutable.Map");

  @Test
  void onlyCompatNamesSparkInternals() {
    List<String> found = new ArrayList<>();
    for (Path file : sources()) {
      if (file.toString().replace('\\', '/').contains("/dev/redshiftdata/spark/compat/")) {
        continue;
      }
      Matcher m = INTERNAL.matcher(read(file));
      while (m.find()) {
        if (!ALLOWED.contains(m.group(1))) {
          found.add(file.getFileName() + ": " + m.group(1));
        }
      }
    }
    assertEquals(List.of(), found);
  }

  @Test
  void thePatternFindsAnInternalName() {
    assertTrue(INTERNAL.matcher("import org.apache.spark.sql.internal.SQLConf;").find());
    assertTrue(INTERNAL.matcher("scala.jdk.javaapi.CollectionConverters.asJava(x)").find());
    assertTrue(INTERNAL.matcher("new org.apache.spark.util.SerializableConfiguration(c)").find());
  }

  /** Main sources of every Spark line, not only the one being built. */
  private static List<Path> sources() {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(Path.of("src/main"))) {
      for (Path dir : dirs.toList()) {
        try (Stream<Path> files = Files.walk(dir)) {
          files.filter(f -> f.toString().endsWith(".java")).forEach(out::add);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertTrue(out.size() > 100, "main sources found: " + out.size());
    return out;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
