package dev.redshiftdata.spark.read;

import dev.redshiftdata.spark.config.RedshiftOptions;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chooses the direct or the unload path for a read. {@code readMode} {@code direct} and {@code
 * unload} are obeyed; {@code auto} reads directly when the result is known or estimated to be small
 * ({@code directMaxRows}, {@code directMaxBytes}), and through UNLOAD otherwise. The estimate is a
 * pushed LIMIT when there is one, else the top line of Redshift's {@code EXPLAIN} (rows x width).
 * Pure apart from the estimate supplier.
 */
final class ReadPathChooser {

  /** The two ways to read. */
  enum ReadPath {
    DIRECT,
    UNLOAD
  }

  /**
   * A decision and why, for {@code explain()} and the log.
   *
   * @param path the chosen path
   * @param reason a short sentence
   * @param fallBackToUnload whether a direct read over the Data API's result limit may switch to
   *     the unload path ({@code auto} with staging options set)
   */
  record Choice(ReadPath path, String reason, boolean fallBackToUnload) {}

  /** Redshift's estimate of the result: rows and average row width in bytes. */
  record Estimate(long rows, long width) {
    long bytes() {
      return rows * Math.max(1, width);
    }
  }

  private static final Pattern ROWS_AND_WIDTH = Pattern.compile("rows=(\\d+) width=(\\d+)");

  private ReadPathChooser() {}

  static Choice choose(
      RedshiftOptions options, OptionalLong pushedLimit, Supplier<Optional<Estimate>> explain) {
    switch (options.read().readMode()) {
      case DIRECT:
        return new Choice(ReadPath.DIRECT, "readMode=direct", false);
      case UNLOAD:
        return new Choice(ReadPath.UNLOAD, "readMode=unload", false);
      default:
        break;
    }
    if (options.staging().tempdir().isEmpty() || options.staging().iamRole().isEmpty()) {
      return new Choice(
          ReadPath.DIRECT, "readMode=auto without tempdir and iamRole: direct only", false);
    }
    if (pushedLimit.isPresent() && pushedLimit.getAsLong() <= options.read().directMaxRows()) {
      return new Choice(
          ReadPath.DIRECT,
          "readMode=auto: LIMIT " + pushedLimit.getAsLong() + " <= directMaxRows",
          true);
    }
    Optional<Estimate> estimate = explain.get();
    if (estimate.isEmpty()) {
      return new Choice(ReadPath.DIRECT, "readMode=auto: no estimate, direct first", true);
    }
    Estimate e = estimate.get();
    String figures = "estimated " + e.rows() + " rows x " + e.width() + " bytes";
    if (e.rows() <= options.read().directMaxRows()
        && e.bytes() <= options.read().directMaxBytes()) {
      return new Choice(ReadPath.DIRECT, "readMode=auto: " + figures + ", small", true);
    }
    return new Choice(ReadPath.UNLOAD, "readMode=auto: " + figures + ", large", false);
  }

  /** Rows and width from the first plan line that has them (the top node); empty if none. */
  static Optional<Estimate> parseExplain(List<String> planLines) {
    for (String line : planLines) {
      Matcher m = ROWS_AND_WIDTH.matcher(line);
      if (m.find()) {
        try {
          return Optional.of(new Estimate(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))));
        } catch (NumberFormatException overflow) {
          return Optional.of(new Estimate(Long.MAX_VALUE / 1024, 1024));
        }
      }
    }
    return Optional.empty();
  }
}
