package dev.redshiftdata.spark.catalog;

import dev.redshiftdata.spark.sql.Identifiers;
import dev.redshiftdata.spark.sql.TableName;
import java.util.Arrays;
import org.apache.spark.sql.connector.catalog.Identifier;

/**
 * Maps Spark's catalog names to Redshift's: a namespace is one schema, an identifier is {@code
 * schema.table}. Redshift folds ASCII letters to lower case (quoted names too) unless the cluster
 * has case-sensitive identifiers, so names are folded the same way before they are looked up or
 * created; listings report the names as Redshift stores them. Pure.
 */
final class CatalogNames {

  private final boolean caseSensitive;

  CatalogNames(boolean caseSensitive) {
    this.caseSensitive = caseSensitive;
  }

  /** The name as Redshift stores it. */
  String fold(String name) {
    return caseSensitive ? name : Identifiers.foldAscii(name);
  }

  /**
   * The schema of a one-level namespace.
   *
   * @throws IllegalArgumentException for an empty or multi-level namespace
   */
  String schema(String[] namespace) {
    if (namespace == null || namespace.length != 1 || namespace[0].isEmpty()) {
      throw new IllegalArgumentException(
          "Cannot use namespace "
              + (namespace == null ? "null" : Arrays.toString(namespace))
              + ": a Redshift catalog namespace is exactly one schema name, as in"
              + " catalog.schema.table.");
    }
    return fold(namespace[0]);
  }

  /** The Redshift table of an identifier ({@code schema.table}). */
  TableName table(Identifier ident) {
    String name = ident.name();
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("Cannot use an empty table name.");
    }
    return TableName.of(schema(ident.namespace()), fold(name));
  }

  /** The identifier Spark sees for a table as Redshift lists it (case kept). */
  static Identifier identifier(String schema, String table) {
    return Identifier.of(new String[] {schema}, table);
  }
}
