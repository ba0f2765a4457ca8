package dev.redshiftdata.examples.batch;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The command line of {@link DailyRevenueJob}:
 *
 * <pre>
 * --source TABLE --target TABLE [--since YYYY-MM-DD] [--mode append|overwrite]
 * [--option NAME=VALUE]...
 * </pre>
 *
 * Connection options come from {@code --option} or from the session configuration ({@code
 * spark-submit --conf spark.datasource.redshift-data.NAME=VALUE}). Pure.
 */
record JobArguments(
    String source, String target, LocalDate since, String mode, Map<String, String> options) {

  static final String USAGE =
      "Usage: DailyRevenueJob --source TABLE --target TABLE [--since YYYY-MM-DD]"
          + " [--mode append|overwrite] [--option NAME=VALUE]...";

  static JobArguments parse(String... args) {
    String source = null;
    String target = null;
    LocalDate since = LocalDate.of(1970, 1, 1);
    String mode = "overwrite";
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String flag = args[i];
      String value = valueOf(args, ++i, flag);
      switch (flag) {
        case "--source" -> source = value;
        case "--target" -> target = value;
        case "--since" -> {
          try {
            since = LocalDate.parse(value);
          } catch (DateTimeParseException e) {
            throw invalid("--since must be a date YYYY-MM-DD, got '" + value + "'");
          }
        }
        case "--mode" -> {
          mode = value.toLowerCase(Locale.ROOT);
          if (!mode.equals("append") && !mode.equals("overwrite")) {
            throw invalid("--mode must be append or overwrite, got '" + value + "'");
          }
        }
        case "--option" -> {
          int eq = value.indexOf('=');
          if (eq <= 0) {
            throw invalid("--option must be NAME=VALUE, got '" + value + "'");
          }
          options.put(value.substring(0, eq), value.substring(eq + 1));
        }
        default -> throw invalid("unknown argument '" + flag + "'");
      }
    }
    if (source == null || target == null) {
      throw invalid("--source and --target are required");
    }
    return new JobArguments(source, target, since, mode, Map.copyOf(options));
  }

  private static String valueOf(String[] args, int i, String flag) {
    if (i >= args.length) {
      throw invalid(flag + " needs a value");
    }
    return args[i];
  }

  private static IllegalArgumentException invalid(String reason) {
    return new IllegalArgumentException("Cannot run DailyRevenueJob: " + reason + ".\n" + USAGE);
  }
}
