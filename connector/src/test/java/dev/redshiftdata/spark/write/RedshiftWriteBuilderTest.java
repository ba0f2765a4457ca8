package dev.redshiftdata.spark.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.sql.TableName;
import java.util.Map;
import org.apache.spark.sql.connector.expressions.Expression;
import org.apache.spark.sql.connector.expressions.FieldReference;
import org.apache.spark.sql.connector.expressions.LiteralValue;
import org.apache.spark.sql.connector.expressions.filter.AlwaysTrue;
import org.apache.spark.sql.connector.expressions.filter.Predicate;
import org.apache.spark.sql.connector.write.LogicalWriteInfo;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;

class RedshiftWriteBuilderTest {

  private static final TableName T = TableName.of("s", "t");

  private static RedshiftWriteBuilder builder() {
    RedshiftOptions options =
        RedshiftOptions.parse(
            Map.of("dbtable", "s.t", "clusterIdentifier", "c", "database", "dev"), Map.of());
    LogicalWriteInfo info =
        new LogicalWriteInfo() {
          @Override
          public CaseInsensitiveStringMap options() {
            return CaseInsensitiveStringMap.empty();
          }

          @Override
          public String queryId() {
            return "q";
          }

          @Override
          public StructType schema() {
            return new StructType().add("d", DataTypes.IntegerType);
          }
        };
    StructType table =
        new StructType()
            .add("d", DataTypes.IntegerType)
            .add("e", DataTypes.IntegerType)
            .add("c", DataTypes.StringType)
            .add("f", DataTypes.DoubleType);
    return new RedshiftWriteBuilder(options, T, info, table);
  }

  private static Predicate gt(String col, int v) {
    return new Predicate(
        ">",
        new Expression[] {
          FieldReference.column(col), LiteralValue.apply(v, DataTypes.IntegerType)
        });
  }

  @Test
  void appendIsTheDefault() {
    assertEquals("RedshiftAppend(\"s\".\"t\")", builder().build().description());
  }

  @Test
  void truncateAndOverwriteAlwaysTrueDeleteEveryRow() {
    assertEquals("RedshiftOverwrite(\"s\".\"t\")", builder().truncate().build().description());
    assertEquals(
        "RedshiftOverwrite(\"s\".\"t\")",
        builder().overwrite(new Predicate[] {new AlwaysTrue()}).build().description());
  }

  @Test
  void overwriteByFilterDeletesTheMatchingRows() {
    RedshiftWriteBuilder b = builder();
    Predicate[] ps = {gt("d", 3), gt("e", 4)};
    assertTrue(b.canOverwrite(ps));
    assertEquals(
        "RedshiftOverwrite(\"s\".\"t\", WHERE \"d\" > 3 AND \"e\" > 4)",
        b.overwrite(ps).build().description());
  }

  private static Predicate eq(String col, Object v, org.apache.spark.sql.types.DataType type) {
    return new Predicate(
        "=", new Expression[] {FieldReference.column(col), LiteralValue.apply(v, type)});
  }

  @Test
  void aPredicateWithoutRedshiftEquivalentIsRefusedNamingIt() {
    Predicate odd =
        new Predicate("NO_SUCH_FUNCTION", new Expression[] {FieldReference.column("d")});
    // true, so that Spark calls overwrite and the user gets its message, not Spark's generic one
    assertTrue(builder().canOverwrite(new Predicate[] {gt("d", 1), odd}));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> builder().overwrite(new Predicate[] {gt("d", 1), odd}));
    assertTrue(e.getMessage().contains("where NO_SUCH_FUNCTION(d)"), e.getMessage());
  }

  @Test
  void stringFloatAndUnknownColumnConditionsAreRefusedNamingTheCondition() {
    Predicate string = eq("c", UTF8String.fromString("ab "), DataTypes.StringType);
    Predicate dbl = eq("f", 1.5, DataTypes.DoubleType);
    Predicate unknown = gt("zz", 1);
    for (Predicate p : new Predicate[] {string, dbl, unknown}) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> builder().overwrite(new Predicate[] {gt("d", 1), p}));
      assertTrue(
          e.getMessage().startsWith("Cannot overwrite the rows of table \"s\".\"t\" where "));
      assertTrue(e.getMessage().contains("mergeKeys"), e.getMessage());
    }
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> builder().overwrite(new Predicate[] {string}));
    assertTrue(e.getMessage().contains("where c = 'ab ':"), e.getMessage());
  }

  @Test
  void anExactConditionInsideOrAndNotIsReplaced() {
    Predicate or =
        new Predicate(
            "OR",
            new Expression[] {gt("d", 1), new Predicate("NOT", new Expression[] {gt("e", 2)})});
    assertEquals(
        "RedshiftOverwrite(\"s\".\"t\", WHERE (\"d\" > 1) OR (NOT (\"e\" > 2)))",
        builder().overwrite(new Predicate[] {or}).build().description());
  }
}
