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
  DATABASE("database", null, "Database to connect to (Data API `Database`); required."),
  CLUSTER_IDENTIFIER(
      "clusterIdentifier",
      null,
      "Provisioned cluster identifier (Data API `ClusterIdentifier`); set exactly one of this and `workgroupName`."),
  WORKGROUP_NAME(
      "workgroupName",
      null,
      "Redshift Serverless workgroup name (Data API `WorkgroupName`); set exactly one of this and `clusterIdentifier`."),
  SECRET_ARN(
      "secretArn",
      null,
      "Secrets Manager secret (its ARN or its name) holding the database user and password (Data API `SecretArn`); at most one of this and `dbUser`."),
  DB_USER(
      "dbUser",
      null,
      "Database user for temporary IAM credentials on a provisioned cluster (Data API `DbUser`); at most one of this and `secretArn`."),
  REGION(
      "region",
      null,
      "AWS region of the Data API; unset means the SDK's default region provider chain."),
  ENDPOINT(
      "endpoint",
      null,
      "Data API endpoint URI override (e.g. a VPC endpoint or a local Redshift); unset means the region's endpoint."),
  PROFILE(
      "profile",
      null,
      "Named AWS profile for credentials; unset means the SDK's default credentials provider chain."),
  ASSUME_ROLE_ARN(
      "assumeRoleArn",
      null,
      "IAM role to assume (STS) for Data API calls, on top of the base credentials."),
  ASSUME_ROLE_SESSION_NAME(
      "assumeRoleSessionName",
      "redshift-data-spark",
      "STS session name used with `assumeRoleArn`."),
  RETRY_MAX_ATTEMPTS(
      "retryMaxAttempts",
      "5",
      "Maximum attempts per Data API call (SDK adaptive retry strategy, for throttling and 5xx)."),
  CASE_SENSITIVE_IDENTIFIERS(
      "caseSensitiveIdentifiers",
      "false",
      "Whether the cluster has `enable_case_sensitive_identifier` on (identifiers keep their case instead of folding to lower case)."),

  // --- Statements ---
  STATEMENT_TIMEOUT(
      "statementTimeout",
      "24h",
      "Longest a statement may run before it is cancelled (duration with unit: ms, s, m, h, d; at most 24h, the Data API's limit)."),
  LABEL(
      "label",
      null,
      "Statement name sent as Data API `StatementName` (for query monitoring); unset derives one from the Spark application id."),
  POLL_INITIAL_DELAY(
      "pollInitialDelay",
      "10ms",
      "First wait between DescribeStatement polls; doubles after each poll."),
  POLL_MAX_DELAY("pollMaxDelay", "500ms", "Longest wait between DescribeStatement polls."),
  RESULT_FORMAT(
      "resultFormat",
      "auto",
      "Result encoding for direct reads: `auto`, `json` (GetStatementResult) or `csv` (GetStatementResultV2)."),
  STRICT_OPTIONS(
      "strictOptions",
      null,
      "Fail on option names the connector does not know (e.g. `mergekey` for `mergeKeys`) instead of warning; unset means true for writes and false for reads."),

  // --- Read ---
  DBTABLE(
      "dbtable", null, "Table to read or write (1-, 2- or 3-part name); exclusive with `query`."),
  QUERY("query", null, "SELECT to read from (reads only); exclusive with `dbtable`."),
  READ_MODE(
      "readMode",
      "auto",
      "How to read: `auto` (direct for small results, unload for large), `direct` (pages of GetStatementResult) or `unload` (UNLOAD to Parquet in `tempdir`)."),
  DIRECT_MAX_ROWS(
      "directMaxRows",
      "100000",
      "In `auto` mode, read directly when the estimated row count is at most this."),
  DIRECT_MAX_BYTES(
      "directMaxBytes",
      "64MB",
      "In `auto` mode, read directly when the estimated result size is at most this (Data API results are limited to 100 MB)."),
  TEMPDIR(
      "tempdir",
      null,
      "Hadoop URI of the staging prefix for UNLOAD and COPY files (e.g. `s3a://bucket/prefix/`); required for unload reads and writes."),
  TEMPDIR_REGION(
      "tempdirRegion",
      null,
      "Region of the `tempdir` bucket when it differs from the cluster's (UNLOAD/COPY `REGION`)."),
  IAM_ROLE(
      "iamRole",
      null,
      "IAM role ARN Redshift uses for UNLOAD and COPY (`IAM_ROLE`), or `default` for the cluster's default role."),
  UNLOAD_MAX_FILE_SIZE(
      "unloadMaxFileSize", "256MB", "UNLOAD `MAXFILESIZE` (between 5MB and 6.2GB)."),
  UNLOAD_ENCRYPTED(
      "unloadEncrypted",
      "false",
      "Unload with `ENCRYPTED` (server-side with KMS when `unloadKmsKeyId` is set)."),
  UNLOAD_KMS_KEY_ID(
      "unloadKmsKeyId",
      null,
      "KMS key id for `ENCRYPTED` unloads (`KMS_KEY_ID`); implies `unloadEncrypted`."),
  KEEP_STAGING(
      "keepStaging",
      "false",
      "Keep staged UNLOAD/COPY files after the query or write ends (for debugging)."),
  STAGING_SWEEP_AGE(
      "stagingSweepAge",
      "24h",
      "Staging prefixes older than this, left by crashed drivers, are deleted by the next query; `0` disables the sweep."),
  SUPER_AS_VARIANT(
      "superAsVariant",
      "false",
      "Read `SUPER` columns as Spark `VariantType` instead of JSON strings."),
  TIMESTAMP_TYPE(
      "timestampType",
      "ntz",
      "How `TIMESTAMP` (no zone) meets Spark: `ntz` (read as `TimestampNTZType`) or `ltz` (read as"
          + " `TimestampType`, the wall clock in the session time zone, as spark-redshift reads it;"
          + " `TimestampType` is then written to `TIMESTAMP` as its session wall clock)."),
  PUSH_DOWN_PREDICATES("pushDownPredicates", "true", "Push filters down into the Redshift SQL."),
  PUSH_DOWN_AGGREGATES(
      "pushDownAggregates", "true", "Push aggregates (with GROUP BY) down into the Redshift SQL."),
  PUSH_DOWN_LIMIT(
      "pushDownLimit",
      "true",
      "Push LIMIT, OFFSET and top-N (ORDER BY ... LIMIT) down into the Redshift SQL."),

  // --- Write ---
  PRE_ACTIONS(
      "preActions",
      null,
      "SQL statements separated by `;` run in the write's transaction before the load; `%s` is replaced by the table name."),
  POST_ACTIONS(
      "postActions",
      null,
      "SQL statements separated by `;` run in the write's transaction after the load; `%s` is replaced by the table name."),
  MERGE_KEYS(
      "mergeKeys",
      null,
      "Comma-separated key columns: the write upserts (MERGE) into `dbtable` on these keys."),
  WRITE_MAX_FILE_SIZE(
      "writeMaxFileSize",
      "128MB",
      "Size at which a writer task rolls over to a new staged Parquet file."),
  OVERWRITE_MODE(
      "overwriteMode",
      "truncate",
      "How `overwrite` replaces an existing table: `truncate` (DELETE its rows in the COPY's"
          + " transaction; keeps the table, its grants and views) or `recreate` (DROP and CREATE it"
          + " from the DataFrame's schema and the table options, in the same transaction)."),
  ALLOW_EXTRA_TARGET_COLUMNS(
      "allowExtraTargetColumns",
      "false",
      "Allow target columns missing from the DataFrame (they get their defaults)."),
  ALLOW_NARROWING(
      "allowNarrowing",
      "false",
      "Let a write convert into narrower table columns (`long` into `INTEGER`, `double` into `REAL`, a"
          + " decimal into a smaller `DECIMAL`, a string into a number), checking each value: one"
          + " that does not fit fails the write, naming the column and the value."),
  DIST_STYLE(
      "distStyle",
      null,
      "`DISTSTYLE` of a table the write creates: `AUTO`, `EVEN`, `KEY` or `ALL`."),
  DIST_KEY(
      "distKey",
      null,
      "`DISTKEY` column of a table the write creates (implies `distStyle` `KEY`)."),
  SORT_KEY(
      "sortKey",
      null,
      "Comma-separated `SORTKEY` columns of a table the write creates, or `AUTO`."),
  SORT_KEY_STYLE(
      "sortKeyStyle",
      "compound",
      "Sort key style of a table the write creates: `compound` or `interleaved`."),
  COLUMN_ENCODINGS(
      "columnEncodings",
      null,
      "Column compression of a table the write creates, as `col=ENCODING` pairs separated by commas."),
  TABLE_COMMENT("tableComment", null, "`COMMENT ON TABLE` text for a table the write creates."),
  COLUMN_COMMENTS(
      "columnComments",
      null,
      "`COMMENT ON COLUMN` texts for a table the write creates, as a JSON object `{\"col\": \"text\"}`."),
  COPY_OPTIONS(
      "copyOptions",
      null,
      "Extra parameters appended to the generated COPY (e.g. `ACCEPTINVCHARS`)."),
  COMMIT_MAX_ATTEMPTS(
      "commitMaxAttempts",
      "3",
      "Attempts of the write's commit transaction on a serializable isolation conflict (Redshift error 1023)."),

  // --- Amazon ML datasource emission (write path) ---
  AMAZON_ML_DATASOURCE(
      "amazonMl.datasource",
      "none",
      "Amazon ML datasource to emit with the write: `none`, `s3`, `redshift` or `both`."),
  AMAZON_ML_S3_ONLY(
      "amazonMl.s3Only",
      "false",
      "Write only the Amazon ML CSV datasource to S3, with no COPY into Redshift."),
  AMAZON_ML_LOCATION(
      "amazonMl.location",
      null,
      "S3 prefix (ending in `/`) holding only the CSV files; the schema and request specs go beside it; unset means `<tempdir>amazonml/<DataSourceId>/`."),
  AMAZON_ML_TARGET_ATTRIBUTE(
      "amazonMl.targetAttribute",
      null,
      "Target attribute (`targetAttributeName`); required when a datasource is emitted."),
  AMAZON_ML_ROW_ID("amazonMl.rowId", null, "Row id attribute of the schema (`rowId`)."),
  AMAZON_ML_ROW_WEIGHT(
      "amazonMl.rowWeight", null, "Row weight attribute of the schema (`rowWeight`)."),
  AMAZON_ML_EXCLUDED_ATTRIBUTES(
      "amazonMl.excludedAttributes",
      null,
      "Comma-separated attributes listed in `excludedAttributeNames`."),
  AMAZON_ML_ATTRIBUTE_TYPES(
      "amazonMl.attributeTypes",
      null,
      "Per-column type overrides as `col=TYPE` pairs (`NUMERIC`, `BINARY`, `CATEGORICAL`, `TEXT`)."),
  AMAZON_ML_CATEGORICAL_THRESHOLD(
      "amazonMl.categoricalThreshold",
      "100",
      "Strings with at most this many distinct values are inferred `CATEGORICAL`, others `TEXT`."),
  AMAZON_ML_HEADER("amazonMl.header", "true", "Write a header line (`dataFileContainsHeader`)."),
  AMAZON_ML_NEWLINES(
      "amazonMl.newlines",
      "replace",
      "End-of-line characters inside values: `replace` (with a space) or `reject` (drop the row)."),
  AMAZON_ML_MAX_ROW_BYTES(
      "amazonMl.maxRowBytes",
      "102400",
      "Largest CSV observation in bytes; larger rows are dropped (Amazon ML's limit is 100 KB)."),
  AMAZON_ML_MAX_DROPPED_ROWS(
      "amazonMl.maxDroppedRows",
      "10000",
      "The write fails, publishing nothing, when more rows than this would be dropped."),
  AMAZON_ML_DATASOURCE_ID(
      "amazonMl.dataSourceId",
      null,
      "`DataSourceId` (1-64 of `[a-zA-Z0-9_.-]`); unset derives one from the write id."),
  AMAZON_ML_DATASOURCE_NAME(
      "amazonMl.dataSourceName", null, "`DataSourceName` (up to 1024 characters)."),
  AMAZON_ML_ROLE_ARN(
      "amazonMl.roleArn", null, "`RoleARN` Amazon ML uses for the Redshift datasource."),
  AMAZON_ML_S3_STAGING_LOCATION(
      "amazonMl.s3StagingLocation",
      null,
      "`S3StagingLocation` for the Redshift datasource; unset means a prefix under `tempdir`."),
  AMAZON_ML_INLINE_SCHEMA(
      "amazonMl.inlineSchema",
      "false",
      "Put the schema inline (`DataSchema`) instead of `DataSchemaUri` in Redshift specs."),
  AMAZON_ML_COMPUTE_STATISTICS(
      "amazonMl.computeStatistics", "true", "`ComputeStatistics` of the request specs."),
  AMAZON_ML_TRAIN_PERCENT(
      "amazonMl.trainPercent",
      "0",
      "When between 1 and 99, also emit train (0..n%) and evaluation (n..100%) specs with `DataRearrangement`."),
  AMAZON_ML_SUBMIT(
      "amazonMl.submit",
      "false",
      "Submit the specs to Amazon ML and wait until `COMPLETED` or `FAILED`."),
  AMAZON_ML_ENDPOINT(
      "amazonMl.endpoint",
      null,
      "Amazon ML endpoint URI override; unset means the region's endpoint."),
  AMAZON_ML_SUBMIT_TIMEOUT(
      "amazonMl.submitTimeout",
      "1h",
      "Longest wait for a submitted datasource to reach a final status."),
  AMAZON_ML_SECRET_ARN(
      "amazonMl.secretArn",
      null,
      "Secrets Manager secret whose `username` and `password` fill `DatabaseCredentials` of submitted Redshift specs; unset means `secretArn`."),
  AMAZON_ML_SECRETS_ENDPOINT(
      "amazonMl.secretsEndpoint",
      null,
      "Secrets Manager endpoint URI override for reading that secret; unset means the region's endpoint.");

  private static final Map<String, RedshiftOption> BY_LOWER_NAME =
      Stream.of(values())
          .collect(
              Collectors.toUnmodifiableMap(
                  o -> o.name.toLowerCase(Locale.ROOT), Function.identity()));

  private final String name;
  private final String defaultValue;
  private final String description;

  RedshiftOption(String name, String defaultValue, String description) {
    this.name = name;
    this.defaultValue = defaultValue;
    this.description = description;
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
