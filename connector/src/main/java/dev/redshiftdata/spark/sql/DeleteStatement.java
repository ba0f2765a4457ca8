package dev.redshiftdata.spark.sql;

import java.util.List;

/**
 * {@code DELETE FROM "s"."t" [WHERE (p1) AND (p2)]}: the write path's overwrite by predicates
 * ({@code SupportsOverwriteV2}) and its whole-table overwrite. Use DELETE, not TRUNCATE, inside a
 * transaction: TRUNCATE commits implicitly in Redshift, so an overwrite built on it is not atomic.
 */
public final class DeleteStatement {

  private DeleteStatement() {}

  /** Deletes every row: {@code DELETE FROM "s"."t"}. */
  public static String all(TableName table) {
    return "DELETE FROM " + table.quoted();
  }

  /**
   * Deletes the rows matching all predicates, already SQL (from {@link PredicateCompiler}); no
   * predicates deletes every row.
   */
  public static String where(TableName table, List<String> predicates) {
    if (predicates.isEmpty()) {
      return all(table);
    }
    return all(table) + " WHERE (" + String.join(") AND (", predicates) + ")";
  }
}
