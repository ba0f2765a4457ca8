package dev.redshiftdata.spark.write;

import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.sql.ColumnMatcher;
import dev.redshiftdata.spark.sql.CreateTableStatement;
import dev.redshiftdata.spark.sql.DeleteStatement;
import dev.redshiftdata.spark.sql.MergeStatements;
import dev.redshiftdata.spark.sql.SchemaStatements;
import dev.redshiftdata.spark.sql.TableName;
import dev.redshiftdata.spark.sql.TableProperties;
import dev.redshiftdata.spark.types.Narrowing;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Plans a write's transaction and staged files from its {@link WriteMode}, the target's columns and
 * the DataFrame's schema: the statements before the COPY (pre-actions, DROP, CREATE TABLE, DELETE,
 * the merge's staging table), the table and columns the COPY loads, the statements after it (the
 * MERGE, post-actions), and how input rows become file rows. Pure: no Data API, file system or
 * session, so every mode's statements are unit-tested.
 */
public final class CommitPlanner {

  private final RedshiftOptions options;
  private final TableName target;
  private final String castZone;
  private final String mergeStaging;

  /**
   * @param castZone see {@link FileRows#castZone()}
   * @param mergeStaging the temporary table a {@link WriteMode.Merge} loads, unique per write; null
   *     for a write that does not merge
   */
  CommitPlanner(RedshiftOptions options, TableName target, String castZone, String mergeStaging) {
    this.options = options;
    this.target = target;
    this.castZone = castZone;
    this.mergeStaging = mergeStaging;
  }

  /**
   * The plan of {@code mode}.
   *
   * @param targetSchema the target's columns ({@code TypeMapping}, the Redshift types in the
   *     metadata); empty when it does not exist, and the transaction creates it
   */
  WritePlan plan(WriteMode mode, Optional<StructType> targetSchema, StructType input) {
    List<String> before = actions(options.write().preActions());
    Files files;
    if (targetSchema.isEmpty() || mode instanceof WriteMode.Recreate) {
      if (targetSchema.isPresent()) {
        // DROP and CREATE in the COPY's transaction: a failure leaves the old table as it was.
        before.add(SchemaStatements.dropTable(target));
      }
      files = created(input, before);
    } else {
      files = matched(targetSchema.get(), input);
      if (mode instanceof WriteMode.OverwriteAll) {
        before.add(DeleteStatement.all(target));
      } else if (mode instanceof WriteMode.OverwriteWhere where) {
        before.add(DeleteStatement.where(target, where.conditions()));
      }
    }
    List<String> after = new ArrayList<>();
    TableName copyInto = null;
    if (mode instanceof WriteMode.Merge merge) {
      // COPY into a temporary table like the target, then MERGE from it, in the same transaction:
      // duplicate or NULL keys fail the transaction before the target changes.
      before.add(MergeStatements.createStagingTable(target, mergeStaging));
      after.addAll(
          MergeStatements.afterStaging(target, mergeStaging, files.columns(), merge.keys()));
      after.add(SchemaStatements.dropTable(TableName.of(mergeStaging)));
      copyInto = TableName.of(mergeStaging);
    }
    after.addAll(actions(options.write().postActions()));
    return files.plan(before, copyInto, after);
  }

  /**
   * The plan of the catalog's create/replace-table-as-select: {@code replaceStatements}, CREATE
   * TABLE, comments and the COPY; no pre- or post-actions.
   *
   * @param tableSchema the new table's columns; the input rows have them by position
   */
  WritePlan createTable(List<String> replaceStatements, StructType tableSchema) {
    List<String> before = new ArrayList<>(replaceStatements);
    return created(tableSchema, before).plan(before, null, List.of());
  }

  /** The files of a table the transaction creates; adds its CREATE statements to {@code before}. */
  private Files created(StructType input, List<String> before) {
    // With timestampType=ltz a timestamp creates a TIMESTAMP, staged as its session wall clock.
    StructType created =
        options.read().timestampAsLtz() ? ColumnMatcher.timestampsAsWallClocks(input) : input;
    StructType fileSchema = fileSchema(created, options.connection().caseSensitiveIdentifiers());
    before.addAll(createStatements(options, target, created));
    int[] ordinals = ColumnMatcher.castOrdinals(input, fileSchema, castZone != null);
    return new Files(
        fileSchema, List.of(fileSchema.fieldNames()), new FileRows(ordinals, castZone, null));
  }

  /** The files of an existing table: its columns matched by name ({@link ColumnMatcher}). */
  private Files matched(StructType targetSchema, StructType input) {
    ColumnMatcher.Match match =
        ColumnMatcher.match(
            input,
            targetSchema,
            options.write().allowExtraTargetColumns(),
            options.write().allowNarrowing(),
            target);
    int[] ordinals = match.passesThrough(input, castZone != null) ? null : match.inputOrdinals();
    Narrowing narrowing = null;
    if (options.write().allowNarrowing() && ordinals != null) {
      narrowing = Narrowing.plan(input, match.fileSchema(), ordinals, ColumnMatcher::compatible);
    }
    return new Files(
        match.fileSchema(), match.targetColumns(), new FileRows(ordinals, castZone, narrowing));
  }

  /** Pre- or post-actions, {@code %s} replaced by the target's quoted name. */
  private List<String> actions(List<String> actions) {
    List<String> sqls = new ArrayList<>();
    for (String action : actions) {
      sqls.add(action.replace("%s", target.quoted()));
    }
    return sqls;
  }

  /**
   * {@code CREATE TABLE} from {@code tableSchema} with the table properties of {@code options}
   * (dist style, dist key, sort key, encodings), then its {@code COMMENT ON} statements.
   */
  public static List<String> createStatements(
      RedshiftOptions options, TableName target, StructType tableSchema) {
    boolean caseSensitive = options.connection().caseSensitiveIdentifiers();
    TableProperties properties =
        TableProperties.of(options, fileSchema(tableSchema, caseSensitive), target);
    List<String> sqls = new ArrayList<>();
    sqls.add(CreateTableStatement.sql(target, tableSchema, caseSensitive, properties));
    sqls.addAll(properties.commentStatements());
    return sqls;
  }

  /** The table's columns as the created table names them, all nullable (files may hold nulls). */
  static StructType fileSchema(StructType tableSchema, boolean caseSensitive) {
    List<String> names = CreateTableStatement.columnNames(tableSchema, caseSensitive);
    List<StructField> file = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      StructField f = tableSchema.fields()[i];
      file.add(new StructField(names.get(i), f.dataType(), true, f.metadata()));
    }
    return new StructType(file.toArray(new StructField[0]));
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

  /** The staged files: their schema, the COPY's column list and how rows become theirs. */
  private record Files(StructType schema, List<String> columns, FileRows rows) {
    WritePlan plan(List<String> before, TableName copyInto, List<String> after) {
      return new WritePlan(
          new TransactionPlan(before, columns, hasNestedColumns(schema), after, copyInto),
          schema,
          rows);
    }
  }
}
