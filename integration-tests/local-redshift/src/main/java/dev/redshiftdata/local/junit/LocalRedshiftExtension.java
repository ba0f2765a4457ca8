package dev.redshiftdata.local.junit;

import dev.redshiftdata.local.LocalRedshift;
import dev.redshiftdata.local.LocalRedshiftConfig;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Shares one local Redshift across every test class of a JVM: started on first use, stopped when
 * the JVM exits. Use {@code @ExtendWith(LocalRedshiftExtension.class)} and {@link #shared()}. Tests
 * that change its runtime settings (faults, page size) reset them when they finish.
 */
public final class LocalRedshiftExtension implements BeforeAllCallback {

  private static LocalRedshift instance;
  private static Throwable startFailure;

  @Override
  public void beforeAll(ExtensionContext context) {
    shared();
  }

  /** The JVM's local Redshift, started on first call. */
  public static synchronized LocalRedshift shared() {
    if (startFailure != null) {
      throw new IllegalStateException("The local Redshift failed to start earlier", startFailure);
    }
    if (instance == null) {
      try {
        instance = LocalRedshift.start(LocalRedshiftConfig.defaults());
      } catch (Exception | Error e) {
        startFailure = e;
        throw new IllegalStateException("Cannot start the local Redshift", e);
      }
      LocalRedshift started = instance;
      Runtime.getRuntime().addShutdownHook(new Thread(started::close, "local-redshift-stop"));
    }
    return instance;
  }
}
