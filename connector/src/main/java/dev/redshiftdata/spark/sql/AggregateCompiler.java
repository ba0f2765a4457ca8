package dev.redshiftdata.spark.sql;

import dev.redshiftdata.spark.types.TypeMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.connector.expressions.Expression;
import org.apache.spark.sql.connector.expressions.NamedReference;
import org.apache.spark.sql.connector.expressions.aggregate.AggregateFunc;
import org.apache.spark.sql.connector.expressions.aggregate.Aggregation;
import org.apache.spark.sql.connector.expressions.aggregate.Avg;
import org.apache.spark.sql.connector.expressions.aggregate.Count;
import org.apache.spark.sql.connector.expressions.aggregate.CountStar;
import org.apache.spark.sql.connector.expressions.aggregate.Max;
import org.apache.spark.sql.connector.expressions.aggregate.Min;
import org.apache.spark.sql.connector.expressions.aggregate.Sum;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/**
 * Compiles a Spark {@link Aggregation} to Redshift select items and {@code GROUP BY} columns,
 * all-or-nothing: one unsupported aggregate or grouping expression and nothing is pushed.
 *
 * <p>Supported: {@code COUNT(*)}, {@code COUNT([DISTINCT] col)}, {@code SUM([DISTINCT] col)},
 * {@code MIN(col)}, {@code MAX(col)}, {@code AVG([DISTINCT] col)} over top-level columns of the
 * scan's schema, grouped by top-level columns. Results are cast so Redshift returns Spark's result
 * type where Redshift's would differ:
 *
 * <ul>
 *   <li>{@code SUM} of an integral column: {@code CAST(SUM(c) AS BIGINT)} (Redshift returns NUMERIC
 *       for a BIGINT sum; Spark expects a long, and an overflow fails as in ANSI mode).
 *   <li>{@code SUM}/{@code AVG} of REAL/DOUBLE and {@code AVG} of an integral column: the input is
 *       cast to {@code DOUBLE PRECISION} first (Redshift's AVG of an integer column is an integer,
 *       truncated; Spark's is a double). Floating sums may differ from Spark's in the last bits, as
 *       the summation order does anyway.
 *   <li>{@code AVG} of a DECIMAL is <em>refused</em>: Spark's result is {@code decimal(p+4, s+4)}
 *       rounded half-up, Redshift's keeps the input scale. The scan should not claim complete
 *       pushdown for such an aggregation, so Spark rewrites AVG into SUM and COUNT, which push.
 *   <li>{@code SUM} of a DECIMAL: Redshift gives {@code NUMERIC(38, s)}, Spark expects {@code
 *       decimal(min(38, p+10), s)}: cast to that, so the result metadata and the decoded value have
 *       Spark's type (an overflow fails in Redshift as it would in ANSI Spark).
 *   <li>{@code MIN}/{@code MAX}: integers, decimals, dates and timestamps.
 * </ul>
 *
 * <p>Refused where Redshift's answer could differ from Spark's: Redshift ignores trailing blanks
 * when it compares CHAR and VARCHAR values, so {@code COUNT/SUM/AVG(DISTINCT)} of a VARCHAR column
 * and {@code MIN}/{@code MAX} of any string; Spark groups -0.0 with 0.0 and all NaNs together, so
 * REAL/DOUBLE group keys, {@code DISTINCT} and {@code MIN}/{@code MAX} of them. A VARCHAR group key
 * is pushed grouped by {@code LENGTH} too ({@link #groupKeys}); CHAR values are all padded alike
 * and group as in Spark. A string column Redshift reports as not case-sensitive (a {@code
 * CASE_INSENSITIVE} collation) is never a group key nor a DISTINCT argument.
 *
 * <p>Output columns are aliased {@code "group_col_<i>"} and {@code "agg_func_<i>"} (Spark's own
 * names for a pushed aggregation's output, and unique, which Parquet UNLOAD needs); {@link
 * CompiledAggregation#schema()} gives them the types Spark's planner computes for the aggregate
 * results (COUNT: long; SUM of integers: long; SUM of decimal(p,s): decimal(min(38,p+10),s); SUM
 * and AVG of floating or AVG of integers: double; MIN/MAX and group columns: the column's type).
 */
public final class AggregateCompiler {

  private AggregateCompiler() {}

  /**
   * A compiled aggregation.
   *
   * @param selectItems the group-by columns then the aggregates, each with its alias
   * @param groupBy the quoted group-by columns, empty for a global aggregate
   * @param schema the result columns, named by their aliases, with Spark's result types
   */
  public record CompiledAggregation(
      List<String> selectItems, List<String> groupBy, StructType schema) {}

  /**
   * The aggregation as Redshift SQL, or empty when any part is unsupported.
   *
   * @param schema the schema of the relation being aggregated (the table's or query's columns)
   */
  public static Optional<CompiledAggregation> compile(Aggregation aggregation, StructType schema) {
    try {
      List<String> items = new ArrayList<>();
      List<String> groupBy = new ArrayList<>();
      List<StructField> fields = new ArrayList<>();
      Expression[] groups = aggregation.groupByExpressions();
      for (int i = 0; i < groups.length; i++) {
        StructField f = field(groups[i], schema);
        String column = Identifiers.quote(f.name());
        groupBy.addAll(groupKeys(f));
        items.add(column + " AS " + Identifiers.quote("group_col_" + i));
        // Keep the column's Redshift type: the unload path casts by it.
        fields.add(DataTypes.createStructField("group_col_" + i, f.dataType(), true, f.metadata()));
      }
      AggregateFunc[] aggs = aggregation.aggregateExpressions();
      for (int i = 0; i < aggs.length; i++) {
        items.add(aggregate(aggs[i], schema) + " AS " + Identifiers.quote("agg_func_" + i));
        fields.add(DataTypes.createStructField("agg_func_" + i, resultType(aggs[i], schema), true));
      }
      return Optional.of(
          new CompiledAggregation(
              List.copyOf(items),
              List.copyOf(groupBy),
              DataTypes.createStructType(fields.toArray(new StructField[0]))));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static String aggregate(AggregateFunc f, StructType schema) {
    if (f instanceof CountStar) {
      return "COUNT(*)";
    }
    if (f instanceof Count c) {
      if (c.isDistinct()) {
        distinctKey(c.column(), schema);
      }
      return "COUNT(" + distinct(c.isDistinct()) + column(c.column(), schema) + ")";
    }
    if (f instanceof Sum s) {
      DataType t = field(s.column(), schema).dataType();
      if (s.isDistinct()) {
        distinctKey(s.column(), schema);
      }
      String arg = distinct(s.isDistinct()) + column(s.column(), schema);
      if (integral(t)) {
        return "CAST(SUM(" + arg + ") AS BIGINT)";
      }
      if (t instanceof FloatType || t instanceof DoubleType) {
        return "SUM(" + distinct(s.isDistinct()) + asDouble(s.column(), schema) + ")";
      }
      if (t instanceof DecimalType) {
        DecimalType r = sumOfDecimal((DecimalType) t);
        return "CAST(SUM(" + arg + ") AS DECIMAL(" + r.precision() + ", " + r.scale() + "))";
      }
      throw unsupported("SUM of " + t.typeName());
    }
    if (f instanceof Avg a) {
      DataType t = field(a.column(), schema).dataType();
      if (a.isDistinct()) {
        distinctKey(a.column(), schema);
      }
      if (integral(t) || t instanceof FloatType || t instanceof DoubleType) {
        return "AVG(" + distinct(a.isDistinct()) + asDouble(a.column(), schema) + ")";
      }
      throw unsupported("AVG of " + t.typeName());
    }
    if (f instanceof Min m) {
      return "MIN(" + ordered(m.column(), schema) + ")";
    }
    if (f instanceof Max m) {
      return "MAX(" + ordered(m.column(), schema) + ")";
    }
    throw unsupported("aggregate " + f.getClass().getSimpleName());
  }

  /** Spark's result type of an aggregate that {@link #aggregate} compiled. */
  private static DataType resultType(AggregateFunc f, StructType schema) {
    if (f instanceof CountStar || f instanceof Count) {
      return DataTypes.LongType;
    }
    if (f instanceof Sum s) {
      DataType t = field(s.column(), schema).dataType();
      if (integral(t)) {
        return DataTypes.LongType;
      }
      return t instanceof DecimalType d ? sumOfDecimal(d) : DataTypes.DoubleType;
    }
    if (f instanceof Avg) {
      return DataTypes.DoubleType;
    }
    if (f instanceof Min m) {
      return field(m.column(), schema).dataType();
    }
    if (f instanceof Max m) {
      return field(m.column(), schema).dataType();
    }
    throw unsupported("aggregate " + f.getClass().getSimpleName());
  }

  /** Spark's {@code Sum} result type for a decimal input: ten more digits, at most 38. */
  private static DecimalType sumOfDecimal(DecimalType t) {
    return DataTypes.createDecimalType(
        Math.min(DecimalType.MAX_PRECISION(), t.precision() + 10), t.scale());
  }

  /**
   * The GROUP BY expressions of a key column. A VARCHAR key is grouped by its length too: Redshift
   * merges values that differ only in trailing blanks, LENGTH counts them, and two values equal
   * both ways are the same string. A CHAR key needs nothing (all its values are padded alike).
   * REAL/DOUBLE keys are refused: Spark groups -0.0 with 0.0 and every NaN together, Redshift's
   * grouping of them is not known to match. So are case-insensitive strings ('ab' and 'AB' would
   * merge).
   */
  private static List<String> groupKeys(StructField f) {
    String column = Identifiers.quote(f.name());
    DataType t = f.dataType();
    if (t instanceof FloatType || t instanceof DoubleType) {
      throw unsupported("GROUP BY a " + t.typeName() + " column");
    }
    if (caseInsensitive(f)) {
      throw unsupported("GROUP BY a case-insensitive column");
    }
    if (isVarchar(f)) {
      return List.of(column, "LENGTH(" + column + ")");
    }
    return List.of(column);
  }

  /**
   * Checks a DISTINCT argument: not VARCHAR (Redshift merges values that differ only in trailing
   * blanks), case-insensitive (merges case variants) nor REAL/DOUBLE (-0.0 and 0.0, NaNs).
   */
  private static void distinctKey(Expression e, StructType schema) {
    StructField f = field(e, schema);
    DataType t = f.dataType();
    if (t instanceof FloatType || t instanceof DoubleType || isVarchar(f) || caseInsensitive(f)) {
      throw unsupported("DISTINCT of " + t.typeName());
    }
  }

  /** A string column Redshift compares ignoring case ({@code CASE_INSENSITIVE} collation). */
  private static boolean caseInsensitive(StructField f) {
    Metadata m = f.metadata();
    return m.contains(TypeMapping.METADATA_CASE_INSENSITIVE)
        && m.getBoolean(TypeMapping.METADATA_CASE_INSENSITIVE);
  }

  /** A string column that is VARCHAR in Redshift (or of unknown Redshift type). */
  private static boolean isVarchar(StructField f) {
    Metadata m = f.metadata();
    return f.dataType() instanceof StringType
        && (!m.contains(TypeMapping.METADATA_TYPE)
            || m.getString(TypeMapping.METADATA_TYPE).equals("varchar"));
  }

  /**
   * MIN/MAX: not strings (Redshift orders ignoring trailing blanks; a CHAR 'ab' padded sorts after
   * 'ab\t' in Spark, before it in Redshift), not REAL/DOUBLE (NaN, -0.0), booleans or binary.
   */
  private static String ordered(Expression e, StructType schema) {
    DataType t = field(e, schema).dataType();
    if (!(integral(t)
        || t instanceof DecimalType
        || t instanceof DateType
        || t instanceof TimestampType
        || t instanceof TimestampNTZType)) {
      throw unsupported("MIN/MAX of " + t.typeName());
    }
    return column(e, schema);
  }

  private static String asDouble(Expression e, StructType schema) {
    return "CAST(" + column(e, schema) + " AS DOUBLE PRECISION)";
  }

  private static String distinct(boolean distinct) {
    return distinct ? "DISTINCT " : "";
  }

  private static boolean integral(DataType t) {
    return t instanceof ByteType
        || t instanceof ShortType
        || t instanceof IntegerType
        || t instanceof LongType;
  }

  private static String column(Expression e, StructType schema) {
    return Identifiers.quote(field(e, schema).name());
  }

  /** The schema field a top-level column reference names: exact match, else one ignoring case. */
  private static StructField field(Expression e, StructType schema) {
    if (!(e instanceof NamedReference ref) || ref.fieldNames().length != 1) {
      throw unsupported("not a top-level column");
    }
    String name = ref.fieldNames()[0];
    StructField match = null;
    for (StructField f : schema.fields()) {
      if (f.name().equals(name)) {
        return f;
      }
      if (f.name().equalsIgnoreCase(name)) {
        if (match != null) {
          throw unsupported("ambiguous column");
        }
        match = f;
      }
    }
    if (match == null) {
      throw unsupported("unknown column");
    }
    return match;
  }

  private static IllegalArgumentException unsupported(String why) {
    return new IllegalArgumentException("Aggregate not pushed to Redshift: " + why);
  }
}
