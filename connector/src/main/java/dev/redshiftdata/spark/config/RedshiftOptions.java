package dev.redshiftdata.spark.config;

import static dev.redshiftdata.spark.config.RedshiftOption.*;

import dev.redshiftdata.spark.dataapi.ClientSettings;
import dev.redshiftdata.spark.dataapi.DataApi;
import dev.redshiftdata.spark.dataapi.DataApiClients;
import dev.redshiftdata.spark.dataapi.DataApiTarget;
import dev.redshiftdata.spark.dataapi.PollSchedule;
import dev.redshiftdata.spark.dataapi.Redaction;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The connector's options, parsed once, typed, validated and immutable.
 *
 * <p>Each value is looked up in this order: the read/write/catalog option (case-insensitive, as
 * Spark passes them), then the session configuration {@code spark.datasource.redshift-data.<name>},
 * then the default in {@link RedshiftOption}. Construction fails fast with an {@link
 * IllegalArgumentException} shaped "Cannot &lt;action&gt;: &lt;reason&gt;. &lt;hint&gt;" that names
 * the option as documented.
 *
 * <p>AWS credentials never come from options (they could be logged): the SDK's default provider
 * chain, a named {@code profile} or an assumed role supply them. This class stays on the driver: it
 * is deliberately not {@link java.io.Serializable}, and its {@link #toString()} redacts secrets.
 */
public final class RedshiftOptions {

  /** Prefix of session configuration keys that set an option for a whole session. */
  public static final String SESSION_CONF_PREFIX = "spark.datasource.redshift-data.";

  /** Spark's session key for the regex of option names whose values are hidden. */
  public static final String SPARK_REDACTION_REGEX_KEY = "spark.redaction.regex";

  /** The Data API runs a statement for at most 24 hours. */
  static final Duration MAX_STATEMENT_TIMEOUT = Duration.ofHours(24);

  /** Data API {@code StatementName} is at most 500 characters. */
  static final int MAX_LABEL_LENGTH = 500;

  /**
   * UNLOAD {@code MAXFILESIZE} accepts 5 MB to 6.2 GB
   * (https://docs.aws.amazon.com/redshift/latest/dg/r_UNLOAD.html).
   */
  static final long MIN_UNLOAD_FILE_SIZE = 5L << 20;

  static final long MAX_UNLOAD_FILE_SIZE = (long) (6.2 * (1L << 30));

  // Normalized (lower case, letters and digits only) fragments of option names that carry
  // credentials.
  private static final List<String> CREDENTIAL_KEY_FRAGMENTS =
      List.of("accesskey", "secretkey", "sessiontoken", "password", "credentials");

  /** How a read moves rows. */
  public enum ReadMode {
    AUTO,
    DIRECT,
    UNLOAD
  }

  /** Encoding of direct-read result pages. */
  public enum ResultFormat {
    AUTO,
    JSON,
    CSV
  }

  /** {@code DISTSTYLE} of a created table. */
  public enum DistStyle {
    AUTO,
    EVEN,
    KEY,
    ALL
  }

  /** Sort key style of a created table. */
  public enum SortKeyStyle {
    COMPOUND,
    INTERLEAVED
  }

  /** Which Spark type a Redshift {@code TIMESTAMP} is (option {@code timestampType}). */
  public enum TimestampMapping {
    NTZ,
    LTZ
  }

  /** How {@code overwrite} replaces an existing table. */
  public enum OverwriteMode {
    TRUNCATE,
    RECREATE
  }

  private final DataApiTarget target;
  private final ClientSettings clientSettings;
  private final boolean caseSensitiveIdentifiers;
  private final Duration statementTimeout;
  private final String label;
  private final PollSchedule pollSchedule;
  private final ResultFormat resultFormat;
  private final String dbtable;
  private final String query;
  private final ReadMode readMode;
  private final long directMaxRows;
  private final long directMaxBytes;
  private final String tempdir;
  private final String tempdirRegion;
  private final String iamRole;
  private final long unloadMaxFileSize;
  private final boolean unloadEncrypted;
  private final String unloadKmsKeyId;
  private final boolean keepStaging;
  private final Duration stagingSweepAge;
  private final boolean superAsVariant;
  private final TimestampMapping timestampMapping;
  private final boolean pushDownPredicates;
  private final boolean pushDownAggregates;
  private final boolean pushDownLimit;
  private final List<String> preActions;
  private final List<String> postActions;
  private final List<String> mergeKeys;
  private final long writeMaxFileSize;
  private final boolean allowExtraTargetColumns;
  private final boolean allowNarrowing;
  private final OverwriteMode overwriteMode;
  private final DistStyle distStyle;
  private final String distKey;
  private final List<String> sortKey;
  private final SortKeyStyle sortKeyStyle;
  private final String columnEncodings;
  private final String tableComment;
  private final String columnComments;
  private final String copyOptions;
  private final int commitMaxAttempts;
  private final AmazonMlOptions amazonMl;
  private final Set<String> optionKeys;
  private final Set<String> unknownOptions;
  private final Boolean strictOptions;
  private final String display;

  private RedshiftOptions(OptionLookup in, Pattern redaction) {
    String database =
        in.explicit(DATABASE)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "Cannot connect to Redshift: option '"
                            + DATABASE
                            + "' is not set. Set it to the database name (e.g. dev)."));
    Optional<String> cluster = in.explicit(CLUSTER_IDENTIFIER);
    Optional<String> workgroup = in.explicit(WORKGROUP_NAME);
    if (cluster.isPresent() == workgroup.isPresent()) {
      throw new IllegalArgumentException(
          "Cannot connect to Redshift: "
              + (cluster.isPresent() ? "both" : "neither")
              + " '"
              + CLUSTER_IDENTIFIER
              + "' "
              + (cluster.isPresent() ? "and" : "nor")
              + " '"
              + WORKGROUP_NAME
              + "' "
              + (cluster.isPresent() ? "are" : "is")
              + " set. Set exactly one: '"
              + CLUSTER_IDENTIFIER
              + "' for a provisioned cluster or '"
              + WORKGROUP_NAME
              + "' for Redshift Serverless.");
    }
    String secretArn = in.explicit(SECRET_ARN).orElse(null);
    String dbUser = in.explicit(DB_USER).orElse(null);
    if (secretArn != null && dbUser != null) {
      throw new IllegalArgumentException(
          "Cannot connect to Redshift: both '"
              + SECRET_ARN
              + "' and '"
              + DB_USER
              + "' are set. Set '"
              + SECRET_ARN
              + "' to use a Secrets Manager secret, or '"
              + DB_USER
              + "' to use temporary IAM credentials, not both.");
    }
    this.target =
        cluster.isPresent()
            ? DataApiTarget.cluster(database, cluster.get(), secretArn, dbUser)
            : DataApiTarget.workgroup(database, workgroup.get(), secretArn, dbUser);
    this.clientSettings =
        new ClientSettings(
            in.explicit(REGION).orElse(null),
            in.explicit(ENDPOINT).map(RedshiftOptions::parseEndpoint).orElse(null),
            in.explicit(PROFILE).orElse(null),
            in.explicit(ASSUME_ROLE_ARN).orElse(null),
            in.string(ASSUME_ROLE_SESSION_NAME).orElseThrow(),
            (int) in.longInRange(RETRY_MAX_ATTEMPTS, 1, 100));
    this.caseSensitiveIdentifiers = in.bool(CASE_SENSITIVE_IDENTIFIERS);

    this.statementTimeout =
        in.duration(STATEMENT_TIMEOUT, Duration.ofMillis(1), MAX_STATEMENT_TIMEOUT);
    this.label = in.explicit(LABEL).orElse(null);
    if (label != null && label.length() > MAX_LABEL_LENGTH) {
      throw new IllegalArgumentException(
          "Cannot use option '"
              + LABEL
              + "': it is "
              + label.length()
              + " characters long. The Data API's StatementName takes at most "
              + MAX_LABEL_LENGTH
              + ".");
    }
    Duration initial =
        in.duration(POLL_INITIAL_DELAY, Duration.ofMillis(1), Duration.ofSeconds(10));
    Duration max = in.duration(POLL_MAX_DELAY, Duration.ofMillis(1), Duration.ofMinutes(1));
    if (max.compareTo(initial) < 0) {
      throw new IllegalArgumentException(
          "Cannot use options '"
              + POLL_MAX_DELAY
              + "' and '"
              + POLL_INITIAL_DELAY
              + "': '"
              + POLL_MAX_DELAY
              + "' ("
              + OptionLookup.format(max)
              + ") is shorter than '"
              + POLL_INITIAL_DELAY
              + "' ("
              + OptionLookup.format(initial)
              + "). Set '"
              + POLL_MAX_DELAY
              + "' to at least '"
              + POLL_INITIAL_DELAY
              + "'.");
    }
    this.pollSchedule = new PollSchedule(initial, max);
    this.resultFormat = in.choice(RESULT_FORMAT, ResultFormat.class);
    this.strictOptions = in.isSet(STRICT_OPTIONS) ? in.bool(STRICT_OPTIONS) : null;

    this.dbtable = in.explicit(DBTABLE).orElse(null);
    this.query = in.explicit(QUERY).orElse(null);
    if (dbtable != null && query != null) {
      throw new IllegalArgumentException(
          "Cannot choose what to read: both '"
              + DBTABLE
              + "' and '"
              + QUERY
              + "' are set. Set exactly one of them.");
    }
    this.readMode = in.choice(READ_MODE, ReadMode.class);
    this.directMaxRows = in.longInRange(DIRECT_MAX_ROWS, 0, Long.MAX_VALUE);
    this.directMaxBytes = in.bytes(DIRECT_MAX_BYTES, 0, Long.MAX_VALUE);
    this.tempdir = in.explicit(TEMPDIR).map(RedshiftOptions::checkTempdir).orElse(null);
    this.tempdirRegion = in.explicit(TEMPDIR_REGION).orElse(null);
    this.iamRole = in.explicit(IAM_ROLE).orElse(null);
    this.unloadMaxFileSize =
        in.bytes(UNLOAD_MAX_FILE_SIZE, MIN_UNLOAD_FILE_SIZE, MAX_UNLOAD_FILE_SIZE);
    this.unloadKmsKeyId = in.explicit(UNLOAD_KMS_KEY_ID).orElse(null);
    this.unloadEncrypted = in.bool(UNLOAD_ENCRYPTED) || unloadKmsKeyId != null;
    this.keepStaging = in.bool(KEEP_STAGING);
    this.stagingSweepAge = in.duration(STAGING_SWEEP_AGE, Duration.ZERO, Duration.ofDays(3650));
    this.superAsVariant = in.bool(SUPER_AS_VARIANT);
    this.timestampMapping = in.choice(TIMESTAMP_TYPE, TimestampMapping.class);
    this.pushDownPredicates = in.bool(PUSH_DOWN_PREDICATES);
    this.pushDownAggregates = in.bool(PUSH_DOWN_AGGREGATES);
    this.pushDownLimit = in.bool(PUSH_DOWN_LIMIT);
    if (readMode == ReadMode.UNLOAD) {
      checkStaging("unload", tempdir, iamRole);
    }

    this.preActions = in.explicit(PRE_ACTIONS).map(SqlStatements::split).orElse(List.of());
    this.postActions = in.explicit(POST_ACTIONS).map(SqlStatements::split).orElse(List.of());
    this.mergeKeys = in.explicit(MERGE_KEYS).map(RedshiftOptions::commaList).orElse(List.of());
    this.writeMaxFileSize = in.bytes(WRITE_MAX_FILE_SIZE, 1L << 20, 16L << 30);
    this.allowExtraTargetColumns = in.bool(ALLOW_EXTRA_TARGET_COLUMNS);
    this.allowNarrowing = in.bool(ALLOW_NARROWING);
    this.overwriteMode = in.choice(OVERWRITE_MODE, OverwriteMode.class);
    this.distKey = in.explicit(DIST_KEY).orElse(null);
    DistStyle style = in.isSet(DIST_STYLE) ? in.choice(DIST_STYLE, DistStyle.class) : null;
    if (distKey != null && style != null && style != DistStyle.KEY) {
      throw new IllegalArgumentException(
          "Cannot create a table with option '"
              + DIST_KEY
              + "': '"
              + DIST_STYLE
              + "' is "
              + style.name()
              + ". Remove '"
              + DIST_STYLE
              + "' or set it to KEY.");
    }
    this.distStyle = distKey != null ? DistStyle.KEY : style;
    this.sortKey = in.explicit(SORT_KEY).map(RedshiftOptions::commaList).orElse(List.of());
    this.sortKeyStyle = in.choice(SORT_KEY_STYLE, SortKeyStyle.class);
    this.columnEncodings = in.explicit(COLUMN_ENCODINGS).orElse(null);
    this.tableComment = in.explicit(TABLE_COMMENT).orElse(null);
    this.columnComments = in.explicit(COLUMN_COMMENTS).orElse(null);
    this.copyOptions = in.explicit(COPY_OPTIONS).orElse(null);
    this.commitMaxAttempts = (int) in.longInRange(COMMIT_MAX_ATTEMPTS, 1, 100);
    this.amazonMl = new AmazonMlOptions(in);

    this.optionKeys = Set.copyOf(in.rawOptions().keySet());
    this.unknownOptions = UnknownOptions.of(optionKeys);
    this.display = render(in, redaction);
  }

  /**
   * Parses options as Spark hands them to a source, table or catalog, with the session's
   * configuration ({@code spark.datasource.redshift-data.*} and {@code spark.redaction.regex};
   * other keys are ignored).
   */
  public static RedshiftOptions parse(
      Map<String, String> options, Map<String, String> sessionConf) {
    if (options == null) {
      throw new IllegalArgumentException("options is null");
    }
    if (sessionConf == null) {
      throw new IllegalArgumentException("sessionConf is null");
    }
    rejectCredentialOptions(options.keySet());
    rejectCredentialOptions(
        sessionConf.keySet().stream()
            .filter(
                k -> k.regionMatches(true, 0, SESSION_CONF_PREFIX, 0, SESSION_CONF_PREFIX.length()))
            .collect(Collectors.toSet()));
    return new RedshiftOptions(
        new OptionLookup(options, sessionConf),
        Redaction.redactionPattern(sessionConf.get(SPARK_REDACTION_REGEX_KEY)));
  }

  private static void rejectCredentialOptions(Set<String> keys) {
    for (String key : new TreeSet<>(keys)) {
      String lower = key.toLowerCase(Locale.ROOT);
      String normalized = lower.replaceAll("[^a-z0-9]", "");
      // spark-redshift's forward_spark_s3_credentials is a switch, not a credential.
      if (!OptionAliases.NO_EFFECT.containsKey(lower)
          && CREDENTIAL_KEY_FRAGMENTS.stream().anyMatch(normalized::contains)) {
        throw new IllegalArgumentException(
            "Cannot use option '"
                + key
                + "': AWS credentials and passwords are never taken from options, which can be logged. "
                + "Use the AWS SDK's default credentials provider chain (environment variables, the system properties "
                + "aws.accessKeyId and aws.secretAccessKey, ~/.aws profiles, instance or container roles), option '"
                + PROFILE
                + "' for a named profile, or '"
                + ASSUME_ROLE_ARN
                + "' to assume a role; database passwords belong in '"
                + SECRET_ARN
                + "'.");
      }
    }
  }

  private static URI parseEndpoint(String value) {
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw OptionLookup.invalid(
        ENDPOINT,
        value,
        "is not an http or https URI",
        "Use e.g. https://redshift-data.us-east-1.amazonaws.com.");
  }

  private static String checkTempdir(String value) {
    int space = indexOfWhitespace(value);
    if (space >= 0) {
      // Redshift's UNLOAD and COPY take the prefix as an s3:// URL, and Hadoop paths would
      // percent-encode the space: the two sides would not name the same objects.
      throw OptionLookup.invalid(
          TEMPDIR,
          value,
          "contains a space (at character " + (space + 1) + ")",
          "Use a staging prefix without spaces, e.g. s3a://bucket/prefix/.");
    }
    try {
      URI uri = new URI(value);
      if (uri.getScheme() != null && uri.getAuthority() != null) {
        return value;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw OptionLookup.invalid(
        TEMPDIR,
        value,
        "is not a Hadoop URI with a scheme and a bucket",
        "Use e.g. s3a://bucket/prefix/.");
  }

  private static int indexOfWhitespace(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (Character.isWhitespace(value.charAt(i)) || Character.isSpaceChar(value.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  private static void checkStaging(String action, String tempdir, String iamRole) {
    if (tempdir == null) {
      throw new IllegalArgumentException(
          "Cannot "
              + action
              + ": option '"
              + TEMPDIR
              + "' is not set. Set it to a staging prefix Redshift can reach, e.g. s3a://bucket/prefix/.");
    }
    if (iamRole == null) {
      throw new IllegalArgumentException(
          "Cannot "
              + action
              + ": option '"
              + IAM_ROLE
              + "' is not set. Set it to the ARN of a role attached to the cluster that can use '"
              + TEMPDIR
              + "', or to default for the cluster's default IAM role.");
    }
  }

  private static List<String> commaList(String value) {
    return Arrays.stream(value.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toUnmodifiableList());
  }

  private String render(OptionLookup in, Pattern redaction) {
    StringBuilder sb = new StringBuilder("RedshiftOptions{");
    String sep = "";
    for (RedshiftOption option : RedshiftOption.values()) {
      Optional<String> value = in.explicit(option);
      if (value.isPresent()) {
        sb.append(sep)
            .append(option)
            .append('=')
            .append(Redaction.redactOption(option.optionName(), value.get(), redaction));
        sep = ", ";
      }
    }
    return sb.append('}').toString();
  }

  /** Fails unless exactly one of {@code dbtable} and {@code query} is set; for reads. */
  public void requireTableOrQuery() {
    if (dbtable == null && query == null) {
      throw new IllegalArgumentException(
          "Cannot choose what to read: neither '"
              + DBTABLE
              + "' nor '"
              + QUERY
              + "' is set. Set '"
              + DBTABLE
              + "' to a table name or '"
              + QUERY
              + "' to a SELECT.");
    }
  }

  /** Fails unless {@code dbtable} is set and {@code query} is not; for writes. */
  public String requireTable(String action) {
    if (query != null) {
      throw new IllegalArgumentException(
          "Cannot "
              + action
              + ": writes need '"
              + DBTABLE
              + "', and option '"
              + QUERY
              + "' is only for reads. Set '"
              + DBTABLE
              + "' to the target table instead of '"
              + QUERY
              + "'.");
    }
    if (dbtable == null) {
      throw new IllegalArgumentException(
          "Cannot "
              + action
              + ": option '"
              + DBTABLE
              + "' is not set. Set it to the target table name.");
    }
    return dbtable;
  }

  /**
   * Fails unless {@code tempdir} and {@code iamRole} are set; {@code action} is e.g. "unload" or
   * "write".
   */
  public void requireStaging(String action) {
    checkStaging(action, tempdir, iamRole);
  }

  /**
   * A Data API wrapper for these options, over the JVM's shared client for {@link
   * #clientSettings()}, sending {@code label} (when set) as every statement's {@code
   * StatementName}.
   */
  public DataApi dataApi() {
    return new DataApi(
            DataApiClients.client(clientSettings), target, statementTimeout, pollSchedule)
        .withDefaultStatementName(label);
  }

  public DataApiTarget target() {
    return target;
  }

  public ClientSettings clientSettings() {
    return clientSettings;
  }

  public boolean caseSensitiveIdentifiers() {
    return caseSensitiveIdentifiers;
  }

  public Duration statementTimeout() {
    return statementTimeout;
  }

  public Optional<String> label() {
    return Optional.ofNullable(label);
  }

  public PollSchedule pollSchedule() {
    return pollSchedule;
  }

  public ResultFormat resultFormat() {
    return resultFormat;
  }

  public Optional<String> dbtable() {
    return Optional.ofNullable(dbtable);
  }

  public Optional<String> query() {
    return Optional.ofNullable(query);
  }

  public ReadMode readMode() {
    return readMode;
  }

  public long directMaxRows() {
    return directMaxRows;
  }

  public long directMaxBytes() {
    return directMaxBytes;
  }

  public Optional<String> tempdir() {
    return Optional.ofNullable(tempdir);
  }

  public Optional<String> tempdirRegion() {
    return Optional.ofNullable(tempdirRegion);
  }

  public Optional<String> iamRole() {
    return Optional.ofNullable(iamRole);
  }

  public long unloadMaxFileSize() {
    return unloadMaxFileSize;
  }

  public boolean unloadEncrypted() {
    return unloadEncrypted;
  }

  public Optional<String> unloadKmsKeyId() {
    return Optional.ofNullable(unloadKmsKeyId);
  }

  public boolean keepStaging() {
    return keepStaging;
  }

  /** Zero disables the sweep of stale staging prefixes. */
  public Duration stagingSweepAge() {
    return stagingSweepAge;
  }

  public boolean superAsVariant() {
    return superAsVariant;
  }

  /** Whether {@code TIMESTAMP} is Spark's {@code TimestampType} in the session time zone. */
  public boolean timestampAsLtz() {
    return timestampMapping == TimestampMapping.LTZ;
  }

  public boolean pushDownPredicates() {
    return pushDownPredicates;
  }

  public boolean pushDownAggregates() {
    return pushDownAggregates;
  }

  public boolean pushDownLimit() {
    return pushDownLimit;
  }

  /** Statements in order, {@code %s} not yet replaced. */
  public List<String> preActions() {
    return preActions;
  }

  public List<String> postActions() {
    return postActions;
  }

  public List<String> mergeKeys() {
    return mergeKeys;
  }

  public long writeMaxFileSize() {
    return writeMaxFileSize;
  }

  public OverwriteMode overwriteMode() {
    return overwriteMode;
  }

  public boolean allowExtraTargetColumns() {
    return allowExtraTargetColumns;
  }

  /** Whether a write may convert into narrower numeric columns, checking each value. */
  public boolean allowNarrowing() {
    return allowNarrowing;
  }

  public Optional<DistStyle> distStyle() {
    return Optional.ofNullable(distStyle);
  }

  public Optional<String> distKey() {
    return Optional.ofNullable(distKey);
  }

  public List<String> sortKey() {
    return sortKey;
  }

  public SortKeyStyle sortKeyStyle() {
    return sortKeyStyle;
  }

  /** Raw {@code col=ENCODING} pairs; the write path parses them against the table's columns. */
  public Optional<String> columnEncodings() {
    return Optional.ofNullable(columnEncodings);
  }

  public Optional<String> tableComment() {
    return Optional.ofNullable(tableComment);
  }

  /** Raw JSON object; the write path parses it against the table's columns. */
  public Optional<String> columnComments() {
    return Optional.ofNullable(columnComments);
  }

  public Optional<String> copyOptions() {
    return Optional.ofNullable(copyOptions);
  }

  public int commitMaxAttempts() {
    return commitMaxAttempts;
  }

  public AmazonMlOptions amazonMl() {
    return amazonMl;
  }

  /**
   * Keys the user passed that are neither connector options nor Spark's own ({@code path}), lower
   * case.
   */
  public Set<String> unknownOptions() {
    return unknownOptions;
  }

  /**
   * Fails on unknown option names (with a did-you-mean) when {@code strictOptions} is true, or is
   * unset and this is a write; else logs a warning once per set of names.
   */
  public void checkOptionNames(boolean write) {
    checkOptionNames(optionKeys, write);
  }

  /** The same for some of the keys only, e.g. a catalog table's per-query options. */
  public void checkOptionNames(Set<String> keys, boolean write) {
    UnknownOptions.warnNoEffect(keys, write ? "the write" : "the read");
    UnknownOptions.check(UnknownOptions.of(keys), strictOptions, write, write ? "write" : "read");
  }

  /** The explicitly set options, secrets redacted. */
  @Override
  public String toString() {
    return display;
  }
}
