package dev.redshiftdata.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs a local Redshift on its own. The first line on stdout is one JSON object with everything a
 * client needs (all logging goes to stderr); then a human-readable summary. Runs until stdin closes
 * or the process is terminated.
 *
 * <pre>
 * Flags: --connection-file PATH   also write the JSON to PATH
 *        --data-api-port N        fixed port for the Data API (default: a free port)
 *        --s3-port N              fixed port for the S3 server (default: a free port)
 *        --postgres-port N        fixed port for PostgreSQL (default: a free port)
 *        --no-stdin               ignore stdin (run until terminated), for use under nohup
 * </pre>
 */
public final class LocalRedshiftMain {
  private LocalRedshiftMain() {}

  public static void main(String[] args) throws Exception {
    // Keep stdout for the JSON line and the summary; anything else that prints goes to stderr.
    PrintStream stdout = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    System.setOut(System.err);

    LocalRedshiftConfig config = LocalRedshiftConfig.defaults();
    Path connectionFile = null;
    boolean watchStdin = true;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--connection-file" -> connectionFile = Path.of(value(args, ++i, "--connection-file"));
        case "--data-api-port" -> config.dataApiPort(port(args, ++i, "--data-api-port"));
        case "--s3-port" -> config.s3Port(port(args, ++i, "--s3-port"));
        case "--postgres-port" -> config.postgresPort(port(args, ++i, "--postgres-port"));
        case "--no-stdin" -> watchStdin = false;
        case "--help", "-h" -> {
          stdout.println(usage());
          return;
        }
        default ->
            throw new IllegalArgumentException(
                "Cannot start the local Redshift: unknown flag '" + args[i] + "'.\n" + usage());
      }
    }

    LocalRedshift redshift = LocalRedshift.start(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  redshift.close();
                  stopped.countDown();
                },
                "local-redshift-shutdown"));

    ConnectionInfo info = redshift.connectionInfo();
    // The file first: a client that saw the JSON line may read the file at once.
    if (connectionFile != null) {
      Files.writeString(connectionFile, info.toJson() + "\n", StandardCharsets.UTF_8);
    }
    stdout.println(info.toJson());
    stdout.println(summary(redshift, info));
    stdout.flush();

    if (watchStdin) {
      try (InputStream in = System.in) {
        while (in.read() >= 0) {
          // input is ignored; EOF stops the local Redshift
        }
      } catch (IOException ignored) {
        // treated as EOF
      }
      System.exit(0);
    } else {
      stopped.await();
    }
  }

  static String summary(LocalRedshift redshift, ConnectionInfo info) {
    StringBuilder sb = new StringBuilder();
    sb.append("\nLocal Redshift is running (started in ")
        .append(redshift.startupTime().toMillis())
        .append(" ms).\n");
    sb.append("  Data API   ").append(info.dataApiEndpoint()).append('\n');
    sb.append("  S3         ").append(info.s3Endpoint()).append('\n');
    sb.append("  Amazon ML  ").append(info.amazonMlEndpoint()).append(" (+ Secrets Manager)\n");
    sb.append("  PostgreSQL ").append(info.postgresJdbcUrl()).append('\n');
    sb.append("\nAWS credentials for clients (local test keys):\n");
    sb.append("  export AWS_ACCESS_KEY_ID=").append(info.accessKeyId()).append('\n');
    sb.append("  export AWS_SECRET_ACCESS_KEY=").append(info.secretAccessKey()).append('\n');
    sb.append("  export AWS_REGION=").append(info.region()).append('\n');
    sb.append("\nRead with Spark:\n  spark.read().format(\"redshift-data\")\n");
    for (Map.Entry<String, String> e : info.sparkOptions().entrySet()) {
      sb.append("    .option(\"")
          .append(e.getKey())
          .append("\", \"")
          .append(e.getValue())
          .append("\")\n");
    }
    sb.append("    .option(\"dbtable\", \"public.my_table\")\n    .load();\n");
    sb.append("\nHadoop settings for the staging prefix (s3a):\n");
    for (Map.Entry<String, String> e : info.s3aSettings().entrySet()) {
      if (!e.getKey().equals("fs.s3a.secret.key") && !e.getKey().equals("fs.s3a.access.key")) {
        sb.append("  spark.hadoop.")
            .append(e.getKey())
            .append('=')
            .append(e.getValue())
            .append('\n');
      }
    }
    sb.append("  (fs.s3a.access.key / fs.s3a.secret.key: the AWS credentials above)\n");
    sb.append("\nAWS CLI: aws redshift-data list-databases --endpoint-url ")
        .append(info.dataApiEndpoint())
        .append(" --cluster-identifier ")
        .append(info.clusterIdentifier())
        .append(" --database ")
        .append(info.database())
        .append(" --db-user ")
        .append(info.dbUser())
        .append('\n');
    sb.append("\nClose stdin (Ctrl-D) or terminate the process to stop.");
    return sb.toString();
  }

  private static String usage() {
    return "Usage: LocalRedshiftMain [--connection-file PATH] [--data-api-port N] [--s3-port N]"
        + " [--postgres-port N] [--no-stdin]";
  }

  private static String value(String[] args, int i, String flag) {
    if (i >= args.length) {
      throw new IllegalArgumentException(
          "Cannot start the local Redshift: " + flag + " needs a value");
    }
    return args[i];
  }

  private static int port(String[] args, int i, String flag) {
    String v = value(args, i, flag);
    try {
      int port = Integer.parseInt(v);
      if (port < 1 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "Cannot start the local Redshift: " + flag + " must be a port 1-65535, got '" + v + "'");
    }
  }
}
