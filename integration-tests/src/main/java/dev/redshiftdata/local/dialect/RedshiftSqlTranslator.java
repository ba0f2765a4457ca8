package dev.redshiftdata.local.dialect;

/**
 * Rewrites one Redshift SQL statement into the PostgreSQL statement that behaves the same way on the local
 * Redshift (identifier case folding, Redshift-only syntax and type names). Pure: no I/O.
 */
public final class RedshiftSqlTranslator {
  private RedshiftSqlTranslator() {}

  /**
   * @param redshiftSql one statement as a client sent it (a trailing semicolon is allowed)
   * @param caseSensitiveIdentifiers the session's {@code enable_case_sensitive_identifier}
   */
  public static String toPostgres(String redshiftSql, boolean caseSensitiveIdentifiers) {
    return redshiftSql;
  }

  /** What kind of statement this is, for the parts of Redshift's behaviour that depend on it. */
  public static StatementKind classify(String redshiftSql) {
    return StatementKind.OTHER;
  }
}
