package dev.redshiftdata.spark.catalog;

/**
 * The catalog for Spark 3.5 (which lists table types by loading each table: no {@code
 * listTableSummaries} before 4.1). See {@link RedshiftCatalogBase}.
 */
public final class RedshiftCatalog extends RedshiftCatalogBase {}
