package dev.redshiftdata.local.bulk;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.fs.FileSystem;

/**
 * COPY FORMAT JSON: a file of JSON objects one after another. With {@code 'auto'} each target
 * column takes the key of the same name ({@code 'auto ignorecase'}: any case); with a JSONPaths
 * file the n-th path feeds the n-th column. Objects and arrays become JSON text (for SUPER),
 * booleans {@code t}/{@code f}.
 */
final class JsonRecords implements Records {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int RAW_LIMIT = 1024;

  private final JsonParser parser;
  private final List<String> columns;
  private final List<List<String>> paths;
  private final boolean ignoreCase;
  private long line;
  private String raw = "";

  private JsonRecords(
      JsonParser parser, List<String> columns, List<List<String>> paths, boolean ignoreCase) {
    this.parser = parser;
    this.columns = columns;
    this.paths = paths;
    this.ignoreCase = ignoreCase;
  }

  static JsonRecords open(Reader reader, CopyCommand command, TargetTable table, FileSystem fs)
      throws IOException {
    List<String> columns = table.columns().stream().map(TargetTable.Column::name).toList();
    String mode = command.json().trim();
    JsonParser parser = JSON.getFactory().createParser(reader);
    if (mode.equalsIgnoreCase("auto")) {
      return new JsonRecords(parser, columns, null, false);
    }
    if (mode.equalsIgnoreCase("auto ignorecase")) {
      return new JsonRecords(parser, columns, null, true);
    }
    if (!mode.regionMatches(true, 0, "s3://", 0, 5)) {
      throw new RedshiftSqlError(
          "Invalid JSON option '" + mode + "': use 'auto', 'auto ignorecase' or a JSONPaths file");
    }
    return new JsonRecords(
        parser, columns, jsonPaths(fs, CommandClauses.s3Url(mode), columns.size()), false);
  }

  private static List<List<String>> jsonPaths(FileSystem fs, String url, int columnCount)
      throws IOException {
    JsonNode root;
    try (InputStream in = fs.open(S3Objects.path(url))) {
      root = JSON.readTree(in);
    } catch (java.io.FileNotFoundException e) {
      throw new RedshiftSqlError("JSONPaths file does not exist: " + url);
    }
    JsonNode list = root.get("jsonpaths");
    if (list == null || !list.isArray()) {
      throw new RedshiftSqlError("Invalid JSONPaths file " + url + ": no \"jsonpaths\" array");
    }
    if (list.size() != columnCount) {
      throw new RedshiftSqlError(
          "Number of jsonpaths and the number of columns should match. JSONPath size: "
              + list.size()
              + ", Number of columns in table or column list: "
              + columnCount);
    }
    List<List<String>> out = new ArrayList<>();
    for (JsonNode p : list) {
      out.add(JsonPath.parse(p.asText()));
    }
    return out;
  }

  @Override
  public List<String> next() throws IOException {
    try {
      return read();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new RedshiftSqlError(
          "Invalid JSON in the data file near line "
              + e.getLocation().getLineNr()
              + ": "
              + e.getOriginalMessage());
    }
  }

  private List<String> read() throws IOException {
    JsonToken token = parser.nextToken();
    if (token == null) {
      return null;
    }
    JsonLocation start = parser.currentTokenLocation();
    line = start.getLineNr();
    if (token != JsonToken.START_OBJECT) {
      throw new RedshiftSqlError(
          "Invalid JSONPath format: the JSON data must be objects, line " + line);
    }
    JsonNode object = JSON.readTree(parser);
    String text = object.toString();
    raw = text.length() > RAW_LIMIT ? text.substring(0, RAW_LIMIT) : text;
    List<String> fields = new ArrayList<>(columns.size());
    for (int i = 0; i < columns.size(); i++) {
      JsonNode v =
          paths != null ? JsonPath.find(object, paths.get(i)) : byName(object, columns.get(i));
      fields.add(text(v));
    }
    return fields;
  }

  private JsonNode byName(JsonNode object, String column) {
    JsonNode v = object.get(column);
    if (v != null || !ignoreCase) {
      return v;
    }
    Iterator<Map.Entry<String, JsonNode>> it = object.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().toLowerCase(Locale.ROOT).equals(column.toLowerCase(Locale.ROOT))) {
        return e.getValue();
      }
    }
    return null;
  }

  private static String text(JsonNode v) {
    if (v == null || v.isNull() || v.isMissingNode()) {
      return null;
    }
    if (v.isBoolean()) {
      return v.asBoolean() ? "t" : "f";
    }
    if (v.isContainerNode()) {
      return v.toString();
    }
    return v.asText();
  }

  @Override
  public long lineNumber() {
    return line;
  }

  @Override
  public String rawRecord() {
    return raw;
  }

  /**
   * The small subset of JSONPath Redshift accepts: {@code $.a.b}, {@code $['a']['b']}, {@code
   * $.a[0]}.
   */
  static final class JsonPath {
    private JsonPath() {}

    static List<String> parse(String path) {
      if (!path.startsWith("$")) {
        throw new RedshiftSqlError("Invalid JSONPath format: " + path);
      }
      List<String> steps = new ArrayList<>();
      int i = 1;
      while (i < path.length()) {
        char c = path.charAt(i);
        if (c == '.') {
          int end = i + 1;
          while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
            end++;
          }
          steps.add(path.substring(i + 1, end));
          i = end;
        } else if (c == '[') {
          int end = path.indexOf(']', i);
          if (end < 0) {
            throw new RedshiftSqlError("Invalid JSONPath format: " + path);
          }
          String inner = path.substring(i + 1, end).trim();
          if (inner.startsWith("'") || inner.startsWith("\"")) {
            inner = inner.substring(1, inner.length() - 1);
          } else {
            inner = "#" + inner; // an array index
          }
          steps.add(inner);
          i = end + 1;
        } else {
          throw new RedshiftSqlError("Invalid JSONPath format: " + path);
        }
      }
      return steps;
    }

    static JsonNode find(JsonNode node, List<String> steps) {
      JsonNode at = node;
      for (String step : steps) {
        if (at == null) {
          return null;
        }
        at = step.startsWith("#") ? at.get(Integer.parseInt(step.substring(1))) : at.get(step);
      }
      return at;
    }
  }
}
