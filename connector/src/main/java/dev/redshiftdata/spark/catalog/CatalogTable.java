package dev.redshiftdata.spark.catalog;

import dev.redshiftdata.spark.RedshiftDataSource;
import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.read.RedshiftTable;
import dev.redshiftdata.spark.sql.TableName;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.SupportsWrite;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.write.LogicalWriteInfo;
import org.apache.spark.sql.connector.write.WriteBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * A table (or view) of a {@link RedshiftCatalog}: the data source's {@link RedshiftTable} for the
 * catalog's options with the table as {@code dbtable}, so reads use the same scan and pushdown and
 * writes the same staged COPY; a read's or write's own options (e.g. {@code readMode}, {@code
 * mergeKeys}) are applied on top of the catalog's.
 */
final class CatalogTable implements SupportsRead, SupportsWrite {

  /** The table property holding Redshift's table type (TABLE, VIEW, ...). */
  static final String PROP_REDSHIFT_TABLE_TYPE = "redshift.table_type";

  private final Map<String, String> catalogOptions;
  private final Map<String, String> sessionConf;
  private final TableName table;
  private final String tableType;
  private final RedshiftTable delegate;

  CatalogTable(
      Map<String, String> catalogOptions,
      Map<String, String> sessionConf,
      TableName table,
      String tableType,
      RedshiftTable delegate) {
    this.catalogOptions = catalogOptions;
    this.sessionConf = sessionConf;
    this.table = table;
    this.tableType = tableType;
    this.delegate = delegate;
  }

  /** Describes the table: its schema from DescribeTable (or a probe, for a late-binding view). */
  static CatalogTable load(
      Map<String, String> catalogOptions,
      Map<String, String> sessionConf,
      TableName table,
      String tableType) {
    RedshiftOptions options = options(catalogOptions, sessionConf, Map.of(), table);
    return new CatalogTable(
        catalogOptions, sessionConf, table, tableType, RedshiftTable.open(options, null));
  }

  static RedshiftOptions options(
      Map<String, String> catalogOptions,
      Map<String, String> sessionConf,
      Map<String, String> perQuery,
      TableName table) {
    return RedshiftOptions.parse(
        TableOptions.merge(catalogOptions, perQuery, table.quoted()), sessionConf);
  }

  /**
   * The data source table with this read's or write's options over the catalog's; unknown per-query
   * option names fail a write or warn a read (the catalog's own were checked once).
   */
  private RedshiftTable withOptions(Map<String, String> perQuery, boolean write) {
    if (perQuery.isEmpty()) {
      return delegate;
    }
    RedshiftOptions options = options(catalogOptions, sessionConf, perQuery, table);
    options.checkOptionNames(perQuery.keySet(), write);
    RedshiftDataSource.checkTempdir(options);
    return RedshiftTable.ofInferred(options, delegate.schema());
  }

  @Override
  public String name() {
    return table.quoted();
  }

  @Override
  public StructType schema() {
    return delegate.schema();
  }

  @Override
  public Map<String, String> properties() {
    return Map.of("provider", RedshiftDataSource.SHORT_NAME, PROP_REDSHIFT_TABLE_TYPE, tableType);
  }

  /**
   * The data source table's capabilities but {@code ACCEPT_ANY_SCHEMA}: SQL on a catalog table
   * follows Spark's rules (INSERT INTO by position, {@code writeTo} by name, store-assignment casts
   * to the table's types), and the write then gets exactly the table's columns.
   */
  @Override
  public Set<TableCapability> capabilities() {
    Set<TableCapability> capabilities = EnumSet.noneOf(TableCapability.class);
    capabilities.addAll(delegate.capabilities());
    capabilities.remove(TableCapability.ACCEPT_ANY_SCHEMA);
    return capabilities;
  }

  @Override
  public ScanBuilder newScanBuilder(CaseInsensitiveStringMap options) {
    return withOptions(options.asCaseSensitiveMap(), false).newScanBuilder(options);
  }

  @Override
  public WriteBuilder newWriteBuilder(LogicalWriteInfo info) {
    return withOptions(info.options().asCaseSensitiveMap(), true).newWriteBuilder(info);
  }
}
