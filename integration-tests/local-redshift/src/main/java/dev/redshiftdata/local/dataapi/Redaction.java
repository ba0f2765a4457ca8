package dev.redshiftdata.local.dataapi;

import java.util.regex.Pattern;

/**
 * Removes credentials from SQL before it is recorded: COPY/UNLOAD carry keys, CREATE USER carries
 * passwords, and a test log must never be the place a secret leaks from.
 */
public final class Redaction {
  private static final Pattern QUOTED_OPTION =
      Pattern.compile(
          "(?i)\\b(ACCESS_KEY_ID|SECRET_ACCESS_KEY|SESSION_TOKEN|CREDENTIALS|PASSWORD|MASTER_SYMMETRIC_KEY)(\\s+(?:AS\\s+)?)'(?:[^'\\\\]|''|\\\\.)*'");
  private static final Pattern KEY_VALUE =
      Pattern.compile("(?i)\\b(aws_secret_access_key|aws_session_token|token)=([^;'\\s]*)");

  private Redaction() {}

  public static String redact(String sql) {
    if (sql == null) {
      return null;
    }
    String out = QUOTED_OPTION.matcher(sql).replaceAll("$1$2'***'");
    return KEY_VALUE.matcher(out).replaceAll("$1=***");
  }
}
