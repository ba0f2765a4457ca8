package dev.redshiftdata.local.dataapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
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

/** ExecuteStatement, BatchExecuteStatement, DescribeStatement, CancelStatement and ListStatements. */
final class StatementOperations {
  private static final Pattern PARAM_NAME = Pattern.compile("^[0-9a-zA-Z_]+$");

  private final TargetResolver resolver;
  private final StatementRegistry registry;
  private final StatementRunner runner;
  private final Sessions sessions;
  private final ServerSettings settings;
  private final PostgresServer postgres;

  StatementOperations(TargetResolver resolver, StatementRegistry registry, StatementRunner runner,
      Sessions sessions, ServerSettings settings, PostgresServer postgres) {
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
    StatementRecord rec = registry.registerOrReplay(common.clientToken, () -> {
      Target t = sessionFor(target, common.keepAlive);
      fresh[0] = true;
      return new StatementRecord(UUID.randomUUID().toString(), null, List.of(sql),
          params == null || params.isNull() ? null : params, t, common.name, common.format, common.clientToken);
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
      throw ApiException.constraint("sqls", null, "Member must have length less than or equal to "
          + settings.maxBatchStatements() + " and greater than or equal to 1");
    }
    sqls.forEach(s -> checkSql(s, "sqls"));
    sqls.forEach(s -> ctx.sqls.add(Redaction.redact(s)));
    if (r.has("Parameters")) {
      throw ApiException.validation("BatchExecuteStatement does not support Parameters.");
    }
    Common common = common(r, ctx);
    Target target = resolver.resolve(r, true);
    boolean[] fresh = {false};
    StatementRecord rec = registry.registerOrReplay(common.clientToken, () -> {
      Target t = sessionFor(target, common.keepAlive);
      fresh[0] = true;
      String id = UUID.randomUUID().toString();
      StatementRecord parent =
          new StatementRecord(id, null, sqls, null, t, common.name, common.format, common.clientToken);
      List<StatementRecord> subs = new ArrayList<>();
      for (int i = 0; i < sqls.size(); i++) {
        subs.add(new StatementRecord(id + ":" + (i + 1), parent, List.of(sqls.get(i)), null, t, null,
            common.format, null));
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

  JsonNode describe(Request r, CallContext ctx) {
    String id = r.string("Id");
    ctx.statementId = id;
    StatementRecord s = registry.get(id);
    synchronized (s) {
      s.pollsToHold--;
    }
    if (s.parent != null) {
      synchronized (s.parent) {
        s.parent.pollsToHold--;
      }
    }
    ObjectNode o = Json.object();
    o.put("Id", s.id);
    Target t = s.target;
    putTarget(o, t);
    o.put("CreatedAt", Json.epochSeconds(s.createdAt));
    o.put("UpdatedAt", Json.epochSeconds(s.updatedAt()));
    o.put("Status", s.status().name());
    o.put("Duration", durationOrMinusOne(s));
    if (s.error() != null) {
      o.put("Error", s.error());
    }
    o.put("HasResultSet", s.hasResultSet());
    if (!s.isBatch()) {
      o.put("QueryString", s.sqls.get(0));
    }
    if (s.parameters != null) {
      o.set("QueryParameters", s.parameters);
    }
    o.put("RedshiftPid", s.pid());
    o.put("RedshiftQueryId", s.queryId());
    o.put("ResultFormat", s.resultFormat);
    o.put("ResultRows", s.isBatch() ? -1 : s.resultRows());
    o.put("ResultSize", s.isBatch() ? -1 : s.resultSize());
    if (s.isBatch()) {
      ArrayNode subs = o.putArray("SubStatements");
      for (StatementRecord sub : s.subStatements) {
        ObjectNode so = subs.addObject();
        so.put("Id", sub.id);
        so.put("CreatedAt", Json.epochSeconds(sub.createdAt));
        so.put("UpdatedAt", Json.epochSeconds(sub.updatedAt()));
        so.put("Status", sub.status().name());
        so.put("Duration", durationOrMinusOne(sub));
        if (sub.error() != null) {
          so.put("Error", sub.error());
        }
        so.put("HasResultSet", sub.hasResultSet());
        so.put("QueryString", sub.sqls.get(0));
        so.put("RedshiftQueryId", sub.queryId());
        so.put("ResultRows", sub.resultRows());
        so.put("ResultSize", sub.resultSize());
      }
    }
    return o;
  }

  JsonNode cancel(Request r, CallContext ctx) {
    String id = r.string("Id");
    ctx.statementId = id;
    StatementRecord s = registry.get(id);
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
        throw new ApiException("DatabaseConnectionException", 500, "Could not cancel the query: " + e.getMessage());
      }
    }
    ObjectNode o = Json.object();
    o.put("Status", true);
    return o;
  }

  JsonNode list(Request r, CallContext ctx) {
    Long max = r.integer("MaxResults", 0, 100);
    int pageSize = max == null || max == 0 ? 100 : max.intValue();
    String status = r.enumValue("Status", "SUBMITTED", "PICKED", "STARTED", "FINISHED", "ABORTED", "FAILED", "ALL");
    String name = r.string("StatementName", 0, 500, null);
    r.bool("RoleLevel"); // one identity locally: role level and user level list the same statements
    String cluster = r.string("ClusterIdentifier");
    String workgroup = r.string("WorkgroupName");
    if (cluster != null && workgroup != null) {
      throw ApiException.validation("Either ClusterIdentifier or WorkgroupName can be specified, but not both.");
    }
    String database = r.string("Database");
    String wanted = status == null ? "FINISHED" : status;
    List<StatementRecord> all = registry.list().stream()
        .filter(s -> wanted.equals("ALL") || s.status().name().equals(wanted))
        .filter(s -> name == null || (s.statementName != null && s.statementName.startsWith(name)))
        .filter(s -> cluster == null || cluster.equals(s.target.clusterIdentifier()))
        .filter(s -> workgroup == null || workgroup.equals(s.target.workgroupName()))
        .filter(s -> database == null || database.equals(s.target.database()))
        .toList();
    int from = PageToken.decode("ListStatements", r.string("NextToken"));
    int to = Math.min(all.size(), from + pageSize);
    ObjectNode o = Json.object();
    ArrayNode items = o.putArray("Statements");
    for (StatementRecord s : all.subList(Math.min(from, all.size()), to)) {
      ObjectNode i = items.addObject();
      i.put("Id", s.id);
      i.put("CreatedAt", Json.epochSeconds(s.createdAt));
      i.put("UpdatedAt", Json.epochSeconds(s.updatedAt()));
      i.put("Status", s.status().name());
      i.put("IsBatchStatement", s.isBatch());
      if (s.isBatch()) {
        ArrayNode qs = i.putArray("QueryStrings");
        s.sqls.forEach(qs::add);
      } else {
        i.put("QueryString", s.sqls.get(0));
      }
      if (s.parameters != null) {
        i.set("QueryParameters", s.parameters);
      }
      i.put("ResultFormat", s.resultFormat);
      if (s.target.secretArn() != null) {
        i.put("SecretArn", s.target.secretArn());
      }
      if (s.target.session() != null) {
        i.put("SessionId", s.target.session().id());
      }
      if (s.statementName != null) {
        i.put("StatementName", s.statementName);
      }
    }
    if (to < all.size()) {
      o.put("NextToken", PageToken.encode("ListStatements", to));
    }
    return o;
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
      throw ApiException.constraint(member, "", "Member must have length greater than or equal to 1");
    }
    if (bytes > settings.maxSqlBytes()) {
      throw ApiException.validation("1 validation error detected: Value at '" + member
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
      throw ApiException.constraint("parameters", "[]", "Member must have length greater than or equal to 1");
    }
    for (JsonNode p : params) {
      String name = p.path("name").isTextual() ? p.get("name").asText() : null;
      String value = p.path("value").isTextual() ? p.get("value").asText() : null;
      if (name == null || !PARAM_NAME.matcher(name).matches()) {
        throw ApiException.constraint("parameters.member.name", name,
            "Member must satisfy regular expression pattern: " + PARAM_NAME.pattern());
      }
      if (value == null) {
        throw ApiException.constraint("parameters.member.value", null, "Member must not be null");
      }
      if (value.isEmpty()) {
        throw ApiException.constraint("parameters.member.value", value,
            "Member must have length greater than or equal to 1");
      }
      out.put(name, value);
    }
    return out;
  }

  /** Reuses the target's session (busy -> error), opens a new one for SessionKeepAliveSeconds > 0, or none. */
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
    try {
      Connection c = postgres.connect(target.pgDatabase(), target.role());
      Session created = new Session(UUID.randomUUID().toString(), target, c, Duration.ofSeconds(keepAlive),
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
    putTarget(o, rec.target);
    return o;
  }

  private static void putTarget(ObjectNode o, Target t) {
    if (t.clusterIdentifier() != null) {
      o.put("ClusterIdentifier", t.clusterIdentifier());
    }
    if (t.workgroupName() != null) {
      o.put("WorkgroupName", t.workgroupName());
    }
    o.put("Database", t.database());
    if (t.dbUser() != null) {
      o.put("DbUser", t.dbUser());
    }
    if (t.secretArn() != null) {
      o.put("SecretArn", t.secretArn());
    }
    if (t.session() != null) {
      o.put("SessionId", t.session().id());
    }
  }

  private static long durationOrMinusOne(StatementRecord s) {
    return s.status().active() ? -1 : s.durationNanos();
  }
}
