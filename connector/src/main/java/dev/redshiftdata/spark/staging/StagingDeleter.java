package dev.redshiftdata.spark.staging;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place a staging prefix is deleted (a read's, a write's, a swept one), with the log line
 * that names it and why.
 */
final class StagingDeleter {

  private static final Logger LOG = LoggerFactory.getLogger(StagingDeleter.class);

  private StagingDeleter() {}

  /**
   * Deletes {@code url} recursively. Never throws; a failure is logged at WARN. The configuration
   * carries credentials and is never printed.
   *
   * @return true when the delete call succeeded (also when nothing was there)
   */
  static boolean delete(String url, Configuration conf, String reason) {
    try {
      Path path = new Path(url);
      FileSystem fs = path.getFileSystem(conf);
      boolean existed = fs.delete(path, true);
      LOG.info(
          "Deleted staging prefix {} ({}){}", url, reason, existed ? "" : "; it was already gone");
      return true;
    } catch (Exception e) {
      LOG.warn("Cannot delete staging prefix {} ({}): {}", url, reason, e.toString());
      return false;
    }
  }
}
