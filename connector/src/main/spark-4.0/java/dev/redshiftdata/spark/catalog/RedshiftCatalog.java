package dev.redshiftdata.spark.catalog;

import org.apache.spark.sql.connector.catalog.Identifier;
import org.apache.spark.sql.connector.catalog.ProcedureCatalog;
import org.apache.spark.sql.connector.catalog.procedures.UnboundProcedure;

/**
 * The catalog for Spark 4.0 (which lists table types by loading each table: no {@code
 * listTableSummaries} before 4.1), with the procedures of {@link RedshiftProcedures} ({@code CALL
 * rs.system.execute('<sql>')}). See {@link RedshiftCatalogBase}.
 */
public final class RedshiftCatalog extends RedshiftCatalogBase implements ProcedureCatalog {

  @Override
  public UnboundProcedure loadProcedure(Identifier ident) {
    return RedshiftProcedures.load(ident, this::connectionOptions);
  }
}
