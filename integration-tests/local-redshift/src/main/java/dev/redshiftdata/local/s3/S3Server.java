package dev.redshiftdata.local.s3;

import dev.redshiftdata.local.LocalRedshiftConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The local Redshift's S3 server: s3proxy 4.1 with its filesystem backend, in a child JVM.
 * s3proxy's Jetty 12 clashes with Spark's servlet API, so its fat jar is never put on this JVM's
 * class path.
 */
public final class S3Server implements AutoCloseable {

  private static final String JAR_RESOURCE = "/dev/redshiftdata/local/s3/s3proxy.jar";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final Process process;
  private final int port;
  private final Path dataDir;
  private final Path logFile;

  private S3Server(Process process, int port, Path dataDir, Path logFile) {
    this.process = process;
    this.port = port;
    this.dataDir = dataDir;
    this.logFile = logFile;
  }

  public static S3Server start(LocalRedshiftConfig config, Path workDir) throws IOException {
    int port = config.s3Port() > 0 ? config.s3Port() : freePort();
    Path dataDir = Files.createDirectories(workDir.resolve("s3-data"));
    Files.createDirectories(dataDir.resolve(config.bucket()));
    Properties props = new Properties();
    props.setProperty("s3proxy.endpoint", "http://127.0.0.1:" + port);
    props.setProperty("s3proxy.authorization", "aws-v2-or-v4");
    props.setProperty("s3proxy.identity", config.accessKeyId());
    props.setProperty("s3proxy.credential", config.secretAccessKey());
    props.setProperty("s3proxy.ignore-unknown-headers", "true");
    props.setProperty("jclouds.provider", "filesystem-nio2");
    props.setProperty("jclouds.filesystem.basedir", dataDir.toString());
    props.setProperty("jclouds.identity", config.accessKeyId());
    props.setProperty("jclouds.credential", config.secretAccessKey());
    Path propsFile = workDir.resolve("s3proxy.properties");
    try (var out = Files.newOutputStream(propsFile)) {
      props.store(out, "local Redshift S3 server");
    }
    Path logFile = workDir.resolve("s3proxy.log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx384m");
    command.add("-XX:+UseSerialGC");
    command.add("-cp");
    command.add(s3proxyJar(workDir) + java.io.File.pathSeparator + launcherClassPath());
    command.add(S3ProxyLauncher.class.getName());
    command.add("--properties");
    command.add(propsFile.toString());
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(logFile.toFile())
            .start();
    S3Server server = new S3Server(process, port, dataDir, logFile);
    try {
      server.awaitReady();
    } catch (IOException | RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  private void awaitReady() throws IOException {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IOException("Cannot start the S3 server: s3proxy exited; see " + logFile);
      }
      try {
        HttpURLConnection c = (HttpURLConnection) endpoint().toURL().openConnection();
        c.setConnectTimeout(500);
        c.setReadTimeout(2000);
        c.getResponseCode(); // any HTTP answer (403 without a signature) means it is up
        c.disconnect();
        return;
      } catch (IOException notYet) {
        sleep(100);
      }
    }
    throw new IOException(
        "Cannot start the S3 server: no answer within " + START_TIMEOUT + "; see " + logFile);
  }

  private static String s3proxyJar(Path workDir) throws IOException {
    URL url = S3Server.class.getResource(JAR_RESOURCE);
    if (url == null) {
      throw new IOException(
          "Cannot start the S3 server: " + JAR_RESOURCE + " is not on the class path");
    }
    if ("file".equals(url.getProtocol())) {
      try {
        return Path.of(url.toURI()).toString();
      } catch (URISyntaxException e) {
        throw new IOException(e);
      }
    }
    // Inside a jar (e.g. the examples depend on this module's jar): extract it once per work dir.
    Path extracted = workDir.resolve("s3proxy.jar");
    try (InputStream in = url.openStream()) {
      Files.copy(in, extracted, StandardCopyOption.REPLACE_EXISTING);
    }
    return extracted.toString();
  }

  private static String launcherClassPath() throws IOException {
    try {
      return Path.of(
              S3ProxyLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toString();
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the S3 server", e);
    }
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  public int port() {
    return port;
  }

  /** Where the filesystem backend keeps objects: {@code <dataDir>/<bucket>/<key>}. */
  public Path dataDir() {
    return dataDir;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
