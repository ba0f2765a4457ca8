package dev.redshiftdata.spark.config;

import static dev.redshiftdata.spark.config.RedshiftOption.*;

import dev.redshiftdata.spark.config.RedshiftOptions.OverwriteMode;
import java.util.List;
import java.util.Optional;

/**
 * The write options: statements around the load, how rows are merged or replaced, how the staged
 * files are cut and loaded, and how the commit retries.
 */
public final class WriteOptions {
  private final List<String> preActions;
  private final List<String> postActions;
  private final List<String> mergeKeys;
  private final long writeMaxFileSize;
  private final boolean allowExtraTargetColumns;
  private final boolean allowNarrowing;
  private final OverwriteMode overwriteMode;
  private final String copyOptions;
  private final int commitMaxAttempts;

  private WriteOptions(OptionLookup in) {
    this.preActions = in.explicit(PRE_ACTIONS).map(SqlStatements::split).orElse(List.of());
    this.postActions = in.explicit(POST_ACTIONS).map(SqlStatements::split).orElse(List.of());
    this.mergeKeys = in.explicit(MERGE_KEYS).map(OptionLookup::commaList).orElse(List.of());
    this.writeMaxFileSize = in.bytes(WRITE_MAX_FILE_SIZE, 1L << 20, 16L << 30);
    this.allowExtraTargetColumns = in.bool(ALLOW_EXTRA_TARGET_COLUMNS);
    this.allowNarrowing = in.bool(ALLOW_NARROWING);
    this.overwriteMode = in.choice(OVERWRITE_MODE, OverwriteMode.class);
    this.copyOptions = in.explicit(COPY_OPTIONS).orElse(null);
    this.commitMaxAttempts = (int) in.longInRange(COMMIT_MAX_ATTEMPTS, 1, 100);
  }

  static WriteOptions parse(OptionLookup in) {
    return new WriteOptions(in);
  }

  /** Statements in order, {@code %s} not yet replaced. */
  public List<String> preActions() {
    return preActions;
  }

  public List<String> postActions() {
    return postActions;
  }

  public List<String> mergeKeys() {
    return mergeKeys;
  }

  public long writeMaxFileSize() {
    return writeMaxFileSize;
  }

  public OverwriteMode overwriteMode() {
    return overwriteMode;
  }

  public boolean allowExtraTargetColumns() {
    return allowExtraTargetColumns;
  }

  /** Whether a write may convert into narrower numeric columns, checking each value. */
  public boolean allowNarrowing() {
    return allowNarrowing;
  }

  public Optional<String> copyOptions() {
    return Optional.ofNullable(copyOptions);
  }

  public int commitMaxAttempts() {
    return commitMaxAttempts;
  }
}
