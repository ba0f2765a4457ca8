package dev.redshiftdata.spark.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.spark.sql.connector.catalog.TableChange;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.VarcharType;
import org.junit.jupiter.api.Test;

class AlterStatementsTest {

  private static final TableName T = TableName.of("s", "t");
  private static final List<String> EXISTING = List.of("id", "name");

  private static List<String> sql(TableChange change) {
    return AlterStatements.of(T, change, Identifiers::foldAscii, EXISTING);
  }

  private static String[] col(String name) {
    return new String[] {name};
  }

  @Test
  void columnsAreAddedDroppedRenamedAndCommented() {
    assertEquals(
        List.of(
            "ALTER TABLE \"s\".\"t\" ADD COLUMN \"score\" DECIMAL(10,2)",
            "COMMENT ON COLUMN \"s\".\"t\".\"score\" IS 'it''s'"),
        sql(TableChange.addColumn(col("Score"), DataTypes.createDecimalType(10, 2), true, "it's")));
    assertEquals(
        List.of("ALTER TABLE \"s\".\"t\" DROP COLUMN \"name\""),
        sql(TableChange.deleteColumn(col("NAME"), false)));
    assertEquals(List.of(), sql(TableChange.deleteColumn(col("gone"), true)));
    assertEquals(
        List.of("ALTER TABLE \"s\".\"t\" RENAME COLUMN \"name\" TO \"label\""),
        sql(TableChange.renameColumn(col("name"), "Label")));
    assertEquals(
        List.of("COMMENT ON COLUMN \"s\".\"t\".\"id\" IS NULL"),
        sql(TableChange.updateColumnComment(col("id"), null)));
    assertEquals(
        List.of("ALTER TABLE \"s\".\"t\" ALTER COLUMN \"name\" TYPE VARCHAR(2000)"),
        sql(TableChange.updateColumnType(col("name"), VarcharType.apply(500))),
        "Spark's 500 characters are up to 2000 Redshift bytes");
    assertEquals(
        List.of("ALTER TABLE \"s\".\"t\" ADD COLUMN \"code\" VARCHAR(20)"),
        sql(TableChange.addColumn(col("code"), VarcharType.apply(5), true, null)));
  }

  @Test
  void tablePropertiesBecomeCommentsAndDistributionChanges() {
    assertEquals(
        List.of("COMMENT ON TABLE \"s\".\"t\" IS 'x'"),
        sql(TableChange.setProperty("comment", "x")));
    assertEquals(
        List.of("COMMENT ON TABLE \"s\".\"t\" IS NULL"),
        sql(TableChange.removeProperty("comment")));
    assertEquals(
        List.of("ALTER TABLE \"s\".\"t\" ALTER DISTSTYLE EVEN"),
        sql(TableChange.setProperty("distStyle", "even")));
    assertEquals(
        List.of("ALTER TABLE \"s\".\"t\" ALTER DISTKEY \"id\""),
        sql(TableChange.setProperty("distKey", "ID")));
    assertEquals(
        List.of("ALTER TABLE \"s\".\"t\" ALTER SORTKEY (\"id\", \"name\")"),
        sql(TableChange.setProperty("sortKey", "id, name")));
    assertEquals(
        List.of("ALTER TABLE \"s\".\"t\" ALTER SORTKEY AUTO"),
        sql(TableChange.setProperty("sortKey", "auto")));
  }

  @Test
  void changesRedshiftCannotMakeFailSayingSo() {
    assertRefused(
        TableChange.updateColumnType(col("id"), DataTypes.StringType), "can only change a VARCHAR");
    assertRefused(TableChange.updateColumnNullability(col("id"), false), "does not support it");
    assertRefused(
        TableChange.addColumn(col("n"), DataTypes.IntegerType, false), "nullable columns only");
    assertRefused(
        TableChange.addColumn(new String[] {"a", "b"}, DataTypes.IntegerType), "nested field a.b");
    assertRefused(
        TableChange.updateColumnPosition(col("id"), TableChange.ColumnPosition.first()),
        "does not support it");
    assertRefused(TableChange.setProperty("colour", "red"), "'colour'");
    IllegalArgumentException style =
        assertThrows(
            IllegalArgumentException.class,
            () -> sql(TableChange.setProperty("distStyle", "diagonal")));
    assertTrue(style.getMessage().contains("'distStyle'"), style.getMessage());
  }

  private static void assertRefused(TableChange change, String why) {
    UnsupportedOperationException e =
        assertThrows(UnsupportedOperationException.class, () -> sql(change));
    assertTrue(
        e.getMessage().startsWith("Cannot alter table \"s\".\"t\": cannot "), e.getMessage());
    assertTrue(e.getMessage().contains(why), e.getMessage());
  }
}
