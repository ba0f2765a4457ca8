package dev.redshiftdata.spark.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.local.LocalRedshift;
import dev.redshiftdata.local.junit.LocalRedshiftExtension;
import dev.redshiftdata.spark.TestRedshift;
import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.dataapi.DataApi;
import dev.redshiftdata.spark.dataapi.FinishedStatement;
import dev.redshiftdata.spark.dataapi.RedshiftDataException;
import dev.redshiftdata.spark.dataapi.StatementRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.redshiftdata.model.Field;
import software.amazon.awssdk.services.redshiftdata.model.GetStatementResultResponse;

/**
 * The upsert statements run as one BatchExecuteStatement on the local Redshift, as the write path
 * runs them: temp staging table LIKE the target, staged rows (INSERTed here; COPYed by the write),
 * the NULL and duplicate key guards, MERGE.
 */
@ExtendWith(LocalRedshiftExtension.class)
class MergeStatementsIT {

  private static final String SCHEMA = "merge_" + System.nanoTime();
  private static final String STAGE = "stage_rows";

  private static DataApi api;

  @BeforeAll
  static void connect() {
    LocalRedshift redshift = TestRedshift.shared();
    Map<String, String> o = new HashMap<>(redshift.connectionInfo().sparkOptions());
    o.put("database", "dev");
    api = RedshiftOptions.parse(o, Map.of()).dataApi();
    api.execute(StatementRequest.sql("CREATE SCHEMA " + SCHEMA));
  }

  /** Creates the target with rows 1..3 and returns its name. */
  private static TableName target(String name, String columns, String rows) {
    TableName t = TableName.of(SCHEMA, name);
    api.execute(
        StatementRequest.batch(
            List.of(
                "CREATE TABLE " + t.quoted() + " (" + columns + ")",
                "INSERT INTO " + t.quoted() + " VALUES " + rows)));
    return t;
  }

  /** The merge batch: staging table, staged rows, guards, MERGE. */
  private static List<String> mergeBatch(
      TableName target, String stagedRows, List<String> columns, List<String> keys) {
    return List.of(
        MergeStatements.createStagingTable(target, STAGE),
        "INSERT INTO "
            + Identifiers.quote(STAGE)
            + " ("
            + columns.stream().map(Identifiers::quote).collect(Collectors.joining(", "))
            + ") VALUES "
            + stagedRows,
        MergeStatements.nullKeyGuard(STAGE, keys),
        MergeStatements.duplicateKeyGuard(STAGE, keys),
        MergeStatements.upsert(target, STAGE, columns, keys));
  }

  private static List<String> rows(String sql) {
    FinishedStatement done = api.execute(StatementRequest.sql(sql));
    List<String> out = new ArrayList<>();
    for (Iterator<GetStatementResultResponse> it = api.resultPages(done.id()); it.hasNext(); ) {
      for (List<Field> record : it.next().records()) {
        out.add(record.stream().map(MergeStatementsIT::text).collect(Collectors.joining("|")));
      }
    }
    return out;
  }

  private static String text(Field f) {
    if (Boolean.TRUE.equals(f.isNull())) {
      return "null";
    }
    if (f.longValue() != null) {
      return f.longValue().toString();
    }
    return f.stringValue();
  }

  @Test
  void upsertUpdatesMatchedRowsAndInsertsNewOnesKeepingUnwrittenColumns() {
    TableName t =
        target(
            "people",
            "id INT NOT NULL, name VARCHAR(20), score INT, created INT NOT NULL DEFAULT 7",
            "(1, 'one', 10, 1), (2, 'two', 20, 2), (3, 'three', 30, 3)");
    // "created" is not written: the staging table inherits its NOT NULL and (INCLUDING DEFAULTS)
    // its default, so the staged rows load; matched rows keep it, new rows get the default.
    List<String> columns = List.of("id", "name", "score");
    FinishedStatement done =
        api.execute(
            StatementRequest.batch(
                mergeBatch(
                    t,
                    "(2, 'TWO', 22), (4, 'four', NULL), (5, NULL, 55)",
                    columns,
                    List.of("ID")))); // keys resolve ignoring case, as Redshift folds names
    assertEquals(5, done.subStatementIds().size());
    assertEquals(
        List.of("1|one|10|1", "2|TWO|22|2", "3|three|30|3", "4|four|null|7", "5|null|55|7"),
        rows("SELECT id, name, score, created FROM " + t.quoted() + " ORDER BY id"));
  }

  @Test
  void stagedRowsCopiedFromParquetIntoTheTempTableMergeInTheSameBatch() {
    TableName t =
        target(
            "copied",
            "id INT NOT NULL, name VARCHAR(20), score INT",
            "(1, 'one', 10), (2, 'two', 20)");
    String prefix = "s3://local-redshift/merge-it/" + System.nanoTime() + "/";
    api.execute(
        StatementRequest.sql(
            "UNLOAD ('SELECT 2 AS id, ''TWO'' AS name, 22 AS score"
                + " UNION ALL SELECT 3, ''three'', 33') TO '"
                + prefix
                + "' IAM_ROLE default FORMAT PARQUET"));
    List<String> columns = List.of("id", "name", "score");
    List<String> batch = new ArrayList<>();
    batch.add(MergeStatements.createStagingTable(t, STAGE));
    batch.add(
        "COPY "
            + Identifiers.quote(STAGE)
            + " (\"id\", \"name\", \"score\") FROM '"
            + prefix
            + "' IAM_ROLE default FORMAT PARQUET");
    batch.addAll(MergeStatements.afterStaging(t, STAGE, columns, List.of("ID")));
    api.execute(StatementRequest.batch(batch));
    assertEquals(
        List.of("1|one|10", "2|TWO|22", "3|three|33"),
        rows("SELECT id, name, score FROM " + t.quoted() + " ORDER BY id"));
  }

  @Test
  void hostileIdentifiersInKeysAndColumns() {
    // Quoted names with quotes, spaces, mixed case and a backslash; Redshift folds the ASCII
    // letters of quoted names (case-sensitive identifiers are off), so they are stored lower case.
    String k1 = "key \"one\"";
    String k2 = "Region Name\\x";
    String v = "Value, \"quoted\"";
    TableName t =
        target(
            "Hostile \"T\" table",
            Identifiers.quote(k1)
                + " INT, "
                + Identifiers.quote(k2)
                + " VARCHAR(10), "
                + Identifiers.quote(v)
                + " VARCHAR(10)",
            "(1, 'eu', 'a'), (1, 'us', 'b'), (2, 'eu', 'c')");
    TableName stored = TableName.of(SCHEMA, Identifiers.foldAscii(t.table()));
    List<String> columns = List.of(k1, k2, v).stream().map(Identifiers::foldAscii).toList();
    List<String> keys = List.of(k2.toUpperCase(), k1);
    api.execute(
        StatementRequest.batch(
            mergeBatch(stored, "('us', 1, 'B2'), ('us', 2, 'new')", reorder(columns), keys)));
    assertEquals(
        List.of("1|eu|a", "1|us|B2", "2|eu|c", "2|us|new"),
        rows(
            "SELECT "
                + columns.stream().map(Identifiers::quote).collect(Collectors.joining(", "))
                + " FROM "
                + stored.quoted()
                + " ORDER BY 1, 2"));
  }

  /** The written columns in another order than the table's: (k2, k1, v). */
  private static List<String> reorder(List<String> c) {
    return List.of(c.get(1), c.get(0), c.get(2));
  }

  @Test
  void everyColumnAKeyInsertsOnlyNewRows() {
    TableName t = target("keys_only", "a INT, b INT", "(1, 1), (1, 2)");
    List<String> columns = List.of("a", "b");
    api.execute(StatementRequest.batch(mergeBatch(t, "(1, 2), (2, 2)", columns, columns)));
    assertEquals(
        List.of("1|1", "1|2", "2|2"), rows("SELECT a, b FROM " + t.quoted() + " ORDER BY a, b"));
  }

  @Test
  void duplicateStagedKeysFailTheBatchAndLeaveTheTargetUnchanged() {
    TableName t = target("dups", "k1 INT, \"K 2\" VARCHAR(5), v INT", "(1, 'a', 1), (2, 'b', 2)");
    List<String> before = rows("SELECT * FROM " + t.quoted() + " ORDER BY 1");
    List<String> columns = List.of("k1", "k 2", "v");
    RedshiftDataException e =
        assertThrows(
            RedshiftDataException.class,
            () ->
                api.execute(
                    StatementRequest.batch(
                        mergeBatch(
                            t,
                            "(1, 'a', 10), (1, 'a', 11), (3, 'c', 3), (3, 'c', 4), (3, 'd', 5)",
                            columns,
                            List.of("k1", "k 2")))));
    String error = e.redshiftError().orElseThrow();
    assertTrue(
        error.contains(
            "Cannot merge: 2 value(s) of mergeKeys (\"k1\", \"k 2\") occur in more than one"
                + " written row"),
        error);
    // The error names the failing sub-statement (<batch>:4, the duplicate guard), so a caller can
    // tell which guard failed by its position in the batch.
    assertTrue(e.statementId().orElseThrow().endsWith(":4"), e.statementId().toString());
    assertEquals(before, rows("SELECT * FROM " + t.quoted() + " ORDER BY 1"));
  }

  @Test
  void nullStagedKeysFailTheBatchAndLeaveTheTargetUnchanged() {
    TableName t = target("nulls", "k INT, v INT", "(1, 1)");
    RedshiftDataException e =
        assertThrows(
            RedshiftDataException.class,
            () ->
                api.execute(
                    StatementRequest.batch(
                        mergeBatch(
                            t, "(1, 10), (NULL, 2), (NULL, 3)", List.of("k", "v"), List.of("k")))));
    String error = e.redshiftError().orElseThrow();
    assertTrue(
        error.contains("Cannot merge: 2 written row(s) have NULL in mergeKeys (\"k\")"), error);
    assertTrue(e.statementId().orElseThrow().endsWith(":3"), e.statementId().toString());
    assertEquals(List.of("1|1"), rows("SELECT k, v FROM " + t.quoted()));
  }

  @Test
  void guardsPassWhenTheStagedRowsAreEmpty() {
    TableName t = target("empty_stage", "k INT, v INT", "(1, 1)");
    api.execute(
        StatementRequest.batch(
            List.of(
                MergeStatements.createStagingTable(t, STAGE),
                MergeStatements.nullKeyGuard(STAGE, List.of("k")),
                MergeStatements.duplicateKeyGuard(STAGE, List.of("k")),
                MergeStatements.upsert(t, STAGE, List.of("k", "v"), List.of("k")))));
    assertEquals(List.of("1|1"), rows("SELECT k, v FROM " + t.quoted()));
  }
}
