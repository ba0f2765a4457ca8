package dev.redshiftdata.local.s3;

import java.io.IOException;
import java.io.InputStream;

/**
 * Main class of the S3 server's child JVM: runs s3proxy and exits when its parent goes away (stdin
 * closes), so a killed test JVM never leaves an S3 server behind. Uses only the JDK: s3proxy is
 * called by name.
 */
public final class S3ProxyLauncher {
  private S3ProxyLauncher() {}

  public static void main(String[] args) throws Exception {
    Thread watchdog =
        new Thread(
            () -> {
              try (InputStream in = System.in) {
                while (in.read() >= 0) {
                  // the parent never writes; EOF means it closed the pipe or died
                }
              } catch (IOException ignored) {
                // treated like EOF
              }
              Runtime.getRuntime().halt(0);
            },
            "parent-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    Class.forName("org.gaul.s3proxy.Main")
        .getMethod("main", String[].class)
        .invoke(null, (Object) args);
  }
}
