package dev.redshiftdata.spark.config;

import dev.redshiftdata.spark.dataapi.Redaction;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Resolves one option by precedence (read option, then session conf, then default) and parses it
 * into a type, with errors that name the option and what it accepts. Package-private: only {@link
 * RedshiftOptions} reads options.
 */
final class OptionLookup {

  private static final Pattern DURATION = Pattern.compile("(?i)\\s*(\\d+)\\s*(ms|s|m|h|d)\\s*");
  private static final Pattern SIZE =
      Pattern.compile("(?i)\\s*(\\d+(?:\\.\\d+)?)\\s*(b|kb|k|mb|m|gb|g)?\\s*");

  private final Map<String, String> options; // lower-case keys
  private final Map<String, String> sessionConf; // lower-case option names (prefix stripped)
  // Which options were looked up: RedshiftOptionScopesTest checks each view reads its scope's.
  private final Set<RedshiftOption> consulted = EnumSet.noneOf(RedshiftOption.class);

  OptionLookup(Map<String, String> options, Map<String, String> sessionConf) {
    this.options = OptionAliases.resolve(lowerCaseKeys(options));
    Map<String, String> session = new HashMap<>();
    String prefix = RedshiftOptions.SESSION_CONF_PREFIX.toLowerCase(Locale.ROOT);
    sessionConf.forEach(
        (k, v) -> {
          String lower = k.toLowerCase(Locale.ROOT);
          if (lower.startsWith(prefix) && v != null) {
            session.put(lower.substring(prefix.length()), v);
          }
        });
    this.sessionConf = OptionAliases.resolve(session);
  }

  private static Map<String, String> lowerCaseKeys(Map<String, String> map) {
    Map<String, String> out = new HashMap<>();
    Map<String, String> spelling = new HashMap<>();
    map.forEach(
        (k, v) -> {
          if (v != null) {
            String lower = k.toLowerCase(Locale.ROOT);
            String previous = out.put(lower, v);
            if (previous != null && !previous.equals(v)) {
              // Spark would keep one of them arbitrarily; say so instead of guessing.
              String name =
                  RedshiftOption.fromName(k).map(RedshiftOption::optionName).orElse(lower);
              throw new IllegalArgumentException(
                  "Cannot read option '"
                      + name
                      + "': it is set twice with different values, as '"
                      + spelling.get(lower)
                      + "' and '"
                      + k
                      + "'. Option names ignore case: set it once.");
            }
            spelling.put(lower, k);
          }
        });
    return out;
  }

  /** The options looked up so far. */
  Set<RedshiftOption> consulted() {
    return Set.copyOf(consulted);
  }

  /** The user-supplied option keys, lower-cased. */
  Map<String, String> rawOptions() {
    return options;
  }

  /** Option, else session conf, else nothing; blank values count as unset. */
  Optional<String> explicit(RedshiftOption option) {
    consulted.add(option);
    String key = option.optionName().toLowerCase(Locale.ROOT);
    String value = options.get(key);
    if (value == null) {
      value = sessionConf.get(key);
    }
    return Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty());
  }

  /** Option, else session conf, else default. */
  Optional<String> string(RedshiftOption option) {
    return explicit(option).or(option::defaultValue);
  }

  boolean isSet(RedshiftOption option) {
    return explicit(option).isPresent();
  }

  boolean bool(RedshiftOption option) {
    String value = required(option);
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    if (value.equalsIgnoreCase("false")) {
      return false;
    }
    throw invalid(option, value, "is not a boolean", "Use true or false.");
  }

  long longInRange(RedshiftOption option, long min, long max) {
    String value = required(option);
    long parsed;
    try {
      parsed = Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw invalid(
          option, value, "is not a whole number", "Use a number from " + min + " to " + max + ".");
    }
    if (parsed < min || parsed > max) {
      throw invalid(
          option, value, "is out of range", "Use a number from " + min + " to " + max + ".");
    }
    return parsed;
  }

  Duration duration(RedshiftOption option, Duration min, Duration max) {
    String value = required(option);
    Duration parsed = parseDuration(value);
    if (parsed == null) {
      throw invalid(
          option,
          value,
          "is not a duration",
          "Use a whole number with a unit ms, s, m, h or d (e.g. 30s).");
    }
    if (parsed.compareTo(min) < 0 || parsed.compareTo(max) > 0) {
      throw invalid(
          option,
          value,
          "is out of range",
          "Use a duration from " + format(min) + " to " + format(max) + ".");
    }
    return parsed;
  }

  long bytes(RedshiftOption option, long min, long max) {
    String value = required(option);
    Long parsed = parseBytes(value);
    if (parsed == null) {
      throw invalid(
          option,
          value,
          "is not a size",
          "Use a number of bytes or a number with a unit KB, MB or GB (e.g. 256MB).");
    }
    if (parsed < min || parsed > max) {
      throw invalid(
          option, value, "is out of range", "Use a size from " + min + " to " + max + " bytes.");
    }
    return parsed;
  }

  <E extends Enum<E>> E choice(RedshiftOption option, Class<E> type) {
    String value = required(option);
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(value)) {
        return constant;
      }
    }
    throw invalid(option, value, "is not an accepted value", "Use one of: " + accepted(type) + ".");
  }

  static <E extends Enum<E>> String accepted(Class<E> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(e -> e.name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(", "));
  }

  private String required(RedshiftOption option) {
    return string(option)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "Cannot read option '" + option + "': it is not set."));
  }

  /**
   * "Cannot parse option 'x': value 'y' is not ... Use ...". Values are SQL-redacted before they
   * are shown.
   */
  static IllegalArgumentException invalid(
      RedshiftOption option, String value, String reason, String hint) {
    return new IllegalArgumentException(
        "Cannot parse option '"
            + option
            + "': value '"
            + Redaction.redactSql(value)
            + "' "
            + reason
            + ". "
            + hint);
  }

  static Duration parseDuration(String value) {
    if (value.trim().equals("0")) {
      return Duration.ZERO;
    }
    Matcher m = DURATION.matcher(value);
    if (!m.matches()) {
      return null;
    }
    long amount;
    try {
      amount = Long.parseLong(m.group(1));
    } catch (NumberFormatException e) {
      return null;
    }
    switch (m.group(2).toLowerCase(Locale.ROOT)) {
      case "ms":
        return Duration.ofMillis(amount);
      case "s":
        return Duration.ofSeconds(amount);
      case "m":
        return Duration.ofMinutes(amount);
      case "h":
        return Duration.ofHours(amount);
      default:
        return Duration.ofDays(amount);
    }
  }

  static Long parseBytes(String value) {
    Matcher m = SIZE.matcher(value);
    if (!m.matches()) {
      return null;
    }
    double amount = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT);
    long factor;
    switch (unit) {
      case "kb":
      case "k":
        factor = 1L << 10;
        break;
      case "mb":
      case "m":
        factor = 1L << 20;
        break;
      case "gb":
      case "g":
        factor = 1L << 30;
        break;
      default:
        factor = 1;
    }
    double bytes = amount * factor;
    if (bytes > Long.MAX_VALUE || bytes != Math.floor(bytes)) {
      return null;
    }
    return (long) bytes;
  }

  static String format(Duration d) {
    if (d.isZero()) {
      return "0";
    }
    if (d.toMillis() % 86_400_000 == 0) {
      return d.toDays() + "d";
    }
    if (d.toMillis() % 3_600_000 == 0) {
      return d.toHours() + "h";
    }
    if (d.toMillis() % 60_000 == 0) {
      return d.toMinutes() + "m";
    }
    if (d.toMillis() % 1000 == 0) {
      return d.toSeconds() + "s";
    }
    return d.toMillis() + "ms";
  }

  /** A comma-separated list, each item trimmed, empty items dropped. */
  static List<String> commaList(String value) {
    return Arrays.stream(value.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toUnmodifiableList());
  }
}
