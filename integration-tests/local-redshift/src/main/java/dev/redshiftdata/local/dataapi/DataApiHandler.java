package dev.redshiftdata.local.dataapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The AWS JSON 1.1 front door: {@code POST /} with {@code X-Amz-Target: RedshiftData.<Op>}.
 * Verifies SigV4, applies armed call faults, dispatches, writes the response or the error shape,
 * and records the call.
 */
final class DataApiHandler implements HttpHandler {
  private static final String PREFIX = "RedshiftData.";
  private static final String CONTENT_TYPE = "application/x-amz-json-1.1";

  private final SigV4Verifier verifier;
  private final Faults faults;
  private final RequestLog log;
  private final StatementOperations statements;
  private final StatementViews views;
  private final ResultOperations results;
  private final CatalogOperations catalog;

  DataApiHandler(
      SigV4Verifier verifier,
      Faults faults,
      RequestLog log,
      StatementOperations statements,
      StatementViews views,
      ResultOperations results,
      CatalogOperations catalog) {
    this.views = views;
    this.verifier = verifier;
    this.faults = faults;
    this.log = log;
    this.statements = statements;
    this.results = results;
    this.catalog = catalog;
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    Instant at = Instant.now();
    long t0 = System.nanoTime();
    CallContext ctx = new CallContext();
    String op = "?";
    int status = 200;
    String outcome = "OK";
    boolean dropped = false;
    byte[] response;
    try {
      byte[] body;
      try (InputStream in = ex.getRequestBody()) {
        body = in.readAllBytes();
      }
      String target = ex.getRequestHeaders().getFirst("X-Amz-Target");
      op = target != null && target.startsWith(PREFIX) ? target.substring(PREFIX.length()) : "?";
      if (!"POST".equals(ex.getRequestMethod())) {
        throw new ApiException("UnknownOperationException", 404, "Only POST / is served");
      }
      verifier.verify(
          ex.getRequestMethod(),
          ex.getRequestURI().getRawPath(),
          ex.getRequestURI().getRawQuery(),
          ex.getRequestHeaders(),
          body);
      ApiException injected = faults.beforeCall(op);
      if (injected != null) {
        throw injected;
      }
      response = dispatch(op, new Request(op, Json.parse(body)), ctx);
      if (faults.dropResponse(op)) {
        dropped = true;
        status = 0;
        outcome = "DROPPED";
        log.add(
            new RecordedRequest(
                at,
                op,
                List.copyOf(ctx.sqls),
                ctx.statementId,
                ctx.clientToken,
                0,
                outcome,
                true,
                Duration.ofNanos(System.nanoTime() - t0)));
        ex.close(); // no status line: the client sees the connection end and retries
        return;
      }
    } catch (ApiException e) {
      status = e.status();
      outcome = e.type();
      response = errorBody(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      status = 500;
      outcome = "InternalServerException";
      response = errorBody(ApiException.internal("interrupted"));
    } catch (RuntimeException e) {
      status = 500;
      outcome = "InternalServerException";
      response = errorBody(ApiException.internal(e.toString()));
    }
    ex.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
    ex.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
    if (status != 200) {
      ex.getResponseHeaders().set("x-amzn-ErrorType", outcome);
    }
    // Recorded before the answer leaves, so a client that has its answer finds the call in the log.
    log.add(
        new RecordedRequest(
            at,
            op,
            List.copyOf(ctx.sqls),
            ctx.statementId,
            ctx.clientToken,
            status,
            outcome,
            dropped,
            Duration.ofNanos(System.nanoTime() - t0)));
    ex.sendResponseHeaders(status, response.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(response);
    }
  }

  private byte[] dispatch(String op, Request r, CallContext ctx) {
    JsonNode out =
        switch (op) {
          case "ExecuteStatement" -> statements.execute(r, ctx);
          case "BatchExecuteStatement" -> statements.batch(r, ctx);
          case "DescribeStatement" -> views.describe(r, ctx);
          case "CancelStatement" -> statements.cancel(r, ctx);
          case "ListStatements" -> views.list(r, ctx);
          case "GetStatementResult" -> null;
          case "GetStatementResultV2" -> null;
          case "DescribeTable" -> catalog.describeTable(r);
          case "ListDatabases" -> catalog.listDatabases(r);
          case "ListSchemas" -> catalog.listSchemas(r);
          case "ListTables" -> catalog.listTables(r);
          default ->
              throw new ApiException("UnknownOperationException", 400, "Unknown operation " + op);
        };
    if (out == null) {
      return results.get(r, ctx, op.equals("GetStatementResultV2"));
    }
    return Json.bytes(out);
  }

  private static byte[] errorBody(ApiException e) {
    ObjectNode o = Json.object();
    o.put("__type", e.type());
    o.put("message", e.getMessage());
    for (Map.Entry<String, String> m : e.members().entrySet()) {
      o.put(m.getKey(), m.getValue());
    }
    return Json.bytes(o);
  }
}
