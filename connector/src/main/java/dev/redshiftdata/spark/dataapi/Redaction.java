package dev.redshiftdata.spark.dataapi;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that hides secrets before text reaches {@code toString}, a log line or an
 * exception.
 *
 * <p>Two kinds of text are redacted: option values whose name matches Spark's redaction regex
 * ({@code spark.redaction.regex}), and SQL, where UNLOAD, COPY and user DDL can carry credentials
 * as quoted literals after {@code ACCESS_KEY_ID}, {@code SECRET_ACCESS_KEY}, {@code SESSION_TOKEN},
 * {@code CREDENTIALS}, {@code MASTER_SYMMETRIC_KEY} or {@code PASSWORD}. Redacted text reads
 * {@value #REDACTED}.
 */
public final class Redaction {

  public static final String REDACTED = "*********(redacted)";

  /** Spark's default for {@code spark.redaction.regex}. */
  public static final String SPARK_DEFAULT_REDACTION_REGEX =
      "(?i)secret|password|token|access[.]?key";

  // A keyword, optional "AS" or "=", then a single-quoted literal in which '' is an escaped quote.
  // Backslash escapes are honoured too, since Redshift accepts \' inside UNLOAD's quoted query.
  private static final Pattern SQL_SECRET =
      Pattern.compile(
          "(?i)\\b(ACCESS_KEY_ID|SECRET_ACCESS_KEY|SESSION_TOKEN|CREDENTIALS|MASTER_SYMMETRIC_KEY|PASSWORD)"
              + "(\\s*(?:AS\\s+|=\\s*)?)'(?:[^'\\\\]|''|\\\\.)*'");

  // Key-value credential strings outside SQL literals, e.g. in a Redshift error message that echoes
  // part of a CREDENTIALS string: aws_secret_access_key=abc;token=xyz
  private static final Pattern KEY_VALUE_SECRET =
      Pattern.compile(
          "(?i)\\b(aws_access_key_id|aws_secret_access_key|aws_session_token|token|password)=([^;'\\s]+)");

  // A Secrets Manager ARN, as the Data API echoes it in errors about a wrong SecretArn; the ARN
  // names the secret (and the account), so it is hidden like the option that carries it. A final
  // '.' ends the sentence, not the ARN.
  private static final Pattern SECRET_ARN =
      Pattern.compile("arn:[a-z-]+:secretsmanager:[^\\s'\",;()\\]]*[^\\s'\",;()\\].]");

  private Redaction() {}

  /**
   * Hides what {@link #redactSql} hides and Secrets Manager ARNs, in text a service sent back
   * (error messages passed through to the user); {@code null} stays {@code null}.
   */
  public static String redactMessage(String message) {
    if (message == null) {
      return null;
    }
    return SECRET_ARN
        .matcher(redactSql(message))
        .replaceAll(Matcher.quoteReplacement("arn:aws:secretsmanager:" + REDACTED));
  }

  /** Hides the quoted secrets in SQL text; {@code null} stays {@code null}. */
  public static String redactSql(String sql) {
    if (sql == null) {
      return null;
    }
    String redacted =
        SQL_SECRET
            .matcher(sql)
            .replaceAll(
                m -> Matcher.quoteReplacement(m.group(1) + m.group(2) + "'" + REDACTED + "'"));
    return KEY_VALUE_SECRET
        .matcher(redacted)
        .replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "=" + REDACTED));
  }

  /**
   * Returns the value to show for an option: {@link #REDACTED} when its name matches the redaction
   * regex, SQL-redacted text otherwise (so that {@code preActions} and the like lose their
   * secrets).
   */
  public static String redactOption(String name, String value, Pattern redactionRegex) {
    if (value == null) {
      return null;
    }
    if (redactionRegex.matcher(name).find()) {
      return REDACTED;
    }
    return redactSql(value);
  }

  /** Compiles Spark's redaction regex, falling back to Spark's default when it is unset. */
  public static Pattern redactionPattern(String regex) {
    return Pattern.compile(
        regex == null || regex.isBlank() ? SPARK_DEFAULT_REDACTION_REGEX : regex);
  }
}
