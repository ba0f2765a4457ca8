package dev.redshiftdata.local.dataapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;

/**
 * Unsigned control paths for tests in other languages (boto3, shell), loopback only:
 *
 * <ul>
 *   <li>{@code POST /_local/faults} {"throttleEvery":{"operation":"ExecuteStatement","n":3}},
 *       {"internalError":{"operation":"...","times":1}},
 *       {"latency":{"operation":"...","millis":200}},
 *       {"dropResponse":{"operation":"...","times":1}}, {"holdNextStatement":{"polls":3}} or
 *       {"millis":500}, {"failNextStatement":"ERROR: ..."}, {"abortNextStatement":true} (several
 *       keys may be combined)
 *   <li>{@code POST /_local/settings} {"resultPageRows":10, "resultPageBytes":...,
 *       "maxRowBytes":..., ...}
 *   <li>{@code POST /_local/reset}: faults, settings and the request log back to their start state
 *   <li>{@code GET /_local/requests}: the request log as JSON
 * </ul>
 */
final class AdminHandler implements HttpHandler {
  private final Faults faults;
  private final ServerSettings settings;
  private final RequestLog log;

  AdminHandler(Faults faults, ServerSettings settings, RequestLog log) {
    this.faults = faults;
    this.settings = settings;
    this.log = log;
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    int status = 200;
    JsonNode response = Json.object();
    try {
      if (!ex.getRemoteAddress().getAddress().isLoopbackAddress()) {
        status = 403;
        throw new IllegalArgumentException("loopback only");
      }
      byte[] body;
      try (InputStream in = ex.getRequestBody()) {
        body = in.readAllBytes();
      }
      JsonNode req = body.length == 0 ? Json.object() : Json.MAPPER.readTree(body);
      switch (ex.getRequestURI().getPath()) {
        case "/_local/faults" -> faults(req);
        case "/_local/settings" -> settings(req);
        case "/_local/reset" -> {
          faults.reset();
          settings.reset();
          log.clear();
        }
        case "/_local/requests" -> response = requests();
        default -> {
          status = 404;
          throw new IllegalArgumentException("unknown path");
        }
      }
    } catch (RuntimeException | IOException e) {
      status = status == 200 ? 400 : status;
      ObjectNode err = Json.object();
      err.put("error", e.getMessage());
      response = err;
    }
    byte[] bytes = Json.bytes(response);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  private void faults(JsonNode r) {
    if (r.has("throttleEvery")) {
      faults.throttleEvery(
          r.get("throttleEvery").path("operation").asText("*"),
          r.get("throttleEvery").path("n").asInt(1));
    }
    if (r.has("internalError")) {
      faults.internalError(
          r.get("internalError").path("operation").asText("*"),
          r.get("internalError").path("times").asInt(1));
    }
    if (r.has("latency")) {
      faults.latency(
          r.get("latency").path("operation").asText("*"),
          Duration.ofMillis(r.get("latency").path("millis").asLong()));
    }
    if (r.has("dropResponse")) {
      faults.dropResponse(
          r.get("dropResponse").path("operation").asText("*"),
          r.get("dropResponse").path("times").asInt(1));
    }
    if (r.has("holdNextStatement")) {
      JsonNode h = r.get("holdNextStatement");
      if (h.has("polls")) {
        faults.holdNextStatementForPolls(h.get("polls").asInt());
      } else {
        faults.holdNextStatementFor(Duration.ofMillis(h.path("millis").asLong()));
      }
    }
    if (r.has("failNextStatement")) {
      faults.failNextStatement(r.get("failNextStatement").asText());
    }
    if (r.path("abortNextStatement").asBoolean(false)) {
      faults.abortNextStatement();
    }
  }

  private void settings(JsonNode r) {
    if (r.has("resultPageBytes")) settings.resultPageBytes(r.get("resultPageBytes").asLong());
    if (r.has("resultPageRows")) settings.resultPageRows(r.get("resultPageRows").asInt());
    if (r.has("maxResultBytes")) settings.maxResultBytes(r.get("maxResultBytes").asLong());
    if (r.has("maxRowBytes")) settings.maxRowBytes(r.get("maxRowBytes").asInt());
    if (r.has("maxSqlBytes")) settings.maxSqlBytes(r.get("maxSqlBytes").asInt());
    if (r.has("maxBatchStatements"))
      settings.maxBatchStatements(r.get("maxBatchStatements").asInt());
    if (r.has("maxActiveStatements"))
      settings.maxActiveStatements(r.get("maxActiveStatements").asInt());
    if (r.has("maxSessions")) settings.maxSessions(r.get("maxSessions").asInt());
    if (r.has("caseSensitiveIdentifiers"))
      settings.caseSensitiveIdentifiers(r.get("caseSensitiveIdentifiers").asBoolean());
    if (r.has("resultRetentionSeconds"))
      settings.resultRetention(Duration.ofSeconds(r.get("resultRetentionSeconds").asLong()));
  }

  private JsonNode requests() {
    ArrayNode a = Json.MAPPER.createArrayNode();
    for (RecordedRequest r : log.all()) {
      ObjectNode o = a.addObject();
      o.put("at", r.at().toString());
      o.put("operation", r.operation());
      ArrayNode sqls = o.putArray("sqls");
      r.sqls().forEach(sqls::add);
      o.put("statementId", r.statementId());
      o.put("httpStatus", r.httpStatus());
      o.put("outcome", r.outcome());
      o.put("dropped", r.dropped());
      o.put("elapsedMillis", r.elapsed().toMillis());
    }
    return a;
  }
}
