package dev.redshiftdata.spark.write;

import dev.redshiftdata.spark.compat.SessionInternals;
import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.dataapi.CallStats;
import dev.redshiftdata.spark.sql.TableName;
import dev.redshiftdata.spark.staging.StagingArea;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.write.WriterCommitMessage;

/**
 * Stage files, then commit them with extra statements in one transaction: the core of every write
 * (append, overwrite, merge, and the catalog's create/replace-table-as-select).
 *
 * <p>The driver creates one per write ({@link #create}): a new {@link StagingArea} under {@code
 * tempdir}. Tasks write Parquet under {@link #prefix()}; {@link #commit} writes the COPY manifest
 * of the committed tasks' messages and runs the {@link CommitTransaction}. The staging prefix is
 * deleted after the commit, whether it succeeded or failed, and by {@link #abort}, unless {@code
 * keepStaging}.
 */
public final class StagedCommit {

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

  /** The COPY manifest's name in the staging prefix. */
  private static final String MANIFEST = "manifest.json";

  private final StagingArea staging;
  private final CommitTransaction transaction;
  private final TableName target;
  private final CallStats calls;

  // What the commit did, for the Spark UI (read on the driver after the commit).
  private volatile long rowsLoaded;
  private volatile long commitMillis;

  private StagedCommit(
      StagingArea staging, CommitTransaction transaction, TableName target, CallStats calls) {
    this.staging = staging;
    this.transaction = transaction;
    this.target = target;
    this.calls = calls;
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
    options.staging().require("write to table " + target.quoted());
    StagingArea staging = StagingArea.create(options.staging(), SessionInternals.hadoopConf(spark));
    CommitTransaction transaction =
        new CommitTransaction(options, options.dataApi().withStats(calls), target);
    StagedCommit commit = new StagedCommit(staging, transaction, target, calls);
    // Tracked as a read's prefix is: if the SparkContext stops or the JVM exits before the commit
    // or abort releases it, the lifecycle deletes it.
    staging.trackWrite(spark, commit);
    return commit;
  }

  /** Where tasks write, as Hadoop reads it, ending in '/'. */
  public String prefix() {
    return staging.url();
  }

  /** A copy of the driver's Hadoop configuration. */
  public Configuration conf() {
    return staging.conf();
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
    return transaction.attempts();
  }

  /** See {@link CommitTransaction#check}: fails before any task writes a file. */
  public void checkStatements(TransactionPlan plan) {
    transaction.check(plan, staging.file(MANIFEST));
  }

  /**
   * Loads the files of {@code messages} with {@code plan} in one transaction, then deletes the
   * staging prefix (also when it fails).
   *
   * @throws IllegalStateException when the transaction failed (rolled back; the target unchanged),
   *     with Redshift's first load errors for a failed COPY
   */
  public Result commit(WriterCommitMessage[] messages, TransactionPlan plan) {
    long start = System.nanoTime();
    try {
      CopyManifest manifest = CopyManifest.of(messages);
      boolean copy = !manifest.files().isEmpty();
      List<String> sqls =
          transaction.statements(plan, copy ? staging.file(MANIFEST) : null, manifest.rows());
      if (copy) {
        staging.writeFile(MANIFEST, manifest.json());
      }
      if (sqls.isEmpty()) {
        return new Result(null, 0, 0, 0, sqls);
      }
      Result result = transaction.run(sqls, manifest, staging.s3Url());
      rowsLoaded = result.rows();
      return result;
    } finally {
      staging.release("commit ended");
      commitMillis = (System.nanoTime() - start) / 1_000_000;
    }
  }

  /** Deletes the staging prefix, unless {@code keepStaging}. Never throws. */
  public void abort() {
    staging.release("write aborted");
  }
}
