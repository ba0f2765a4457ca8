package dev.redshiftdata.local.dataapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redshiftdata.local.postgres.PostgresServer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The operations that start or stop statements: ExecuteStatement, BatchExecuteStatement,
 * CancelStatement.
 */
final class StatementOperations {
  private static final Pattern PARAM_NAME = Pattern.compile("^[0-9a-zA-Z_]+$");

  private final TargetResolver resolver;
  private final StatementRegistry registry;
  private final StatementRunner runner;
  private final Sessions sessions;
  private final ServerSettings settings;
  private final PostgresServer postgres;

  StatementOperations(
      TargetResolver resolver,
      StatementRegistry registry,
      StatementRunner runner,
      Sessions sessions,
      ServerSettings settings,
      PostgresServer postgres) {
    this.resolver = resolver;
    this.registry = registry;
    this.runner = runner;
    this.sessions = sessions;
    this.settings = settings;
    this.postgres = postgres;
  }

  JsonNode execute(Request r, CallContext ctx) {
    String sql = checkSql(r.requiredString("Sql"), "sql");
    ctx.sqls.add(Redaction.redact(sql));
    Common common = common(r, ctx);
    JsonNode params = r.body.get("Parameters");
    Map<String, String> values = parameters(params);
    ParameterBinder.Bound bound = ParameterBinder.bind(sql, values);
    Target target = resolver.resolve(r, true);
    boolean[] fresh = {false};
    StatementRecord rec =
        registry.registerOrReplay(
            common.clientToken,
            () -> {
              Target t = sessionFor(target, common.keepAlive);
              fresh[0] = true;
              return new StatementRecord(
                  UUID.randomUUID().toString(),
                  null,
                  List.of(sql),
                  params == null || params.isNull() ? null : params,
                  t,
                  common.name,
                  common.format,
                  common.clientToken);
            });
    if (fresh[0]) {
      runner.submit(rec, bound);
    }
    ctx.statementId = rec.id;
    return submitted(rec);
  }

  JsonNode batch(Request r, CallContext ctx) {
    List<String> sqls = r.strings("Sqls");
    if (sqls == null) {
      throw ApiException.constraint("sqls", null, "Member must not be null");
    }
    if (sqls.isEmpty() || sqls.size() > settings.maxBatchStatements()) {
      throw ApiException.constraint(
          "sqls",
          null,
          "Member must have length less than or equal to "
              + settings.maxBatchStatements()
              + " and greater than or equal to 1");
    }
    sqls.forEach(s -> checkSql(s, "sqls"));
    sqls.forEach(s -> ctx.sqls.add(Redaction.redact(s)));
    if (r.has("Parameters")) {
      throw ApiException.validation("BatchExecuteStatement does not support Parameters.");
    }
    Common common = common(r, ctx);
    Target target = resolver.resolve(r, true);
    boolean[] fresh = {false};
    StatementRecord rec =
        registry.registerOrReplay(
            common.clientToken,
            () -> {
              Target t = sessionFor(target, common.keepAlive);
              fresh[0] = true;
              String id = UUID.randomUUID().toString();
              StatementRecord parent =
                  new StatementRecord(
                      id, null, sqls, null, t, common.name, common.format, common.clientToken);
              List<StatementRecord> subs = new ArrayList<>();
              for (int i = 0; i < sqls.size(); i++) {
                subs.add(
                    new StatementRecord(
                        id + ":" + (i + 1),
                        parent,
                        List.of(sqls.get(i)),
                        null,
                        t,
                        null,
                        common.format,
                        null));
              }
              parent.subStatements = List.copyOf(subs);
              return parent;
            });
    if (fresh[0]) {
      runner.submitBatch(rec);
    }
    ctx.statementId = rec.id;
    return submitted(rec);
  }

  JsonNode cancel(Request r, CallContext ctx) {
    String id = r.string("Id");
    ctx.statementId = id;
    StatementRecord s = registry.get(id);
    if (s.parent != null) {
      s = s.parent; // a sub-statement cannot stop alone: its batch is one transaction, so the batch
      // is cancelled
    }
    StatementStatus status = s.status();
    if (!status.active()) {
      throw ApiException.validation(
          "Could not cancel a query that is already in " + status + " state with ID: " + id);
    }
    java.sql.Statement running = s.requestCancel();
    if (running != null) {
      try {
        running.cancel(); // pgjdbc sends PostgreSQL's cancel request for the backend
      } catch (SQLException e) {
        throw new ApiException(
            "DatabaseConnectionException", 500, "Could not cancel the query: " + e.getMessage());
      }
      keepCancelling(s);
    }
    ObjectNode o = Json.object();
    o.put("Status", true);
    return o;
  }

  /**
   * PostgreSQL cancels only what the backend runs when the cancel request arrives: one sent just
   * before the query reached the backend is lost. Repeat it until the statement ends (bounded), so
   * a cancel always lands.
   */
  private static void keepCancelling(StatementRecord s) {
    Thread t =
        new Thread(
            () -> {
              long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
              while (s.status().active() && System.nanoTime() < deadline) {
                try {
                  Thread.sleep(50);
                  java.sql.Statement st = s.runningStatement();
                  if (st != null && s.status().active()) {
                    st.cancel();
                  }
                } catch (InterruptedException e) {
                  return;
                } catch (SQLException ignored) {
                  // the statement ended meanwhile
                }
              }
            },
            "cancel-until-done");
    t.setDaemon(true);
    t.start();
  }

  // ---- helpers ----

  private record Common(String clientToken, String name, String format, Long keepAlive) {}

  private Common common(Request r, CallContext ctx) {
    String token = r.string("ClientToken", 1, 64, null);
    ctx.clientToken = token;
    String name = r.string("StatementName", 0, 500, null);
    String format = r.enumValue("ResultFormat", "JSON", "CSV");
    Long keepAlive = r.integer("SessionKeepAliveSeconds", 0, 86400);
    r.bool("WithEvent"); // accepted; the local Redshift has no EventBridge
    return new Common(token, name, format == null ? "JSON" : format, keepAlive);
  }

  private String checkSql(String sql, String member) {
    int bytes = sql.getBytes(StandardCharsets.UTF_8).length;
    if (sql.isEmpty()) {
      throw ApiException.constraint(
          member, "", "Member must have length greater than or equal to 1");
    }
    if (bytes > settings.maxSqlBytes()) {
      throw ApiException.validation(
          "1 validation error detected: Value at '"
              + member
              + "' failed to satisfy constraint: Member must have length less than or equal to "
              + settings.maxSqlBytes());
    }
    return sql;
  }

  private static Map<String, String> parameters(JsonNode params) {
    Map<String, String> out = new LinkedHashMap<>();
    if (params == null || params.isNull()) {
      return out;
    }
    if (!params.isArray() || params.isEmpty()) {
      throw ApiException.constraint(
          "parameters", "[]", "Member must have length greater than or equal to 1");
    }
    for (JsonNode p : params) {
      String name = p.path("name").isTextual() ? p.get("name").asText() : null;
      String value = p.path("value").isTextual() ? p.get("value").asText() : null;
      if (name == null || !PARAM_NAME.matcher(name).matches()) {
        throw ApiException.constraint(
            "parameters.member.name",
            name,
            "Member must satisfy regular expression pattern: " + PARAM_NAME.pattern());
      }
      if (value == null) {
        throw ApiException.constraint("parameters.member.value", null, "Member must not be null");
      }
      if (value.isEmpty()) {
        throw ApiException.constraint(
            "parameters.member.value", value, "Member must have length greater than or equal to 1");
      }
      out.put(name, value);
    }
    return out;
  }

  /**
   * Reuses the target's session (busy -> error), opens a new one for SessionKeepAliveSeconds > 0,
   * or none.
   */
  private Target sessionFor(Target target, Long keepAlive) {
    Session s = target.session();
    if (s != null) {
      if (!s.tryAcquire()) {
        throw ApiException.validation("Session " + s.id() + " is busy with another statement.");
      }
      if (keepAlive != null) {
        s.keepAlive(Duration.ofSeconds(keepAlive));
      }
      return target;
    }
    if (keepAlive == null || keepAlive == 0) {
      return target;
    }
    if (sessions.count() >= settings.maxSessions()) {
      throw new ApiException(
          "ActiveSessionsExceededException",
          400,
          "Active sessions exceeded the allowed quota (" + settings.maxSessions() + ").");
    }
    try {
      Connection c = postgres.connect(target.pgDatabase(), target.role());
      Session created =
          new Session(
              UUID.randomUUID().toString(),
              target,
              c,
              Duration.ofSeconds(keepAlive),
              settings.caseSensitiveIdentifiers());
      created.tryAcquire();
      sessions.add(created);
      return target.withSession(created);
    } catch (SQLException e) {
      throw new ApiException("DatabaseConnectionException", 500, ErrorTranslator.redshiftError(e));
    }
  }

  private static JsonNode submitted(StatementRecord rec) {
    ObjectNode o = Json.object();
    o.put("Id", rec.id);
    o.put("CreatedAt", Json.epochSeconds(rec.createdAt));
    StatementViews.putTarget(o, rec.target);
    return o;
  }
}
