package dev.redshiftdata.spark.config;

import static dev.redshiftdata.spark.config.RedshiftOption.*;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The {@code amazonMl.*} options of a write, parsed and validated with the rest of {@link
 * RedshiftOptions}.
 */
public final class AmazonMlOptions {

  /** Which Amazon ML datasource a write emits. */
  public enum Datasource {
    NONE,
    S3,
    REDSHIFT,
    BOTH
  }

  /** What happens to end-of-line characters inside CSV values. */
  public enum Newlines {
    REPLACE,
    REJECT
  }

  /** Amazon ML's {@code DataSourceId} pattern and length. */
  private static final Pattern DATASOURCE_ID = Pattern.compile("[a-zA-Z0-9_.-]{1,64}");

  private final Datasource datasource;
  private final boolean s3Only;
  private final String location;
  private final String targetAttribute;
  private final String rowId;
  private final String rowWeight;
  private final List<String> excludedAttributes;
  private final String attributeTypes;
  private final long categoricalThreshold;
  private final boolean header;
  private final Newlines newlines;
  private final long maxRowBytes;
  private final long maxDroppedRows;
  private final String dataSourceId;
  private final String dataSourceName;
  private final String roleArn;
  private final String s3StagingLocation;
  private final boolean inlineSchema;
  private final boolean computeStatistics;
  private final int trainPercent;
  private final boolean submit;
  private final String endpoint;
  private final Duration submitTimeout;
  private final String secretArn;
  private final String secretsEndpoint;

  AmazonMlOptions(OptionLookup in) {
    this.datasource = in.choice(AMAZON_ML_DATASOURCE, Datasource.class);
    this.s3Only = in.bool(AMAZON_ML_S3_ONLY);
    this.location = in.explicit(AMAZON_ML_LOCATION).orElse(null);
    this.targetAttribute = in.explicit(AMAZON_ML_TARGET_ATTRIBUTE).orElse(null);
    this.rowId = in.explicit(AMAZON_ML_ROW_ID).orElse(null);
    this.rowWeight = in.explicit(AMAZON_ML_ROW_WEIGHT).orElse(null);
    this.excludedAttributes =
        in.explicit(AMAZON_ML_EXCLUDED_ATTRIBUTES)
            .map(
                v ->
                    Arrays.stream(v.split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .collect(Collectors.toUnmodifiableList()))
            .orElse(List.of());
    this.attributeTypes = in.explicit(AMAZON_ML_ATTRIBUTE_TYPES).orElse(null);
    this.categoricalThreshold =
        in.longInRange(AMAZON_ML_CATEGORICAL_THRESHOLD, 1, Integer.MAX_VALUE);
    this.header = in.bool(AMAZON_ML_HEADER);
    this.newlines = in.choice(AMAZON_ML_NEWLINES, Newlines.class);
    this.maxRowBytes = in.longInRange(AMAZON_ML_MAX_ROW_BYTES, 1, 102_400);
    this.maxDroppedRows = in.longInRange(AMAZON_ML_MAX_DROPPED_ROWS, 0, 10_000);
    this.dataSourceId = in.explicit(AMAZON_ML_DATASOURCE_ID).orElse(null);
    if (dataSourceId != null && !DATASOURCE_ID.matcher(dataSourceId).matches()) {
      throw OptionLookup.invalid(
          AMAZON_ML_DATASOURCE_ID,
          dataSourceId,
          "is not a valid DataSourceId",
          "Use 1 to 64 characters of a-z, A-Z, 0-9, _, . and -.");
    }
    this.dataSourceName = in.explicit(AMAZON_ML_DATASOURCE_NAME).orElse(null);
    if (dataSourceName != null && dataSourceName.length() > 1024) {
      throw new IllegalArgumentException(
          "Cannot use option '"
              + AMAZON_ML_DATASOURCE_NAME
              + "': it is "
              + dataSourceName.length()
              + " characters long. Amazon ML's DataSourceName takes at most 1024.");
    }
    this.roleArn = in.explicit(AMAZON_ML_ROLE_ARN).orElse(null);
    this.s3StagingLocation = in.explicit(AMAZON_ML_S3_STAGING_LOCATION).orElse(null);
    this.inlineSchema = in.bool(AMAZON_ML_INLINE_SCHEMA);
    this.computeStatistics = in.bool(AMAZON_ML_COMPUTE_STATISTICS);
    this.trainPercent = (int) in.longInRange(AMAZON_ML_TRAIN_PERCENT, 0, 99);
    this.submit = in.bool(AMAZON_ML_SUBMIT);
    this.endpoint =
        in.explicit(AMAZON_ML_ENDPOINT).map(v -> httpUri(AMAZON_ML_ENDPOINT, v)).orElse(null);
    this.submitTimeout =
        in.duration(AMAZON_ML_SUBMIT_TIMEOUT, Duration.ofSeconds(1), Duration.ofDays(7));
    this.secretArn = in.explicit(AMAZON_ML_SECRET_ARN).orElse(null);
    this.secretsEndpoint =
        in.explicit(AMAZON_ML_SECRETS_ENDPOINT)
            .map(v -> httpUri(AMAZON_ML_SECRETS_ENDPOINT, v))
            .orElse(null);

    if (datasource != Datasource.NONE && targetAttribute == null) {
      throw new IllegalArgumentException(
          "Cannot emit an Amazon ML datasource: option '"
              + AMAZON_ML_TARGET_ATTRIBUTE
              + "' is not set. Set it to the column Amazon ML should predict.");
    }
    if (s3Only && datasource != Datasource.S3) {
      throw new IllegalArgumentException(
          "Cannot use option '"
              + AMAZON_ML_S3_ONLY
              + "': it needs '"
              + AMAZON_ML_DATASOURCE
              + "' s3, not "
              + datasource.name().toLowerCase(java.util.Locale.ROOT)
              + ". Set '"
              + AMAZON_ML_DATASOURCE
              + "' to s3.");
    }
    if (location != null && !location.endsWith("/")) {
      throw OptionLookup.invalid(
          AMAZON_ML_LOCATION,
          location,
          "does not end in /",
          "Amazon ML reads every file under a prefix: end it with /.");
    }
  }

  /** An endpoint override: an http or https URI with a host. */
  private static String httpUri(RedshiftOption option, String value) {
    try {
      java.net.URI uri = new java.net.URI(value);
      String scheme =
          uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return value;
      }
    } catch (java.net.URISyntaxException e) {
      // reported below
    }
    throw OptionLookup.invalid(
        option,
        value,
        "is not an http or https URI",
        "Use e.g. https://machinelearning.us-east-1.amazonaws.com.");
  }

  public Datasource datasource() {
    return datasource;
  }

  public boolean s3Only() {
    return s3Only;
  }

  public Optional<String> location() {
    return Optional.ofNullable(location);
  }

  public Optional<String> targetAttribute() {
    return Optional.ofNullable(targetAttribute);
  }

  public Optional<String> rowId() {
    return Optional.ofNullable(rowId);
  }

  public Optional<String> rowWeight() {
    return Optional.ofNullable(rowWeight);
  }

  public List<String> excludedAttributes() {
    return excludedAttributes;
  }

  /** Raw {@code col=TYPE} pairs; the Amazon ML writer checks them against the schema. */
  public Optional<String> attributeTypes() {
    return Optional.ofNullable(attributeTypes);
  }

  public long categoricalThreshold() {
    return categoricalThreshold;
  }

  public boolean header() {
    return header;
  }

  public Newlines newlines() {
    return newlines;
  }

  public long maxRowBytes() {
    return maxRowBytes;
  }

  public long maxDroppedRows() {
    return maxDroppedRows;
  }

  public Optional<String> dataSourceId() {
    return Optional.ofNullable(dataSourceId);
  }

  public Optional<String> dataSourceName() {
    return Optional.ofNullable(dataSourceName);
  }

  public Optional<String> roleArn() {
    return Optional.ofNullable(roleArn);
  }

  public Optional<String> s3StagingLocation() {
    return Optional.ofNullable(s3StagingLocation);
  }

  public boolean inlineSchema() {
    return inlineSchema;
  }

  public boolean computeStatistics() {
    return computeStatistics;
  }

  /** 0 means no train/evaluation split. */
  public int trainPercent() {
    return trainPercent;
  }

  public boolean submit() {
    return submit;
  }

  public Optional<String> endpoint() {
    return Optional.ofNullable(endpoint);
  }

  public Duration submitTimeout() {
    return submitTimeout;
  }

  /** The secret holding DatabaseCredentials for submission, when not the connection's secretArn. */
  public Optional<String> secretArn() {
    return Optional.ofNullable(secretArn);
  }

  public Optional<String> secretsEndpoint() {
    return Optional.ofNullable(secretsEndpoint);
  }
}
