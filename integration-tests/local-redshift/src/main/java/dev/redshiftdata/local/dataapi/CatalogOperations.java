package dev.redshiftdata.local.dataapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redshiftdata.local.catalog.CatalogQueries;
import dev.redshiftdata.local.catalog.ColumnInfo;
import dev.redshiftdata.local.catalog.TableInfo;
import dev.redshiftdata.local.postgres.PostgresServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The synchronous metadata operations: ListDatabases (from the endpoint's configuration),
 * ListSchemas, ListTables and DescribeTable (from PostgreSQL's catalog via {@link CatalogQueries},
 * as the caller's role), with MaxResults/NextToken paging over the full ordered answer.
 */
final class CatalogOperations {
  private final TargetResolver resolver;
  private final PostgresServer postgres;
  private final ServerSettings settings;

  CatalogOperations(TargetResolver resolver, PostgresServer postgres, ServerSettings settings) {
    this.resolver = resolver;
    this.postgres = postgres;
    this.settings = settings;
  }

  JsonNode listDatabases(Request r) {
    Target t = resolver.resolve(r, false);
    requireDatabase(t);
    List<String> dbs = t.endpoint().databases().stream().sorted().toList();
    return page(r, "ListDatabases", dbs, "Databases", (a, db) -> a.add(db));
  }

  JsonNode listSchemas(Request r) {
    Target t = resolver.resolve(r, false);
    String pattern = r.string("SchemaPattern");
    List<String> schemas = query(t, r, c -> CatalogQueries.listSchemas(c, pattern));
    return page(r, "ListSchemas", schemas, "Schemas", (a, s) -> a.add(s));
  }

  JsonNode listTables(Request r) {
    Target t = resolver.resolve(r, false);
    String schemaPattern = r.string("SchemaPattern");
    String tablePattern = r.string("TablePattern");
    List<TableInfo> tables =
        query(t, r, c -> CatalogQueries.listTables(c, schemaPattern, tablePattern));
    return page(
        r,
        "ListTables",
        tables,
        "Tables",
        (a, ti) -> {
          ObjectNode o = a.addObject();
          o.put("name", ti.name());
          o.put("schema", ti.schema());
          o.put("type", ti.type());
        });
  }

  JsonNode describeTable(Request r) {
    Target t = resolver.resolve(r, false);
    String schema = r.string("Schema");
    String table = r.string("Table");
    List<ColumnInfo> columns = query(t, r, c -> CatalogQueries.describeTable(c, schema, table));
    ObjectNode o =
        (ObjectNode)
            page(
                r,
                "DescribeTable",
                columns,
                "ColumnList",
                (a, ci) -> a.add(ResultOperations.column(ci, false)));
    if (table != null) {
      o.put("TableName", table);
    }
    return o;
  }

  private interface CatalogCall<T> {
    List<T> run(Connection c) throws SQLException;
  }

  private <T> List<T> query(Target t, Request r, CatalogCall<T> call) {
    requireDatabase(t);
    // ConnectedDatabase only matters for cross-database metadata, which one PostgreSQL database
    // cannot see:
    // the described Database itself is connected to.
    r.string("ConnectedDatabase");
    try (Connection c = postgres.connect(t.pgDatabase(), t.role())) {
      return call.run(c);
    } catch (SQLException e) {
      throw new ApiException("DatabaseConnectionException", 500, ErrorTranslator.redshiftError(e));
    } catch (UnsupportedOperationException e) {
      throw ApiException.internal("Not implemented in the local Redshift: " + e.getMessage());
    }
  }

  private static void requireDatabase(Target t) {
    if (!t.endpoint().databases().contains(t.database())) {
      throw new ApiException(
          "DatabaseConnectionException",
          500,
          "FATAL: database \"" + t.database() + "\" does not exist");
    }
  }

  private interface Adder<T> {
    void add(ArrayNode a, T item);
  }

  private <T> JsonNode page(Request r, String scope, List<T> all, String member, Adder<T> adder) {
    Long max = r.integer("MaxResults", 0, 1000);
    int size = max == null || max == 0 ? settings.metadataPageSize() : max.intValue();
    int from = PageToken.decode(scope, r.string("NextToken"));
    int to = Math.min(all.size(), from + size);
    ObjectNode o = Json.object();
    ArrayNode a = o.putArray(member);
    for (T item : all.subList(Math.min(from, all.size()), to)) {
      adder.add(a, item);
    }
    if (to < all.size()) {
      o.put("NextToken", PageToken.encode(scope, to));
    }
    return o;
  }
}
