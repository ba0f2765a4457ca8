package dev.redshiftdata.spark.catalog;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.spark.sql.connector.catalog.TableCatalog;
import org.apache.spark.sql.connector.catalog.TableSummary;

/** Spark 4.1's table summaries (name to Spark table type) of a catalog namespace. */
final class TableSummaries {
  private TableSummaries() {}

  static Optional<Map<String, String>> types(TableCatalog catalog, String namespace)
      throws Exception {
    TableSummary[] summaries = catalog.listTableSummaries(new String[] {namespace});
    return Optional.of(
        Arrays.stream(summaries)
            .collect(Collectors.toMap(s -> s.identifier().name(), TableSummary::tableType)));
  }
}
