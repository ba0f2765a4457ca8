package dev.redshiftdata.spark;

import dev.redshiftdata.local.LocalRedshift;
import dev.redshiftdata.local.junit.LocalRedshiftExtension;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** What every end-to-end test needs of the JVM's one local Redshift. */
public final class TestRedshift {
  private TestRedshift() {}

  /**
   * The JVM's local Redshift. Its test keys reach the SDK through the default provider chain
   * (system properties), never through options.
   */
  public static LocalRedshift shared() {
    LocalRedshift redshift = LocalRedshiftExtension.shared();
    System.setProperty("aws.accessKeyId", redshift.config().accessKeyId());
    System.setProperty("aws.secretAccessKey", redshift.config().secretAccessKey());
    return redshift;
  }

  /** Every message in a cause chain, joined, for assertions on what the user sees. */
  public static String messages(Throwable t) {
    StringBuilder sb = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      sb.append(c.getMessage()).append(" | ");
    }
    return sb.toString();
  }

  /**
   * {@code @ExtendWith(TestRedshift.PerTest.class)}: the shared local Redshift, with its request
   * log cleared before each test (statements sent are asserted per test) and its faults and
   * settings reset after each.
   */
  public static final class PerTest
      implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
      shared();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
      shared().dataApi().requests().clear();
    }

    @Override
    public void afterEach(ExtensionContext context) {
      shared().dataApi().reset();
    }
  }
}
