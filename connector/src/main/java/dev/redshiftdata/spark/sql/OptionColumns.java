package dev.redshiftdata.spark.sql;

import dev.redshiftdata.spark.config.RedshiftOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The columns that table options ({@code distKey}, {@code sortKey}, {@code columnEncodings}, {@code
 * columnComments}, {@code mergeKeys}) may name, and how a name given in an option resolves to one:
 * by exact name first, then ignoring ASCII case (Redshift folds names). A name may be written as a
 * quoted identifier ({@code "a,b"}) to carry commas, {@code =} or surrounding blanks.
 */
final class OptionColumns {
  final List<String> names;
  private final Map<String, DataType> types = new HashMap<>();
  private final String action;

  OptionColumns(StructType schema, TableName table) {
    this(
        Arrays.stream(schema.fields()).map(StructField::name).toList(),
        "create table " + table.quoted());
    for (StructField f : schema.fields()) {
      types.put(f.name(), f.dataType());
    }
  }

  /** {@code action} completes "Cannot ..." in error messages, e.g. "merge into "s"."t"". */
  OptionColumns(List<String> names, String action) {
    this.names = List.copyOf(names);
    this.action = action;
  }

  /** The column's Spark type, or null when only names are known. */
  DataType type(String column) {
    return types.get(column);
  }

  /**
   * The column {@code given} (trimmed; a {@code "quoted"} name is unquoted) names: an exact match,
   * else the only match ignoring ASCII case.
   */
  String resolve(RedshiftOption option, String given) {
    String name = unquote(given.strip());
    if (names.contains(name)) {
      return name;
    }
    String folded = Identifiers.foldAscii(name);
    List<String> matches =
        names.stream().filter(n -> Identifiers.foldAscii(n).equals(folded)).toList();
    if (matches.size() == 1) {
      return matches.get(0);
    }
    if (matches.isEmpty()) {
      throw error(
          "option '"
              + option
              + "' names column '"
              + name
              + "', which is not among the columns ("
              + String.join(", ", names)
              + ")");
    }
    throw error(
        "option '"
            + option
            + "' names column '"
            + name
            + "', which matches "
            + String.join(" and ", matches)
            + " ignoring case. Write the exact name");
  }

  /** Each of {@code given} resolved, in the order given; naming a column twice is an error. */
  Set<String> resolveEach(RedshiftOption option, List<String> given) {
    Set<String> resolved = new LinkedHashSet<>();
    for (String g : given) {
      String name = resolve(option, g);
      if (!resolved.add(name)) {
        throw namedTwice(option, name);
      }
    }
    return resolved;
  }

  IllegalArgumentException error(String reason) {
    return new IllegalArgumentException("Cannot " + action + ": " + reason + ".");
  }

  /** {@code option} names {@code column} (resolved) a second time. */
  IllegalArgumentException namedTwice(RedshiftOption option, String column) {
    return error("option '" + option + "' names column '" + column + "' twice");
  }

  private static String unquote(String s) {
    if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
      return s.substring(1, s.length() - 1).replace("\"\"", "\"");
    }
    return s;
  }

  /** Splits on {@code sep} outside double-quoted parts ({@code ""} is a quote inside one). */
  static List<String> splitOutsideQuotes(String s, char sep) {
    List<String> parts = new ArrayList<>();
    boolean quoted = false;
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == sep && !quoted) {
        parts.add(s.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(s.substring(start));
    return parts;
  }

  /** The index of the last {@code c} outside double-quoted parts, -1 when there is none. */
  static int lastOutsideQuotes(String s, char c) {
    boolean quoted = false;
    int last = -1;
    for (int i = 0; i < s.length(); i++) {
      char d = s.charAt(i);
      if (d == '"') {
        quoted = !quoted;
      } else if (d == c && !quoted) {
        last = i;
      }
    }
    return last;
  }
}
