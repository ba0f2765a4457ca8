package dev.redshiftdata.spark.amazonml;

import static dev.redshiftdata.spark.config.RedshiftOption.*;

import dev.redshiftdata.spark.config.AmazonMlOptions;
import dev.redshiftdata.spark.config.RedshiftOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Chooses each CSV column's Amazon ML attribute type: numbers are NUMERIC; booleans BINARY; a
 * target whose values are exactly two states Amazon ML reads as binary ({@code 0/1}, {@code
 * yes/no}, {@code true/false}, ...) BINARY; other columns (strings, dates, timestamps) CATEGORICAL
 * when they have at most {@code amazonMl.categoricalThreshold} distinct values, else TEXT; {@code
 * amazonMl.attributeTypes} overrides any of these per column. Column names in options are matched
 * exactly, else case-insensitively, to the CSV's columns. Pure.
 */
public final class SchemaInference {

  private SchemaInference() {}

  /**
   * Checks every column the options name and the overrides before any row is written.
   *
   * @throws IllegalArgumentException naming the option, the column and the columns there are
   */
  public static void checkNames(StructType schema, AmazonMlOptions ml) {
    infer(schema, null, ml);
  }

  /** How many distinct values {@link ColumnStats} must keep for {@link #infer}. */
  public static int statsLimit(AmazonMlOptions ml) {
    return (int) Math.max(ml.categoricalThreshold(), 2);
  }

  /**
   * The data schema of CSV columns {@code schema} with the merged {@code stats} of each column
   * (null: only check names, inferring from types).
   */
  public static DataSchema infer(StructType schema, List<ColumnStats> stats, AmazonMlOptions ml) {
    List<String> names = List.of(schema.fieldNames());
    String target =
        resolve(
            names,
            AMAZON_ML_TARGET_ATTRIBUTE,
            ml.targetAttribute()
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "Cannot emit an Amazon ML datasource: option '"
                                + AMAZON_ML_TARGET_ATTRIBUTE
                                + "' is not set. Set it to the column Amazon ML should"
                                + " predict.")));
    String rowId = ml.rowId().map(n -> resolve(names, AMAZON_ML_ROW_ID, n)).orElse(null);
    String rowWeight =
        ml.rowWeight().map(n -> resolve(names, AMAZON_ML_ROW_WEIGHT, n)).orElse(null);
    List<String> excluded = new ArrayList<>();
    for (String n : ml.excludedAttributes()) {
      excluded.add(resolve(names, AMAZON_ML_EXCLUDED_ATTRIBUTES, n));
    }
    Map<String, AttributeType> overrides = overrides(names, ml.attributeTypes().orElse(null));

    List<DataSchema.Attribute> attributes = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      AttributeType type = overrides.get(name);
      if (type == null) {
        StructField f = schema.fields()[i];
        type =
            inferred(
                f.dataType(),
                stats == null ? null : stats.get(i),
                name.equals(target),
                ml.categoricalThreshold());
      }
      attributes.add(new DataSchema.Attribute(name, type));
    }
    DataSchema result = new DataSchema(target, rowId, rowWeight, ml.header(), attributes, excluded);
    checkRoles(result, stats != null);
    return result;
  }

  private static AttributeType inferred(
      DataType type, ColumnStats stats, boolean isTarget, long threshold) {
    if (type instanceof BooleanType) {
      return AttributeType.BINARY;
    }
    if (isTarget && stats != null && isBinaryPair(stats.distinct(), stats.overflow())) {
      return AttributeType.BINARY;
    }
    if (CsvValues.isNumeric(type)) {
      return AttributeType.NUMERIC;
    }
    if (stats == null) {
      return AttributeType.CATEGORICAL; // names-only check: the data decides later
    }
    return stats.distinctCount() <= threshold ? AttributeType.CATEGORICAL : AttributeType.TEXT;
  }

  /**
   * Values that are all binary states to Amazon ML and hold both states ({@code yes}, {@code Yes}
   * and {@code no} do: Amazon ML reads them case-insensitively).
   */
  static boolean isBinaryPair(Set<String> distinct, boolean overflow) {
    if (overflow || distinct.size() < 2) {
      return false;
    }
    Set<Boolean> states = new java.util.HashSet<>();
    for (String v : distinct) {
      if (!AttributeType.isBinaryValue(v)) {
        return false;
      }
      states.add(Set.of("1", "y", "yes", "t", "true").contains(v.toLowerCase(Locale.ROOT)));
    }
    return states.size() == 2;
  }

  /** The rules Amazon ML puts on the roles of attributes. */
  private static void checkRoles(DataSchema s, boolean typesKnown) {
    if (s.excluded().contains(s.target())) {
      throw roleError(
          AMAZON_ML_EXCLUDED_ATTRIBUTES,
          "lists the target attribute '" + s.target() + "'; Amazon ML must read the target");
    }
    if (s.target().equals(s.rowId())) {
      throw roleError(
          AMAZON_ML_ROW_ID, "names the target attribute '" + s.target() + "'; use another column");
    }
    if (s.target().equals(s.rowWeight())) {
      throw roleError(
          AMAZON_ML_ROW_WEIGHT,
          "names the target attribute '" + s.target() + "'; use another column");
    }
    if (!typesKnown) {
      return;
    }
    if (s.typeOf(s.target()) == AttributeType.TEXT) {
      throw roleError(
          AMAZON_ML_TARGET_ATTRIBUTE,
          "names '"
              + s.target()
              + "', which is TEXT (more distinct values than 'amazonMl.categoricalThreshold');"
              + " Amazon ML predicts only NUMERIC, BINARY or CATEGORICAL targets. Set its type"
              + " with 'amazonMl.attributeTypes' or raise the threshold");
    }
    if (s.rowWeight() != null && s.typeOf(s.rowWeight()) != AttributeType.NUMERIC) {
      throw roleError(
          AMAZON_ML_ROW_WEIGHT,
          "names '"
              + s.rowWeight()
              + "', which is "
              + s.typeOf(s.rowWeight())
              + "; a row weight must be NUMERIC");
    }
  }

  private static IllegalArgumentException roleError(RedshiftOption option, String what) {
    return new IllegalArgumentException(
        "Cannot emit an Amazon ML datasource: option '" + option + "' " + what + ".");
  }

  /** The CSV column {@code name} stands for: exact match, else the one case-insensitive match. */
  static String resolve(List<String> columns, RedshiftOption option, String name) {
    if (columns.contains(name)) {
      return name;
    }
    List<String> matches = columns.stream().filter(c -> c.equalsIgnoreCase(name)).toList();
    if (matches.size() == 1) {
      return matches.get(0);
    }
    throw new IllegalArgumentException(
        "Cannot emit an Amazon ML datasource: option '"
            + option
            + "' names column '"
            + name
            + "', which "
            + (matches.isEmpty() ? "the write does not have" : "matches several columns")
            + ". Columns: "
            + String.join(", ", columns)
            + ".");
  }

  /** {@code col=TYPE,col2=TYPE} as column name to type. */
  static Map<String, AttributeType> overrides(List<String> columns, String spec) {
    Map<String, AttributeType> out = new LinkedHashMap<>();
    if (spec == null || spec.isBlank()) {
      return out;
    }
    for (String pair : spec.split(",")) {
      if (pair.isBlank()) {
        continue;
      }
      int eq = pair.lastIndexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            "Cannot use option '"
                + AMAZON_ML_ATTRIBUTE_TYPES
                + "': '"
                + pair.trim()
                + "' is not a col=TYPE pair. Write e.g. 'age=NUMERIC,zip=CATEGORICAL'.");
      }
      String column = resolve(columns, AMAZON_ML_ATTRIBUTE_TYPES, pair.substring(0, eq).trim());
      AttributeType type = AttributeType.parse(pair.substring(eq + 1));
      if (type == null) {
        throw new IllegalArgumentException(
            "Cannot use option '"
                + AMAZON_ML_ATTRIBUTE_TYPES
                + "': '"
                + pair.substring(eq + 1).trim()
                + "' for column '"
                + column
                + "' is not an attribute type. Use NUMERIC, BINARY, CATEGORICAL or TEXT.");
      }
      out.put(column, type);
    }
    return out;
  }
}
