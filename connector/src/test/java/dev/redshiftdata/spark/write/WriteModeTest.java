package dev.redshiftdata.spark.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.redshiftdata.spark.sql.TableName;
import dev.redshiftdata.spark.write.WriteMode.Target;
import java.util.List;
import org.junit.jupiter.api.Test;

class WriteModeTest {

  private static final TableName T = TableName.of("public", "t");
  private static final WriteRequest APPEND = new WriteRequest.Append();
  private static final WriteRequest OVERWRITE_ALL = new WriteRequest.Overwrite(List.of());
  private static final WriteRequest OVERWRITE_WHERE =
      new WriteRequest.Overwrite(List.of("\"id\" > 3"));

  private static WriteMode choose(WriteRequest request, Target found, String... options) {
    return WriteMode.choose(request, TestWriteOptions.of(options), T, found);
  }

  private static String refused(WriteRequest request, Target found, String... options) {
    return assertThrows(IllegalArgumentException.class, () -> choose(request, found, options))
        .getMessage();
  }

  @Test
  void sparksRequestIsTheModeWithoutOptions() {
    assertEquals(new WriteMode.Append(), choose(APPEND, Target.TABLE));
    assertEquals(
        new WriteMode.Append(), choose(new WriteRequest.CreateOnly("ignore"), Target.ABSENT));
    assertEquals(new WriteMode.OverwriteAll(), choose(OVERWRITE_ALL, Target.TABLE));
    assertEquals(
        new WriteMode.OverwriteWhere(List.of("\"id\" > 3")), choose(OVERWRITE_WHERE, Target.TABLE));
  }

  @Test
  void mergeKeysMakeAnAppendAMerge() {
    assertEquals(
        new WriteMode.Merge(List.of("id", "k")), choose(APPEND, Target.TABLE, "mergeKeys", "id,k"));
    assertEquals(
        new WriteMode.Merge(List.of("id")),
        choose(new WriteRequest.CreateOnly("errorifexists"), Target.ABSENT, "mergeKeys", "id"));
  }

  @Test
  void overwriteModeRecreateMakesAnOverwriteOfEveryRowARecreate() {
    assertEquals(
        new WriteMode.Recreate(), choose(OVERWRITE_ALL, Target.TABLE, "overwriteMode", "recreate"));
    assertEquals(new WriteMode.Append(), choose(APPEND, Target.TABLE, "overwriteMode", "recreate"));
  }

  @Test
  void createOnlyRefusesAnExistingTable() {
    assertEquals(
        "Cannot write to table \"public\".\"t\": it already exists, and save mode 'errorifexists'"
            + " writes only a table it creates. Use mode 'append' or 'overwrite' to write to it.",
        refused(new WriteRequest.CreateOnly("errorifexists"), Target.TABLE));
    refused(new WriteRequest.CreateOnly("ignore"), Target.VIEW);
  }

  @Test
  void recreateRefusesACondition() {
    assertEquals(
        "Cannot overwrite the rows of table \"public\".\"t\" matching a condition with option"
            + " 'overwriteMode' recreate, which replaces the whole table. Accepted: overwriteMode"
            + " truncate (the default) for a conditional overwrite, or no condition.",
        refused(OVERWRITE_WHERE, Target.ABSENT, "overwriteMode", "recreate"));
  }

  @Test
  void aViewIsRefused() {
    assertEquals(
        "Cannot write to \"public\".\"t\": Redshift reports no columns for it (a view?). Write to"
            + " a table.",
        refused(APPEND, Target.VIEW));
  }

  @Test
  void mergeKeysRefuseAnOverwrite() {
    String expected =
        "Cannot write to table \"public\".\"t\": option 'mergeKeys' upserts into the table's rows,"
            + " so it needs mode 'append'; remove it to overwrite.";
    assertEquals(expected, refused(OVERWRITE_ALL, Target.TABLE, "mergeKeys", "id"));
    assertEquals(expected, refused(OVERWRITE_WHERE, Target.ABSENT, "mergeKeys", "id"));
    assertEquals(
        expected,
        refused(OVERWRITE_ALL, Target.TABLE, "mergeKeys", "id", "overwriteMode", "recreate"));
  }
}
