package dev.redshiftdata.spark.staging;

import dev.redshiftdata.spark.config.StagingOptions;
import dev.redshiftdata.spark.sql.StagingUrls;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * One staging prefix under {@code tempdir}, for a read's UNLOAD, a write's Parquet and COPY
 * manifest, or an Amazon ML emission's CSV: created here (the JVM's first one under a {@code
 * tempdir} also sweeps prefixes crashed drivers left), tracked by the {@link StagingLifecycle}, and
 * released through it, unless {@code keepStaging}.
 */
public final class StagingArea {

  private final StagingPrefix prefix;
  private final Configuration conf;
  private final boolean keep;
  private final AtomicBoolean released = new AtomicBoolean();

  private StagingArea(StagingPrefix prefix, Configuration conf, boolean keep) {
    this.prefix = prefix;
    this.conf = new Configuration(conf);
    this.keep = keep;
  }

  /**
   * A new prefix under {@code tempdir}, which must be set ({@link StagingOptions#require}).
   *
   * @param conf a Hadoop configuration able to write and delete there; copied, never printed
   */
  public static StagingArea create(StagingOptions options, Configuration conf) {
    String tempdir = options.tempdir().orElseThrow();
    StagingLifecycle.get().sweepOnce(tempdir, conf, options.stagingSweepAge());
    return new StagingArea(
        StagingPrefix.create(tempdir, Instant.now()), conf, options.keepStaging());
  }

  /**
   * A read's prefix: tracked until the SQL execution running now ends, {@code owner} becomes
   * unreachable, the SparkContext stops or the JVM exits ({@link StagingLifecycle#track}).
   */
  public StagingArea trackRead(SparkSession spark, Object owner) {
    StagingLifecycle.get().track(spark, owner, url(), conf, keep);
    return this;
  }

  /**
   * A write's prefix: tracked until {@link #release}, or else until {@code owner} becomes
   * unreachable, the SparkContext stops or the JVM exits ({@link
   * StagingLifecycle#trackUntilReleased}).
   */
  public StagingArea trackWrite(SparkSession spark, Object owner) {
    StagingLifecycle.get().trackUntilReleased(spark, owner, url(), conf, keep);
    return this;
  }

  /** The prefix as Hadoop reads it, ending in '/'. */
  public String url() {
    return prefix.url();
  }

  /**
   * The prefix as Redshift names it ({@code s3://}) in UNLOAD, COPY and {@code stl_load_errors}.
   */
  public String s3Url() {
    return StagingUrls.toS3(url());
  }

  /** The prefix's unique id (also in its name). */
  public UUID id() {
    return prefix.id();
  }

  /** A copy of the Hadoop configuration. */
  public Configuration conf() {
    return new Configuration(conf);
  }

  /** The URL of {@code name} in the prefix, as Hadoop reads it. */
  public String file(String name) {
    return url() + name;
  }

  /** Writes {@code text} as the file {@code name} in the prefix (e.g. a COPY manifest). */
  public void writeFile(String name, String text) {
    String url = file(name);
    Path path = new Path(url);
    try (OutputStream out = path.getFileSystem(conf).create(path, true)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write " + url, e);
    }
  }

  /**
   * Deletes the prefix now, unless {@code keepStaging}; later calls do nothing. Never throws: the
   * outcome of the read or write stands.
   */
  public void release(String reason) {
    if (!released.compareAndSet(false, true)) {
      return;
    }
    if (keep) {
      // Tracking it already logged that it is kept.
      return;
    }
    StagingLifecycle.get().release(url(), conf, reason);
  }
}
