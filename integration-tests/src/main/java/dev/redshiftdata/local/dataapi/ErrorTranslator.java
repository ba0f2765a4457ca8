package dev.redshiftdata.local.dataapi;

import java.sql.SQLException;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * PostgreSQL errors -> the Error text DescribeStatement shows on Redshift: {@code ERROR: <message>}, a
 * syntax error's position on a second line, and Redshift's older wording where it differs ("permission denied
 * for relation t" where PostgreSQL 17 says "for table t").
 */
final class ErrorTranslator {
  private static final Pattern PERMISSION =
      Pattern.compile("^permission denied for (table|view|materialized view|sequence) ");

  private ErrorTranslator() {}

  static String redshiftError(SQLException e) {
    String message = e.getMessage();
    int position = 0;
    if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
      ServerErrorMessage m = p.getServerErrorMessage();
      message = m.getMessage();
      position = m.getPosition();
    }
    if (message == null) {
      message = "unknown error";
    }
    message = PERMISSION.matcher(message).replaceFirst("permission denied for relation ");
    return "ERROR: " + message + (position > 0 ? "\n Position: " + position : "");
  }
}
