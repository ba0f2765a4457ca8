package dev.redshiftdata.spark.config;

import static dev.redshiftdata.spark.config.RedshiftOption.*;

import dev.redshiftdata.spark.config.RedshiftOptions.ReadMode;
import dev.redshiftdata.spark.config.RedshiftOptions.ResultFormat;
import dev.redshiftdata.spark.config.RedshiftOptions.TimestampMapping;
import java.util.Optional;

/**
 * The read options: which path moves the rows (direct or unload) and its limits, how types map, and
 * what is pushed down to Redshift. Writes follow the same type mapping ({@code timestampType},
 * {@code superAsVariant}) when they match or create columns.
 */
public final class ReadOptions {

  /**
   * UNLOAD {@code MAXFILESIZE} accepts 5 MB to 6.2 GB
   * (https://docs.aws.amazon.com/redshift/latest/dg/r_UNLOAD.html).
   */
  static final long MIN_UNLOAD_FILE_SIZE = 5L << 20;

  static final long MAX_UNLOAD_FILE_SIZE = (long) (6.2 * (1L << 30));

  private final ResultFormat resultFormat;
  private final ReadMode readMode;
  private final long directMaxRows;
  private final long directMaxBytes;
  private final long unloadMaxFileSize;
  private final boolean unloadEncrypted;
  private final String unloadKmsKeyId;
  private final boolean superAsVariant;
  private final TimestampMapping timestampMapping;
  private final boolean pushDownPredicates;
  private final boolean pushDownAggregates;
  private final boolean pushDownLimit;

  private ReadOptions(OptionLookup in) {
    this.resultFormat = in.choice(RESULT_FORMAT, ResultFormat.class);
    this.readMode = in.choice(READ_MODE, ReadMode.class);
    this.directMaxRows = in.longInRange(DIRECT_MAX_ROWS, 0, Long.MAX_VALUE);
    this.directMaxBytes = in.bytes(DIRECT_MAX_BYTES, 0, Long.MAX_VALUE);
    this.unloadMaxFileSize =
        in.bytes(UNLOAD_MAX_FILE_SIZE, MIN_UNLOAD_FILE_SIZE, MAX_UNLOAD_FILE_SIZE);
    this.unloadKmsKeyId = in.explicit(UNLOAD_KMS_KEY_ID).orElse(null);
    this.unloadEncrypted = in.bool(UNLOAD_ENCRYPTED) || unloadKmsKeyId != null;
    this.superAsVariant = in.bool(SUPER_AS_VARIANT);
    this.timestampMapping = in.choice(TIMESTAMP_TYPE, TimestampMapping.class);
    this.pushDownPredicates = in.bool(PUSH_DOWN_PREDICATES);
    this.pushDownAggregates = in.bool(PUSH_DOWN_AGGREGATES);
    this.pushDownLimit = in.bool(PUSH_DOWN_LIMIT);
  }

  static ReadOptions parse(OptionLookup in) {
    return new ReadOptions(in);
  }

  public ResultFormat resultFormat() {
    return resultFormat;
  }

  public ReadMode readMode() {
    return readMode;
  }

  public long directMaxRows() {
    return directMaxRows;
  }

  public long directMaxBytes() {
    return directMaxBytes;
  }

  public long unloadMaxFileSize() {
    return unloadMaxFileSize;
  }

  public boolean unloadEncrypted() {
    return unloadEncrypted;
  }

  public Optional<String> unloadKmsKeyId() {
    return Optional.ofNullable(unloadKmsKeyId);
  }

  public boolean superAsVariant() {
    return superAsVariant;
  }

  /** Whether {@code TIMESTAMP} is Spark's {@code TimestampType} in the session time zone. */
  public boolean timestampAsLtz() {
    return timestampMapping == TimestampMapping.LTZ;
  }

  public boolean pushDownPredicates() {
    return pushDownPredicates;
  }

  public boolean pushDownAggregates() {
    return pushDownAggregates;
  }

  public boolean pushDownLimit() {
    return pushDownLimit;
  }
}
