package dev.redshiftdata.spark.write;

import dev.redshiftdata.spark.amazonml.AmazonMlEmission;
import dev.redshiftdata.spark.amazonml.CsvTaskFiles;
import dev.redshiftdata.spark.amazonml.RequestSpec;
import dev.redshiftdata.spark.config.AmazonMlOptions;
import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.dataapi.CallStats;
import dev.redshiftdata.spark.dataapi.DataApi;
import dev.redshiftdata.spark.dataapi.RedshiftDataException;
import dev.redshiftdata.spark.sql.TableName;
import dev.redshiftdata.spark.types.MappingOptions;
import dev.redshiftdata.spark.types.TypeMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.write.BatchWrite;
import org.apache.spark.sql.connector.write.DataWriterFactory;
import org.apache.spark.sql.connector.write.PhysicalWriteInfo;
import org.apache.spark.sql.connector.write.WriterCommitMessage;
import org.apache.spark.sql.types.StructType;
import software.amazon.awssdk.services.redshiftdata.model.ColumnMetadata;

/**
 * One batch write into a Redshift table: tasks stage Parquet in the target's column order; the
 * commit runs {@link StagedCommit} with the statements {@link CommitPlanner} planned for the
 * write's {@link WriteMode} (pre-actions, DROP and CREATE TABLE, DELETE, the merge, post-actions)
 * around the COPY and the row-count check, in one transaction. With {@code amazonMl.datasource},
 * tasks also write the Amazon ML CSV and the commit checks it before the transaction and publishes
 * the datasource after it ({@link AmazonMlEmission}).
 */
final class RedshiftBatchWrite implements BatchWrite {

  private final StagedCommit staged;
  private final TransactionPlan plan;
  private final StagedWriterFactory factory;
  private final AmazonMlEmission emission;
  private AmazonMlEmission.Result published;

  private RedshiftBatchWrite(
      StagedCommit staged,
      TransactionPlan plan,
      StagedWriterFactory factory,
      AmazonMlEmission emission) {
    this.staged = staged;
    this.plan = plan;
    this.factory = factory;
    this.emission = emission;
  }

  /**
   * Describes the target, chooses the {@link WriteMode}, matches the DataFrame's columns to the
   * target and creates the staging prefix.
   *
   * @param target the table qualified with its schema, or with one part only when {@code
   *     RedshiftTable.locate} found it in no schema of the search_path (then it is created)
   */
  static RedshiftBatchWrite prepare(
      RedshiftOptions options, TableName target, StructType input, WriteRequest request) {
    CallStats calls = new CallStats();
    DataApi api = options.dataApi().withStats(calls);
    List<ColumnMetadata> columns = describe(api, target);
    WriteMode mode = WriteMode.choose(request, options, target, found(api, target, columns));
    Optional<StructType> targetSchema =
        columns.isEmpty()
            ? Optional.empty()
            : Optional.of(
                TypeMapping.schemaOfMetadata(
                    columns, MappingOptions.forSession(options.read().superAsVariant(), false)));
    String mergeStaging = "redshift_data_merge_" + UUID.randomUUID().toString().replace("-", "");
    WritePlan plan =
        new CommitPlanner(options, target, FileRows.sessionCastZone(options), mergeStaging)
            .plan(mode, targetSchema, input);
    StagedCommit staged = StagedCommit.create(options, target, SparkSession.active(), calls);
    StagedWriterFactory factory = StagedWriterFactory.checked(staged, plan, input, options);
    AmazonMlEmission emission = null;
    if (options.amazonMl().datasource() != AmazonMlOptions.Datasource.NONE) {
      // The CSV has the table's columns in the table's order, as the COPY loads them.
      emission = AmazonMlEmission.prepare(options, target, plan.fileSchema(), staged.conf());
      factory = factory.emitting(emission.writerSettings(), true);
    }
    return new RedshiftBatchWrite(staged, plan.transaction(), factory, emission);
  }

  private static List<ColumnMetadata> describe(DataApi api, TableName target) {
    if (target.schema() == null) {
      // Looked up on the search_path and in none of its schemas (RedshiftTable.locate): a new
      // table. DescribeTable without a schema would match the same name in any schema.
      return List.of();
    }
    try {
      return api.describeTable(target.schemaName().orElse(null), target.table());
    } catch (RedshiftDataException e) {
      throw new IllegalArgumentException(
          "Cannot write to table " + target.quoted() + ": cannot describe it: " + e.getMessage(),
          e);
    }
  }

  /** Whether {@code target} exists (a table or a view). */
  static boolean exists(RedshiftOptions options, TableName target) {
    DataApi api = options.dataApi();
    return found(api, target, describe(api, target)) != WriteMode.Target.ABSENT;
  }

  private static WriteMode.Target found(
      DataApi api, TableName target, List<ColumnMetadata> columns) {
    if (!columns.isEmpty()) {
      return WriteMode.Target.TABLE;
    }
    // Without columns, a view or a new table: ListTables tells (once).
    return tableExists(api, target) ? WriteMode.Target.VIEW : WriteMode.Target.ABSENT;
  }

  private static boolean tableExists(DataApi api, TableName target) {
    if (target.schema() == null) {
      return false;
    }
    String schema = target.schema();
    return api.listTables(schema, target.table()).stream()
        .anyMatch(t -> target.table().equals(t.name()) && schema.equals(t.schema()));
  }

  StagedCommit staged() {
    return staged;
  }

  @Override
  public DataWriterFactory createBatchWriterFactory(PhysicalWriteInfo info) {
    return factory;
  }

  /**
   * The Amazon ML request specs this write published (empty without {@code amazonMl.datasource} or
   * before the commit): what a submission sends.
   */
  List<RequestSpec> publishedSpecs() {
    return published == null ? List.of() : published.specs();
  }

  /** What the Amazon ML emission published, or null. */
  AmazonMlEmission.Result amazonMlResult() {
    return published;
  }

  @Override
  public void commit(WriterCommitMessage[] messages) {
    if (emission == null) {
      staged.commit(messages, plan);
      return;
    }
    WriterCommitMessage[] parquet = new WriterCommitMessage[messages.length];
    List<CsvTaskFiles> csv = new ArrayList<>();
    for (int i = 0; i < messages.length; i++) {
      if (messages[i] instanceof EmittingTaskFiles e) {
        parquet[i] = e.parquet();
        csv.add(e.csv());
      }
    }
    AmazonMlEmission.Checked checked;
    try {
      // Too many dropped rows or a spec Amazon ML would refuse: fail before the COPY.
      checked = emission.check(csv);
    } catch (RuntimeException e) {
      emission.discard();
      staged.abort();
      throw e;
    }
    try {
      staged.commit(parquet, plan);
      published = emission.publish(checked);
      emission.submitIfRequested(published);
    } finally {
      emission.discard();
    }
  }

  @Override
  public void abort(WriterCommitMessage[] messages) {
    staged.abort();
    if (emission != null) {
      emission.discard();
    }
  }
}
