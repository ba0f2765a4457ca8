package dev.redshiftdata.spark.write;

import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.read.RedshiftTable;
import dev.redshiftdata.spark.sql.TableName;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/**
 * Every save mode of {@code df.write.format("redshift-data").save()}, as users of spark-redshift
 * expect: {@code errorifexists} (Spark's default) fails when the table exists, {@code ignore}
 * leaves an existing table alone, both otherwise create and load it; {@code append} and {@code
 * overwrite} as before.
 *
 * <p>Spark offers a DataSource V2 {@code TableProvider} only append and overwrite, and refuses the
 * other modes before the source is called; it falls back to DataSource V1's {@code
 * CreatableRelationProvider}, which is given the mode, when the table lacks {@code BATCH_WRITE}. So
 * {@code df.write.save()} is routed there (see {@code RedshiftDataSource#getTable}), and this runs
 * the DataSource V2 write itself, nested, with {@link #NESTED} set so that it gets the real table.
 * The create-only modes pass {@link #CREATE_ONLY}: the write then refuses a table that exists, and
 * its {@code CREATE TABLE} (never {@code IF NOT EXISTS}) fails in the COPY's transaction if one
 * appears meanwhile.
 */
public final class SaveModes {
  private SaveModes() {}

  /** Marks the nested write's options: its table is the real one, not the route. */
  public static final String NESTED = "__redshift_data_nested";

  /** In the nested write's options: the table must not exist (the save mode, for messages). */
  public static final String CREATE_ONLY = "__redshift_data_create_only";

  /** Keys Spark's DataSource V1 path adds to the options, meaningless to the connector. */
  private static final String[] V1_KEYS = {"__partition_columns", "__clustering_columns"};

  /**
   * Saves {@code data} with {@code mode}.
   *
   * @param options the write's options (as the V1 path hands them: keys may be lower case)
   */
  public static void save(
      SaveMode mode, Map<String, String> options, Map<String, String> session, Dataset<Row> data) {
    Map<String, String> nested = new HashMap<>(options);
    for (String key : V1_KEYS) {
      nested.remove(key);
    }
    nested.put(NESTED, "true");
    SaveMode nestedMode = mode == SaveMode.Overwrite ? SaveMode.Overwrite : SaveMode.Append;
    if (mode == SaveMode.Ignore) {
      // ignore must not fail on an existing table, so it looks first; errorifexists needs no
      // look of its own: the nested write describes the table anyway and refuses it (CREATE_ONLY)
      RedshiftOptions parsed = RedshiftOptions.parse(nested, session);
      parsed.requireTable("write");
      if (RedshiftBatchWrite.exists(parsed, RedshiftTable.locate(parsed).table())) {
        return;
      }
    }
    if (mode == SaveMode.ErrorIfExists || mode == SaveMode.Ignore) {
      nested.put(CREATE_ONLY, modeName(mode));
    }
    data.write().format("redshift-data").options(nested).mode(nestedMode).save();
  }

  static String modeName(SaveMode mode) {
    return mode.name().toLowerCase(Locale.ROOT);
  }

  static IllegalArgumentException alreadyExists(TableName target, String mode) {
    return new IllegalArgumentException(
        "Cannot write to table "
            + target.quoted()
            + ": it already exists, and save mode '"
            + mode
            + "' writes only a table it creates. Use mode 'append' or 'overwrite' to write to it.");
  }
}
