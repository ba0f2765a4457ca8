package dev.redshiftdata.spark.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class CreateTableStatementTest {

  private static final TableName T = TableName.of("s", "t");

  @Test
  void mapsTypesAndNullabilityAndFoldsNames() {
    StructType schema =
        new StructType()
            .add("Id", DataTypes.LongType, false)
            .add("na\"me", DataTypes.StringType)
            .add("at", DataTypes.TimestampType)
            .add("tags", DataTypes.createArrayType(DataTypes.StringType));
    assertEquals(
        "CREATE TABLE \"s\".\"t\" (\"id\" BIGINT NOT NULL, \"na\"\"me\" VARCHAR(65535), \"at\""
            + " TIMESTAMPTZ, \"tags\" SUPER)",
        CreateTableStatement.sql(T, schema, false));
    assertTrue(CreateTableStatement.sql(T, schema, true).contains("(\"Id\" BIGINT NOT NULL"));
    assertEquals(
        List.of("id", "na\"me", "at", "tags"), CreateTableStatement.columnNames(schema, false));
  }

  @Test
  void refusesEmptySchemasAndUnmappableTypes() {
    assertThrows(
        IllegalArgumentException.class, () -> CreateTableStatement.sql(T, new StructType(), false));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                CreateTableStatement.sql(
                    T, new StructType().add("i", DataTypes.CalendarIntervalType), false));
    assertTrue(e.getMessage().contains("i"), e.getMessage());
  }
}
