package dev.redshiftdata.spark.dataapi;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.services.redshiftdata.model.ColumnMetadata;
import software.amazon.awssdk.services.redshiftdata.model.Field;
import software.amazon.awssdk.services.redshiftdata.model.GetStatementResultResponse;
import software.amazon.awssdk.services.redshiftdata.model.GetStatementResultV2Response;

/** Reads the results of finished statements, page by page. */
record ResultPages(ApiCalls calls) {

  /** Every GetStatementResult page of a finished statement, fetched lazily. */
  Iterator<GetStatementResultResponse> json(String id) {
    return pages(
        id,
        token -> calls.client.getStatementResult(r -> calls.counted(r.id(id).nextToken(token))),
        GetStatementResultResponse::nextToken);
  }

  /** Every GetStatementResultV2 page (CSV records) of a finished statement, fetched lazily. */
  Iterator<GetStatementResultV2Response> csv(String id) {
    return pages(
        id,
        token -> calls.client.getStatementResultV2(r -> calls.counted(r.id(id).nextToken(token))),
        GetStatementResultV2Response::nextToken);
  }

  private static <T> Iterator<T> pages(
      String id, Function<String, T> fetch, Function<T, String> nextToken) {
    return new PageIterator<>(
        token -> ApiCalls.call("read result", id, null, () -> fetch.apply(token)), nextToken);
  }

  /** The whole result of a finished statement (every page), in memory: for small results only. */
  StatementRows all(FinishedStatement done) {
    List<ColumnMetadata> columns = new ArrayList<>();
    List<List<Field>> records = new ArrayList<>();
    if (done.hasResultSet()) {
      Iterator<GetStatementResultResponse> pages = json(done.id());
      while (pages.hasNext()) {
        GetStatementResultResponse page = pages.next();
        if (columns.isEmpty() && page.hasColumnMetadata()) {
          columns.addAll(page.columnMetadata());
        }
        records.addAll(page.records());
      }
    }
    return new StatementRows(done.id(), columns, records);
  }
}
