package dev.redshiftdata.spark.read;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.sql.TableName;
import dev.redshiftdata.spark.types.TypeMapping;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.connector.expressions.Expression;
import org.apache.spark.sql.connector.expressions.Expressions;
import org.apache.spark.sql.connector.expressions.FieldReference;
import org.apache.spark.sql.connector.expressions.LiteralValue;
import org.apache.spark.sql.connector.expressions.NullOrdering;
import org.apache.spark.sql.connector.expressions.SortDirection;
import org.apache.spark.sql.connector.expressions.SortOrder;
import org.apache.spark.sql.connector.expressions.aggregate.AggregateFunc;
import org.apache.spark.sql.connector.expressions.aggregate.Aggregation;
import org.apache.spark.sql.connector.expressions.aggregate.Avg;
import org.apache.spark.sql.connector.expressions.aggregate.CountStar;
import org.apache.spark.sql.connector.expressions.aggregate.Sum;
import org.apache.spark.sql.connector.expressions.filter.Predicate;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;

/** The builder's pushdown decisions and the SQL they produce, without Redshift. */
class RedshiftScanBuilderTest {

  private static final Metadata VARCHAR =
      new MetadataBuilder().putString(TypeMapping.METADATA_TYPE, "varchar").build();

  private static final StructType SCHEMA =
      new StructType()
          .add("id", DataTypes.IntegerType)
          .add("Name", DataTypes.StringType, true, VARCHAR)
          .add("amount", DataTypes.createDecimalType(12, 2))
          .add("score", DataTypes.DoubleType);

  private static RedshiftScanBuilder builder(String... more) {
    Map<String, String> m = new HashMap<>();
    m.put("database", "dev");
    m.put("clusterIdentifier", "my-cluster");
    m.put("secretArn", "arn:aws:secretsmanager:us-east-1:123456789012:secret:s-AbCdEf");
    m.put("region", "eu-west-1");
    m.put("endpoint", "http://127.0.0.1:1");
    for (int i = 0; i < more.length; i += 2) {
      m.put(more[i], more[i + 1]);
    }
    return new RedshiftScanBuilder(
        RedshiftOptions.parse(m, Map.of()),
        new RedshiftTable.ReadSource(TableName.of("public", "t"), null),
        SCHEMA,
        SCHEMA);
  }

  private static Predicate gt(String column, int value) {
    return new Predicate(
        ">",
        new Expression[] {
          FieldReference.column(column), LiteralValue.apply(value, DataTypes.IntegerType)
        });
  }

  private static Predicate eqString(String column, String value) {
    return new Predicate(
        "=",
        new Expression[] {
          FieldReference.column(column),
          LiteralValue.apply(UTF8String.fromString(value), DataTypes.StringType)
        });
  }

  private static Predicate unsupported() {
    return new Predicate("SOME_UDF", new Expression[] {FieldReference.column("id")});
  }

  private static Aggregation sumByName() {
    return new Aggregation(
        new AggregateFunc[] {new CountStar(), new Sum(FieldReference.column("amount"), false)},
        new Expression[] {FieldReference.column("name")});
  }

  private static SortOrder sort(String column, SortDirection d, NullOrdering n) {
    return Expressions.sort(FieldReference.column(column), d, n);
  }

  private static RedshiftScan scan(RedshiftScanBuilder b) {
    return (RedshiftScan) b.build();
  }

  @Test
  void inexactAndUncompiledPredicatesStayInSpark() {
    RedshiftScanBuilder b = builder();
    Predicate exact = gt("id", 1);
    Predicate string = eqString("Name", "x");
    Predicate udf = unsupported();
    Predicate[] left = b.pushPredicates(new Predicate[] {exact, string, udf});
    assertArrayEquals(new Predicate[] {udf, string}, left);
    assertArrayEquals(new Predicate[] {exact, string}, b.pushedPredicates());
  }

  @Test
  void aCompleteAggregateBecomesOneGroupBy() {
    RedshiftScanBuilder b = builder();
    assertEquals(0, b.pushPredicates(new Predicate[] {gt("id", 1)}).length);
    assertTrue(b.supportCompletePushDown(sumByName()));
    assertTrue(b.pushAggregation(sumByName()));
    RedshiftScan scan = scan(b);
    assertEquals(
        "SELECT \"Name\" AS \"group_col_0\", COUNT(*) AS \"agg_func_0\","
            + " CAST(SUM(\"amount\") AS DECIMAL(22, 2)) AS \"agg_func_1\""
            + " FROM \"public\".\"t\" WHERE (\"id\" > 1) GROUP BY \"Name\", LENGTH(\"Name\")",
        scan.sql());
    assertEquals(
        new StructType()
            .add("group_col_0", DataTypes.StringType, true, VARCHAR)
            .add("agg_func_0", DataTypes.LongType)
            .add("agg_func_1", DataTypes.createDecimalType(22, 2)),
        scan.readSchema());
    assertTrue(
        scan.description()
            .contains("pushedAggregates=[\"Name\" AS \"group_col_0\", COUNT(*) AS \"agg_func_0\","),
        scan.description());
    assertTrue(
        scan.description().contains("pushedGroupBy=[\"Name\", LENGTH(\"Name\")]"),
        scan.description());
  }

  @Test
  void noAggregateOverRowsSparkStillFilters() {
    for (Predicate p : new Predicate[] {unsupported(), eqString("Name", "x")}) {
      RedshiftScanBuilder b = builder();
      b.pushPredicates(new Predicate[] {gt("id", 1), p});
      assertFalse(b.supportCompletePushDown(sumByName()));
      assertFalse(b.pushAggregation(sumByName()));
      assertFalse(b.pushLimit(5));
      assertFalse(
          b.pushTopN(
              new SortOrder[] {sort("id", SortDirection.ASCENDING, NullOrdering.NULLS_FIRST)}, 5));
      assertFalse(b.pushOffset(5));
      assertFalse(scan(b).sql().contains("GROUP BY"), scan(b).sql());
    }
  }

  @Test
  void withPredicatePushdownOffAFilteredScanKeepsItsAggregate() {
    RedshiftScanBuilder b = builder("pushDownPredicates", "false");
    Predicate[] all = {gt("id", 1)};
    assertArrayEquals(all, b.pushPredicates(all));
    assertFalse(b.supportCompletePushDown(sumByName()));
    assertFalse(b.pushAggregation(sumByName()));
    assertFalse(b.pushLimit(1));
  }

  @Test
  void anUnsupportedAggregateIsNotCompleteNorPushed() {
    RedshiftScanBuilder b = builder();
    Aggregation avgDecimal =
        new Aggregation(
            new AggregateFunc[] {new Avg(FieldReference.column("amount"), false)},
            new Expression[0]);
    assertFalse(b.supportCompletePushDown(avgDecimal));
    assertFalse(b.pushAggregation(avgDecimal));
    assertEquals(
        "SELECT \"id\", \"Name\", \"amount\", \"score\" FROM \"public\".\"t\"", scan(b).sql());
  }

  @Test
  void optionsTurnAggregateAndLimitPushdownOff() {
    RedshiftScanBuilder b = builder("pushDownAggregates", "false", "pushDownLimit", "false");
    assertFalse(b.supportCompletePushDown(sumByName()));
    assertFalse(b.pushAggregation(sumByName()));
    assertFalse(b.pushLimit(3));
    assertFalse(
        b.pushTopN(
            new SortOrder[] {sort("id", SortDirection.ASCENDING, NullOrdering.NULLS_FIRST)}, 3));
    assertFalse(b.pushOffset(3));
    assertEquals(
        "SELECT \"id\", \"Name\", \"amount\", \"score\" FROM \"public\".\"t\"", scan(b).sql());
  }

  @Test
  void limitAndOffsetFollowSparksOrder() {
    RedshiftScanBuilder b = builder();
    // df.offset(2).limit(5): Spark pushes LIMIT 7 (rows before the offset), then OFFSET 2
    assertTrue(b.pushLimit(7));
    assertTrue(b.isPartiallyPushed(), "Spark applies the limit again");
    assertTrue(b.pushOffset(2));
    RedshiftScan scan = scan(b);
    assertTrue(scan.sql().endsWith(" FROM \"public\".\"t\" LIMIT 5 OFFSET 2"), scan.sql());
    assertTrue(scan.description().contains("pushedLimit=5, pushedOffset=2"), scan.description());

    RedshiftScanBuilder offsetOnly = builder();
    assertTrue(offsetOnly.pushOffset(3));
    assertFalse(offsetOnly.pushLimit(3), "a LIMIT after an OFFSET is not Spark's order");
    assertTrue(scan(offsetOnly).sql().endsWith("\"t\" OFFSET 3"), scan(offsetOnly).sql());
  }

  @Test
  void topNSaysWhereNullsGoAndTakesOnlyComparableColumns() {
    RedshiftScanBuilder b = builder();
    assertTrue(
        b.pushTopN(
            new SortOrder[] {
              sort("ID", SortDirection.DESCENDING, NullOrdering.NULLS_FIRST),
              sort("amount", SortDirection.ASCENDING, NullOrdering.NULLS_LAST)
            },
            4));
    RedshiftScan scan = scan(b);
    assertTrue(
        scan.sql().endsWith(" ORDER BY \"id\" DESC NULLS FIRST, \"amount\" ASC NULLS LAST LIMIT 4"),
        scan.sql());
    assertTrue(scan.description().contains("pushedTopN=["), scan.description());

    for (String refused : new String[] {"Name", "score", "missing"}) {
      assertFalse(
          builder()
              .pushTopN(
                  new SortOrder[] {
                    sort(refused, SortDirection.ASCENDING, NullOrdering.NULLS_FIRST)
                  },
                  4),
          refused);
    }
  }

  @Test
  void topNAfterAnAggregateOrdersOnlyByAGroupColumn() {
    Aggregation byId =
        new Aggregation(
            new AggregateFunc[] {new CountStar()}, new Expression[] {FieldReference.column("id")});
    RedshiftScanBuilder b = builder();
    assertTrue(b.pushAggregation(byId));
    assertFalse(
        b.pushTopN(
            new SortOrder[] {sort("amount", SortDirection.ASCENDING, NullOrdering.NULLS_FIRST)},
            2));
    assertTrue(
        b.pushTopN(
            new SortOrder[] {sort("id", SortDirection.ASCENDING, NullOrdering.NULLS_FIRST)}, 2));
    assertEquals(
        "SELECT \"id\" AS \"group_col_0\", COUNT(*) AS \"agg_func_0\" FROM \"public\".\"t\""
            + " GROUP BY \"id\" ORDER BY \"id\" ASC NULLS FIRST LIMIT 2",
        scan(b).sql());
  }
}
