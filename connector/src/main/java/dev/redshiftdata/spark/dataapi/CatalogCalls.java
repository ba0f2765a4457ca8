package dev.redshiftdata.spark.dataapi;

import static dev.redshiftdata.spark.dataapi.ApiCalls.LOG;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import software.amazon.awssdk.services.redshiftdata.model.ColumnMetadata;
import software.amazon.awssdk.services.redshiftdata.model.DescribeTableResponse;
import software.amazon.awssdk.services.redshiftdata.model.ListDatabasesResponse;
import software.amazon.awssdk.services.redshiftdata.model.ListSchemasResponse;
import software.amazon.awssdk.services.redshiftdata.model.ListTablesResponse;
import software.amazon.awssdk.services.redshiftdata.model.TableMember;

/**
 * DescribeTable, ListDatabases, ListSchemas and ListTables in the target's database, every page
 * read; one INFO line per call with its item and page counts.
 */
record CatalogCalls(ApiCalls calls) {

  /** Columns of one table; empty when the table is unknown or is a late-binding view. */
  List<ColumnMetadata> describeTable(String schema, String table) {
    Objects.requireNonNull(table, "table is null");
    return allPages(
        "DescribeTable",
        "describe table " + schema + "." + table,
        token ->
            calls.client.describeTable(
                r -> {
                  r.schema(schema).table(table).nextToken(token);
                  calls.connect(
                      r::database, r::clusterIdentifier, r::workgroupName, r::secretArn, r::dbUser);
                }),
        DescribeTableResponse::nextToken,
        DescribeTableResponse::columnList);
  }

  List<String> listDatabases() {
    return allPages(
        "ListDatabases",
        "list databases",
        token ->
            calls.client.listDatabases(
                r -> {
                  r.nextToken(token);
                  calls.connect(
                      r::database, r::clusterIdentifier, r::workgroupName, r::secretArn, r::dbUser);
                }),
        ListDatabasesResponse::nextToken,
        ListDatabasesResponse::databases);
  }

  /** Schemas matching a LIKE pattern ({@code %}, {@code _}); {@code null} for all. */
  List<String> listSchemas(String schemaPattern) {
    return allPages(
        "ListSchemas",
        "list schemas",
        token ->
            calls.client.listSchemas(
                r -> {
                  r.schemaPattern(schemaPattern).nextToken(token);
                  calls.connect(
                      r::database, r::clusterIdentifier, r::workgroupName, r::secretArn, r::dbUser);
                }),
        ListSchemasResponse::nextToken,
        ListSchemasResponse::schemas);
  }

  /** Tables and views matching LIKE patterns; {@code null} patterns match all. */
  List<TableMember> listTables(String schemaPattern, String tablePattern) {
    return allPages(
        "ListTables",
        "list tables",
        token ->
            calls.client.listTables(
                r -> {
                  r.schemaPattern(schemaPattern).tablePattern(tablePattern).nextToken(token);
                  calls.connect(
                      r::database, r::clusterIdentifier, r::workgroupName, r::secretArn, r::dbUser);
                }),
        ListTablesResponse::nextToken,
        ListTablesResponse::tables);
  }

  /**
   * The items of every page of a {@code NextToken}-paged call, logged as {@code operation}.
   *
   * @param action completes "Cannot ..." in the call's error
   */
  private <P, T> List<T> allPages(
      String operation,
      String action,
      Function<String, P> fetch,
      Function<P, String> nextToken,
      Function<P, List<T>> items) {
    long start = calls.waiter.nanoTime();
    PageIterator<P> pages =
        new PageIterator<>(
            token -> ApiCalls.call(action, null, null, () -> fetch.apply(token)), nextToken);
    List<T> out = new ArrayList<>();
    int count = 0;
    while (pages.hasNext()) {
      out.addAll(items.apply(pages.next()));
      count++;
    }
    LOG.info(
        "Data API {} returned {} items in {} pages in {} ms",
        operation,
        out.size(),
        count,
        calls.millisSince(start));
    return out;
  }
}
