package dev.redshiftdata.spark.config;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Option names the connector does not know: a typo ({@code mergekey}) must not silently turn an
 * upsert into an append. Writes fail on them by default, reads warn; {@code strictOptions} decides
 * either way. Keys Spark adds by itself ({@code path}, {@code paths}, {@code __...}, a session
 * catalog table's reserved properties such as {@code provider} and {@code owner}) are not unknown,
 * and a session catalog table's {@code option.<name>} is checked as {@code <name>}.
 */
public final class UnknownOptions {

  private static final Logger LOG = LoggerFactory.getLogger(UnknownOptions.class);

  /** Keys Spark's DataFrameReader/Writer and session catalog add to a source's options. */
  private static final Set<String> SPARK_KEYS =
      Set.of(
          "path",
          "paths",
          "provider",
          "owner",
          "location",
          "comment",
          "collation",
          "external",
          "is_managed_location");

  /** The prefix a session catalog table gives its OPTIONS in the table properties. */
  private static final String OPTION_PREFIX = "option.";

  /** Warnings already logged (one per set of unknown names), bounded so it cannot grow forever. */
  private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

  private static final int MAX_WARNED = 1000;

  private UnknownOptions() {}

  /** The keys (lower case, sorted) that are neither connector options nor Spark's own. */
  public static Set<String> of(Set<String> keys) {
    return keys.stream()
        .map(k -> k.toLowerCase(Locale.ROOT))
        .map(k -> k.startsWith(OPTION_PREFIX) ? k.substring(OPTION_PREFIX.length()) : k)
        .filter(k -> !SPARK_KEYS.contains(k) && !k.startsWith("__"))
        .filter(k -> !OptionAliases.NO_EFFECT.containsKey(k))
        .filter(k -> RedshiftOption.fromName(k).isEmpty())
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** The registry option closest to {@code name} (edit distance, ignoring case), if close. */
  static Optional<RedshiftOption> suggestion(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    RedshiftOption best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (RedshiftOption o : RedshiftOption.values()) {
      int d = distance(lower, o.optionName().toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = o;
        bestDistance = d;
      }
    }
    // Beyond a third of the name it is a different word, not a typo.
    return bestDistance <= Math.max(2, lower.length() / 3) ? Optional.of(best) : Optional.empty();
  }

  /**
   * Fails or warns when {@code unknown} is not empty.
   *
   * @param strict the explicit {@code strictOptions}, or null when unset
   * @param write whether the options are for a write (strict unless told otherwise)
   * @param action e.g. "write" or "read", for "Cannot write: ..."
   */
  static void check(Set<String> unknown, Boolean strict, boolean write, String action) {
    if (unknown.isEmpty()) {
      return;
    }
    String names = describe(unknown);
    if (strict != null ? strict : write) {
      throw new IllegalArgumentException(
          "Cannot "
              + action
              + ": "
              + names
              + ". Option names are listed in README's option table. Fix the name, or set '"
              + RedshiftOption.STRICT_OPTIONS
              + "' to false to only warn about unknown options.");
    }
    String warning = names + "; " + action + " ignores " + (unknown.size() == 1 ? "it" : "them");
    if (WARNED.size() < MAX_WARNED ? WARNED.add(warning) : !WARNED.contains(warning)) {
      LOG.warn("{}. Set '{}' to true to fail instead.", warning, RedshiftOption.STRICT_OPTIONS);
    }
  }

  /** Warns (once per set of names) about other connectors' options that have no effect here. */
  static void warnNoEffect(Set<String> keys, String action) {
    OptionAliases.noEffect(keys)
        .map(names -> "options of other Redshift connectors with no effect: " + names)
        .ifPresent(
            warning -> {
              if (WARNED.size() < MAX_WARNED ? WARNED.add(warning) : !WARNED.contains(warning)) {
                LOG.warn("{}; {} ignores them.", warning, action);
              }
            });
  }

  /** "unknown option 'mergekey' (did you mean 'mergeKeys'?)", for one or more names. */
  static String describe(Set<String> unknown) {
    return (unknown.size() == 1 ? "unknown option " : "unknown options ")
        + unknown.stream()
            .map(
                k ->
                    "'"
                        + k
                        + "'"
                        + suggestion(k).map(o -> " (did you mean '" + o + "'?)").orElse(""))
            .collect(Collectors.joining(", "));
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] t = previous;
      previous = current;
      current = t;
    }
    return previous[b.length()];
  }
}
