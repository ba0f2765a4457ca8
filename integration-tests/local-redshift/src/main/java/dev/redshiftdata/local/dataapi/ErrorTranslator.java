package dev.redshiftdata.local.dataapi;

import java.sql.SQLException;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * PostgreSQL errors -> the Error text DescribeStatement shows on Redshift: {@code ERROR:
 * <message>}, a syntax error's position on a second line, and Redshift's older wording where it
 * differs ("permission denied for relation t" where PostgreSQL 17 says "for table t").
 */
final class ErrorTranslator {
  private static final Pattern PERMISSION =
      Pattern.compile("^permission denied for (table|view|materialized view|sequence) ");

  /**
   * Endpoint.postgresDatabase's naming ("c_local_cluster__dev"): clients only know the Redshift
   * name.
   */
  private static final Pattern PG_DATABASE =
      Pattern.compile("\\b[cw]_[a-z0-9_]+?__([A-Za-z0-9_$]+)\\b");

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
    message = PG_DATABASE.matcher(message).replaceAll("$1");
    return "ERROR: " + message + (position > 0 ? "\n Position: " + position : "");
  }
}
