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
 * The deployable bundle jar in a child JVM with nothing beside it but Spark's own jars and what a
 * platform provides for S3 (hadoop-aws and the unrelocated AWS SDK, as on EMR or Databricks): Spark
 * resolves {@code redshift-data}, a statement runs through the connector core, and a write and
 * reads on both paths run against the local Redshift. Relocation, service-file or class path
 * mistakes fail here, not at release. Runs in failsafe, after the jar is packaged.
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
      // The project's license, and a NOTICE naming what the jar shades with the SDK's own notice.
      String license = entry(jar, "META-INF/LICENSE");
      assertTrue(license.contains("Apache License") && license.contains("Version 2.0"), license);
      assertEquals(null, jar.getEntry("META-INF/LICENSE.txt"), "one license file, ours");
      String notice = entry(jar, "META-INF/NOTICE");
      for (String part :
          List.of(
              "redshift-data",
              "relocated under dev.redshiftdata.shaded",
              "AWS SDK for Java 2.x",
              "Reactive Streams (org.reactivestreams), MIT No Attribution",
              "AWS SDK for Java 2.0\nCopyright Amazon.com, Inc. or its affiliates.")) {
        assertTrue(notice.contains(part), part + " in " + notice);
      }
      assertTrue(
          jar.getEntry(
                  "META-INF/services/"
                      + SHADED.replace('/', '.')
                      + "software.amazon.awssdk.http.SdkHttpService")
              != null,
          "the SDK's HTTP client service file must be relocated with it");
    }
  }

  private static String entry(JarFile jar, String name) throws java.io.IOException {
    assertTrue(jar.getEntry(name) != null, name + " missing from the bundle");
    return new String(
        jar.getInputStream(jar.getEntry(name)).readAllBytes(), StandardCharsets.UTF_8);
  }

  @Test
  void childJvmWithSparkAndPlatformS3JarsWritesAndReadsOnBothPaths(@TempDir Path dir)
      throws Exception {
    LocalRedshift redshift = LocalRedshiftExtension.shared();
    ConnectionInfo info = redshift.connectionInfo();
    String sparkClasspath =
        Files.readString(Path.of(System.getProperty("redshiftdata.spark.classpath.file"))).trim();
    String platformClasspath =
        Files.readString(Path.of(System.getProperty("redshiftdata.platform.classpath.file")))
            .trim();
    assertTrue(platformClasspath.contains("hadoop-aws-"), platformClasspath);
    for (String jar : platformClasspath.split(File.pathSeparator)) {
      String name = Path.of(jar).getFileName().toString();
      assertTrue(
          name.startsWith("hadoop-")
              || jar.contains("/software/amazon/")
              || name.startsWith("reactive-streams-"),
          "only hadoop, the AWS SDK and its reactive streams: " + name);
    }
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
    command.add(
        String.join(File.pathSeparator, sparkClasspath, platformClasspath, bundleJar().toString()));
    command.add(smokeSource().toString());
    String table = "bundle_smoke_" + System.nanoTime();
    command.add("smoke.table=" + table);
    // s3a reaches the local S3 server with the keys from the environment, never the command line.
    for (Map.Entry<String, String> e : info.s3aSettings().entrySet()) {
      if (!e.getKey().endsWith(".key") && !e.getKey().endsWith("credentials.provider")) {
        command.add("spark.hadoop." + e.getKey() + "=" + e.getValue());
      }
    }
    command.add(
        "spark.hadoop.fs.s3a.aws.credentials.provider="
            + "software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider");
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
    assertTrue(p.waitFor(300, TimeUnit.SECONDS), "child JVM did not finish");
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
    // The platform's SDK is there, yet the connector uses its own relocated copy.
    assertEquals("true", lines.get("unrelocatedSdkVisible"), out);
    assertEquals("true", lines.get("relocatedSdkVisible"), out);
    assertEquals("42", lines.get("answer"), out);
    assertTrue(
        lines.get("clientClass").startsWith("dev.redshiftdata.shaded.software.amazon.awssdk."),
        out);
    // The write created the table and loaded every row once; both read paths see them.
    assertEquals("1000,499500,row 999", lines.get("direct"), out);
    assertEquals("1000,499500,row 999", lines.get("unload"), out);
    assertEquals("org.apache.hadoop.fs.s3a.S3AFileSystem", lines.get("fileSystem"), out);
    assertEquals("0", lines.get("stagingObjectsLeft"), out);
    List<String> statements = redshift.dataApi().requests().sqls();
    assertTrue(
        statements.stream().anyMatch(q -> q.startsWith("COPY \"" + table + "\"")),
        statements.toString());
    assertTrue(
        statements.stream().anyMatch(q -> q.startsWith("UNLOAD (") && q.contains(table)),
        statements.toString());
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
