package dev.redshiftdata.spark.catalog;

import java.util.Map;
import java.util.function.Supplier;
import org.apache.spark.sql.connector.catalog.Identifier;
import org.apache.spark.sql.connector.catalog.procedures.UnboundProcedure;

/** The catalog's procedures, in namespace {@code system} (Spark 4.0 and later). */
final class RedshiftProcedures {
  private RedshiftProcedures() {}

  static final String NAMESPACE = "system";

  static UnboundProcedure load(Identifier ident, Supplier<Map<String, String>> options) {
    if (ident.namespace().length == 1
        && NAMESPACE.equalsIgnoreCase(ident.namespace()[0])
        && ExecuteProcedure.NAME.equalsIgnoreCase(ident.name())) {
      return new ExecuteProcedure(options);
    }
    throw new IllegalArgumentException(
        "No procedure "
            + String.join(".", ident.namespace())
            + "."
            + ident.name()
            + " in this catalog; it has "
            + NAMESPACE
            + "."
            + ExecuteProcedure.NAME
            + "('<sql>').");
  }

  static Identifier[] list(String[] namespace) {
    if (namespace.length == 1 && NAMESPACE.equalsIgnoreCase(namespace[0])) {
      return new Identifier[] {Identifier.of(new String[] {NAMESPACE}, ExecuteProcedure.NAME)};
    }
    return new Identifier[0];
  }
}
