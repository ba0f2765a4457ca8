package dev.redshiftdata.spark.write;

import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.sql.TableName;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.write.BatchWrite;
import org.apache.spark.sql.connector.write.DataWriterFactory;
import org.apache.spark.sql.connector.write.PhysicalWriteInfo;
import org.apache.spark.sql.connector.write.WriterCommitMessage;
import org.apache.spark.sql.types.StructType;

/**
 * A write into a table that does not exist yet, whose transaction runs later: tasks stage Parquet,
 * {@link #commit} only keeps the committed tasks' messages, and {@link #commitStaged} runs {@code
 * replaceStatements} (e.g. {@code DROP TABLE}), {@code CREATE TABLE}, comments and the COPY in ONE
 * transaction ({@link StagedCommit}). The catalog's atomic create/replace-table-as-select uses it:
 * the table appears only when fully loaded, and any failure leaves no table and no staging files.
 */
public final class DeferredCreateWrite implements BatchWrite {

  private final StagedCommit staged;
  private final TransactionPlan plan;
  private final StagedWriterFactory factory;
  private WriterCommitMessage[] messages;

  private DeferredCreateWrite(
      StagedCommit staged, TransactionPlan plan, StagedWriterFactory factory) {
    this.staged = staged;
    this.plan = plan;
    this.factory = factory;
  }

  /**
   * Plans the transaction and creates the staging prefix.
   *
   * @param tableSchema the columns of the new table, in order; the input rows have them by position
   * @param replaceStatements statements run first in the transaction (empty to create only)
   */
  public static DeferredCreateWrite prepare(
      RedshiftOptions options,
      TableName target,
      StructType tableSchema,
      List<String> replaceStatements) {
    WritePlan plan =
        new CommitPlanner(options, target, FileRows.sessionCastZone(options), null)
            .createTable(replaceStatements, tableSchema);
    StagedCommit staged = StagedCommit.create(options, target, SparkSession.active());
    StagedWriterFactory factory = StagedWriterFactory.checked(staged, plan, tableSchema, options);
    return new DeferredCreateWrite(staged, plan.transaction(), factory);
  }

  /** The statements run before the COPY: replace statements, CREATE TABLE, comments. */
  public List<String> statementsBeforeCopy() {
    return plan.before();
  }

  @Override
  public DataWriterFactory createBatchWriterFactory(PhysicalWriteInfo info) {
    return factory;
  }

  /** Keeps the committed tasks' files for {@link #commitStaged}; runs nothing. */
  @Override
  public void commit(WriterCommitMessage[] messages) {
    this.messages = messages.clone();
  }

  @Override
  public void abort(WriterCommitMessage[] messages) {
    staged.abort();
  }

  /**
   * Runs the one transaction (replace statements, CREATE TABLE, COPY of the committed files) and
   * deletes the staging prefix, also when it fails.
   *
   * @throws IllegalStateException when the write was not committed, or the transaction failed
   */
  public StagedCommit.Result commitStaged() {
    if (messages == null) {
      staged.abort();
      throw new IllegalStateException(
          "Cannot create table " + staged.target().quoted() + ": its data write did not commit.");
    }
    try {
      return staged.commit(messages, plan);
    } catch (IllegalStateException e) {
      throw new IllegalStateException(
          "Cannot create table "
              + staged.target().quoted()
              + " from the query: no table was created and a table it replaces is kept. "
              + e.getMessage(),
          e);
    }
  }

  /** Deletes the staging prefix. Never throws. */
  public void abortStaged() {
    staged.abort();
  }
}
