package dev.redshiftdata.spark.sql;

import java.util.Locale;
import org.apache.spark.sql.connector.expressions.Expression;
import org.apache.spark.sql.connector.expressions.Literal;
import org.apache.spark.sql.connector.expressions.NamedReference;
import org.apache.spark.sql.connector.expressions.filter.Predicate;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.NullType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/**
 * Decides whether Redshift evaluates a predicate that {@link PredicateCompiler} compiled with
 * exactly Spark's semantics, so that Spark need not evaluate it again after the scan. Only then can
 * an aggregate, a LIMIT or a top-N be pushed on top of it (Spark pushes those only when no filter
 * is left above the scan).
 *
 * <p>Exact: {@code IS [NOT] NULL} of any column; comparisons and {@code IN} whose operands are all
 * integers, decimals, booleans, dates or timestamps; {@code AND/OR/NOT} of exact predicates; {@code
 * ALWAYS_TRUE/FALSE}.
 *
 * <p>Not exact, so still pushed but also kept in Spark:
 *
 * <ul>
 *   <li>anything comparing strings, including {@code LIKE}: Redshift ignores trailing blanks when
 *       it compares CHAR and VARCHAR values (<a
 *       href="https://docs.aws.amazon.com/redshift/latest/dg/r_Character_types.html">Character
 *       types</a>), so {@code 'ab' = 'ab '} there, and a database may be case-insensitive;
 *   <li>REAL/DOUBLE operands (NaN's ordering and equality are not known to match Spark's);
 *   <li>binary operands, unknown or nested columns, and any other predicate.
 * </ul>
 */
public final class ExactPredicates {

  private ExactPredicates() {}

  /**
   * True when Redshift's result for {@code predicate} is Spark's.
   *
   * @param schema the columns the predicate refers to, with their Spark types
   */
  public static boolean isExact(Predicate predicate, StructType schema) {
    try {
      return exact(predicate, schema);
    } catch (RuntimeException | StackOverflowError e) {
      return false;
    }
  }

  private static boolean exact(Predicate p, StructType schema) {
    Expression[] c = p.children();
    return switch (p.name()) {
      case "IS_NULL", "IS_NOT_NULL" ->
          c.length == 1 && c[0] instanceof NamedReference ref && column(ref, schema) != null;
      case "AND", "OR", "NOT" -> {
        for (Expression child : c) {
          if (!(child instanceof Predicate cp) || !exact(cp, schema)) {
            yield false;
          }
        }
        yield c.length > 0;
      }
      case "ALWAYS_TRUE", "ALWAYS_FALSE" -> true;
      case "=", "<>", "<", "<=", ">", ">=", "<=>", "IN" -> {
        for (Expression operand : c) {
          if (!exactOperand(operand, schema)) {
            yield false;
          }
        }
        yield c.length > 0;
      }
      default -> false;
    };
  }

  private static boolean exactOperand(Expression e, StructType schema) {
    if (e instanceof NamedReference ref) {
      StructField f = column(ref, schema);
      return f != null && exactType(f.dataType());
    }
    if (e instanceof Literal<?> lit) {
      return exactType(lit.dataType());
    }
    if (e instanceof Predicate p) {
      return exact(p, schema);
    }
    return false;
  }

  /**
   * True for the types Redshift compares and orders as Spark does: integers, decimals, booleans,
   * dates and timestamps (not strings, floats or binary; see the class comment).
   */
  public static boolean comparesLikeSpark(DataType t) {
    return exactType(t) && !(t instanceof NullType);
  }

  private static boolean exactType(DataType t) {
    return t instanceof ByteType
        || t instanceof ShortType
        || t instanceof IntegerType
        || t instanceof LongType
        || t instanceof DecimalType
        || t instanceof BooleanType
        || t instanceof DateType
        || t instanceof TimestampType
        || t instanceof TimestampNTZType
        || t instanceof NullType;
  }

  /** The top-level column named: exact match first, then a unique case-insensitive one. */
  private static StructField column(NamedReference ref, StructType schema) {
    if (ref.fieldNames().length != 1) {
      return null;
    }
    String name = ref.fieldNames()[0];
    StructField match = null;
    int matches = 0;
    for (StructField f : schema.fields()) {
      if (f.name().equals(name)) {
        return f;
      }
      if (f.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
        match = f;
        matches++;
      }
    }
    return matches == 1 ? match : null;
  }
}
