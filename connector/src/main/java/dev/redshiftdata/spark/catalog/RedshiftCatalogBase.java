package dev.redshiftdata.spark.catalog;

import dev.redshiftdata.spark.RedshiftDataSource;
import dev.redshiftdata.spark.compat.CatalogColumns;
import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.dataapi.DataApi;
import dev.redshiftdata.spark.dataapi.RedshiftDataException;
import dev.redshiftdata.spark.dataapi.StatementRequest;
import dev.redshiftdata.spark.sql.AlterStatements;
import dev.redshiftdata.spark.sql.SchemaStatements;
import dev.redshiftdata.spark.sql.TableName;
import dev.redshiftdata.spark.write.CommitPlanner;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.catalyst.analysis.NamespaceAlreadyExistsException;
import org.apache.spark.sql.catalyst.analysis.NoSuchNamespaceException;
import org.apache.spark.sql.catalyst.analysis.NoSuchTableException;
import org.apache.spark.sql.catalyst.analysis.NonEmptyNamespaceException;
import org.apache.spark.sql.catalyst.analysis.TableAlreadyExistsException;
import org.apache.spark.sql.connector.catalog.Column;
import org.apache.spark.sql.connector.catalog.Identifier;
import org.apache.spark.sql.connector.catalog.NamespaceChange;
import org.apache.spark.sql.connector.catalog.StagedTable;
import org.apache.spark.sql.connector.catalog.StagingTableCatalog;
import org.apache.spark.sql.connector.catalog.SupportsNamespaces;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableChange;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;
import software.amazon.awssdk.services.redshiftdata.model.TableMember;

/**
 * A Spark catalog over one Redshift database, through the Data API: {@code
 * spark.sql.catalog.<name>=dev.redshiftdata.spark.catalog.RedshiftCatalog} with the connector's
 * options as {@code spark.sql.catalog.<name>.<option>}. Namespaces are schemas (ListSchemas,
 * CREATE/DROP SCHEMA), tables are tables and views (ListTables, DescribeTable); reads and writes
 * use the data source's scan and staged COPY; CREATE/REPLACE TABLE ... AS SELECT is atomic (one
 * transaction creates and loads the table, see {@link StagedCreateTable}).
 *
 * <p>The same on every Spark line: tables are created from catalog {@link Column}s, which Spark 3.5
 * to 4.1 all pass (4.1's {@code TableInfo} methods delegate to them); the {@code StructType}
 * methods, abstract in Spark 3.5, delegate to the same code. {@link RedshiftCatalog} adds what a
 * line has beyond this.
 */
abstract class RedshiftCatalogBase implements StagingTableCatalog, SupportsNamespaces {

  private String name;
  private Map<String, String> options;
  private CatalogNames names;

  @Override
  public void initialize(String name, CaseInsensitiveStringMap options) {
    this.name = name;
    this.options = new LinkedHashMap<>(options.asCaseSensitiveMap());
    // Validate now, so a bad catalog option names itself on first use of the catalog.
    RedshiftOptions parsed = parsed();
    // Catalog options serve reads and writes alike: warn about unknown names unless strict.
    parsed.checkOptionNames(false);
    RedshiftDataSource.checkTempdir(parsed);
    this.names = new CatalogNames(parsed.connection().caseSensitiveIdentifiers());
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String[] defaultNamespace() {
    return new String[] {"public"};
  }

  /** The catalog's options (connection and defaults), for statements run on its connection. */
  protected Map<String, String> connectionOptions() {
    return Map.copyOf(options);
  }

  private RedshiftOptions parsed() {
    return RedshiftOptions.parse(options, RedshiftDataSource.sessionConf());
  }

  private DataApi api() {
    return parsed().dataApi();
  }

  // ---------------------------------------------------------------- namespaces

  @Override
  public String[][] listNamespaces() {
    return api().listSchemas(null).stream().map(s -> new String[] {s}).toArray(String[][]::new);
  }

  @Override
  public String[][] listNamespaces(String[] namespace) throws NoSuchNamespaceException {
    if (namespace.length == 0) {
      return listNamespaces();
    }
    if (!namespaceExists(namespace)) {
      throw new NoSuchNamespaceException(namespace);
    }
    return new String[0][];
  }

  @Override
  public boolean namespaceExists(String[] namespace) {
    if (namespace.length != 1) {
      return false;
    }
    return schemaExists(names.schema(namespace));
  }

  private boolean schemaExists(String schema) {
    // LIKE pattern: '_' and '%' in the name match more, so compare exactly.
    return api().listSchemas(schema).stream().anyMatch(schema::equals);
  }

  @Override
  public Map<String, String> loadNamespaceMetadata(String[] namespace)
      throws NoSuchNamespaceException {
    if (!namespaceExists(namespace)) {
      throw new NoSuchNamespaceException(namespace);
    }
    return Map.of();
  }

  @Override
  public void createNamespace(String[] namespace, Map<String, String> metadata)
      throws NamespaceAlreadyExistsException {
    String schema = names.schema(namespace);
    for (String key : metadata.keySet()) {
      if (!key.equals(SupportsNamespaces.PROP_OWNER)) {
        throw new UnsupportedOperationException(
            "Cannot create namespace "
                + schema
                + " with property '"
                + key
                + "': Redshift schemas take no properties here (no COMMENT or LOCATION).");
      }
    }
    if (schemaExists(schema)) {
      throw new NamespaceAlreadyExistsException(namespace);
    }
    run(SchemaStatements.createSchema(schema));
  }

  @Override
  public void alterNamespace(String[] namespace, NamespaceChange... changes) {
    throw new UnsupportedOperationException(
        "Cannot alter namespace "
            + String.join(".", namespace)
            + ": Redshift schemas have no properties to change here. Use Redshift SQL (ALTER"
            + " SCHEMA).");
  }

  @Override
  public boolean dropNamespace(String[] namespace, boolean cascade)
      throws NoSuchNamespaceException, NonEmptyNamespaceException {
    String schema = names.schema(namespace);
    if (!schemaExists(schema)) {
      return false;
    }
    if (!cascade && !tablesOf(schema).isEmpty()) {
      throw new NonEmptyNamespaceException(namespace);
    }
    run(SchemaStatements.dropSchema(schema, cascade));
    return true;
  }

  // ---------------------------------------------------------------- tables

  /** The tables and views of one schema, as ListTables reports them (all pages). */
  private List<TableMember> tablesOf(String schema) {
    return api().listTables(schema, null).stream().filter(t -> schema.equals(t.schema())).toList();
  }

  private Optional<TableMember> find(TableName table) {
    return api().listTables(table.schema(), table.table()).stream()
        .filter(t -> table.schema().equals(t.schema()) && table.table().equals(t.name()))
        .findFirst();
  }

  @Override
  public Identifier[] listTables(String[] namespace) throws NoSuchNamespaceException {
    return members(namespace).stream()
        .map(t -> CatalogNames.identifier(t.schema(), t.name()))
        .toArray(Identifier[]::new);
  }

  /** This catalog's tables and views in {@code namespace}, from one ListTables. */
  List<TableMember> members(String[] namespace) throws NoSuchNamespaceException {
    String schema = names.schema(namespace);
    List<TableMember> tables = tablesOf(schema);
    if (tables.isEmpty() && !schemaExists(schema)) {
      throw new NoSuchNamespaceException(namespace);
    }
    return tables;
  }

  @Override
  public Table loadTable(Identifier ident) throws NoSuchTableException {
    TableName table = names.table(ident);
    TableMember member = find(table).orElseThrow(() -> new NoSuchTableException(ident));
    return CatalogTable.load(options, RedshiftDataSource.sessionConf(), table, member.type());
  }

  @Override
  public boolean tableExists(Identifier ident) {
    return find(names.table(ident)).isPresent();
  }

  @Override
  public void invalidateTable(Identifier ident) {
    // Nothing cached: every load describes the table again.
  }

  @Override
  public Table createTable(
      Identifier ident, StructType schema, Transform[] partitions, Map<String, String> properties)
      throws TableAlreadyExistsException, NoSuchNamespaceException {
    return createTable(ident, CatalogColumns.columns(schema), partitions, properties);
  }

  @Override
  public Table createTable(
      Identifier ident, Column[] columns, Transform[] partitions, Map<String, String> properties)
      throws TableAlreadyExistsException, NoSuchNamespaceException {
    TableName table = names.table(ident);
    refusePartitions(table, partitions);
    RedshiftOptions tableOptions = tableOptions(table, properties, columns);
    if (find(table).isPresent()) {
      throw new TableAlreadyExistsException(ident);
    }
    if (!schemaExists(table.schema())) {
      throw new NoSuchNamespaceException(ident.namespace());
    }
    List<String> sqls =
        CommitPlanner.createStatements(tableOptions, table, CatalogColumns.schema(columns));
    // One transaction: the table appears with its comments or not at all.
    api()
        .execute(
            sqls.size() == 1 ? StatementRequest.sql(sqls.get(0)) : StatementRequest.batch(sqls));
    try {
      return loadTable(ident);
    } catch (NoSuchTableException e) {
      throw new IllegalStateException(
          "Table " + table.quoted() + " vanished after CREATE TABLE", e);
    }
  }

  private RedshiftOptions tableOptions(
      TableName table, Map<String, String> properties, Column[] columns) {
    return CatalogTable.options(
        tableOptionMap(table, properties, columns),
        RedshiftDataSource.sessionConf(),
        Map.of(),
        table);
  }

  /** The catalog's options with a CREATE TABLE's properties and column comments over them. */
  private Map<String, String> tableOptionMap(
      TableName table, Map<String, String> properties, Column[] columns) {
    Map<String, String> merged = new LinkedHashMap<>(options);
    merged.putAll(TableOptions.ofCreateTable(table.quoted(), properties, columns));
    return merged;
  }

  private static void refusePartitions(TableName table, Transform[] partitions) {
    if (partitions != null && partitions.length > 0) {
      throw new UnsupportedOperationException(
          "Cannot create table "
              + table.quoted()
              + " with PARTITIONED BY: Redshift tables have no partitions. Use the table"
              + " properties distKey and sortKey instead.");
    }
  }

  @Override
  public Table alterTable(Identifier ident, TableChange... changes) throws NoSuchTableException {
    TableName table = names.table(ident);
    CatalogTable current = (CatalogTable) loadTable(ident);
    List<String> existing = List.of(current.schema().fieldNames());
    List<String> sqls = new ArrayList<>();
    for (TableChange change : changes) {
      sqls.addAll(AlterStatements.of(table, change, names::fold, existing));
    }
    DataApi api = api();
    for (String sql : sqls) {
      // One by one: Redshift refuses some ALTER TABLE forms inside a transaction block.
      api.execute(StatementRequest.sql(sql));
    }
    return loadTable(ident);
  }

  @Override
  public boolean dropTable(Identifier ident) {
    TableName table = names.table(ident);
    Optional<TableMember> member = find(table);
    if (member.isEmpty()) {
      return false;
    }
    if (member.get().type() != null && member.get().type().contains("VIEW")) {
      throw new UnsupportedOperationException(
          "Cannot drop "
              + table.quoted()
              + " with DROP TABLE: it is a "
              + member.get().type()
              + ". Drop it with Redshift SQL (DROP VIEW).");
    }
    run(SchemaStatements.dropTable(table));
    return true;
  }

  @Override
  public void renameTable(Identifier oldIdent, Identifier newIdent)
      throws NoSuchTableException, TableAlreadyExistsException {
    TableName from = names.table(oldIdent);
    TableName to = names.table(withoutCatalogName(newIdent));
    if (!from.schema().equals(to.schema())) {
      throw new UnsupportedOperationException(
          "Cannot rename "
              + from.quoted()
              + " to "
              + to.quoted()
              + ": Redshift renames a table within its schema only (ALTER TABLE ... RENAME TO).");
    }
    if (find(from).isEmpty()) {
      throw new NoSuchTableException(oldIdent);
    }
    if (find(to).isPresent()) {
      throw new TableAlreadyExistsException(newIdent);
    }
    run(SchemaStatements.renameTable(from, to.table()));
  }

  /**
   * {@code ALTER TABLE cat.s.t RENAME TO cat.s.u} hands the new name over with the catalog's name
   * in front; the catalog's own name is dropped.
   */
  private Identifier withoutCatalogName(Identifier ident) {
    String[] ns = ident.namespace();
    if (ns.length == 2 && ns[0].equals(name)) {
      return Identifier.of(new String[] {ns[1]}, ident.name());
    }
    return ident;
  }

  // ---------------------------------------------------------------- atomic CTAS / RTAS

  @Override
  public StagedTable stageCreate(
      Identifier ident, StructType schema, Transform[] partitions, Map<String, String> properties)
      throws TableAlreadyExistsException, NoSuchNamespaceException {
    return stageCreate(ident, CatalogColumns.columns(schema), partitions, properties);
  }

  @Override
  public StagedTable stageCreate(
      Identifier ident, Column[] columns, Transform[] partitions, Map<String, String> properties)
      throws TableAlreadyExistsException, NoSuchNamespaceException {
    TableName table = names.table(ident);
    if (find(table).isPresent()) {
      throw new TableAlreadyExistsException(ident);
    }
    if (!schemaExists(table.schema())) {
      throw new NoSuchNamespaceException(ident.namespace());
    }
    return staged(table, columns, partitions, properties, List.of());
  }

  @Override
  public StagedTable stageReplace(
      Identifier ident, StructType schema, Transform[] partitions, Map<String, String> properties)
      throws NoSuchNamespaceException, NoSuchTableException {
    return stageReplace(ident, CatalogColumns.columns(schema), partitions, properties);
  }

  @Override
  public StagedTable stageReplace(
      Identifier ident, Column[] columns, Transform[] partitions, Map<String, String> properties)
      throws NoSuchNamespaceException, NoSuchTableException {
    TableName table = names.table(ident);
    if (find(table).isEmpty()) {
      throw new NoSuchTableException(ident);
    }
    return staged(
        table, columns, partitions, properties, List.of(SchemaStatements.dropTable(table)));
  }

  @Override
  public StagedTable stageCreateOrReplace(
      Identifier ident, StructType schema, Transform[] partitions, Map<String, String> properties)
      throws NoSuchNamespaceException {
    return stageCreateOrReplace(ident, CatalogColumns.columns(schema), partitions, properties);
  }

  @Override
  public StagedTable stageCreateOrReplace(
      Identifier ident, Column[] columns, Transform[] partitions, Map<String, String> properties)
      throws NoSuchNamespaceException {
    TableName table = names.table(ident);
    if (!schemaExists(table.schema())) {
      throw new NoSuchNamespaceException(ident.namespace());
    }
    return staged(
        table, columns, partitions, properties, List.of(SchemaStatements.dropTableIfExists(table)));
  }

  private StagedTable staged(
      TableName table,
      Column[] columns,
      Transform[] partitions,
      Map<String, String> properties,
      List<String> replaceStatements) {
    refusePartitions(table, partitions);
    Map<String, String> tableOptions = tableOptionMap(table, properties, columns);
    // Parse now: a bad table property fails before Spark runs the query.
    CatalogTable.options(tableOptions, RedshiftDataSource.sessionConf(), Map.of(), table)
        .staging()
        .require("create table " + table.quoted() + " AS SELECT");
    return new StagedCreateTable(
        tableOptions,
        RedshiftDataSource.sessionConf(),
        table,
        CatalogColumns.schema(columns),
        replaceStatements);
  }

  private void run(String sql) {
    try {
      api().execute(StatementRequest.sql(sql));
    } catch (RedshiftDataException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }
}
