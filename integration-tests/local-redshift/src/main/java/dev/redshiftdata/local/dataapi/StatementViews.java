package dev.redshiftdata.local.dataapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The read-only statement operations: DescribeStatement (single, batch parent with SubStatements,
 * or one sub-statement) and ListStatements (filters, most recent first, MaxResults/NextToken).
 */
final class StatementViews {
  private final StatementRegistry registry;

  StatementViews(StatementRegistry registry) {
    this.registry = registry;
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

  JsonNode list(Request r, CallContext ctx) {
    Long max = r.integer("MaxResults", 0, 100);
    int pageSize = max == null || max == 0 ? 100 : max.intValue();
    String status =
        r.enumValue(
            "Status", "SUBMITTED", "PICKED", "STARTED", "FINISHED", "ABORTED", "FAILED", "ALL");
    String name = r.string("StatementName", 0, 500, null);
    r.bool("RoleLevel"); // one identity locally: role level and user level list the same statements
    String cluster = r.string("ClusterIdentifier");
    String workgroup = r.string("WorkgroupName");
    if (cluster != null && workgroup != null) {
      throw ApiException.validation(
          "Either ClusterIdentifier or WorkgroupName can be specified, but not both.");
    }
    String database = r.string("Database");
    String wanted = status == null ? "FINISHED" : status;
    List<StatementRecord> all =
        registry.list().stream()
            .filter(s -> wanted.equals("ALL") || s.status().name().equals(wanted))
            .filter(
                s -> name == null || (s.statementName != null && s.statementName.startsWith(name)))
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

  static void putTarget(ObjectNode o, Target t) {
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
