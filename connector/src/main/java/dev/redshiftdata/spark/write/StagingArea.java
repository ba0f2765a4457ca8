package dev.redshiftdata.spark.write;

import dev.redshiftdata.spark.compat.SessionInternals;
import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.sql.StagingUrls;
import dev.redshiftdata.spark.sql.TableName;
import dev.redshiftdata.spark.staging.StagingDeleter;
import dev.redshiftdata.spark.staging.StagingLifecycle;
import dev.redshiftdata.spark.staging.StagingPrefix;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A write's own prefix under {@code tempdir}: tasks stage Parquet there, the commit writes the COPY
 * manifest there, and it is deleted once the commit ended or the write aborted, unless {@code
 * keepStaging}.
 */
final class StagingArea {

  private static final Logger LOG = LoggerFactory.getLogger(StagingArea.class);

  private final String prefix;
  private final Configuration conf;
  private final boolean keep;

  StagingArea(String prefix, Configuration conf, boolean keep) {
    this.prefix = prefix;
    this.conf = conf;
    this.keep = keep;
  }

  /**
   * A new prefix under {@code tempdir}; the first write of the JVM also sweeps prefixes older than
   * {@code stagingSweepAge} that crashed writes left.
   */
  static StagingArea create(RedshiftOptions options, TableName target, SparkSession spark) {
    options.requireStaging("write to table " + target.quoted());
    Configuration conf = SessionInternals.hadoopConf(spark);
    String tempdir = options.tempdir().orElseThrow();
    StagingLifecycle.get().sweepOnce(tempdir, conf, options.stagingSweepAge());
    String prefix = StagingPrefix.create(tempdir, Instant.now()).url();
    return new StagingArea(prefix, conf, options.keepStaging());
  }

  /** Where tasks write, as Hadoop reads it, ending in '/'. */
  String prefix() {
    return prefix;
  }

  /** The prefix as Redshift names it ({@code s3://}), as {@code stl_load_errors} records it. */
  String s3Prefix() {
    return StagingUrls.toS3(prefix);
  }

  /** A copy of the driver's Hadoop configuration. */
  Configuration conf() {
    return new Configuration(conf);
  }

  /** Where the commit writes the COPY manifest, as Hadoop reads it. */
  String manifestUrl() {
    return prefix + "manifest.json";
  }

  void writeManifest(CopyManifest manifest) {
    String url = manifestUrl();
    Path path = new Path(url);
    try (OutputStream out = path.getFileSystem(conf).create(path, true)) {
      out.write(manifest.json().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the COPY manifest " + url, e);
    }
  }

  /** Deletes the prefix, unless {@code keepStaging}. Never throws: the write's outcome stands. */
  void delete(String reason) {
    if (keep) {
      LOG.info("Keeping staging prefix {} (keepStaging is true)", prefix);
      return;
    }
    StagingDeleter.delete(prefix, conf, reason);
  }
}
