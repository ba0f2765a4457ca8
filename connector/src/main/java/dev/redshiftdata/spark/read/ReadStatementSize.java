package dev.redshiftdata.spark.read;

import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.sql.SelectBuilder;
import dev.redshiftdata.spark.sql.SqlLimits;
import dev.redshiftdata.spark.sql.StagingUrls;
import dev.redshiftdata.spark.staging.StagingPrefix;
import java.time.Instant;

/**
 * The sizes of the statements a read may send, against the Data API's limit ({@link
 * SqlLimits#MAX_SQL_BYTES}, UTF-8 bytes): on the direct path the SELECT (after an {@code EXPLAIN}
 * of it in {@code auto} mode); on the unload path the UNLOAD, in which the select is quoted once
 * more ({@code '} and {@code \} doubled) next to the target, role and options.
 *
 * <p>The paths that may run: {@code readMode} {@code direct} or {@code unload} alone; {@code auto}
 * the direct path, and the unload path when staging is set (it may be chosen, or be the direct
 * path's fallback for a large result).
 */
final class ReadStatementSize {

  /**
   * Room kept when predicates are budgeted, for what is added after them without a check of its
   * own: LIMIT, OFFSET, and a select list of no column ({@code 1 AS "_"}) instead of {@code *}.
   */
  static final int RESERVE_BYTES = 128;

  /** A select and how its columns travel through UNLOAD. */
  record Form(SelectBuilder select, UnloadColumns columns) {
    String sql() {
      return select.build();
    }
  }

  private final RedshiftOptions options;
  private final boolean direct;
  private final boolean unload;
  private final boolean unloadOptional;
  private final String sampleTarget;

  private ReadStatementSize(
      RedshiftOptions options,
      boolean direct,
      boolean unload,
      boolean unloadOptional,
      String sampleTarget) {
    this.options = options;
    this.direct = direct;
    this.unload = unload;
    this.unloadOptional = unloadOptional;
    this.sampleTarget = sampleTarget;
  }

  static ReadStatementSize of(RedshiftOptions options) {
    boolean staging =
        options.staging().tempdir().isPresent() && options.staging().iamRole().isPresent();
    boolean direct = options.read().readMode() != RedshiftOptions.ReadMode.UNLOAD;
    boolean unload = staging && options.read().readMode() != RedshiftOptions.ReadMode.DIRECT;
    // A prefix as long as the one the read will create: its name has a fixed length.
    String target =
        staging
            ? StagingUrls.toS3(
                StagingPrefix.create(options.staging().tempdir().get(), Instant.now()).url())
            : null;
    return new ReadStatementSize(
        options,
        direct,
        unload,
        options.read().readMode() == RedshiftOptions.ReadMode.AUTO,
        target);
  }

  /** Whether the unload path may run. */
  boolean unload() {
    return unload;
  }

  /** Whether the read may do without the unload path ({@code auto}: it then reads directly). */
  boolean unloadOptional() {
    return unload && unloadOptional;
  }

  /** The same, without the unload path. */
  ReadStatementSize withoutUnload() {
    return new ReadStatementSize(options, direct, false, false, null);
  }

  /** The largest statement the paths that may run would send for {@code form}, in bytes. */
  long bytes(Form form) {
    long max = 0;
    if (direct) {
      max = directBytes(form);
    }
    if (unload) {
      max = Math.max(max, unloadBytes(form));
    }
    return max;
  }

  /** Whether every path that may run can send {@code form}'s statement. */
  boolean fits(Form form) {
    return bytes(form) <= SqlLimits.MAX_SQL_BYTES;
  }

  /** Whether the unload path can send {@code form}'s UNLOAD (false when it may not run). */
  boolean fitsUnload(Form form) {
    return unload && unloadBytes(form) <= SqlLimits.MAX_SQL_BYTES;
  }

  long directBytes(Form form) {
    return SqlLimits.bytes("EXPLAIN ") + SqlLimits.bytes(form.sql());
  }

  long unloadBytes(Form form) {
    return SqlLimits.bytes(
        RedshiftUnloadBatch.unloadSql(options, form.columns().select(form.sql()), sampleTarget));
  }

  /**
   * Bytes left for pushed predicates ({@link SqlLimits#quotedBytes} each, plus their {@code ") AND
   * ("}) beside {@code skeleton}, the smallest select the read can fall back to without them.
   */
  long roomForWhere(Form skeleton) {
    long used = bytes(skeleton) + " WHERE ()".length() + RESERVE_BYTES;
    return Math.max(0, SqlLimits.MAX_SQL_BYTES - used);
  }
}
