package dev.redshiftdata.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone local Redshift: its JSON line, connection file, and stop on stdin EOF. */
class LocalRedshiftMainIT {

  private static final List<String> FIELDS =
      List.of(
          "dataApiEndpoint",
          "s3Endpoint",
          "region",
          "accessKeyId",
          "secretAccessKey",
          "clusterIdentifier",
          "workgroupName",
          "database",
          "dbUser",
          "secretArn",
          "tempdir",
          "iamRole");

  @Test
  void printsOneJsonLineFirstWritesTheConnectionFileAndStopsWhenStdinCloses(@TempDir Path dir)
      throws Exception {
    Path connectionFile = dir.resolve("local-redshift.json");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(LocalRedshiftMain.class.getName());
    command.add("--connection-file");
    command.add(connectionFile.toString());
    Process process =
        new ProcessBuilder(command).redirectError(dir.resolve("stderr.log").toFile()).start();
    try {
      BufferedReader stdout =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String first = stdout.readLine();
      JsonNode json = new ObjectMapper().readTree(first);
      for (String field : FIELDS) {
        assertTrue(json.hasNonNull(field), "missing " + field + " in " + first);
      }
      assertEquals("local-cluster", json.get("clusterIdentifier").asText());
      assertEquals("dev", json.get("database").asText());
      assertEquals("s3a://local-redshift/tmp/", json.get("tempdir").asText());
      assertEquals(first + "\n", Files.readString(connectionFile));

      // The summary follows, with the Spark options to use.
      StringBuilder summary = new StringBuilder();
      String line;
      while ((line = stdout.readLine()) != null && !line.startsWith("Close stdin")) {
        summary.append(line).append('\n');
      }
      assertTrue(
          summary.toString().contains(".option(\"clusterIdentifier\", \"local-cluster\")"),
          summary.toString());

      // Both servers answer on the advertised ports (403/400 without a signature).
      assertTrue(httpStatus(json.get("s3Endpoint").asText()) >= 400);
      assertTrue(httpStatus(json.get("dataApiEndpoint").asText()) >= 400);

      process.getOutputStream().close();
      assertTrue(process.waitFor(30, TimeUnit.SECONDS), "did not stop after stdin closed");
      assertEquals(0, process.exitValue());
    } finally {
      process.destroyForcibly();
    }
    assertFalse(process.isAlive());
  }

  private static int httpStatus(String endpoint) throws Exception {
    HttpURLConnection c = (HttpURLConnection) URI.create(endpoint).toURL().openConnection();
    c.setConnectTimeout(2000);
    c.setReadTimeout(5000);
    try {
      return c.getResponseCode();
    } finally {
      c.disconnect();
    }
  }
}
