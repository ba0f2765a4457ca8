package dev.redshiftdata.spark.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.spark.sql.MergeStatements;
import dev.redshiftdata.spark.sql.TableName;
import dev.redshiftdata.spark.types.MappingOptions;
import dev.redshiftdata.spark.types.TypeMapping;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.redshiftdata.model.ColumnMetadata;

/** Every mode's statements, without any Data API. */
class CommitPlannerTest {

  private static final TableName T = TableName.of("public", "t");
  private static final String CREATE =
      "CREATE TABLE \"public\".\"t\" (\"id\" BIGINT, \"v\" VARCHAR(65535))";
  private static final StructType INPUT =
      new StructType().add("id", DataTypes.LongType).add("v", DataTypes.StringType);
  private static final Optional<StructType> TABLE =
      Optional.of(
          TypeMapping.schemaOfMetadata(
              List.of(column("id", "int8"), column("v", "varchar")), MappingOptions.DEFAULTS));

  private static ColumnMetadata column(String name, String type) {
    return ColumnMetadata.builder()
        .name(name)
        .typeName(type)
        .precision(type.equals("varchar") ? 256 : 19)
        .length(type.equals("varchar") ? 256 : 0)
        .nullable(1)
        .build();
  }

  private static WritePlan plan(
      WriteMode mode, Optional<StructType> table, StructType input, String... options) {
    return new CommitPlanner(TestWriteOptions.of(options), T, null, "stage")
        .plan(mode, table, input);
  }

  private static WritePlan plan(WriteMode mode, Optional<StructType> table, String... options) {
    return plan(mode, table, INPUT, options);
  }

  private static void assertCopiesIntoTheTable(WritePlan plan) {
    assertEquals(List.of("id", "v"), plan.transaction().copyColumns());
    assertNull(plan.transaction().copyInto());
    assertFalse(plan.transaction().serializeToJson());
  }

  @Test
  void anAppendOnlyCopies() {
    WritePlan plan = plan(new WriteMode.Append(), TABLE);
    assertEquals(List.of(), plan.transaction().before());
    assertEquals(List.of(), plan.transaction().after());
    assertCopiesIntoTheTable(plan);
    assertNull(plan.fileRows().ordinals(), "the rows are staged as they are");
  }

  @Test
  void theFilesHaveTheTablesColumnOrder() {
    StructType input =
        new StructType().add("v", DataTypes.StringType).add("id", DataTypes.LongType);
    WritePlan plan = plan(new WriteMode.Append(), TABLE, input);
    assertCopiesIntoTheTable(plan);
    assertArrayEquals(new int[] {1, 0}, plan.fileRows().ordinals());
    assertEquals(List.of("id", "v"), List.of(plan.fileSchema().fieldNames()));
  }

  @Test
  void anOverwriteOfEveryRowDeletesThemFirst() {
    WritePlan plan = plan(new WriteMode.OverwriteAll(), TABLE);
    assertEquals(List.of("DELETE FROM \"public\".\"t\""), plan.transaction().before());
    assertEquals(List.of(), plan.transaction().after());
    assertCopiesIntoTheTable(plan);
  }

  @Test
  void anOverwriteWhereDeletesTheMatchingRowsFirst() {
    WritePlan plan =
        plan(new WriteMode.OverwriteWhere(List.of("\"id\" > 3", "\"v\" IS NULL")), TABLE);
    assertEquals(
        List.of("DELETE FROM \"public\".\"t\" WHERE (\"id\" > 3) AND (\"v\" IS NULL)"),
        plan.transaction().before());
    assertCopiesIntoTheTable(plan);
  }

  @Test
  void aMergeCopiesIntoATemporaryTableThenMergesAndDropsIt() {
    WritePlan plan = plan(new WriteMode.Merge(List.of("ID")), TABLE);
    assertEquals(
        List.of("CREATE TEMP TABLE \"stage\" (LIKE \"public\".\"t\" INCLUDING DEFAULTS)"),
        plan.transaction().before());
    assertEquals(TableName.of("stage"), plan.transaction().copyInto());
    List<String> after = plan.transaction().after();
    assertEquals(4, after.size(), after.toString());
    assertEquals(
        MergeStatements.afterStaging(T, "stage", List.of("id", "v"), List.of("ID")),
        after.subList(0, 3));
    assertTrue(
        after.get(2).startsWith("MERGE INTO \"public\".\"t\" USING \"stage\""), after.get(2));
    assertEquals("DROP TABLE \"stage\"", after.get(3));
  }

  @Test
  void anAbsentTargetIsCreatedFromTheDataFrameWhateverTheMode() {
    for (WriteMode mode :
        List.of(
            new WriteMode.Append(),
            new WriteMode.OverwriteAll(),
            new WriteMode.OverwriteWhere(List.of("\"id\" > 3")),
            new WriteMode.Recreate())) {
      WritePlan plan = plan(mode, Optional.empty());
      assertEquals(List.of(CREATE), plan.transaction().before(), mode.toString());
      assertEquals(List.of(), plan.transaction().after());
      assertCopiesIntoTheTable(plan);
    }
  }

  @Test
  void aMergeIntoAnAbsentTargetCreatesItFirst() {
    WritePlan plan = plan(new WriteMode.Merge(List.of("id")), Optional.empty());
    assertEquals(
        List.of(CREATE, "CREATE TEMP TABLE \"stage\" (LIKE \"public\".\"t\" INCLUDING DEFAULTS)"),
        plan.transaction().before());
    assertEquals(TableName.of("stage"), plan.transaction().copyInto());
  }

  @Test
  void recreateDropsTheTableAndCreatesItInTheTransaction() {
    WritePlan plan = plan(new WriteMode.Recreate(), TABLE);
    assertEquals(List.of("DROP TABLE \"public\".\"t\"", CREATE), plan.transaction().before());
    assertCopiesIntoTheTable(plan);
  }

  @Test
  void preAndPostActionsNameTheTargetForPercentS() {
    WritePlan plan =
        plan(
            new WriteMode.OverwriteAll(),
            TABLE,
            "preActions",
            "GRANT SELECT ON %s TO u; ANALYZE %s",
            "postActions",
            "VACUUM %s");
    assertEquals(
        List.of(
            "GRANT SELECT ON \"public\".\"t\" TO u",
            "ANALYZE \"public\".\"t\"",
            "DELETE FROM \"public\".\"t\""),
        plan.transaction().before());
    assertEquals(List.of("VACUUM \"public\".\"t\""), plan.transaction().after());
  }

  @Test
  void theActionsSurroundTheCreateAndTheMerge() {
    WritePlan plan =
        plan(
            new WriteMode.Merge(List.of("id")),
            Optional.empty(),
            "preActions",
            "SELECT 1",
            "postActions",
            "SELECT 2");
    List<String> before = plan.transaction().before();
    assertEquals(List.of("SELECT 1", CREATE), before.subList(0, 2));
    List<String> after = plan.transaction().after();
    assertEquals("DROP TABLE \"stage\"", after.get(after.size() - 2));
    assertEquals("SELECT 2", after.get(after.size() - 1));
  }

  @Test
  void nestedColumnsAreCopiedAsJson() {
    StructType input = INPUT.add("tags", DataTypes.createArrayType(DataTypes.StringType));
    WritePlan plan = plan(new WriteMode.Append(), Optional.empty(), input);
    assertTrue(plan.transaction().serializeToJson());
    assertEquals(List.of("id", "v", "tags"), plan.transaction().copyColumns());
  }

  @Test
  void theCatalogsCreateTableAsSelectRunsItsReplaceStatementsThenCreates() {
    WritePlan plan =
        new CommitPlanner(TestWriteOptions.of("preActions", "SELECT 1"), T, null, "stage")
            .createTable(List.of("DROP TABLE \"public\".\"t\""), INPUT);
    assertEquals(List.of("DROP TABLE \"public\".\"t\"", CREATE), plan.transaction().before());
    assertEquals(List.of(), plan.transaction().after(), "no actions");
    assertCopiesIntoTheTable(plan);
  }
}
