package dev.redshiftdata.spark.write;

import dev.redshiftdata.spark.amazonml.AmazonMlEmission;
import dev.redshiftdata.spark.amazonml.CsvTaskFiles;
import dev.redshiftdata.spark.amazonml.RequestSpec;
import dev.redshiftdata.spark.compat.ParquetWriting;
import dev.redshiftdata.spark.config.AmazonMlOptions;
import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.dataapi.CallStats;
import dev.redshiftdata.spark.dataapi.DataApi;
import dev.redshiftdata.spark.dataapi.RedshiftDataException;
import dev.redshiftdata.spark.sql.ColumnMatcher;
import dev.redshiftdata.spark.sql.DeleteStatement;
import dev.redshiftdata.spark.sql.Identifiers;
import dev.redshiftdata.spark.sql.MergeStatements;
import dev.redshiftdata.spark.sql.TableName;
import dev.redshiftdata.spark.staging.SerializableHadoopConf;
import dev.redshiftdata.spark.types.MappingOptions;
import dev.redshiftdata.spark.types.Narrowing;
import dev.redshiftdata.spark.types.TypeMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.write.BatchWrite;
import org.apache.spark.sql.connector.write.DataWriterFactory;
import org.apache.spark.sql.connector.write.PhysicalWriteInfo;
import org.apache.spark.sql.connector.write.WriterCommitMessage;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import software.amazon.awssdk.services.redshiftdata.model.ColumnMetadata;

/**
 * One batch write into a Redshift table: tasks stage Parquet in the target's column order; the
 * commit runs {@link StagedCommit} with pre-actions, {@code CREATE TABLE} (when the table does not
 * exist), {@code DELETE} (overwrite), COPY, the row-count check and post-actions in one
 * transaction. With {@code amazonMl.datasource}, tasks also write the Amazon ML CSV and the commit
 * checks it before the transaction and publishes the datasource after it ({@link
 * AmazonMlEmission}).
 */
final class RedshiftBatchWrite implements BatchWrite {

  private final StagedCommit staged;
  private final StagedCommit.Plan plan;
  private final StagedWriterFactory factory;
  private final AmazonMlEmission emission;
  private AmazonMlEmission.Result published;

  private RedshiftBatchWrite(
      StagedCommit staged,
      StagedCommit.Plan plan,
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
    WriteMode.Target found;
    if (!columns.isEmpty()) {
      found = WriteMode.Target.TABLE;
    } else {
      // Without columns, a view or a new table: ListTables tells (once).
      found = tableExists(api, target) ? WriteMode.Target.VIEW : WriteMode.Target.ABSENT;
    }
    WriteMode mode = WriteMode.choose(request, options, target, found);
    List<String> before = new ArrayList<>();
    for (String action : options.preActions()) {
      before.add(action.replace("%s", target.quoted()));
    }
    List<String> after = new ArrayList<>();
    for (String action : options.postActions()) {
      after.add(action.replace("%s", target.quoted()));
    }
    StructType fileSchema;
    List<String> copyColumns;
    int[] ordinals;
    Narrowing narrowing = null;
    // With timestampType=ltz a timestamp creates a TIMESTAMP, written as its session wall clock.
    StructType created =
        options.timestampAsLtz() ? ColumnMatcher.timestampsAsWallClocks(input) : input;
    String castZone = castZone(options);
    boolean shifts = castZone != null;
    if (mode instanceof WriteMode.Recreate || columns.isEmpty()) {
      if (!columns.isEmpty()) {
        // DROP and CREATE in the COPY's transaction: a failure leaves the old table as it was.
        before.add("DROP TABLE " + target.quoted());
      }
      fileSchema = DeferredCreateWrite.fileSchema(created, options.caseSensitiveIdentifiers());
      copyColumns = List.of(fileSchema.fieldNames());
      before.addAll(DeferredCreateWrite.createStatements(options, target, created));
      ordinals = ColumnMatcher.castOrdinals(input, fileSchema, shifts);
    } else {
      StructType targetSchema =
          TypeMapping.schemaOfMetadata(
              columns, MappingOptions.forSession(options.superAsVariant(), false));
      ColumnMatcher.Match match =
          ColumnMatcher.match(
              input,
              targetSchema,
              options.allowExtraTargetColumns(),
              options.allowNarrowing(),
              target);
      if (mode instanceof WriteMode.OverwriteAll) {
        before.add(DeleteStatement.all(target));
      } else if (mode instanceof WriteMode.OverwriteWhere where) {
        before.add(DeleteStatement.where(target, where.conditions()));
      }
      copyColumns = match.targetColumns();
      fileSchema = match.fileSchema();
      ordinals = match.passesThrough(input, shifts) ? null : match.inputOrdinals();
      if (options.allowNarrowing() && ordinals != null) {
        narrowing = Narrowing.plan(input, fileSchema, ordinals, ColumnMatcher::compatible);
      }
    }
    boolean nested = hasNestedColumns(fileSchema);
    TableName copyInto = null;
    if (mode instanceof WriteMode.Merge upsert) {
      // COPY into a temporary table like the target, then MERGE from it, in the same transaction:
      // duplicate or NULL keys fail the transaction before the target changes.
      String stage = "redshift_data_merge_" + UUID.randomUUID().toString().replace("-", "");
      before.add(MergeStatements.createStagingTable(target, stage));
      List<String> merge =
          new ArrayList<>(MergeStatements.afterStaging(target, stage, copyColumns, upsert.keys()));
      merge.add("DROP TABLE " + Identifiers.quote(stage));
      after.addAll(0, merge);
      copyInto = TableName.of(stage);
    }
    StagedCommit staged = StagedCommit.create(options, target, SparkSession.active(), calls);
    StagedCommit.Plan plan = new StagedCommit.Plan(before, copyColumns, nested, after, copyInto);
    // A transaction that could not be sent fails now, before tasks stage any file.
    staged.checkStatements(plan);
    StagedWriterFactory factory =
        new StagedWriterFactory(
            new SerializableHadoopConf(ParquetWriting.conf(staged.conf(), fileSchema)),
            staged.prefix(),
            input,
            fileSchema,
            new FileRows(ordinals, castZone, narrowing),
            options.writeMaxFileSize());
    AmazonMlEmission emission = null;
    if (options.amazonMl().datasource() != AmazonMlOptions.Datasource.NONE) {
      // The CSV has the table's columns in the table's order, as the COPY loads them.
      emission = AmazonMlEmission.prepare(options, target, fileSchema, staged.conf());
      factory = factory.emitting(emission.writerSettings(), true);
    }
    return new RedshiftBatchWrite(staged, plan, factory, emission);
  }

  /**
   * The session time zone when timestamps are staged as its wall clocks (option {@code
   * timestampType=ltz} in a zone other than UTC), else null.
   */
  static String castZone(RedshiftOptions options) {
    if (!options.timestampAsLtz()) {
      return null;
    }
    MappingOptions mapping = MappingOptions.forSession(false, true);
    return mapping.shiftsWallClocks() ? mapping.wallClockZone() : null;
  }

  /** Whether COPY must load some columns as SUPER ({@code SERIALIZETOJSON}). */
  static boolean hasNestedColumns(StructType fileSchema) {
    for (StructField f : fileSchema.fields()) {
      if (f.dataType() instanceof StructType
          || f.dataType() instanceof ArrayType
          || f.dataType() instanceof MapType) {
        return true;
      }
    }
    return false;
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
    return !describe(api, target).isEmpty() || tableExists(api, target);
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

  StagedCommit.Plan plan() {
    return plan;
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
