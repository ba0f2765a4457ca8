package dev.redshiftdata.local.aml;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks the observations of every data file against the schema, as Amazon ML does while it builds
 * a datasource: the header line (when the schema says there is one) names the attributes in order,
 * every observation has the schema's attribute count, NUMERIC values are numbers and BINARY values
 * one of Amazon ML's binary spellings (empty = missing, allowed for every type). Observations over
 * the size limit are rejected and counted; more rejections than the limit fail the datasource.
 * Collects per-attribute statistics when asked.
 */
final class DataChecker {

  /** Distinct values counted per attribute before counting stops (memory bound). */
  static final int MAX_DISTINCT = 100_000;

  private static final Pattern NUMBER =
      Pattern.compile("[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?");

  /** Amazon ML's BINARY spellings, compared case-insensitively. */
  static final Set<String> BINARY_VALUES =
      Set.of("0", "1", "y", "n", "yes", "no", "t", "f", "true", "false");

  private final AmlSchema schema;
  private final boolean header;
  private final boolean headerIgnoresCase;
  private final long maxObservationBytes;
  private final long maxRejectedObservations;
  private final boolean computeStatistics;
  private final Accumulator[] stats;
  private long files;
  private long bytes;
  private long observations;
  private long rejected;

  /**
   * @param header whether each file starts with a header line
   * @param headerIgnoresCase compare header names ignoring case (Redshift folds column names)
   */
  DataChecker(
      AmlSchema schema,
      boolean header,
      boolean headerIgnoresCase,
      long maxObservationBytes,
      long maxRejectedObservations,
      boolean computeStatistics) {
    this.schema = schema;
    this.header = header;
    this.headerIgnoresCase = headerIgnoresCase;
    this.maxObservationBytes = maxObservationBytes;
    this.maxRejectedObservations = maxRejectedObservations;
    this.computeStatistics = computeStatistics;
    this.stats = new Accumulator[schema.attributes().size()];
    for (int i = 0; i < stats.length; i++) {
      stats[i] = new Accumulator(schema.attributes().get(i));
    }
  }

  /** Reads one whole data file (buffered stream), failing on the first rule it breaks. */
  void file(String name, InputStream in, long size) throws IOException, DataSourceFailure {
    files++;
    bytes += size;
    CsvObservations csv = new CsvObservations(in, name);
    CsvObservations.Observation o;
    boolean first = true;
    // The header line names the attributes; it is not an observation, so no size limit applies.
    while ((o = csv.next(first && header ? Long.MAX_VALUE : maxObservationBytes)) != null) {
      if (o.rejected()) {
        rejected++;
        if (rejected > maxRejectedObservations) {
          throw new DataSourceFailure(
              "More than "
                  + maxRejectedObservations
                  + " observations are larger than "
                  + maxObservationBytes
                  + " bytes (the last at "
                  + name
                  + " line "
                  + o.line()
                  + "); Amazon ML rejects the whole datasource.");
        }
        first = false;
        continue;
      }
      List<String> values = o.values();
      if (values.size() != stats.length) {
        throw new DataSourceFailure(
            name
                + " line "
                + o.line()
                + ": the observation has "
                + values.size()
                + " attributes; the schema has "
                + stats.length
                + ".");
      }
      if (first && header) {
        first = false;
        checkHeader(name, values);
        continue;
      }
      first = false;
      observations++;
      for (int i = 0; i < stats.length; i++) {
        stats[i].add(values.get(i), name, o.line());
      }
    }
  }

  /** The statistics, once every file was read; fails when no observation was found. */
  DataStatistics finish(DataRearrangement rearrangement) throws DataSourceFailure {
    if (observations == 0) {
      throw new DataSourceFailure(
          "The datasource has no observations"
              + (rejected > 0 ? " (" + rejected + " were larger than the limit)." : "."));
    }
    List<AttributeStatistics> attributes = new ArrayList<>();
    if (computeStatistics) {
      for (Accumulator a : stats) {
        attributes.add(a.result());
      }
    }
    return new DataStatistics(
        files,
        bytes,
        observations,
        rejected,
        rearrangement.selected(observations),
        List.copyOf(attributes));
  }

  private void checkHeader(String name, List<String> values) throws DataSourceFailure {
    List<String> expected = schema.names();
    for (int i = 0; i < expected.size(); i++) {
      String got = values.get(i);
      boolean same =
          headerIgnoresCase ? got.equalsIgnoreCase(expected.get(i)) : got.equals(expected.get(i));
      if (!same) {
        throw new DataSourceFailure(
            name
                + " line 1: the header names attribute "
                + (i + 1)
                + " '"
                + got
                + "'; the schema names it '"
                + expected.get(i)
                + "'.");
      }
    }
  }

  /** Running statistics and type checks of one attribute. */
  private final class Accumulator {
    private final AmlSchema.Attribute attribute;
    private long present;
    private long missing;
    private final Set<String> distinct = new HashSet<>();
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private BigDecimal sum = BigDecimal.ZERO;

    Accumulator(AmlSchema.Attribute attribute) {
      this.attribute = attribute;
    }

    void add(String value, String file, long line) throws DataSourceFailure {
      if (value.isEmpty()) {
        missing++;
        return;
      }
      present++;
      switch (attribute.type()) {
        case NUMERIC -> {
          String v = value.trim();
          if (!NUMBER.matcher(v).matches()) {
            throw typeError(value, "is not a number", file, line);
          }
          if (computeStatistics) {
            BigDecimal d = new BigDecimal(v);
            sum = sum.add(d);
            min = Math.min(min, d.doubleValue());
            max = Math.max(max, d.doubleValue());
          }
        }
        case BINARY -> {
          String v = value.trim().toLowerCase(Locale.ROOT);
          if (!BINARY_VALUES.contains(v)) {
            throw typeError(
                value,
                "is not a binary value (0, 1, y, n, yes, no, t, f, true, false)",
                file,
                line);
          }
          countDistinct(v);
        }
        case CATEGORICAL -> countDistinct(value);
        case TEXT -> {}
      }
    }

    private void countDistinct(String v) {
      if (computeStatistics && distinct.size() < MAX_DISTINCT) {
        distinct.add(v);
      }
    }

    private DataSourceFailure typeError(String value, String what, String file, long line) {
      String shown = value.length() > 64 ? value.substring(0, 64) + "..." : value;
      return new DataSourceFailure(
          file
              + " line "
              + line
              + ": value '"
              + shown
              + "' of "
              + attribute.type()
              + " attribute '"
              + attribute.name()
              + "' "
              + what
              + ".");
    }

    AttributeStatistics result() {
      boolean numeric = attribute.type() == AmlSchema.Type.NUMERIC && present > 0;
      boolean counted =
          attribute.type() == AmlSchema.Type.CATEGORICAL
              || attribute.type() == AmlSchema.Type.BINARY;
      return new AttributeStatistics(
          attribute.name(),
          attribute.type().name(),
          present,
          missing,
          counted ? (long) distinct.size() : null,
          numeric ? min : null,
          numeric ? max : null,
          numeric
              ? sum.divide(BigDecimal.valueOf(present), java.math.MathContext.DECIMAL64)
                  .doubleValue()
              : null);
    }
  }
}
