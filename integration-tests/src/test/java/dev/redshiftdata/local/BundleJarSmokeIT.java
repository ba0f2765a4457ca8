package dev.redshiftdata.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.local.junit.LocalRedshiftExtension;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployable bundle jar in a child JVM with nothing but Spark's own jars beside it: Spark
 * resolves {@code redshift-data}, and a statement runs through the connector core against the local
 * Redshift. Relocation or service-file mistakes fail here, not at release. Runs in failsafe, after
 * the jar is packaged.
 */
class BundleJarSmokeIT {

  private static final String SHADED = "dev/redshiftdata/shaded/";

  @Test
  void bundleCarriesOnlyOurClassesAndTheRelocatedSdk() throws Exception {
    try (JarFile jar = new JarFile(bundleJar().toFile())) {
      List<String> strays =
          jar.stream()
              .map(e -> e.getName())
              .filter(n -> n.endsWith(".class"))
              .filter(n -> !n.startsWith("dev/redshiftdata/spark/") && !n.startsWith(SHADED))
              .collect(Collectors.toList());
      assertEquals(List.of(), strays, "classes outside our package and the relocation prefix");
      String services =
          new String(
              jar.getInputStream(
                      jar.getEntry(
                          "META-INF/services/org.apache.spark.sql.sources.DataSourceRegister"))
                  .readAllBytes(),
              StandardCharsets.UTF_8);
      assertEquals("dev.redshiftdata.spark.RedshiftDataSource", services.trim());
      assertTrue(
          jar.getEntry(
                  "META-INF/services/"
                      + SHADED.replace('/', '.')
                      + "software.amazon.awssdk.http.SdkHttpService")
              != null,
          "the SDK's HTTP client service file must be relocated with it");
    }
  }

  @Test
  void childJvmWithSparkJarsResolvesTheSourceAndRunsAStatement(@TempDir Path dir) throws Exception {
    LocalRedshift redshift = LocalRedshiftExtension.shared();
    ConnectionInfo info = redshift.connectionInfo();
    String sparkClasspath =
        Files.readString(Path.of(System.getProperty("redshiftdata.spark.classpath.file"))).trim();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String opens :
        List.of(
            "java.base/java.lang",
            "java.base/java.lang.invoke",
            "java.base/java.nio",
            "java.base/java.util",
            "java.base/sun.nio.ch",
            "java.base/java.util.concurrent")) {
      command.add("--add-opens=" + opens + "=ALL-UNNAMED");
    }
    command.add("-cp");
    command.add(sparkClasspath + File.pathSeparator + bundleJar());
    command.add(smokeSource().toString());
    for (Map.Entry<String, String> e : info.sparkOptions().entrySet()) {
      command.add(e.getKey() + "=" + e.getValue());
    }
    ProcessBuilder pb =
        new ProcessBuilder(command).redirectError(dir.resolve("stderr.log").toFile());
    Map<String, String> env = pb.environment();
    env.put("AWS_ACCESS_KEY_ID", info.accessKeyId());
    env.put("AWS_SECRET_ACCESS_KEY", info.secretAccessKey());
    env.put("AWS_REGION", info.region());
    env.put("SPARK_LOCAL_IP", "127.0.0.1");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(180, TimeUnit.SECONDS), "child JVM did not finish");
    Map<String, String> lines = new HashMap<>();
    for (String line : out.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        lines.put(line.substring(0, eq), line.substring(eq + 1).trim());
      }
    }
    String stderr = Files.readString(dir.resolve("stderr.log"));
    assertEquals(0, p.exitValue(), () -> out + "\n" + tail(stderr));
    assertEquals("dev.redshiftdata.spark.RedshiftDataSource", lines.get("provider"), out);
    assertEquals("dev.redshiftdata.spark.RedshiftDataSource", lines.get("registered"), out);
    assertEquals("false", lines.get("unrelocatedSdkVisible"), out);
    assertEquals("true", lines.get("relocatedSdkVisible"), out);
    assertEquals("42", lines.get("answer"), out);
    assertTrue(
        lines.get("clientClass").startsWith("dev.redshiftdata.shaded.software.amazon.awssdk."),
        out);
  }

  private static String tail(String s) {
    return s.length() > 4000 ? s.substring(s.length() - 4000) : s;
  }

  private static Path bundleJar() {
    Path jar = Path.of(System.getProperty("redshiftdata.bundle.jar"));
    assertTrue(Files.isRegularFile(jar), "bundle jar missing: " + jar);
    return jar;
  }

  private static Path smokeSource() throws URISyntaxException {
    return Path.of(BundleJarSmokeIT.class.getResource("/smoke/BundleSmoke.java").toURI());
  }
}
