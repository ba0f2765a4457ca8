package dev.redshiftdata.spark.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.connector.expressions.Expression;
import org.apache.spark.sql.connector.expressions.Literal;
import org.apache.spark.sql.connector.expressions.NamedReference;
import org.apache.spark.sql.connector.expressions.filter.Predicate;

/**
 * A short, readable rendering of a Spark V2 predicate for error messages ({@code c = 'ab'}, {@code
 * n > 1 AND d IS NULL}). Never {@code Expression.toString()}: Spark renders that with its own SQL
 * builder, which can throw or recurse on unusual trees. Depth and length are capped. Pure.
 */
public final class PredicateText {

  private static final int MAX_DEPTH = 8;
  private static final int MAX_CHARS = 200;
  private static final int MAX_IN_VALUES = 5;
  private static final Set<String> INFIX = Set.of("=", "<>", "<", "<=", ">", ">=", "<=>");

  private PredicateText() {}

  /** The predicate as text, at most about {@value #MAX_CHARS} characters. */
  public static String of(Expression e) {
    String text;
    try {
      text = render(e, 0);
    } catch (RuntimeException | StackOverflowError failed) {
      text = e instanceof Predicate p ? p.name() + "(...)" : "?";
    }
    return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS) + "...";
  }

  private static String render(Expression e, int depth) {
    if (depth > MAX_DEPTH) {
      return "...";
    }
    if (e instanceof NamedReference ref) {
      return String.join(".", ref.fieldNames());
    }
    if (e instanceof Literal<?> lit) {
      return literal(lit);
    }
    Expression[] c = e.children();
    String name = e instanceof Predicate p ? p.name() : e.getClass().getSimpleName();
    if (INFIX.contains(name) && c.length == 2) {
      return operand(c[0], depth) + " " + name + " " + operand(c[1], depth);
    }
    switch (name) {
      case "AND", "OR":
        if (c.length == 2) {
          return operand(c[0], depth) + " " + name + " " + operand(c[1], depth);
        }
        break;
      case "NOT":
        if (c.length == 1) {
          return "NOT " + operand(c[0], depth);
        }
        break;
      case "IS_NULL", "IS_NOT_NULL":
        if (c.length == 1) {
          return operand(c[0], depth) + (name.equals("IS_NULL") ? " IS NULL" : " IS NOT NULL");
        }
        break;
      case "IN":
        if (c.length >= 1) {
          List<String> values = new ArrayList<>();
          for (int i = 1; i < c.length && i <= MAX_IN_VALUES; i++) {
            values.add(render(c[i], depth + 1));
          }
          if (c.length - 1 > MAX_IN_VALUES) {
            values.add("...");
          }
          return operand(c[0], depth) + " IN (" + String.join(", ", values) + ")";
        }
        break;
      case "ALWAYS_TRUE":
        return "TRUE";
      case "ALWAYS_FALSE":
        return "FALSE";
      default:
        break;
    }
    List<String> args = new ArrayList<>();
    for (Expression child : c) {
      args.add(render(child, depth + 1));
    }
    return name + "(" + String.join(", ", args) + ")";
  }

  /** A nested predicate in parentheses, a column or value as it is. */
  private static String operand(Expression e, int depth) {
    String text = render(e, depth + 1);
    return e instanceof Predicate ? "(" + text + ")" : text;
  }

  private static String literal(Literal<?> lit) {
    if (lit.value() == null) {
      return "NULL";
    }
    try {
      return Literals.render(lit);
    } catch (RuntimeException unrenderable) {
      return String.valueOf(lit.value());
    }
  }
}
