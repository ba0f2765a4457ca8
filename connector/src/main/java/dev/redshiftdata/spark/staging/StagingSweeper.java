package dev.redshiftdata.spark.staging;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes staging prefixes that crashed drivers left behind: our-named prefixes directly under
 * {@code tempdir} whose name says they are older than {@code stagingSweepAge}. Runs at most once
 * per {@code tempdir} per JVM per hour, so a busy application lists the bucket rarely.
 */
public final class StagingSweeper {

  private static final Logger LOG = LoggerFactory.getLogger(StagingSweeper.class);

  /** The JVM's sweep schedule, shared with {@link StagingLifecycle#get()}. */
  static final SweepPlan SHARED = new SweepPlan();

  private StagingSweeper() {}

  /**
   * Sweeps {@code tempdir} unless {@code maxAge} is zero or it was swept in this JVM within the
   * last hour. Never throws: failures are logged at WARN.
   *
   * @return how many prefixes were deleted
   */
  public static int sweep(String tempdir, Configuration conf, Duration maxAge, Instant now) {
    return sweep(SHARED, tempdir, conf, maxAge, now, Set.of());
  }

  static int sweep(
      SweepPlan plan,
      String tempdir,
      Configuration conf,
      Duration maxAge,
      Instant now,
      Set<String> live) {
    Objects.requireNonNull(tempdir, "tempdir is null");
    Objects.requireNonNull(conf, "conf is null");
    Objects.requireNonNull(maxAge, "maxAge is null");
    if (maxAge.isZero() || maxAge.isNegative() || !plan.tryStart(tempdir, now)) {
      return 0;
    }
    String dir = StagingPrefix.withSlash(tempdir);
    int deleted = 0;
    try {
      Path root = new Path(dir);
      FileSystem fs = root.getFileSystem(conf);
      List<String> names = new ArrayList<>();
      for (FileStatus s : listOrEmpty(fs, root)) {
        if (s.isDirectory()) {
          names.add(s.getPath().getName());
        }
      }
      for (String name : SweepPlan.expired(names, maxAge, now, live)) {
        String url = dir + name + "/";
        if (StagingDeleter.delete(url, conf, "older than stagingSweepAge " + maxAge)) {
          deleted++;
        }
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("Cannot sweep staging prefixes under {}: {}", dir, e.toString());
    }
    return deleted;
  }

  private static FileStatus[] listOrEmpty(FileSystem fs, Path root) throws IOException {
    try {
      return fs.listStatus(root);
    } catch (FileNotFoundException e) {
      return new FileStatus[0];
    }
  }
}
