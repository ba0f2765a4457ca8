package dev.redshiftdata.spark.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The names other Redshift connectors give the connector's options (spark-redshift community and
 * AWS Glue), so that a job switching connectors only renames its format. Each alias becomes its
 * option before anything else reads the options; an alias and its option set to different values is
 * an error naming both. Pure.
 */
final class OptionAliases {

  /** One peer's name for one of the connector's options. */
  record Alias(String name, RedshiftOption option) {}

  /** Renames: the value passes unchanged. */
  static final List<Alias> RENAMES =
      List.of(
          new Alias("aws_iam_role", RedshiftOption.IAM_ROLE),
          new Alias("data_api_database", RedshiftOption.DATABASE),
          new Alias("data_api_cluster", RedshiftOption.CLUSTER_IDENTIFIER),
          new Alias("data_api_workgroup", RedshiftOption.WORKGROUP_NAME),
          new Alias("data_api_user", RedshiftOption.DB_USER),
          new Alias("secret.id", RedshiftOption.SECRET_ARN),
          new Alias("data_api_region", RedshiftOption.REGION),
          new Alias("tempdir_region", RedshiftOption.TEMPDIR_REGION),
          new Alias("extracopyoptions", RedshiftOption.COPY_OPTIONS),
          new Alias("description", RedshiftOption.TABLE_COMMENT));

  /** spark-redshift's {@code sortkeyspec}: {@code [COMPOUND | INTERLEAVED] SORTKEY (a, b)}. */
  static final String SORT_KEY_SPEC = "sortkeyspec";

  private static final Pattern SORT_KEY_SPEC_VALUE =
      Pattern.compile("(?is)\\s*(?:(COMPOUND|INTERLEAVED)\\s+)?SORTKEY\\s*\\((.*)\\)\\s*");

  /**
   * The other connectors' options that have nothing to do here, with why: accepted with a warning
   * instead of failing a write as unknown names would. A JDBC URL or user is never used (nor
   * logged): the Data API connects with the connection options. A {@code password} option stays
   * refused, as every credential in options is.
   */
  static final Map<String, String> NO_EFFECT =
      Map.ofEntries(
          Map.entry("tempformat", "the connector always stages Parquet"),
          Map.entry("unload_s3_format", "the connector always unloads Parquet"),
          Map.entry("csvnullstring", "the connector stages Parquet, not CSV"),
          Map.entry("csvseparator", "the connector stages Parquet, not CSV"),
          Map.entry("csvignoreleadingwhitespace", "the connector stages Parquet, not CSV"),
          Map.entry("csvignoretrailingwhitespace", "the connector stages Parquet, not CSV"),
          Map.entry(
              "forward_spark_s3_credentials",
              "UNLOAD and COPY use 'iamRole'; staging files use the cluster's Hadoop credentials"),
          Map.entry("usestagingtable", "every write is one transaction"),
          Map.entry("include_column_list", "COPY always lists the table's columns"),
          Map.entry("jdbcdriver", "no JDBC driver: the connector uses the Data API"),
          Map.entry(
              "url", "no JDBC: set 'clusterIdentifier' or 'workgroupName' and 'database' instead"),
          Map.entry("user", "no JDBC: set 'secretArn' or 'dbUser' instead"));

  private OptionAliases() {}

  /** "'tempformat' (the connector always stages Parquet)", for the keys that have no effect. */
  static Optional<String> noEffect(Set<String> keys) {
    String names =
        keys.stream()
            .map(k -> k.toLowerCase(Locale.ROOT))
            .filter(NO_EFFECT::containsKey)
            .sorted()
            .map(k -> "'" + k + "' (" + NO_EFFECT.get(k) + ")")
            .collect(Collectors.joining(", "));
    return names.isEmpty() ? Optional.empty() : Optional.of(names);
  }

  /**
   * {@code options} (lower-case keys) with every alias replaced by its option.
   *
   * @throws IllegalArgumentException when an alias and its option disagree, or a {@code
   *     sortkeyspec} does not parse
   */
  static Map<String, String> resolve(Map<String, String> options) {
    Map<String, String> out = new LinkedHashMap<>(options);
    for (Alias a : RENAMES) {
      String value = out.remove(a.name());
      if (value != null) {
        put(out, a.name(), a.option(), value);
      }
    }
    String spec = out.remove(SORT_KEY_SPEC);
    if (spec != null) {
      Matcher m = SORT_KEY_SPEC_VALUE.matcher(spec);
      if (!m.matches() || m.group(2).isBlank()) {
        throw new IllegalArgumentException(
            "Invalid value for option '"
                + SORT_KEY_SPEC
                + "': '"
                + spec
                + "'. Accepted: [COMPOUND | INTERLEAVED] SORTKEY(column, ...), e.g."
                + " 'INTERLEAVED SORTKEY(day, id)'; or use 'sortKey' and 'sortKeyStyle'.");
      }
      String style = m.group(1) == null ? "compound" : m.group(1).toLowerCase(Locale.ROOT);
      put(out, SORT_KEY_SPEC, RedshiftOption.SORT_KEY, m.group(2).trim());
      put(out, SORT_KEY_SPEC, RedshiftOption.SORT_KEY_STYLE, style);
    }
    return out;
  }

  private static void put(
      Map<String, String> out, String alias, RedshiftOption option, String value) {
    String key = option.optionName().toLowerCase(Locale.ROOT);
    String existing = out.putIfAbsent(key, value);
    if (existing != null && !existing.equals(value)) {
      throw new IllegalArgumentException(
          "Options '"
              + alias
              + "' and '"
              + option.optionName()
              + "' are both set, to different values ('"
              + value
              + "' from '"
              + alias
              + "', '"
              + existing
              + "'): '"
              + alias
              + "' is another connector's name for '"
              + option.optionName()
              + "'; set one of them.");
    }
  }
}
