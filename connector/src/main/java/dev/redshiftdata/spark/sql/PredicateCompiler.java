package dev.redshiftdata.spark.sql;

import dev.redshiftdata.spark.compat.SparkTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.connector.expressions.Expression;
import org.apache.spark.sql.connector.expressions.Literal;
import org.apache.spark.sql.connector.expressions.NamedReference;
import org.apache.spark.sql.connector.expressions.filter.Predicate;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.StringType;

/**
 * Compiles Spark V2 {@link Predicate}s to Redshift SQL, by an allow-list: comparisons ({@code = <>
 * < <= > >=}, null-safe {@code <=>}), {@code IS [NOT] NULL}, {@code IN} (up to a cap), {@code
 * AND/OR/NOT}, {@code STARTS_WITH/ENDS_WITH/CONTAINS} (as an escaped {@code LIKE}) and {@code
 * ALWAYS_TRUE/FALSE}, over top-level column references and literals. Anything else compiles to
 * {@link Optional#empty()} and stays in Spark; nothing here throws to Spark.
 *
 * <p>Not pushed on purpose: non-finite float/double literals (NaN ordering and equality are not
 * known to match Spark's), string literals with a non-binary collation, nested field references,
 * casts and functions.
 */
public final class PredicateCompiler {

  /** Default cap on the values of one {@code IN} list. */
  public static final int DEFAULT_MAX_IN_VALUES = 1000;

  private final int maxInValues;

  public PredicateCompiler() {
    this(DEFAULT_MAX_IN_VALUES);
  }

  public PredicateCompiler(int maxInValues) {
    if (maxInValues < 1) {
      throw new IllegalArgumentException("maxInValues must be positive: " + maxInValues);
    }
    this.maxInValues = maxInValues;
  }

  /** The predicate as Redshift SQL, or empty when any part of it is not supported. */
  public Optional<String> compile(Predicate predicate) {
    try {
      return Optional.of(build(predicate));
    } catch (RuntimeException | StackOverflowError e) {
      // StackOverflowError: a predicate tree too deep to compile stays in Spark
      return Optional.empty();
    }
  }

  /**
   * The predicates split like Spark's {@code JDBCScanBuilder.pushPredicates}: those that compile
   * and fit (in order) within {@code maxWhereBytes} of WHERE text are pushed; the rest stay in
   * Spark. Bytes are UTF-8 as UNLOAD quotes them ({@link SqlLimits#quotedBytes}), so the budget
   * holds on both read paths.
   */
  public Split split(Predicate[] predicates, long maxWhereBytes) {
    List<Predicate> pushed = new ArrayList<>();
    List<String> sql = new ArrayList<>();
    List<Predicate> unpushed = new ArrayList<>();
    long used = 0;
    for (Predicate p : predicates) {
      Optional<String> compiled = compile(p);
      // each one costs its text, two parentheses and " AND " (see SelectBuilder)
      long cost = compiled.map(s -> SqlLimits.quotedBytes(s) + 7L).orElse(0L);
      if (compiled.isPresent() && used + cost <= maxWhereBytes) {
        used += cost;
        pushed.add(p);
        sql.add(compiled.get());
      } else {
        unpushed.add(p);
      }
    }
    return new Split(List.copyOf(pushed), List.copyOf(sql), List.copyOf(unpushed));
  }

  /**
   * The outcome of {@link #split}.
   *
   * @param pushed the predicates Redshift evaluates, in input order
   * @param sql their SQL, same order
   * @param unpushed the predicates Spark must still evaluate
   */
  public record Split(List<Predicate> pushed, List<String> sql, List<Predicate> unpushed) {}

  private String build(Expression e) {
    if (!(e instanceof Predicate p)) {
      throw unsupported(e);
    }
    Expression[] c = p.children();
    return switch (p.name()) {
      case "=", "<>", "<", "<=", ">", ">=" -> {
        arity(p, 2);
        yield operand(c[0]) + " " + p.name() + " " + operand(c[1]);
      }
      case "<=>" -> {
        arity(p, 2);
        String l = operand(c[0]);
        String r = operand(c[1]);
        // two-valued, also under NOT: never NULL
        yield "(COALESCE("
            + l
            + " = "
            + r
            + ", FALSE) OR ("
            + l
            + " IS NULL AND "
            + r
            + " IS NULL))";
      }
      case "IS_NULL" -> {
        arity(p, 1);
        yield operand(c[0]) + " IS NULL";
      }
      case "IS_NOT_NULL" -> {
        arity(p, 1);
        yield operand(c[0]) + " IS NOT NULL";
      }
      case "IN" -> {
        if (c.length < 2 || c.length - 1 > maxInValues) {
          throw unsupported(p);
        }
        List<String> values = new ArrayList<>(c.length - 1);
        for (int i = 1; i < c.length; i++) {
          if (!(c[i] instanceof Literal<?>)) {
            throw unsupported(p);
          }
          values.add(operand(c[i]));
        }
        yield operand(c[0]) + " IN (" + String.join(", ", values) + ")";
      }
      case "AND", "OR" -> {
        arity(p, 2);
        yield "(" + build(c[0]) + ") " + p.name() + " (" + build(c[1]) + ")";
      }
      case "NOT" -> {
        arity(p, 1);
        yield "NOT (" + build(c[0]) + ")";
      }
      case "STARTS_WITH" -> like(p, "", "%");
      case "ENDS_WITH" -> like(p, "%", "");
      case "CONTAINS" -> like(p, "%", "%");
      case "ALWAYS_TRUE" -> "TRUE";
      case "ALWAYS_FALSE" -> "FALSE";
      default -> throw unsupported(p);
    };
  }

  private String like(Predicate p, String before, String after) {
    arity(p, 2);
    Expression[] c = p.children();
    if (!(c[1] instanceof Literal<?> lit)
        || !(lit.dataType() instanceof StringType st)
        || !SparkTypes.comparesAsBytes(st)
        || lit.value() == null) {
      throw unsupported(p);
    }
    String pattern = before + escapeLike(lit.value().toString()) + after;
    return operand(c[0]) + " LIKE " + Literals.string(pattern) + " ESCAPE " + Literals.string("\\");
  }

  /** Escapes {@code \}, {@code %} and {@code _} with a backslash (LIKE's escape character). */
  static String escapeLike(String value) {
    StringBuilder sb = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      if (ch == '\\' || ch == '%' || ch == '_') {
        sb.append('\\');
      }
      sb.append(ch);
    }
    return sb.toString();
  }

  private String operand(Expression e) {
    if (e instanceof NamedReference ref) {
      String[] names = ref.fieldNames();
      if (names.length != 1) {
        throw unsupported(e);
      }
      return Identifiers.quote(names[0]);
    }
    if (e instanceof Literal<?> lit) {
      Object v = lit.value();
      if (v != null
          && (lit.dataType() instanceof DoubleType && !Double.isFinite(((Number) v).doubleValue())
              || lit.dataType() instanceof FloatType
                  && !Float.isFinite(((Number) v).floatValue()))) {
        throw unsupported(e);
      }
      if (lit.dataType() instanceof StringType st && !SparkTypes.comparesAsBytes(st)) {
        // a collated string compares differently in Spark (e.g. UTF8_LCASE); Redshift would not
        throw unsupported(e);
      }
      return Literals.render(lit);
    }
    if (e instanceof Predicate) {
      return "(" + build(e) + ")";
    }
    throw unsupported(e);
  }

  private static void arity(Predicate p, int n) {
    if (p.children().length != n) {
      throw unsupported(p);
    }
  }

  private static IllegalArgumentException unsupported(Expression e) {
    // never e.toString(): Spark renders it with its own SQL builder, which can throw or recurse
    String what = e instanceof Predicate p ? p.name() : e.getClass().getSimpleName();
    return new IllegalArgumentException("Not pushed to Redshift: " + what);
  }
}
