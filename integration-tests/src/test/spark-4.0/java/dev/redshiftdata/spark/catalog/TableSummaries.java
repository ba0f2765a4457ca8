package dev.redshiftdata.spark.catalog;

import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.connector.catalog.TableCatalog;

/** Spark 4.0 has no table summaries (listTableSummaries is from 4.1). */
final class TableSummaries {
  private TableSummaries() {}

  static Optional<Map<String, String>> types(TableCatalog catalog, String namespace) {
    return Optional.empty();
  }
}
