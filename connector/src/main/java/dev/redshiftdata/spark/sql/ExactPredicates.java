package dev.redshiftdata.spark.sql;

import dev.redshiftdata.spark.types.TypeMapping;
import java.util.Locale;
import java.util.Set;
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
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/**
 * Classifies a predicate that {@link PredicateCompiler} compiles by how Redshift's answer relates
 * to Spark's ({@link Pushdown}): only {@link Pushdown#EXACT} and {@link Pushdown#SUPERSET}
 * predicates are pushed, and Spark evaluates a superset one again after the scan. Only with exact
 * predicates alone can an aggregate, a LIMIT or a top-N be pushed on top (Spark pushes those only
 * when no filter is left above the scan).
 *
 * <p>Exact: {@code IS [NOT] NULL} of any column; comparisons and {@code IN} whose operands are all
 * integers, decimals, booleans, dates or timestamps; {@code ALWAYS_TRUE/FALSE}.
 *
 * <p>Strings: Redshift ignores trailing blanks when it compares CHAR and VARCHAR values (<a
 * href="https://docs.aws.amazon.com/redshift/latest/dg/r_Character_types.html">Character types</a>:
 * {@code 'ab' = 'ab '}), CHAR values read back padded, and a database may be case-insensitive. So
 * on CHAR/VARCHAR columns and string literals:
 *
 * <ul>
 *   <li>{@code =}, {@code <=>} and {@code IN} are a superset: values Spark finds equal Redshift
 *       does too;
 *   <li>{@code <>}, {@code <}, {@code <=}, {@code >}, {@code >=} are unsafe ({@code 'ab ' > 'ab'}
 *       in Spark, equal in Redshift; characters below the blank, such as a tab, order before the
 *       padding in Spark but after the trimmed value in Redshift);
 *   <li>{@code STARTS_WITH/ENDS_WITH/CONTAINS} ({@code LIKE}) are a superset when the literal does
 *       not end with a blank: a match that ends in a non-blank character lies within the value
 *       without its trailing blanks, whether Redshift sees the value padded or trimmed; a literal
 *       ending with a blank may need the padding Redshift does not see, so it is unsafe;
 *   <li>string columns that are not CHAR/VARCHAR in Redshift (SUPER, TIME as text, ...) are unsafe.
 * </ul>
 *
 * <p>REAL/DOUBLE and binary operands: a superset (pushed as before, Spark evaluates them again).
 * {@code AND}/{@code OR}: the weaker class of their parts. {@code NOT} of an exact predicate is
 * exact; {@code NOT} of a superset is a subset, so unsafe. Unknown or nested columns and any other
 * predicate: unsafe.
 */
public final class ExactPredicates {

  private ExactPredicates() {}

  /** How Redshift's three-valued answer to a predicate relates to Spark's. */
  public enum Pushdown {
    /** Redshift's answer is Spark's: Spark need not evaluate it again. */
    EXACT,
    /** Where Spark says TRUE Redshift does too: pushed, and Spark evaluates it again. */
    SUPERSET,
    /** Redshift may drop rows Spark keeps: not pushed. */
    UNSAFE
  }

  /** The Redshift types whose values compare as CHAR/VARCHAR (trailing blanks ignored). */
  private static final Set<String> CHARACTER_TYPES = Set.of("varchar", "bpchar", "char");

  /**
   * True when Redshift's result for {@code predicate} is Spark's.
   *
   * @param schema the columns the predicate refers to, with their Spark types and, for strings,
   *     their Redshift type in {@link TypeMapping#METADATA_TYPE}
   */
  public static boolean isExact(Predicate predicate, StructType schema) {
    return classify(predicate, schema) == Pushdown.EXACT;
  }

  /** The class of {@code predicate} over {@code schema} (see {@link #isExact}). */
  public static Pushdown classify(Predicate predicate, StructType schema) {
    try {
      return of(predicate, schema);
    } catch (RuntimeException | StackOverflowError e) {
      return Pushdown.UNSAFE;
    }
  }

  private static Pushdown of(Predicate p, StructType schema) {
    Expression[] c = p.children();
    return switch (p.name()) {
      case "IS_NULL", "IS_NOT_NULL" ->
          c.length == 1 && c[0] instanceof NamedReference ref && column(ref, schema) != null
              ? Pushdown.EXACT
              : Pushdown.UNSAFE;
      case "AND", "OR" -> {
        Pushdown weakest = Pushdown.EXACT;
        for (Expression child : c) {
          weakest =
              weaker(weakest, child instanceof Predicate cp ? of(cp, schema) : Pushdown.UNSAFE);
        }
        yield c.length > 0 ? weakest : Pushdown.UNSAFE;
      }
      case "NOT" ->
          c.length == 1 && c[0] instanceof Predicate cp && of(cp, schema) == Pushdown.EXACT
              ? Pushdown.EXACT
              : Pushdown.UNSAFE;
      case "ALWAYS_TRUE", "ALWAYS_FALSE" -> Pushdown.EXACT;
      case "=", "<=>", "IN" -> comparison(c, schema, true);
      case "<>", "<", "<=", ">", ">=" -> comparison(c, schema, false);
      case "STARTS_WITH", "ENDS_WITH", "CONTAINS" -> like(c, schema);
      default -> Pushdown.UNSAFE;
    };
  }

  private static Pushdown weaker(Pushdown a, Pushdown b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /** {@code equality}: {@code = <=> IN}, a superset on strings; else an ordering, unsafe there. */
  private static Pushdown comparison(Expression[] operands, StructType schema, boolean equality) {
    Pushdown weakest = Pushdown.EXACT;
    for (Expression operand : operands) {
      weakest = weaker(weakest, operand(operand, schema, equality));
    }
    return operands.length > 0 ? weakest : Pushdown.UNSAFE;
  }

  private static Pushdown operand(Expression e, StructType schema, boolean equality) {
    DataType t;
    if (e instanceof NamedReference ref) {
      StructField f = column(ref, schema);
      if (f == null) {
        return Pushdown.UNSAFE;
      }
      if (f.dataType() instanceof StringType && !isCharacter(f)) {
        return Pushdown.UNSAFE;
      }
      t = f.dataType();
    } else if (e instanceof Literal<?> lit) {
      t = lit.dataType();
    } else if (e instanceof Predicate p) {
      // a boolean operand: only an exact one keeps its meaning under = or <
      return of(p, schema) == Pushdown.EXACT ? Pushdown.EXACT : Pushdown.UNSAFE;
    } else {
      return Pushdown.UNSAFE;
    }
    if (exactType(t)) {
      return Pushdown.EXACT;
    }
    if (t instanceof StringType) {
      return equality ? Pushdown.SUPERSET : Pushdown.UNSAFE;
    }
    return Pushdown.SUPERSET;
  }

  private static Pushdown like(Expression[] c, StructType schema) {
    if (c.length != 2
        || !(c[0] instanceof NamedReference ref)
        || !(c[1] instanceof Literal<?> lit)
        || lit.value() == null) {
      return Pushdown.UNSAFE;
    }
    StructField f = column(ref, schema);
    if (f == null || !(f.dataType() instanceof StringType) || !isCharacter(f)) {
      return Pushdown.UNSAFE;
    }
    // a pattern ending with a blank may need the padding that Redshift does not compare
    return lit.value().toString().endsWith(" ") ? Pushdown.UNSAFE : Pushdown.SUPERSET;
  }

  /** A CHAR or VARCHAR column in Redshift, by the type name the schema carries. */
  private static boolean isCharacter(StructField f) {
    return f.metadata().contains(TypeMapping.METADATA_TYPE)
        && CHARACTER_TYPES.contains(
            f.metadata().getString(TypeMapping.METADATA_TYPE).toLowerCase(Locale.ROOT));
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
