package dev.redshiftdata.spark.write;

import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.dataapi.DataApi;
import dev.redshiftdata.spark.dataapi.FinishedStatement;
import dev.redshiftdata.spark.dataapi.RedshiftDataException;
import dev.redshiftdata.spark.dataapi.StatementRequest;
import dev.redshiftdata.spark.sql.CopyStatement;
import dev.redshiftdata.spark.sql.SqlLimits;
import dev.redshiftdata.spark.sql.StagingUrls;
import dev.redshiftdata.spark.sql.TableName;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one transaction of a write's commit: a {@link TransactionPlan}'s statements around {@code
 * COPY target (columns) FROM manifest ... FORMAT AS PARQUET MANIFEST} and a statement failing the
 * transaction unless {@code pg_last_copy_count()} equals the rows the tasks reported, sent as ONE
 * BatchExecuteStatement. Its ClientToken is fixed per attempt, so resending it (the SDK's retries,
 * or ours after a transient failure) never loads twice; a serializable-isolation conflict (Redshift
 * error 1023) runs the whole batch again with a new token, up to {@code commitMaxAttempts}.
 */
final class CommitTransaction {

  private static final Logger LOG = LoggerFactory.getLogger(CommitTransaction.class);

  /** Resends of one attempt's batch after a transient failure (same ClientToken). */
  static final int TRANSIENT_RESENDS = 3;

  private final RedshiftOptions options;
  private final DataApi api;
  private final TableName target;
  private final String commitId = UUID.randomUUID().toString();

  // Read on the driver for the Spark UI after the commit.
  private volatile int attempts;

  CommitTransaction(RedshiftOptions options, DataApi api, TableName target) {
    this.options = options;
    this.api = api;
    this.target = target;
  }

  /** Batches run (more than 1 after serialization conflicts); 0 before. */
  int attempts() {
    return attempts;
  }

  /**
   * Fails, before any task writes a file, when the transaction could not be sent: more statements
   * than a batch takes, or a statement over the Data API's size limit (a MERGE or CREATE TABLE of
   * many long column names, a long overwrite condition, long pre- or post-actions). Checked with
   * the largest row count the commit can report.
   */
  void check(TransactionPlan plan, String manifestUrl) {
    List<String> sqls = statements(plan, manifestUrl, Long.MAX_VALUE);
    for (int i = 0; i < sqls.size(); i++) {
      long bytes = SqlLimits.bytes(sqls.get(i));
      if (bytes > SqlLimits.MAX_SQL_BYTES) {
        String sql = sqls.get(i).stripLeading();
        String kind = sql.substring(0, Math.min(sql.length(), 12)).split("\\s", 2)[0];
        throw new IllegalArgumentException(
            "Cannot write to table "
                + target.quoted()
                + ": statement "
                + (i + 1)
                + " of its transaction, a "
                + kind.toUpperCase(Locale.ROOT)
                + ", would be "
                + String.format(Locale.ROOT, "%,d", bytes)
                + " bytes (UTF-8), over the Data API's limit of "
                + String.format(Locale.ROOT, "%,d", SqlLimits.MAX_SQL_BYTES)
                + " bytes per statement; nothing was written. Write fewer columns, use a shorter"
                + " overwrite condition or shorter table or column comments, or shorten 'preActions' and"
                + " 'postActions'.");
      }
    }
  }

  /**
   * The transaction's statements.
   *
   * @param manifestUrl the manifest the COPY reads, as Hadoop names it; null: no COPY (no files)
   * @param rows the rows the COPY must load
   */
  List<String> statements(TransactionPlan plan, String manifestUrl, long rows) {
    List<String> sqls = new ArrayList<>(plan.before());
    if (manifestUrl != null) {
      CopyStatement statement =
          new CopyStatement(
              plan.copyInto() != null ? plan.copyInto() : target,
              plan.copyColumns(),
              StagingUrls.toS3(manifestUrl),
              options.staging().iamRole().orElseThrow(),
              plan.serializeToJson(),
              options.staging().tempdirRegion().orElse(null));
      sqls.add(statement.sql() + options.write().copyOptions().map(o -> " " + o).orElse(""));
      sqls.add(CopyStatement.rowCountGuard(rows));
    }
    sqls.addAll(plan.after());
    if (sqls.size() > StatementRequest.MAX_BATCH_SIZE) {
      throw new IllegalArgumentException(
          "Cannot write to table "
              + target.quoted()
              + ": the transaction would have "
              + sqls.size()
              + " statements, above the Data API's limit of "
              + StatementRequest.MAX_BATCH_SIZE
              + " per BatchExecuteStatement. Use fewer 'preActions' and 'postActions'.");
    }
    return sqls;
  }

  /**
   * Runs {@code sqls} as one transaction, again after serialization conflicts.
   *
   * @param stagingS3Prefix where the files are, to find their load errors when the COPY fails
   * @throws IllegalStateException when the transaction failed (rolled back; the target unchanged),
   *     with Redshift's first load errors for a failed COPY
   */
  StagedCommit.Result run(List<String> sqls, CopyManifest manifest, String stagingS3Prefix) {
    int maxAttempts = options.write().commitMaxAttempts();
    for (int attempt = 1; ; attempt++) {
      attempts = attempt;
      StatementRequest request =
          StatementRequest.batch(sqls).withClientToken(commitId + "-" + attempt);
      int resends = 0;
      while (true) {
        try {
          FinishedStatement done = api.execute(request);
          LOG.info(
              "Loaded {} rows in {} files into {} (statement {}, attempt {})",
              manifest.rows(),
              manifest.files().size(),
              target.quoted(),
              done.id(),
              attempt);
          return new StagedCommit.Result(
              done.id(), manifest.rows(), manifest.files().size(), attempt, sqls);
        } catch (RedshiftDataException e) {
          if (isSerializationConflict(e) && attempt < maxAttempts) {
            LOG.info(
                "Write to {} hit a serializable isolation conflict (attempt {} of {}); running"
                    + " the transaction again",
                target.quoted(),
                attempt,
                maxAttempts);
            break;
          }
          if (e.kind().isTransient() && resends < TRANSIENT_RESENDS) {
            resends++;
            LOG.info(
                "Write to {}: {} failure, sending the same batch (same ClientToken) again",
                target.quoted(),
                e.kind());
            continue;
          }
          throw failure(e, stagingS3Prefix);
        }
      }
    }
  }

  static boolean isSerializationConflict(RedshiftDataException e) {
    return e.kind() == RedshiftDataException.Kind.SERIALIZATION_CONFLICT;
  }

  private IllegalStateException failure(RedshiftDataException e, String stagingS3Prefix) {
    StringBuilder sb =
        new StringBuilder("Cannot write to table ")
            .append(target.quoted())
            .append(": the transaction was rolled back and the table is unchanged. ")
            .append(e.getMessage());
    if (e.kind() == RedshiftDataException.Kind.STATEMENT_FAILED
        && e.sql().map(s -> s.startsWith("COPY")).orElse(false)) {
      List<String> errors = LoadErrors.read(api, stagingS3Prefix);
      if (!errors.isEmpty()) {
        sb.append(" Load errors Redshift recorded (stl_load_errors): ")
            .append(String.join("; ", errors));
      }
    }
    return new IllegalStateException(sb.toString(), e);
  }
}
