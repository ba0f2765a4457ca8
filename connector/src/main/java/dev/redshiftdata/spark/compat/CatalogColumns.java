package dev.redshiftdata.spark.compat;

import org.apache.spark.sql.connector.catalog.CatalogV2Util;
import org.apache.spark.sql.connector.catalog.Column;
import org.apache.spark.sql.types.StructType;

/** Spark's own conversion between catalog columns and a schema (comments, defaults as metadata). */
public final class CatalogColumns {
  private CatalogColumns() {}

  public static StructType schema(Column[] columns) {
    return CatalogV2Util.v2ColumnsToStructType(columns);
  }

  public static Column[] columns(StructType schema) {
    return CatalogV2Util.structTypeToV2Columns(schema);
  }
}
