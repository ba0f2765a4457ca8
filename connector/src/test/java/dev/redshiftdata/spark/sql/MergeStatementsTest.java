package dev.redshiftdata.spark.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MergeStatementsTest {

  private static final TableName T = TableName.of("sales", "or\"ders");

  @Test
  void stagingTableIsATemporaryCopyOfTheTarget() {
    assertEquals(
        "CREATE TEMP TABLE \"stage\" (LIKE \"sales\".\"or\"\"ders\" INCLUDING DEFAULTS)",
        MergeStatements.createStagingTable(T, "stage"));
    assertThrows(
        IllegalArgumentException.class, () -> MergeStatements.createStagingTable(T, "OR\"DERS"));
    assertThrows(IllegalArgumentException.class, () -> MergeStatements.createStagingTable(T, ""));
  }

  @Test
  void upsertMatchesOnKeysUpdatesTheOtherColumnsAndInsertsTheRest() {
    assertEquals(
        "MERGE INTO \"sales\".\"or\"\"ders\" USING \"stage\""
            + " ON \"or\"\"ders\".\"id\" = \"stage\".\"id\""
            + " AND \"or\"\"ders\".\"Re gion\" = \"stage\".\"Re gion\""
            + " WHEN MATCHED THEN UPDATE SET \"v\" = \"stage\".\"v\", \"w\"\"x\" = \"stage\".\"w\"\"x\""
            + " WHEN NOT MATCHED THEN INSERT (\"v\", \"id\", \"Re gion\", \"w\"\"x\")"
            + " VALUES (\"stage\".\"v\", \"stage\".\"id\", \"stage\".\"Re gion\","
            + " \"stage\".\"w\"\"x\")",
        MergeStatements.upsert(
            T, "stage", List.of("v", "id", "Re gion", "w\"x"), List.of("ID", "re gion")));
  }

  @Test
  void upsertWithOnlyKeyColumnsLeavesMatchedRowsAlone() {
    assertEquals(
        "MERGE INTO \"t\" USING \"s\" ON \"t\".\"a\" = \"s\".\"a\" AND \"t\".\"b\" = \"s\".\"b\""
            + " WHEN MATCHED THEN UPDATE SET \"a\" = \"s\".\"a\""
            + " WHEN NOT MATCHED THEN INSERT (\"a\", \"b\") VALUES (\"s\".\"a\", \"s\".\"b\")",
        MergeStatements.upsert(TableName.of("t"), "s", List.of("a", "b"), List.of("a", "b")));
  }

  @Test
  void upsertErrorsNameTheOption() {
    String missing =
        assertThrows(
                IllegalArgumentException.class,
                () -> MergeStatements.upsert(T, "s", List.of("id", "v"), List.of("nope")))
            .getMessage();
    assertEquals(
        "Cannot merge into \"sales\".\"or\"\"ders\": option 'mergeKeys' names column 'nope',"
            + " which is not among the columns (id, v).",
        missing);
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> MergeStatements.upsert(T, "s", List.of("id", "v"), List.of("id", "ID")))
            .getMessage()
            .contains("names column 'id' twice"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> MergeStatements.upsert(T, "s", List.of("id"), List.of()))
            .getMessage()
            .contains("option 'mergeKeys' names no column"));
  }

  @Test
  void afterStagingResolvesTheKeysOnceForGuardsAndMerge() {
    List<String> columns = List.of("Id", "v");
    assertEquals(
        List.of(
            MergeStatements.nullKeyGuard("s", List.of("Id")),
            MergeStatements.duplicateKeyGuard("s", List.of("Id")),
            MergeStatements.upsert(T, "s", columns, List.of("Id"))),
        MergeStatements.afterStaging(T, "s", columns, List.of("ID")));
    assertThrows(
        IllegalArgumentException.class,
        () -> MergeStatements.afterStaging(T, "s", columns, List.of("nope")));
  }

  @Test
  void duplicateKeyGuardCastsItsMessageOnlyWhenKeysRepeat() {
    assertEquals(
        "SELECT CAST('Cannot merge: ' || CAST(COUNT(*) AS VARCHAR) || ' value(s) of mergeKeys"
            + " (\"id\", \"it''s \\\\\") occur in more than one written row; a merge needs each key"
            + " at most once. Deduplicate the DataFrame on these columns before writing.' AS"
            + " INTEGER) FROM (SELECT 1 AS one FROM \"st\"\"age\" GROUP BY \"id\", \"it's \\\""
            + " HAVING COUNT(*) > 1) AS duplicates HAVING COUNT(*) > 0",
        MergeStatements.duplicateKeyGuard("st\"age", List.of("id", "it's \\")));
  }

  @Test
  void nullKeyGuardCastsItsMessageOnlyWhenAKeyIsNull() {
    assertEquals(
        "SELECT CAST('Cannot merge: ' || CAST(COUNT(*) AS VARCHAR) || ' written row(s) have NULL"
            + " in mergeKeys (\"a\", \"b\"); NULL never matches a key, so these rows would be"
            + " inserted on every write. Filter or fill them before writing.' AS INTEGER) FROM"
            + " \"stage\" WHERE \"a\" IS NULL OR \"b\" IS NULL HAVING COUNT(*) > 0",
        MergeStatements.nullKeyGuard("stage", List.of("a", "b")));
  }
}
