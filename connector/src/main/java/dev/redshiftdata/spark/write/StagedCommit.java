package dev.redshiftdata.spark.write;

import dev.redshiftdata.spark.compat.SessionInternals;
import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.dataapi.CallStats;
import dev.redshiftdata.spark.dataapi.DataApi;
import dev.redshiftdata.spark.dataapi.FinishedStatement;
import dev.redshiftdata.spark.dataapi.RedshiftDataException;
import dev.redshiftdata.spark.dataapi.StatementRequest;
import dev.redshiftdata.spark.sql.CopyStatement;
import dev.redshiftdata.spark.sql.SqlLimits;
import dev.redshiftdata.spark.sql.StagingUrls;
import dev.redshiftdata.spark.sql.TableName;
import dev.redshiftdata.spark.staging.StagingLifecycle;
import dev.redshiftdata.spark.staging.StagingPrefix;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.write.WriterCommitMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stage files, then commit them with extra statements in one transaction: the reusable core of
 * every write (append, overwrite, and later the catalog's create/replace-table-as-select).
 *
 * <p>The driver creates one per write ({@link #create}): a new staging prefix under {@code
 * tempdir}. Tasks write Parquet under {@link #prefix()}; {@link #commit} writes the COPY manifest
 * from the committed tasks' messages and runs ONE BatchExecuteStatement (one transaction): {@code
 * before} statements, {@code COPY target (columns) FROM manifest ... FORMAT AS PARQUET MANIFEST}, a
 * statement failing the transaction unless {@code pg_last_copy_count()} equals the rows the
 * messages report, then {@code after} statements. The batch carries a ClientToken fixed per
 * attempt, so resending it (the SDK's retries, or ours after a transient failure) never loads
 * twice; a serializable-isolation conflict (Redshift error 1023) runs the whole batch again with a
 * new token, up to {@code commitMaxAttempts}. The staging prefix is deleted after the commit,
 * whether it succeeded or failed, and by {@link #abort}, unless {@code keepStaging}.
 */
public final class StagedCommit {

  private static final Logger LOG = LoggerFactory.getLogger(StagedCommit.class);

  /** Resends of one attempt's batch after a transient failure (same ClientToken). */
  static final int TRANSIENT_RESENDS = 3;

  /**
   * What runs around the COPY in the transaction.
   *
   * @param before statements before the COPY (pre-actions, CREATE TABLE, DELETE)
   * @param copyColumns the COPY column list, in file column order
   * @param serializeToJson whether COPY needs SERIALIZETOJSON (nested columns into SUPER)
   * @param after statements after the COPY (a merge from the staging table, post-actions)
   * @param copyInto the table the COPY loads: the target, or a staging table a merge reads
   */
  public record Plan(
      List<String> before,
      List<String> copyColumns,
      boolean serializeToJson,
      List<String> after,
      TableName copyInto) {
    public Plan {
      before = List.copyOf(before);
      copyColumns = List.copyOf(copyColumns);
      after = List.copyOf(after);
    }

    /** A plan whose COPY loads the target itself ({@code copyInto} null). */
    public Plan(
        List<String> before,
        List<String> copyColumns,
        boolean serializeToJson,
        List<String> after) {
      this(before, copyColumns, serializeToJson, after, null);
    }
  }

  /**
   * What a commit did.
   *
   * @param statementId the BatchExecuteStatement's id, or null when nothing had to run
   * @param rows rows loaded
   * @param files files loaded
   * @param attempts batches run (more than 1 after serialization conflicts)
   * @param sqls the statements of the batch
   */
  public record Result(String statementId, long rows, int files, int attempts, List<String> sqls) {}

  private final RedshiftOptions options;
  private final DataApi api;
  private final TableName target;
  private final String prefix;
  private final Configuration conf;
  private final String commitId = UUID.randomUUID().toString();
  private final CallStats calls;

  // What the commit did, for the Spark UI (read on the driver after the commit).
  private volatile long rowsLoaded;
  private volatile long commitMillis;
  private volatile int attempts;

  StagedCommit(
      RedshiftOptions options, DataApi api, TableName target, String prefix, Configuration conf) {
    this(options, api, target, prefix, conf, new CallStats());
  }

  private StagedCommit(
      RedshiftOptions options,
      DataApi api,
      TableName target,
      String prefix,
      Configuration conf,
      CallStats calls) {
    this.options = options;
    this.calls = calls;
    this.api = api.withStats(calls);
    this.target = target;
    this.prefix = prefix;
    this.conf = conf;
  }

  /** A commit for a write into {@code target} with a new staging prefix under {@code tempdir}. */
  public static StagedCommit create(RedshiftOptions options, TableName target, SparkSession spark) {
    return create(options, target, spark, new CallStats());
  }

  /**
   * The same, counting the commit's Data API work into {@code calls} (which may already hold the
   * work of preparing the write).
   */
  public static StagedCommit create(
      RedshiftOptions options, TableName target, SparkSession spark, CallStats calls) {
    options.requireStaging("write to table " + target.quoted());
    Configuration conf = SessionInternals.hadoopConf(spark);
    String tempdir = options.tempdir().orElseThrow();
    StagingLifecycle.get().sweepOnce(tempdir, conf, options.stagingSweepAge());
    String prefix = StagingPrefix.create(tempdir, Instant.now()).url();
    return new StagedCommit(options, options.dataApi(), target, prefix, conf, calls);
  }

  /** Where tasks write, as Hadoop reads it, ending in '/'. */
  public String prefix() {
    return prefix;
  }

  /** A copy of the driver's Hadoop configuration. */
  public Configuration conf() {
    return new Configuration(conf);
  }

  public TableName target() {
    return target;
  }

  /** The Data API work of this commit (and of whatever else counted into the same stats). */
  public CallStats calls() {
    return calls;
  }

  /** Rows the committed transaction loaded; 0 until it committed. */
  public long rowsLoaded() {
    return rowsLoaded;
  }

  /** How long {@link #commit} took, from the manifest to the staging cleanup; 0 before. */
  public long commitMillis() {
    return commitMillis;
  }

  /** Transactions {@link #commit} ran (more than 1 after serialization conflicts). */
  public int attempts() {
    return attempts;
  }

  /**
   * Loads the files of {@code messages} with {@code plan} in one transaction, then deletes the
   * staging prefix (also when it fails).
   *
   * @throws IllegalStateException when the transaction failed (rolled back; the target unchanged),
   *     with Redshift's first load errors for a failed COPY
   */
  public Result commit(WriterCommitMessage[] messages, Plan plan) {
    long start = System.nanoTime();
    try {
      CopyManifest manifest = CopyManifest.of(messages);
      List<String> sqls = statements(manifest, plan);
      if (sqls.isEmpty()) {
        return new Result(null, 0, 0, 0, sqls);
      }
      Result result = run(sqls, manifest);
      rowsLoaded = result.rows();
      return result;
    } finally {
      deleteStaging("commit ended");
      commitMillis = (System.nanoTime() - start) / 1_000_000;
    }
  }

  /** Deletes the staging prefix, unless {@code keepStaging}. Never throws. */
  public void abort() {
    deleteStaging("write aborted");
  }

  private List<String> statements(CopyManifest manifest, Plan plan) {
    List<String> sqls = statements(plan, !manifest.files().isEmpty(), manifest.rows());
    if (!manifest.files().isEmpty()) {
      writeManifest(manifestUrl(), manifest.json());
    }
    return sqls;
  }

  private String manifestUrl() {
    return prefix + "manifest.json";
  }

  /**
   * Fails, before any task writes a file, when the commit's transaction could not be sent: more
   * statements than a batch takes, or a statement over the Data API's size limit (a MERGE or CREATE
   * TABLE of many long column names, a long overwrite condition, long pre- or post-actions).
   * Checked with the largest row count the commit can report.
   */
  public void checkStatements(Plan plan) {
    List<String> sqls = statements(plan, true, Long.MAX_VALUE);
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

  /** The transaction's statements; with {@code copy}, a COPY of {@link #manifestUrl()}. */
  private List<String> statements(Plan plan, boolean copy, long rows) {
    List<String> sqls = new ArrayList<>(plan.before());
    if (copy) {
      String manifestUrl = manifestUrl();
      CopyStatement statement =
          new CopyStatement(
              plan.copyInto() != null ? plan.copyInto() : target,
              plan.copyColumns(),
              StagingUrls.toS3(manifestUrl),
              options.iamRole().orElseThrow(),
              plan.serializeToJson(),
              options.tempdirRegion().orElse(null));
      sqls.add(statement.sql() + options.copyOptions().map(o -> " " + o).orElse(""));
      sqls.add(rowCountGuard(rows));
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
   * A statement that fails, rolling the transaction back, unless the COPY just before it loaded
   * exactly {@code rows} rows. The error branch calls {@code pg_last_copy_count()} so it cannot be
   * evaluated (and fail) while the statement is planned.
   */
  static String rowCountGuard(long rows) {
    return "SELECT CASE WHEN pg_last_copy_count() = "
        + rows
        + " THEN 1 ELSE CAST('COPY loaded ' || pg_last_copy_count() || ' rows but the Spark tasks"
        + " wrote "
        + rows
        + "; rolled back' AS INTEGER) END";
  }

  private void writeManifest(String url, String json) {
    Path path = new Path(url);
    try (OutputStream out = path.getFileSystem(conf).create(path, true)) {
      out.write(json.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the COPY manifest " + url, e);
    }
  }

  private Result run(List<String> sqls, CopyManifest manifest) {
    int maxAttempts = options.commitMaxAttempts();
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
          return new Result(done.id(), manifest.rows(), manifest.files().size(), attempt, sqls);
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
          throw failure(e);
        }
      }
    }
  }

  static boolean isSerializationConflict(RedshiftDataException e) {
    return e.kind() == RedshiftDataException.Kind.SERIALIZATION_CONFLICT;
  }

  private IllegalStateException failure(RedshiftDataException e) {
    StringBuilder sb =
        new StringBuilder("Cannot write to table ")
            .append(target.quoted())
            .append(": the transaction was rolled back and the table is unchanged. ")
            .append(e.getMessage());
    if (e.kind() == RedshiftDataException.Kind.STATEMENT_FAILED
        && e.sql().map(s -> s.startsWith("COPY")).orElse(false)) {
      List<String> errors = loadErrors();
      if (!errors.isEmpty()) {
        sb.append(" Load errors Redshift recorded (stl_load_errors): ")
            .append(String.join("; ", errors));
      }
    }
    return new IllegalStateException(sb.toString(), e);
  }

  /** The first load errors of this write's files, read from {@code stl_load_errors}. */
  List<String> loadErrors() {
    return LoadErrors.read(api, StagingUrls.toS3(prefix));
  }

  private void deleteStaging(String reason) {
    if (options.keepStaging()) {
      LOG.info("Keeping staging prefix {} (keepStaging is true)", prefix);
      return;
    }
    try {
      Path path = new Path(prefix);
      FileSystem fs = path.getFileSystem(conf);
      fs.delete(path, true);
      LOG.info("Deleted staging prefix {} ({})", prefix, reason);
    } catch (IOException | RuntimeException e) {
      LOG.warn("Cannot delete staging prefix {} ({}): {}", prefix, reason, e.toString());
    }
  }
}
