package dev.redshiftdata.spark.config;

import static dev.redshiftdata.spark.config.RedshiftOption.*;

import dev.redshiftdata.spark.dataapi.DataApi;
import dev.redshiftdata.spark.dataapi.Redaction;
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
 * <p>The options are grouped by scope, each its own view: {@link #connection()}, {@link #read()},
 * {@link #staging()}, {@link #write()}, {@link #table()} and {@link #amazonMl()}.
 *
 * <p>AWS credentials never come from options (they could be logged): the SDK's default provider
 * chain, a named {@code profile} or an assumed role supply them. This class stays on the driver: it
 * is deliberately not {@link java.io.Serializable} (executors get {@link
 * ConnectionOptions#forExecutors()}), and its {@link #toString()} redacts secrets.
 */
public final class RedshiftOptions {

  /** Prefix of session configuration keys that set an option for a whole session. */
  public static final String SESSION_CONF_PREFIX = "spark.datasource.redshift-data.";

  /** Spark's session key for the regex of option names whose values are hidden. */
  public static final String SPARK_REDACTION_REGEX_KEY = "spark.redaction.regex";

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

  private final ConnectionOptions connection;
  private final String dbtable;
  private final String query;
  private final ReadOptions read;
  private final StagingOptions staging;
  private final WriteOptions write;
  private final TableDdlOptions table;
  private final AmazonMlOptions amazonMl;
  private final Set<String> optionKeys;
  private final Set<String> unknownOptions;
  private final Boolean strictOptions;
  private final String display;

  private RedshiftOptions(OptionLookup in, Pattern redaction) {
    this.connection = ConnectionOptions.parse(in);
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
    this.read = ReadOptions.parse(in);
    this.staging = StagingOptions.parse(in);
    if (read.readMode() == ReadMode.UNLOAD) {
      staging.require("unload");
    }
    this.write = WriteOptions.parse(in);
    this.table = TableDdlOptions.parse(in);
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

  /** Where statements run and how the Data API is reached. */
  public ConnectionOptions connection() {
    return connection;
  }

  /** How reads move rows, map types and push down. */
  public ReadOptions read() {
    return read;
  }

  /** The S3 staging prefix and its lifecycle. */
  public StagingOptions staging() {
    return staging;
  }

  /** How writes load, merge and replace rows. */
  public WriteOptions write() {
    return write;
  }

  /** The DDL of a table a write or the catalog creates. */
  public TableDdlOptions table() {
    return table;
  }

  public AmazonMlOptions amazonMl() {
    return amazonMl;
  }

  /** See {@link ConnectionOptions#dataApi()}. */
  public DataApi dataApi() {
    return connection.dataApi();
  }

  public Optional<String> dbtable() {
    return Optional.ofNullable(dbtable);
  }

  public Optional<String> query() {
    return Optional.ofNullable(query);
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
