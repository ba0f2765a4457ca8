package dev.redshiftdata.spark.catalog;

import org.apache.spark.sql.catalyst.analysis.NoSuchNamespaceException;
import org.apache.spark.sql.connector.catalog.Identifier;
import org.apache.spark.sql.connector.catalog.ProcedureCatalog;
import org.apache.spark.sql.connector.catalog.TableSummary;
import org.apache.spark.sql.connector.catalog.procedures.UnboundProcedure;
import software.amazon.awssdk.services.redshiftdata.model.TableMember;

/**
 * The catalog for Spark 4.1, which also lists tables with their types in one call ({@code SHOW
 * TABLES} without a DescribeTable per table), with the procedures of {@link RedshiftProcedures}
 * ({@code CALL rs.system.execute('<sql>')}). See {@link RedshiftCatalogBase}.
 */
public final class RedshiftCatalog extends RedshiftCatalogBase implements ProcedureCatalog {

  @Override
  public UnboundProcedure loadProcedure(Identifier ident) {
    return RedshiftProcedures.load(ident, this::connectionOptions);
  }

  @Override
  public Identifier[] listProcedures(String[] namespace) {
    return RedshiftProcedures.list(namespace);
  }

  @Override
  public TableSummary[] listTableSummaries(String[] namespace) throws NoSuchNamespaceException {
    return members(namespace).stream()
        .map(t -> TableSummary.of(CatalogNames.identifier(t.schema(), t.name()), summaryType(t)))
        .toArray(TableSummary[]::new);
  }

  /** Spark's table type for a Redshift one. */
  static String summaryType(TableMember t) {
    String type = t.type() == null ? "" : t.type();
    if (type.contains("VIEW")) {
      return TableSummary.VIEW_TABLE_TYPE;
    }
    if (type.contains("EXTERNAL")) {
      return TableSummary.EXTERNAL_TABLE_TYPE;
    }
    return TableSummary.MANAGED_TABLE_TYPE;
  }
}
