package dev.redshiftdata.local.dialect;

import java.util.List;

/**
 * SQL run once in every PostgreSQL database of the local Redshift so it speaks Redshift's dialect: type names
 * (SUPER, VARBYTE, GEOMETRY, ...) and common Redshift functions (GETDATE, NVL, JSON_PARSE, ...).
 */
public final class RedshiftBootstrap {
  private RedshiftBootstrap() {}

  /** Statements to run, in order, as the superuser, in a freshly created database. */
  public static List<String> statements() {
    return List.of();
  }
}
