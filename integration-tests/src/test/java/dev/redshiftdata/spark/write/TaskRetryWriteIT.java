package dev.redshiftdata.spark.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.local.ConnectionInfo;
import dev.redshiftdata.local.LocalRedshift;
import dev.redshiftdata.local.junit.LocalRedshiftExtension;
import dev.redshiftdata.spark.SharedSpark;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task whose first attempt fails mid-write and whose retry succeeds loads its rows once: the
 * manifest holds only committed attempts' files, and the failed attempt's files are deleted.
 */
@ExtendWith(LocalRedshiftExtension.class)
class TaskRetryWriteIT {

  private static final List<String> OPENS =
      List.of(
          "java.base/java.lang",
          "java.base/java.lang.invoke",
          "java.base/java.lang.reflect",
          "java.base/java.io",
          "java.base/java.net",
          "java.base/java.nio",
          "java.base/java.util",
          "java.base/java.util.concurrent",
          "java.base/java.util.concurrent.atomic",
          "java.base/sun.nio.ch",
          "java.base/sun.nio.cs",
          "java.base/sun.security.action",
          "java.base/sun.util.calendar");

  @Test
  void aRetriedTaskLoadsItsRowsOnceAndLeavesNoStagingFile(@TempDir Path dir) throws Exception {
    LocalRedshift redshift = WriteSupport.redshift();
    ConnectionInfo info = redshift.connectionInfo();
    String table = "retry_" + System.nanoTime();
    WriteSupport.sql(redshift, "create table " + table + " (id bigint, v varchar(20))");
    redshift.dataApi().requests().clear();

    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g");
    for (String opens : OPENS) {
      command.add("--add-opens=" + opens + "=ALL-UNNAMED");
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(TaskRetryWriteMain.class.getName());
    for (Map.Entry<String, String> e : WriteSupport.options(redshift).entrySet()) {
      command.add("option:" + e.getKey() + "=" + e.getValue());
    }
    command.add("option:dbtable=" + table);
    for (Map.Entry<String, String> e : info.s3aSettings().entrySet()) {
      command.add("hadoop:" + e.getKey() + "=" + e.getValue());
    }
    ProcessBuilder pb =
        new ProcessBuilder(command).redirectError(dir.resolve("stderr.log").toFile());
    pb.environment().put("AWS_ACCESS_KEY_ID", info.accessKeyId());
    pb.environment().put("AWS_SECRET_ACCESS_KEY", info.secretAccessKey());
    pb.environment().put("AWS_REGION", info.region());
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(240, TimeUnit.SECONDS), "child JVM did not finish");
    String stderr = Files.readString(dir.resolve("stderr.log"));
    assertEquals(0, p.exitValue(), () -> out + "\n" + tail(stderr));
    assertTrue(out.contains("written=true"), out);
    assertTrue(
        stderr.contains("injected failure of the first attempt"),
        "the first attempt did not fail: " + tail(stderr));

    assertEquals(
        List.of(List.of("1000", "1000", "0", "999")),
        WriteSupport.query(
            redshift, "select count(*), count(distinct id), min(id), max(id) from " + table));
    assertEquals(
        0,
        WriteSupport.objectsUnder(SharedSpark.session(), WriteSupport.lastCopyPrefix(redshift)),
        "staging files left, including the failed attempt's");
  }

  private static String tail(String s) {
    return s.length() <= 4000 ? s : s.substring(s.length() - 4000);
  }
}
