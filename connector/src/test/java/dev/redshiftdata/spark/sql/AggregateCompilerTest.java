package dev.redshiftdata.spark.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.redshiftdata.spark.types.TypeMapping;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.connector.expressions.Expression;
import org.apache.spark.sql.connector.expressions.FieldReference;
import org.apache.spark.sql.connector.expressions.NamedReference;
import org.apache.spark.sql.connector.expressions.aggregate.AggregateFunc;
import org.apache.spark.sql.connector.expressions.aggregate.Aggregation;
import org.apache.spark.sql.connector.expressions.aggregate.Avg;
import org.apache.spark.sql.connector.expressions.aggregate.Count;
import org.apache.spark.sql.connector.expressions.aggregate.CountStar;
import org.apache.spark.sql.connector.expressions.aggregate.GeneralAggregateFunc;
import org.apache.spark.sql.connector.expressions.aggregate.Max;
import org.apache.spark.sql.connector.expressions.aggregate.Min;
import org.apache.spark.sql.connector.expressions.aggregate.Sum;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class AggregateCompilerTest {

  static final StructType SCHEMA =
      new StructType()
          .add("id", DataTypes.LongType)
          .add("qty", DataTypes.IntegerType)
          .add("price", DataTypes.createDecimalType(10, 2))
          .add("score", DataTypes.DoubleType)
          .add("ratio", DataTypes.FloatType)
          .add("name", DataTypes.StringType, true, redshiftType("varchar"))
          .add("code", DataTypes.StringType, true, redshiftType("bpchar"))
          .add("day", DataTypes.DateType)
          .add("flag", DataTypes.BooleanType)
          .add("blob", DataTypes.BinaryType)
          .add("Odd \"Col\"", DataTypes.IntegerType);

  static Metadata redshiftType(String name) {
    return new MetadataBuilder().putString(TypeMapping.METADATA_TYPE, name).build();
  }

  static NamedReference col(String name) {
    return FieldReference.column(name);
  }

  static Aggregation agg(AggregateFunc[] aggs, Expression... groupBy) {
    return new Aggregation(aggs, groupBy);
  }

  static AggregationResult compile(Aggregation a) {
    return AggregateCompiler.compile(a, SCHEMA)
        .map(c -> new AggregationResult(c.selectItems(), c.groupBy()))
        .orElse(null);
  }

  record AggregationResult(List<String> items, List<String> groupBy) {}

  @Test
  void countStarWithoutGrouping() {
    assertEquals(
        new AggregationResult(List.of("COUNT(*) AS \"agg_func_0\""), List.of()),
        compile(agg(new AggregateFunc[] {new CountStar()})));
  }

  @Test
  void everyFunctionWithGroupBy() {
    AggregationResult r =
        compile(
            agg(
                new AggregateFunc[] {
                  new Count(col("qty"), false),
                  new Count(col("code"), true),
                  new Sum(col("qty"), false),
                  new Sum(col("id"), true),
                  new Sum(col("price"), false),
                  new Sum(col("score"), false),
                  new Min(col("day")),
                  new Max(col("price")),
                  new Avg(col("qty"), false),
                  new Avg(col("ratio"), false)
                },
                col("name"),
                col("Odd \"Col\"")));
    assertEquals(
        List.of(
            "\"name\" AS \"group_col_0\"",
            "\"Odd \"\"Col\"\"\" AS \"group_col_1\"",
            "COUNT(\"qty\") AS \"agg_func_0\"",
            "COUNT(DISTINCT \"code\") AS \"agg_func_1\"",
            "CAST(SUM(\"qty\") AS BIGINT) AS \"agg_func_2\"",
            "CAST(SUM(DISTINCT \"id\") AS BIGINT) AS \"agg_func_3\"",
            "CAST(SUM(\"price\") AS DECIMAL(20, 2)) AS \"agg_func_4\"",
            "SUM(CAST(\"score\" AS DOUBLE PRECISION)) AS \"agg_func_5\"",
            "MIN(\"day\") AS \"agg_func_6\"",
            "MAX(\"price\") AS \"agg_func_7\"",
            "AVG(CAST(\"qty\" AS DOUBLE PRECISION)) AS \"agg_func_8\"",
            "AVG(CAST(\"ratio\" AS DOUBLE PRECISION)) AS \"agg_func_9\""),
        r.items());
    // a VARCHAR key is grouped by its length too: Redshift's = ignores trailing blanks
    assertEquals(List.of("\"name\"", "LENGTH(\"name\")", "\"Odd \"\"Col\"\"\""), r.groupBy());
  }

  @Test
  void resultSchemaHasSparksAggregateResultTypes() {
    StructType wide =
        new StructType()
            .add("b", DataTypes.ByteType)
            .add("s", DataTypes.ShortType)
            .add("d38", DataTypes.createDecimalType(38, 6))
            .add("d30", DataTypes.createDecimalType(30, 0));
    Aggregation a =
        agg(
            new AggregateFunc[] {
              new CountStar(),
              new Count(col("code"), true),
              new Sum(col("qty"), false),
              new Sum(col("id"), false),
              new Sum(col("price"), true),
              new Sum(col("ratio"), false),
              new Avg(col("qty"), false),
              new Avg(col("score"), false),
              new Min(col("day")),
              new Max(col("price")),
              new Sum(col("b"), false),
              new Min(col("s")),
              new Sum(col("d38"), false),
              new Sum(col("d30"), false)
            },
            col("name"),
            col("s"));
    StructType all = SCHEMA.merge(wide, true);
    AggregateCompiler.CompiledAggregation c = AggregateCompiler.compile(a, all).orElseThrow();
    StructType expected =
        new StructType()
            .add("group_col_0", DataTypes.StringType, true, redshiftType("varchar"))
            .add("group_col_1", DataTypes.ShortType)
            .add("agg_func_0", DataTypes.LongType)
            .add("agg_func_1", DataTypes.LongType)
            .add("agg_func_2", DataTypes.LongType)
            .add("agg_func_3", DataTypes.LongType)
            .add("agg_func_4", DataTypes.createDecimalType(20, 2))
            .add("agg_func_5", DataTypes.DoubleType)
            .add("agg_func_6", DataTypes.DoubleType)
            .add("agg_func_7", DataTypes.DoubleType)
            .add("agg_func_8", DataTypes.DateType)
            .add("agg_func_9", DataTypes.createDecimalType(10, 2))
            .add("agg_func_10", DataTypes.LongType)
            .add("agg_func_11", DataTypes.ShortType)
            .add("agg_func_12", DataTypes.createDecimalType(38, 6))
            .add("agg_func_13", DataTypes.createDecimalType(38, 0));
    assertEquals(expected, c.schema());
    assertEquals(
        "CAST(SUM(DISTINCT \"price\") AS DECIMAL(20, 2)) AS \"agg_func_4\"",
        c.selectItems().get(6));
    assertEquals(
        "CAST(SUM(\"d38\") AS DECIMAL(38, 6)) AS \"agg_func_12\"", c.selectItems().get(14));
  }

  @Test
  void columnsResolveIgnoringCaseToTheSchemaName() {
    assertEquals(
        List.of("\"qty\" AS \"group_col_0\"", "MAX(\"id\") AS \"agg_func_0\""),
        compile(agg(new AggregateFunc[] {new Max(col("ID"))}, col("QTY"))).items());
  }

  @Test
  void allOrNothing() {
    AggregateFunc ok = new CountStar();
    for (AggregateFunc bad :
        new AggregateFunc[] {
          new Avg(col("price"), false), // decimal AVG: Spark's scale differs
          new Sum(col("name"), false),
          new Min(col("flag")),
          new Max(col("blob")),
          new Count(col("missing"), false),
          new Count(FieldReference.apply("a.b"), false),
          new GeneralAggregateFunc("STDDEV_SAMP", false, new Expression[] {col("qty")})
        }) {
      assertEquals(
          Optional.empty(),
          AggregateCompiler.compile(agg(new AggregateFunc[] {ok, bad}), SCHEMA),
          bad.getClass().getSimpleName());
    }
    assertEquals(
        Optional.empty(),
        AggregateCompiler.compile(agg(new AggregateFunc[] {ok}, col("missing")), SCHEMA));
  }

  @Test
  void charKeysAndDistinctCharArePushedPlain() {
    AggregationResult r =
        compile(agg(new AggregateFunc[] {new Count(col("code"), true)}, col("code")));
    assertEquals(List.of("\"code\""), r.groupBy());
    assertEquals("COUNT(DISTINCT \"code\") AS \"agg_func_0\"", r.items().get(1));
  }

  @Test
  void whatRedshiftAnswersUnlikeSparkIsRefused() {
    AggregateFunc ok = new CountStar();
    for (AggregateFunc bad :
        new AggregateFunc[] {
          new Count(col("name"), true), // 'ab' and 'ab ' are one value in Redshift
          new Sum(col("score"), true), // -0.0 and 0.0, NaNs
          new Avg(col("ratio"), true),
          new Count(col("score"), true),
          new Min(col("name")),
          new Max(col("name")),
          new Min(col("code")), // padded 'ab' vs 'ab\t': Spark and Redshift order them apart
          new Max(col("code")),
          new Min(col("score")),
          new Max(col("ratio"))
        }) {
      assertEquals(
          Optional.empty(),
          AggregateCompiler.compile(agg(new AggregateFunc[] {ok, bad}), SCHEMA),
          bad.toString());
    }
    for (String floatKey : new String[] {"score", "ratio"}) {
      assertEquals(
          Optional.empty(),
          AggregateCompiler.compile(agg(new AggregateFunc[] {ok}, col(floatKey)), SCHEMA),
          floatKey);
    }
    // SUM/AVG of floats and COUNT of them are still pushed
    assertEquals(
        3,
        compile(
                agg(
                    new AggregateFunc[] {
                      new Sum(col("score"), false),
                      new Avg(col("ratio"), false),
                      new Count(col("score"), false)
                    }))
            .items()
            .size());
  }

  @Test
  void caseInsensitiveStringsAreNeitherKeysNorDistinct() {
    // 'ab' and 'AB' are one value under a CASE_INSENSITIVE collation, two in Spark
    for (String type : new String[] {"varchar", "bpchar"}) {
      StructType ci =
          new StructType()
              .add(
                  "s",
                  DataTypes.StringType,
                  true,
                  new MetadataBuilder()
                      .putString(TypeMapping.METADATA_TYPE, type)
                      .putBoolean(TypeMapping.METADATA_CASE_INSENSITIVE, true)
                      .build());
      assertEquals(
          Optional.empty(),
          AggregateCompiler.compile(agg(new AggregateFunc[] {new CountStar()}, col("s")), ci),
          type);
      assertEquals(
          Optional.empty(),
          AggregateCompiler.compile(agg(new AggregateFunc[] {new Count(col("s"), true)}), ci),
          type);
      // COUNT of the column is still pushed: it does not compare values
      assertEquals(
          1,
          AggregateCompiler.compile(agg(new AggregateFunc[] {new Count(col("s"), false)}), ci)
              .orElseThrow()
              .selectItems()
              .size());
    }
  }

  @Test
  void ambiguousCaseInsensitiveMatchIsRefused() {
    StructType twoCases =
        new StructType().add("A", DataTypes.IntegerType).add("a2", DataTypes.IntegerType);
    assertEquals(
        "MAX(\"A\") AS \"agg_func_0\"",
        AggregateCompiler.compile(agg(new AggregateFunc[] {new Max(col("a"))}), twoCases)
            .orElseThrow()
            .selectItems()
            .get(0));
    StructType clash =
        new StructType().add("Ab", DataTypes.IntegerType).add("aB", DataTypes.IntegerType);
    assertEquals(
        Optional.empty(),
        AggregateCompiler.compile(agg(new AggregateFunc[] {new Max(col("ab"))}), clash));
  }
}
