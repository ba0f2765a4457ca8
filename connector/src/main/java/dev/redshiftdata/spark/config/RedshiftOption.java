package dev.redshiftdata.spark.config;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every option name the connector knows, with its default and a one-line meaning: the registry that
 * {@link RedshiftOptions} parses and that README's option table is checked against.
 *
 * <p>Names are camelCase and follow the Data API's request fields where one exists ({@code
 * database}, {@code clusterIdentifier}, ...). Options of one feature share a prefix ({@code
 * amazonMl.}). Spark passes options case-insensitively, so {@link #fromName(String)} ignores case
 * too. A {@code null} default means "not set" (the description says what happens then).
 *
 * <p>Some options are reserved here for features later issues implement (read path, write path,
 * Amazon ML, catalog); their names and defaults are fixed now so that they stay consistent.
 */
public enum RedshiftOption {
  // --- Connection (Data API request members) ---
  DATABASE(
      Scope.CONNECTION,
      "database",
      null,
      "Database to connect to (Data API `Database`); required."),
  CLUSTER_IDENTIFIER(
      Scope.CONNECTION,
      "clusterIdentifier",
      null,
      "Provisioned cluster identifier (Data API `ClusterIdentifier`); set exactly one of this and `workgroupName`."),
  WORKGROUP_NAME(
      Scope.CONNECTION,
      "workgroupName",
      null,
      "Redshift Serverless workgroup name (Data API `WorkgroupName`); set exactly one of this and `clusterIdentifier`."),
  SECRET_ARN(
      Scope.CONNECTION,
      "secretArn",
      null,
      "Secrets Manager secret (its ARN or its name) holding the database user and password (Data API `SecretArn`); at most one of this and `dbUser`."),
  DB_USER(
      Scope.CONNECTION,
      "dbUser",
      null,
      "Database user for temporary IAM credentials on a provisioned cluster (Data API `DbUser`); at most one of this and `secretArn`."),
  REGION(
      Scope.CONNECTION,
      "region",
      null,
      "AWS region of the Data API; unset means the SDK's default region provider chain."),
  ENDPOINT(
      Scope.CONNECTION,
      "endpoint",
      null,
      "Data API endpoint URI override (e.g. a VPC endpoint or a local Redshift); unset means the region's endpoint."),
  PROFILE(
      Scope.CONNECTION,
      "profile",
      null,
      "Named AWS profile for credentials; unset means the SDK's default credentials provider chain."),
  ASSUME_ROLE_ARN(
      Scope.CONNECTION,
      "assumeRoleArn",
      null,
      "IAM role to assume (STS) for Data API calls, on top of the base credentials."),
  ASSUME_ROLE_SESSION_NAME(
      Scope.CONNECTION,
      "assumeRoleSessionName",
      "redshift-data-spark",
      "STS session name used with `assumeRoleArn`."),
  RETRY_MAX_ATTEMPTS(
      Scope.CONNECTION,
      "retryMaxAttempts",
      "5",
      "Maximum attempts per Data API call (SDK adaptive retry strategy, for throttling and 5xx)."),
  CASE_SENSITIVE_IDENTIFIERS(
      Scope.CONNECTION,
      "caseSensitiveIdentifiers",
      "false",
      "Whether the cluster has `enable_case_sensitive_identifier` on (identifiers keep their case instead of folding to lower case)."),

  // --- Statements ---
  STATEMENT_TIMEOUT(
      Scope.CONNECTION,
      "statementTimeout",
      "24h",
      "Longest a statement may run before it is cancelled (duration with unit: ms, s, m, h, d; at most 24h, the Data API's limit)."),
  LABEL(
      Scope.CONNECTION,
      "label",
      null,
      "Statement name sent as Data API `StatementName` (for query monitoring); unset derives one from the Spark application id."),
  POLL_INITIAL_DELAY(
      Scope.CONNECTION,
      "pollInitialDelay",
      "10ms",
      "First wait between DescribeStatement polls; doubles after each poll."),
  POLL_MAX_DELAY(
      Scope.CONNECTION, "pollMaxDelay", "500ms", "Longest wait between DescribeStatement polls."),
  RESULT_FORMAT(
      Scope.READ,
      "resultFormat",
      "auto",
      "Result encoding for direct reads: `auto`, `json` (GetStatementResult) or `csv` (GetStatementResultV2)."),
  STRICT_OPTIONS(
      Scope.GENERAL,
      "strictOptions",
      null,
      "Fail on option names the connector does not know (e.g. `mergekey` for `mergeKeys`) instead of warning; unset means true for writes and false for reads."),

  // --- Read ---
  DBTABLE(
      Scope.GENERAL,
      "dbtable",
      null,
      "Table to read or write (1-, 2- or 3-part name); exclusive with `query`."),
  QUERY(
      Scope.GENERAL, "query", null, "SELECT to read from (reads only); exclusive with `dbtable`."),
  READ_MODE(
      Scope.READ,
      "readMode",
      "auto",
      "How to read: `auto` (direct for small results, unload for large), `direct` (pages of GetStatementResult) or `unload` (UNLOAD to Parquet in `tempdir`)."),
  DIRECT_MAX_ROWS(
      Scope.READ,
      "directMaxRows",
      "100000",
      "In `auto` mode, read directly when the estimated row count is at most this."),
  DIRECT_MAX_BYTES(
      Scope.READ,
      "directMaxBytes",
      "64MB",
      "In `auto` mode, read directly when the estimated result size is at most this (Data API results are limited to 100 MB)."),
  TEMPDIR(
      Scope.STAGING,
      "tempdir",
      null,
      "Hadoop URI of the staging prefix for UNLOAD and COPY files (e.g. `s3a://bucket/prefix/`); required for unload reads and writes."),
  TEMPDIR_REGION(
      Scope.STAGING,
      "tempdirRegion",
      null,
      "Region of the `tempdir` bucket when it differs from the cluster's (UNLOAD/COPY `REGION`)."),
  IAM_ROLE(
      Scope.STAGING,
      "iamRole",
      null,
      "IAM role ARN Redshift uses for UNLOAD and COPY (`IAM_ROLE`), or `default` for the cluster's default role."),
  UNLOAD_MAX_FILE_SIZE(
      Scope.READ, "unloadMaxFileSize", "256MB", "UNLOAD `MAXFILESIZE` (between 5MB and 6.2GB)."),
  UNLOAD_ENCRYPTED(
      Scope.READ,
      "unloadEncrypted",
      "false",
      "Unload with `ENCRYPTED` (server-side with KMS when `unloadKmsKeyId` is set)."),
  UNLOAD_KMS_KEY_ID(
      Scope.READ,
      "unloadKmsKeyId",
      null,
      "KMS key id for `ENCRYPTED` unloads (`KMS_KEY_ID`); implies `unloadEncrypted`."),
  KEEP_STAGING(
      Scope.STAGING,
      "keepStaging",
      "false",
      "Keep staged UNLOAD/COPY files after the query or write ends (for debugging)."),
  STAGING_SWEEP_AGE(
      Scope.STAGING,
      "stagingSweepAge",
      "24h",
      "Staging prefixes older than this, left by crashed drivers, are deleted by the next query; `0` disables the sweep."),
  SUPER_AS_VARIANT(
      Scope.READ,
      "superAsVariant",
      "false",
      "Read `SUPER` columns as Spark `VariantType` instead of JSON strings."),
  TIMESTAMP_TYPE(
      Scope.READ,
      "timestampType",
      "ntz",
      "How `TIMESTAMP` (no zone) meets Spark: `ntz` (read as `TimestampNTZType`) or `ltz` (read as"
          + " `TimestampType`, the wall clock in the session time zone, as spark-redshift reads it;"
          + " `TimestampType` is then written to `TIMESTAMP` as its session wall clock)."),
  PUSH_DOWN_PREDICATES(
      Scope.READ, "pushDownPredicates", "true", "Push filters down into the Redshift SQL."),
  PUSH_DOWN_AGGREGATES(
      Scope.READ,
      "pushDownAggregates",
      "true",
      "Push aggregates (with GROUP BY) down into the Redshift SQL."),
  PUSH_DOWN_LIMIT(
      Scope.READ,
      "pushDownLimit",
      "true",
      "Push LIMIT, OFFSET and top-N (ORDER BY ... LIMIT) down into the Redshift SQL."),

  // --- Write ---
  PRE_ACTIONS(
      Scope.WRITE,
      "preActions",
      null,
      "SQL statements separated by `;` run in the write's transaction before the load; `%s` is replaced by the table name."),
  POST_ACTIONS(
      Scope.WRITE,
      "postActions",
      null,
      "SQL statements separated by `;` run in the write's transaction after the load; `%s` is replaced by the table name."),
  MERGE_KEYS(
      Scope.WRITE,
      "mergeKeys",
      null,
      "Comma-separated key columns: the write upserts (MERGE) into `dbtable` on these keys."),
  WRITE_MAX_FILE_SIZE(
      Scope.WRITE,
      "writeMaxFileSize",
      "128MB",
      "Size at which a writer task rolls over to a new staged Parquet file."),
  OVERWRITE_MODE(
      Scope.WRITE,
      "overwriteMode",
      "truncate",
      "How `overwrite` replaces an existing table: `truncate` (DELETE its rows in the COPY's"
          + " transaction; keeps the table, its grants and views) or `recreate` (DROP and CREATE it"
          + " from the DataFrame's schema and the table options, in the same transaction)."),
  ALLOW_EXTRA_TARGET_COLUMNS(
      Scope.WRITE,
      "allowExtraTargetColumns",
      "false",
      "Allow target columns missing from the DataFrame (they get their defaults)."),
  ALLOW_NARROWING(
      Scope.WRITE,
      "allowNarrowing",
      "false",
      "Let a write convert into narrower table columns (`long` into `INTEGER`, `double` into `REAL`, a"
          + " decimal into a smaller `DECIMAL`, a string into a number), checking each value: one"
          + " that does not fit fails the write, naming the column and the value."),
  DIST_STYLE(
      Scope.TABLE,
      "distStyle",
      null,
      "`DISTSTYLE` of a table the write creates: `AUTO`, `EVEN`, `KEY` or `ALL`."),
  DIST_KEY(
      Scope.TABLE,
      "distKey",
      null,
      "`DISTKEY` column of a table the write creates (implies `distStyle` `KEY`)."),
  SORT_KEY(
      Scope.TABLE,
      "sortKey",
      null,
      "Comma-separated `SORTKEY` columns of a table the write creates, or `AUTO`."),
  SORT_KEY_STYLE(
      Scope.TABLE,
      "sortKeyStyle",
      "compound",
      "Sort key style of a table the write creates: `compound` or `interleaved`."),
  COLUMN_ENCODINGS(
      Scope.TABLE,
      "columnEncodings",
      null,
      "Column compression of a table the write creates, as `col=ENCODING` pairs separated by commas."),
  TABLE_COMMENT(
      Scope.TABLE, "tableComment", null, "`COMMENT ON TABLE` text for a table the write creates."),
  COLUMN_COMMENTS(
      Scope.TABLE,
      "columnComments",
      null,
      "`COMMENT ON COLUMN` texts for a table the write creates, as a JSON object `{\"col\": \"text\"}`."),
  COPY_OPTIONS(
      Scope.WRITE,
      "copyOptions",
      null,
      "Extra parameters appended to the generated COPY (e.g. `ACCEPTINVCHARS`)."),
  COMMIT_MAX_ATTEMPTS(
      Scope.WRITE,
      "commitMaxAttempts",
      "3",
      "Attempts of the write's commit transaction on a serializable isolation conflict (Redshift error 1023)."),

  // --- Amazon ML datasource emission (write path) ---
  AMAZON_ML_DATASOURCE(
      Scope.AMAZON_ML,
      "amazonMl.datasource",
      "none",
      "Amazon ML datasource to emit with the write: `none`, `s3`, `redshift` or `both`."),
  AMAZON_ML_S3_ONLY(
      Scope.AMAZON_ML,
      "amazonMl.s3Only",
      "false",
      "Write only the Amazon ML CSV datasource to S3, with no COPY into Redshift."),
  AMAZON_ML_LOCATION(
      Scope.AMAZON_ML,
      "amazonMl.location",
      null,
      "S3 prefix (ending in `/`) holding only the CSV files; the schema and request specs go beside it; unset means `<tempdir>amazonml/<DataSourceId>/`."),
  AMAZON_ML_TARGET_ATTRIBUTE(
      Scope.AMAZON_ML,
      "amazonMl.targetAttribute",
      null,
      "Target attribute (`targetAttributeName`); required when a datasource is emitted."),
  AMAZON_ML_ROW_ID(
      Scope.AMAZON_ML, "amazonMl.rowId", null, "Row id attribute of the schema (`rowId`)."),
  AMAZON_ML_ROW_WEIGHT(
      Scope.AMAZON_ML,
      "amazonMl.rowWeight",
      null,
      "Row weight attribute of the schema (`rowWeight`)."),
  AMAZON_ML_EXCLUDED_ATTRIBUTES(
      Scope.AMAZON_ML,
      "amazonMl.excludedAttributes",
      null,
      "Comma-separated attributes listed in `excludedAttributeNames`."),
  AMAZON_ML_ATTRIBUTE_TYPES(
      Scope.AMAZON_ML,
      "amazonMl.attributeTypes",
      null,
      "Per-column type overrides as `col=TYPE` pairs (`NUMERIC`, `BINARY`, `CATEGORICAL`, `TEXT`)."),
  AMAZON_ML_CATEGORICAL_THRESHOLD(
      Scope.AMAZON_ML,
      "amazonMl.categoricalThreshold",
      "100",
      "Strings with at most this many distinct values are inferred `CATEGORICAL`, others `TEXT`."),
  AMAZON_ML_HEADER(
      Scope.AMAZON_ML,
      "amazonMl.header",
      "true",
      "Write a header line (`dataFileContainsHeader`)."),
  AMAZON_ML_NEWLINES(
      Scope.AMAZON_ML,
      "amazonMl.newlines",
      "replace",
      "End-of-line characters inside values: `replace` (with a space) or `reject` (drop the row)."),
  AMAZON_ML_MAX_ROW_BYTES(
      Scope.AMAZON_ML,
      "amazonMl.maxRowBytes",
      "102400",
      "Largest CSV observation in bytes; larger rows are dropped (Amazon ML's limit is 100 KB)."),
  AMAZON_ML_MAX_DROPPED_ROWS(
      Scope.AMAZON_ML,
      "amazonMl.maxDroppedRows",
      "10000",
      "The write fails, publishing nothing, when more rows than this would be dropped."),
  AMAZON_ML_DATASOURCE_ID(
      Scope.AMAZON_ML,
      "amazonMl.dataSourceId",
      null,
      "`DataSourceId` (1-64 of `[a-zA-Z0-9_.-]`); unset derives one from the write id."),
  AMAZON_ML_DATASOURCE_NAME(
      Scope.AMAZON_ML,
      "amazonMl.dataSourceName",
      null,
      "`DataSourceName` (up to 1024 characters)."),
  AMAZON_ML_ROLE_ARN(
      Scope.AMAZON_ML,
      "amazonMl.roleArn",
      null,
      "`RoleARN` Amazon ML uses for the Redshift datasource."),
  AMAZON_ML_S3_STAGING_LOCATION(
      Scope.AMAZON_ML,
      "amazonMl.s3StagingLocation",
      null,
      "`S3StagingLocation` for the Redshift datasource; unset means a prefix under `tempdir`."),
  AMAZON_ML_INLINE_SCHEMA(
      Scope.AMAZON_ML,
      "amazonMl.inlineSchema",
      "false",
      "Put the schema inline (`DataSchema`) instead of `DataSchemaUri` in Redshift specs."),
  AMAZON_ML_COMPUTE_STATISTICS(
      Scope.AMAZON_ML,
      "amazonMl.computeStatistics",
      "true",
      "`ComputeStatistics` of the request specs."),
  AMAZON_ML_TRAIN_PERCENT(
      Scope.AMAZON_ML,
      "amazonMl.trainPercent",
      "0",
      "When between 1 and 99, also emit train (0..n%) and evaluation (n..100%) specs with `DataRearrangement`."),
  AMAZON_ML_SUBMIT(
      Scope.AMAZON_ML,
      "amazonMl.submit",
      "false",
      "Submit the specs to Amazon ML and wait until `COMPLETED` or `FAILED`."),
  AMAZON_ML_ENDPOINT(
      Scope.AMAZON_ML,
      "amazonMl.endpoint",
      null,
      "Amazon ML endpoint URI override; unset means the region's endpoint."),
  AMAZON_ML_SUBMIT_TIMEOUT(
      Scope.AMAZON_ML,
      "amazonMl.submitTimeout",
      "1h",
      "Longest wait for a submitted datasource to reach a final status."),
  AMAZON_ML_SECRET_ARN(
      Scope.AMAZON_ML,
      "amazonMl.secretArn",
      null,
      "Secrets Manager secret whose `username` and `password` fill `DatabaseCredentials` of submitted Redshift specs; unset means `secretArn`."),
  AMAZON_ML_SECRETS_ENDPOINT(
      Scope.AMAZON_ML,
      "amazonMl.secretsEndpoint",
      null,
      "Secrets Manager endpoint URI override for reading that secret; unset means the region's endpoint.");

  private static final Map<String, RedshiftOption> BY_LOWER_NAME =
      Stream.of(values())
          .collect(
              Collectors.toUnmodifiableMap(
                  o -> o.name.toLowerCase(Locale.ROOT), Function.identity()));

  /**
   * Which part of the options an option belongs to: the view of {@link RedshiftOptions} that parses
   * it.
   */
  public enum Scope {
    /** {@link ConnectionOptions}: where statements run, the client, statement names and waits. */
    CONNECTION,
    /**
     * {@link RedshiftOptions} itself: what to read or write, and how strictly names are checked.
     */
    GENERAL,
    /** {@link ReadOptions}. */
    READ,
    /** {@link StagingOptions}: the S3 staging prefix of reads and writes. */
    STAGING,
    /** {@link WriteOptions}. */
    WRITE,
    /** {@link TableDdlOptions}: the DDL of a table a write or the catalog creates. */
    TABLE,
    /** {@link AmazonMlOptions}. */
    AMAZON_ML
  }

  private final Scope scope;
  private final String name;
  private final String defaultValue;
  private final String description;

  RedshiftOption(Scope scope, String name, String defaultValue, String description) {
    this.scope = scope;
    this.name = name;
    this.defaultValue = defaultValue;
    this.description = description;
  }

  public Scope scope() {
    return scope;
  }

  /** The documented spelling, as in README and error messages. */
  public String optionName() {
    return name;
  }

  /** The default as the user would write it, or empty when the option has no default. */
  public Optional<String> defaultValue() {
    return Optional.ofNullable(defaultValue);
  }

  /** One-line meaning for README's option table. */
  public String description() {
    return description;
  }

  /** The session configuration key that sets this option for every read and write of a session. */
  public String sessionConfKey() {
    return RedshiftOptions.SESSION_CONF_PREFIX + name;
  }

  /** Looks an option up by name, ignoring case as Spark does. */
  public static Optional<RedshiftOption> fromName(String name) {
    return Optional.ofNullable(BY_LOWER_NAME.get(name.toLowerCase(Locale.ROOT)));
  }

  /** README's option table (Markdown), one row per option in registry order. */
  public static String markdownTable() {
    StringBuilder sb = new StringBuilder("| Option | Default | Meaning |\n|---|---|---|\n");
    for (RedshiftOption o : values()) {
      sb.append("| `")
          .append(o.name)
          .append("` | ")
          .append(o.defaultValue == null ? "" : "`" + o.defaultValue + "`")
          .append(" | ")
          .append(o.description)
          .append(" |\n");
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return name;
  }
}
