package dev.redshiftdata.spark.dataapi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One statement to run: its SQL (one statement, or 1 to {@value #MAX_BATCH_SIZE} for a batch run as
 * one transaction), named parameters ({@code :name} in the SQL), a statement name, an idempotency
 * token and a result format. Built with {@link #sql(String)} or {@link #batch(List)}.
 */
public final class StatementRequest {

  /** BatchExecuteStatement takes 1 to 40 SQL statements (Data API {@code SqlList}). */
  public static final int MAX_BATCH_SIZE = 40;

  /**
   * The Data API refuses a statement over 100 KB (per {@code Sql}, and per {@code Sqls} entry of a
   * batch); counted in UTF-8 bytes, the stricter reading. {@link DataApi} checks it before sending.
   *
   * @see <a href="https://docs.aws.amazon.com/redshift/latest/mgmt/data-api.html">Data API
   *     considerations</a>
   */
  public static final int MAX_SQL_BYTES = 100_000;

  /** Data API {@code StatementName} is at most 500 characters. */
  public static final int MAX_STATEMENT_NAME_LENGTH = 500;

  /** Data API {@code ClientToken} is 1 to 64 characters. */
  public static final int MAX_CLIENT_TOKEN_LENGTH = 64;

  private static final Pattern PARAMETER_NAME = Pattern.compile("[0-9a-zA-Z_]+");

  /** Result encoding: JSON pages (GetStatementResult) or CSV pages (GetStatementResultV2). */
  public enum Format {
    JSON,
    CSV
  }

  private final List<String> sqls;
  private final boolean batch;
  private final Map<String, String> parameters;
  private final String statementName;
  private final String clientToken;
  private final Format format;
  private final String sessionId;
  private final Integer sessionKeepAliveSeconds;

  private StatementRequest(
      List<String> sqls,
      boolean batch,
      Map<String, String> parameters,
      String statementName,
      String clientToken,
      Format format) {
    this(sqls, batch, parameters, statementName, clientToken, format, null, null);
  }

  private StatementRequest(
      List<String> sqls,
      boolean batch,
      Map<String, String> parameters,
      String statementName,
      String clientToken,
      Format format,
      String sessionId,
      Integer sessionKeepAliveSeconds) {
    this.sqls = sqls;
    this.batch = batch;
    this.parameters = parameters;
    this.statementName = statementName;
    this.clientToken = clientToken;
    this.format = format;
    this.sessionId = sessionId;
    this.sessionKeepAliveSeconds = sessionKeepAliveSeconds;
  }

  /** Data API {@code SessionKeepAliveSeconds} is 0 to 86400 (sessions last at most 24 hours). */
  public static final int MAX_SESSION_KEEP_ALIVE_SECONDS = 86_400;

  /**
   * Keeps the statement's connection open for {@code seconds} after it ends, so that later
   * statements sent with {@link #inSession(String)} share temp tables and {@code pg_last_*}
   * results. The session id is in {@link FinishedStatement#sessionId()}.
   */
  public StatementRequest withSessionKeepAlive(int seconds) {
    if (seconds < 0 || seconds > MAX_SESSION_KEEP_ALIVE_SECONDS) {
      throw new IllegalArgumentException(
          "Cannot keep a session alive for "
              + seconds
              + " s: the Data API takes 0 to "
              + MAX_SESSION_KEEP_ALIVE_SECONDS
              + ".");
    }
    return new StatementRequest(
        sqls, batch, parameters, statementName, clientToken, format, sessionId, seconds);
  }

  /**
   * Runs in an open session instead of a new connection; the connection members are then not sent.
   */
  public StatementRequest inSession(String sessionId) {
    return new StatementRequest(
        sqls,
        batch,
        parameters,
        statementName,
        clientToken,
        format,
        Objects.requireNonNull(sessionId, "sessionId is null"),
        sessionKeepAliveSeconds);
  }

  public Optional<String> sessionId() {
    return Optional.ofNullable(sessionId);
  }

  public Optional<Integer> sessionKeepAliveSeconds() {
    return Optional.ofNullable(sessionKeepAliveSeconds);
  }

  /** One statement. */
  public static StatementRequest sql(String sql) {
    Objects.requireNonNull(sql, "sql is null");
    if (sql.isBlank()) {
      throw new IllegalArgumentException("Cannot run a statement: the SQL is empty.");
    }
    return new StatementRequest(List.of(sql), false, Map.of(), null, null, Format.JSON);
  }

  /** Statements run serially in one transaction; any failure rolls all of them back. */
  public static StatementRequest batch(List<String> sqls) {
    Objects.requireNonNull(sqls, "sqls is null");
    if (sqls.isEmpty() || sqls.size() > MAX_BATCH_SIZE) {
      throw new IllegalArgumentException(
          "Cannot run a batch of "
              + sqls.size()
              + " statements: the Data API takes 1 to "
              + MAX_BATCH_SIZE
              + " per BatchExecuteStatement. Split the work or combine statements.");
    }
    for (String sql : sqls) {
      if (sql == null || sql.isBlank()) {
        throw new IllegalArgumentException("Cannot run a batch: one of its statements is empty.");
      }
    }
    return new StatementRequest(List.copyOf(sqls), true, Map.of(), null, null, Format.JSON);
  }

  /** Adds a named parameter, referenced as {@code :name} in the SQL; not allowed for batches. */
  public StatementRequest withParameter(String name, String value) {
    Objects.requireNonNull(name, "name is null");
    if (batch) {
      throw new IllegalArgumentException(
          "Cannot use parameters in a batch: BatchExecuteStatement takes none. Inline escaped literals instead.");
    }
    if (!PARAMETER_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "Cannot use parameter '" + name + "': names are letters, digits and _ only.");
    }
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(
          "Cannot use parameter '"
              + name
              + "': the Data API takes no null or empty values. Write NULL or '' in the SQL instead.");
    }
    Map<String, String> copy = new LinkedHashMap<>(parameters);
    copy.put(name, value);
    return new StatementRequest(
        sqls,
        batch,
        Collections.unmodifiableMap(copy),
        statementName,
        clientToken,
        format,
        sessionId,
        sessionKeepAliveSeconds);
  }

  /**
   * Sets the Data API {@code StatementName} (shown in query monitoring), at most 500 characters.
   */
  public StatementRequest withStatementName(String name) {
    if (name != null && name.length() > MAX_STATEMENT_NAME_LENGTH) {
      throw new IllegalArgumentException(
          "Cannot use statement name of "
              + name.length()
              + " characters: the Data API takes at most "
              + MAX_STATEMENT_NAME_LENGTH
              + ".");
    }
    return new StatementRequest(
        sqls, batch, parameters, name, clientToken, format, sessionId, sessionKeepAliveSeconds);
  }

  /**
   * Sets the idempotency token: a retry with the same token within 8 hours returns the first call's
   * statement instead of running it again. Unset, a random one is generated per request.
   */
  public StatementRequest withClientToken(String token) {
    if (token != null && (token.isEmpty() || token.length() > MAX_CLIENT_TOKEN_LENGTH)) {
      throw new IllegalArgumentException(
          "Cannot use client token: it must be 1 to " + MAX_CLIENT_TOKEN_LENGTH + " characters.");
    }
    return new StatementRequest(
        sqls, batch, parameters, statementName, token, format, sessionId, sessionKeepAliveSeconds);
  }

  public StatementRequest withFormat(Format format) {
    return new StatementRequest(
        sqls,
        batch,
        parameters,
        statementName,
        clientToken,
        Objects.requireNonNull(format, "format is null"),
        sessionId,
        sessionKeepAliveSeconds);
  }

  public List<String> sqls() {
    return sqls;
  }

  public boolean isBatch() {
    return batch;
  }

  public Map<String, String> parameters() {
    return parameters;
  }

  public Optional<String> statementName() {
    return Optional.ofNullable(statementName);
  }

  public Optional<String> clientToken() {
    return Optional.ofNullable(clientToken);
  }

  public Format format() {
    return format;
  }

  /** The length of {@code text} in UTF-8 bytes, without encoding it. */
  public static long utf8Length(CharSequence text) {
    long bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        bytes += 4; // a pair: one code point outside the BMP
        i++;
      } else {
        bytes += 3; // a lone surrogate is encoded as '?' by Java, but 3 is the safe upper bound
      }
    }
    return bytes;
  }

  /** The SQL as one text, statements joined by ";\n" (not redacted). */
  String sqlText() {
    return String.join(";\n", new ArrayList<>(sqls));
  }
}
