package dev.redshiftdata.spark.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.redshiftdata.spark.config.RedshiftOption;
import dev.redshiftdata.spark.config.RedshiftOptions;
import dev.redshiftdata.spark.types.PeerMetadata;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code COMMENT ON} statements for a new table: {@code tableComment}, and column comments from
 * the fields' {@code description} metadata and the {@code columnComments} option (which wins).
 */
final class TableComments {
  private static final ObjectMapper JSON = new ObjectMapper();

  private TableComments() {}

  static List<String> statements(
      RedshiftOptions options, StructType schema, TableName table, OptionColumns columns) {
    List<String> comments = new ArrayList<>();
    options
        .table()
        .tableComment()
        .ifPresent(
            text ->
                comments.add(
                    "COMMENT ON TABLE " + table.quoted() + " IS " + literal(text, table, null)));
    Map<String, String> columnComments = new LinkedHashMap<>();
    for (StructField f : schema.fields()) {
      if (f.metadata().contains(PeerMetadata.DESCRIPTION)) {
        columnComments.put(f.name(), f.metadata().getString(PeerMetadata.DESCRIPTION));
      }
    }
    options
        .table()
        .columnComments()
        .ifPresent(json -> columnComments.putAll(columnComments(json, columns)));
    for (Map.Entry<String, String> e : columnComments.entrySet()) {
      comments.add(
          "COMMENT ON COLUMN "
              + table.quoted()
              + "."
              + Identifiers.quote(e.getKey())
              + " IS "
              + literal(e.getValue(), table, e.getKey()));
    }
    return comments;
  }

  /** {@code {"col": "text", ...}} as column (schema spelling) -> text, in the object's order. */
  private static Map<String, String> columnComments(String json, OptionColumns columns) {
    JsonNode node;
    try {
      node = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      node = null;
    }
    if (node == null || !node.isObject()) {
      throw columns.error(
          "option '"
              + RedshiftOption.COLUMN_COMMENTS
              + "' must be a JSON object of strings, e.g. {\"id\": \"the key\"}");
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String column = columns.resolve(RedshiftOption.COLUMN_COMMENTS, e.getKey());
      if (!e.getValue().isTextual()) {
        throw columns.error(
            "option '"
                + RedshiftOption.COLUMN_COMMENTS
                + "' gives column '"
                + column
                + "' a comment that is not a JSON string");
      }
      if (out.put(column, e.getValue().textValue()) != null) {
        throw columns.namedTwice(RedshiftOption.COLUMN_COMMENTS, column);
      }
    }
    return out;
  }

  /** {@code text} as a SQL string literal; a NUL in it is an error naming the option. */
  private static String literal(String text, TableName table, String column) {
    try {
      return Literals.string(text);
    } catch (IllegalArgumentException e) {
      String option =
          column == null
              ? "option '" + RedshiftOption.TABLE_COMMENT + "'"
              : "option '" + RedshiftOption.COLUMN_COMMENTS + "' for column '" + column + "'";
      throw new IllegalArgumentException(
          "Cannot create table " + table.quoted() + ": " + option + " contains a NUL character.",
          e);
    }
  }
}
