package dev.redshiftdata.local.dataapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redshiftdata.local.catalog.ColumnInfo;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * GetStatementResult (JSON Field records) and GetStatementResultV2 (CSVRecords): pages cut by
 * encoded size (resultPageBytes, optionally capped at resultPageRows), TotalNumRows on every page,
 * NextToken until the last. Rows are spliced into the response as stored, never re-encoded.
 */
final class ResultOperations {
  private final StatementRegistry registry;
  private final ServerSettings settings;

  ResultOperations(StatementRegistry registry, ServerSettings settings) {
    this.registry = registry;
    this.settings = settings;
  }

  byte[] get(Request r, CallContext ctx, boolean v2) {
    String id = r.string("Id");
    ctx.statementId = id;
    StatementRecord s = registry.get(id);
    if (s.isBatch()) {
      throw ApiException.validation(
          "BatchExecuteStatement result can only be retrieved with sub-statement id.");
    }
    StatementStatus status = s.status();
    if (status.active()) {
      throw ApiException.validation(
          "Query has not finished. Please check query status with DescribeStatement.");
    }
    if (status != StatementStatus.FINISHED || !s.hasResultSet() || s.result() == null) {
      throw ApiException.validation(
          "Query does not have result. Please check query status with DescribeStatement.");
    }
    if (v2 && !"CSV".equals(s.resultFormat)) {
      throw ApiException.validation(
          "GetStatementResultV2 only supports statements with ResultFormat CSV. "
              + "Use GetStatementResult for ResultFormat JSON.");
    }
    if (!v2 && !"JSON".equals(s.resultFormat)) {
      throw ApiException.validation(
          "GetStatementResult only supports statements with ResultFormat JSON. "
              + "Use GetStatementResultV2 for ResultFormat CSV.");
    }
    StoredResult result = s.result();
    int from = PageToken.decode(s.id, r.string("NextToken"));
    int to = pageEnd(result, from);

    String[] rows = result.rows(Math.min(from, result.rows()), to);
    StringBuilder b =
        new StringBuilder(128 + (int) Math.min(Integer.MAX_VALUE / 2, settings.resultPageBytes()));
    b.append("{\"Records\":[");
    if (v2) {
      if (rows.length > 0) {
        StringBuilder csv = new StringBuilder();
        for (String row : rows) {
          csv.append(row);
        }
        b.append("{\"CSVRecords\":");
        b.append(quote(csv.toString()));
        b.append('}');
      }
    } else {
      for (int i = 0; i < rows.length; i++) {
        if (i > 0) {
          b.append(',');
        }
        b.append(rows[i]);
      }
    }
    b.append("],\"ColumnMetadata\":").append(columnMetadata(result.columns()));
    b.append(",\"TotalNumRows\":").append(result.rows());
    if (v2) {
      b.append(",\"ResultFormat\":\"CSV\"");
    }
    if (to < result.rows()) {
      b.append(",\"NextToken\":").append(quote(PageToken.encode(s.id, to)));
    }
    b.append('}');
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Rows [from, end) fit the page: at least one row, at most resultPageBytes (and resultPageRows if
   * set).
   */
  private int pageEnd(StoredResult result, int from) {
    long maxBytes = settings.resultPageBytes();
    int maxRows = settings.resultPageRows();
    long bytes = 0;
    int end = from;
    while (end < result.rows()) {
      int rb = result.rowBytes(end);
      if (end > from && (bytes + rb > maxBytes || (maxRows > 0 && end - from >= maxRows))) {
        break;
      }
      bytes += rb;
      end++;
    }
    return end;
  }

  static String columnMetadata(List<ColumnInfo> columns) {
    ArrayNode a = Json.MAPPER.createArrayNode();
    for (ColumnInfo c : columns) {
      a.add(column(c, true));
    }
    return a.toString();
  }

  /** One ColumnMetadata object; {@code withLabel} false for DescribeTable, which has no label. */
  static ObjectNode column(ColumnInfo c, boolean withLabel) {
    ObjectNode o = Json.object();
    o.put("isCaseSensitive", c.isCaseSensitive());
    o.put("isCurrency", c.isCurrency());
    o.put("isSigned", c.isSigned());
    if (withLabel && c.label() != null) {
      o.put("label", c.label());
    }
    o.put("length", c.length());
    o.put("name", c.name());
    o.put("nullable", c.nullable());
    o.put("precision", c.precision());
    o.put("scale", c.scale());
    o.put("schemaName", c.schemaName() == null ? "" : c.schemaName());
    o.put("tableName", c.tableName() == null ? "" : c.tableName());
    o.put("typeName", c.typeName());
    if (c.columnDefault() != null) {
      o.put("columnDefault", c.columnDefault());
    }
    return o;
  }

  private static String quote(String s) {
    return com.fasterxml.jackson.databind.node.TextNode.valueOf(s).toString();
  }
}
