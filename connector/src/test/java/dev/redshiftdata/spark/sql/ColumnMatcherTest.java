package dev.redshiftdata.spark.sql;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.spark.types.TypeMapping;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class ColumnMatcherTest {

  private static final TableName T = TableName.of("s", "t");

  private static StructField col(String name, DataType type, String rs) {
    return new StructField(
        name, type, true, new MetadataBuilder().putString(TypeMapping.METADATA_TYPE, rs).build());
  }

  private static final StructType TARGET =
      new StructType(
          new StructField[] {
            col("id", DataTypes.LongType, "int8"),
            col("name", DataTypes.StringType, "varchar"),
            col("amount", DataTypes.createDecimalType(12, 2), "numeric"),
            col("at", DataTypes.TimestampNTZType, "timestamp")
          });

  @Test
  void matchesByNameCaseInsensitivelyInTableOrder() {
    StructType input =
        new StructType()
            .add("AT", DataTypes.TimestampType)
            .add("Name", DataTypes.StringType)
            .add("amount", DataTypes.createDecimalType(10, 2))
            .add("ID", DataTypes.IntegerType);
    ColumnMatcher.Match m = ColumnMatcher.match(input, TARGET, false, T);
    assertEquals(List.of("id", "name", "amount", "at"), m.targetColumns());
    assertArrayEquals(new int[] {3, 1, 2, 0}, m.inputOrdinals());
    assertFalse(m.isIdentity(4));
    assertEquals(List.of("id", "name", "amount", "at"), List.of(m.fileSchema().fieldNames()));
    // File columns have the table's types (the writer widens and relabels), all nullable.
    assertEquals(DataTypes.LongType, m.fileSchema().fields()[0].dataType());
    assertEquals(DataTypes.createDecimalType(12, 2), m.fileSchema().fields()[2].dataType());
    assertEquals(DataTypes.TimestampNTZType, m.fileSchema().fields()[3].dataType());
    assertTrue(m.fileSchema().fields()[0].nullable());
    assertFalse(m.passesThrough(input, false));
  }

  @Test
  void anInputInTableOrderIsTheIdentity() {
    StructType input =
        new StructType()
            .add("id", DataTypes.LongType)
            .add("name", DataTypes.StringType)
            .add("amount", DataTypes.createDecimalType(12, 2))
            .add("at", DataTypes.TimestampNTZType);
    assertTrue(ColumnMatcher.match(input, TARGET, false, T).isIdentity(4));
  }

  @Test
  void anExactNameWinsOverACaseInsensitiveOne() {
    StructType target =
        new StructType(
            new StructField[] {
              col("a", DataTypes.LongType, "int8"), col("A", DataTypes.StringType, "varchar")
            });
    StructType input = new StructType().add("A", DataTypes.StringType);
    ColumnMatcher.Match m = ColumnMatcher.match(input, target, true, T);
    assertEquals(List.of("A"), m.targetColumns());
  }

  @Test
  void extraTargetColumnsAreLeftOutOnlyWhenAllowed() {
    StructType input = new StructType().add("name", DataTypes.StringType);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> ColumnMatcher.match(input, TARGET, false, T));
    assertEquals(
        "Cannot write to table \"s\".\"t\": table column 'id' (Redshift int8 (Spark bigint)) is"
            + " not in the DataFrame, whose columns are name. Add it, or set option"
            + " 'allowExtraTargetColumns' to true to leave it to its default.",
        e.getMessage());
    ColumnMatcher.Match m = ColumnMatcher.match(input, TARGET, true, T);
    assertEquals(List.of("name"), m.targetColumns());
    assertArrayEquals(new int[] {0}, m.inputOrdinals());
    assertTrue(m.isIdentity(1));
  }

  @Test
  void extraDataFrameColumnsAndDuplicatesAreRefused() {
    StructType extra =
        new StructType().add("id", DataTypes.LongType).add("nope", DataTypes.StringType);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> ColumnMatcher.match(extra, TARGET, true, T));
    assertEquals(
        "Cannot write to table \"s\".\"t\": column 'nope' of the DataFrame is not in the table,"
            + " whose columns are id, name, amount, at. Drop or rename it.",
        e.getMessage());
    StructType dup = new StructType().add("Id", DataTypes.LongType).add("ID", DataTypes.LongType);
    e =
        assertThrows(
            IllegalArgumentException.class, () -> ColumnMatcher.match(dup, TARGET, true, T));
    assertTrue(e.getMessage().contains("columns 'Id' and 'ID' of the DataFrame both match"));
  }

  @Test
  void incompatibleTypesNameTheColumnAndBothTypes() {
    StructType input = new StructType().add("id", DataTypes.StringType);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> ColumnMatcher.match(input, TARGET, true, T));
    assertEquals(
        "Cannot write to table \"s\".\"t\": column 'id' is string in the DataFrame but Redshift"
            + " int8 (Spark bigint) in the table. Cast it to bigint (the connector converts only"
            + " where no value can change), or set option 'allowNarrowing' to true to convert it,"
            + " checking each value.",
        e.getMessage());
    // with the option, the string goes in, converted value by value
    assertTrue(ColumnMatcher.match(input, TARGET, true, true, T).isIdentity(1));
    StructType bool = new StructType().add("id", DataTypes.BooleanType);
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> ColumnMatcher.match(bool, TARGET, true, true, T))
            .getMessage()
            .endsWith("(the connector converts only where no value can change)."));
  }

  @Test
  void compatibility() {
    assertTrue(ColumnMatcher.compatible(DataTypes.ByteType, DataTypes.ShortType));
    assertTrue(ColumnMatcher.compatible(DataTypes.IntegerType, DataTypes.LongType));
    assertFalse(ColumnMatcher.compatible(DataTypes.LongType, DataTypes.IntegerType));
    assertTrue(
        ColumnMatcher.compatible(
            DataTypes.createDecimalType(5, 2), DataTypes.createDecimalType(12, 2)));
    assertFalse(
        ColumnMatcher.compatible(
            DataTypes.createDecimalType(14, 2), DataTypes.createDecimalType(12, 2)));
    assertTrue(ColumnMatcher.compatible(DataTypes.TimestampNTZType, DataTypes.TimestampType));
    assertFalse(ColumnMatcher.compatible(DataTypes.DoubleType, DataTypes.FloatType));
    assertFalse(ColumnMatcher.compatible(DataTypes.IntegerType, DataTypes.StringType));
  }

  @Test
  void onlyConversionsNoValueCanChangeAreCompatible() {
    // Decimals: at least as many integer digits and fraction digits.
    assertTrue(compatible(DataTypes.createDecimalType(5, 2), DataTypes.createDecimalType(12, 3)));
    assertFalse(compatible(DataTypes.createDecimalType(12, 3), DataTypes.createDecimalType(12, 2)));
    assertFalse(compatible(DataTypes.createDecimalType(5, 2), DataTypes.createDecimalType(5, 3)));
    // Integers into decimals with room for all their digits.
    assertTrue(compatible(DataTypes.IntegerType, DataTypes.createDecimalType(10, 0)));
    assertFalse(compatible(DataTypes.IntegerType, DataTypes.createDecimalType(10, 1)));
    assertTrue(compatible(DataTypes.LongType, DataTypes.createDecimalType(21, 2)));
    assertFalse(compatible(DataTypes.LongType, DataTypes.createDecimalType(18, 0)));
    assertTrue(compatible(DataTypes.ShortType, DataTypes.createDecimalType(5, 0)));
    // Floating point: exact widenings only.
    assertTrue(compatible(DataTypes.FloatType, DataTypes.DoubleType));
    assertTrue(compatible(DataTypes.IntegerType, DataTypes.DoubleType));
    assertFalse(compatible(DataTypes.LongType, DataTypes.DoubleType));
    assertTrue(compatible(DataTypes.ShortType, DataTypes.FloatType));
    assertFalse(compatible(DataTypes.IntegerType, DataTypes.FloatType));
    assertFalse(compatible(DataTypes.DoubleType, DataTypes.createDecimalType(38, 10)));
    assertFalse(compatible(DataTypes.createDecimalType(5, 2), DataTypes.DoubleType));
    assertFalse(compatible(DataTypes.DateType, DataTypes.TimestampType));
    assertFalse(compatible(DataTypes.BooleanType, DataTypes.IntegerType));
  }

  private static boolean compatible(DataType in, DataType out) {
    return ColumnMatcher.compatible(in, out);
  }

  @Test
  void castsAreNeededForWideningsButNotBetweenTimestamps() {
    assertTrue(ColumnMatcher.needsCast(DataTypes.IntegerType, DataTypes.LongType));
    assertTrue(ColumnMatcher.needsCast(DataTypes.FloatType, DataTypes.DoubleType));
    assertFalse(ColumnMatcher.needsCast(DataTypes.TimestampType, DataTypes.TimestampNTZType));
    assertFalse(ColumnMatcher.needsCast(DataTypes.StringType, DataTypes.StringType));
    StructType inOrder =
        new StructType()
            .add("id", DataTypes.LongType)
            .add("name", DataTypes.StringType)
            .add("amount", DataTypes.createDecimalType(12, 2))
            .add("at", DataTypes.TimestampType);
    assertTrue(ColumnMatcher.match(inOrder, TARGET, false, T).passesThrough(inOrder, false));
    // timestampType=ltz in a zone with DST: the timestamp is cast to the session wall clock
    assertFalse(ColumnMatcher.match(inOrder, TARGET, false, T).passesThrough(inOrder, true));
    assertTrue(ColumnMatcher.needsCast(DataTypes.TimestampType, DataTypes.TimestampNTZType, true));
    assertFalse(ColumnMatcher.needsCast(DataTypes.TimestampType, DataTypes.TimestampType, true));
    StructType widened =
        new StructType(
            new StructField[] {
              new StructField("id", DataTypes.IntegerType, true, Metadata.empty()),
              inOrder.fields()[1],
              inOrder.fields()[2],
              inOrder.fields()[3]
            });
    ColumnMatcher.Match m = ColumnMatcher.match(widened, TARGET, false, T);
    assertTrue(m.isIdentity(4));
    assertFalse(m.passesThrough(widened, false));
  }

  @Test
  void anEmptyColumnNameIsNamedByPositionAndTable() {
    StructType input = new StructType().add("id", DataTypes.LongType).add("", DataTypes.StringType);
    assertEquals(
        "Cannot write to table \"public\".\"t\": column 2 of the DataFrame (of 2) has an empty"
            + " name \"\", which Redshift does not allow. Rename it in Spark, e.g."
            + " withColumnRenamed(\"\", \"c2\").",
        assertThrows(
                IllegalArgumentException.class,
                () -> ColumnMatcher.requireNamedColumns(input, "\"public\".\"t\""))
            .getMessage());
    ColumnMatcher.requireNamedColumns(
        new StructType().add(" ", DataTypes.LongType), "\"public\".\"t\"");
  }
}
