package dev.redshiftdata.local.aml;

import com.fasterxml.jackson.databind.JsonNode;
import dev.redshiftdata.local.dataapi.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An Amazon ML data schema (the {@code .schema} JSON): version 1.0, CSV, the attributes in file
 * order with their types, the target, optional row id / row weight and excluded attributes. {@link
 * #parse} checks it the way the service does before reading any data.
 */
record AmlSchema(
    String targetAttributeName,
    String rowId,
    String rowWeight,
    boolean dataFileContainsHeader,
    List<Attribute> attributes,
    List<String> excludedAttributeNames) {

  enum Type {
    NUMERIC,
    BINARY,
    CATEGORICAL,
    TEXT
  }

  record Attribute(String name, Type type) {}

  static AmlSchema parse(String json) throws DataSourceFailure {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new DataSourceFailure("The data schema is not valid JSON: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new DataSourceFailure("The data schema is not a JSON object.");
    }
    String version = text(root, "version");
    if (!"1.0".equals(version)) {
      throw new DataSourceFailure(
          "The data schema's version is " + quoted(version) + "; Amazon ML reads version 1.0.");
    }
    String format = text(root, "dataFormat");
    if (format != null && !"CSV".equals(format)) {
      throw new DataSourceFailure(
          "The data schema's dataFormat is " + quoted(format) + "; Amazon ML reads CSV.");
    }
    JsonNode header = root.get("dataFileContainsHeader");
    if (header != null && !header.isBoolean()) {
      throw new DataSourceFailure("The data schema's dataFileContainsHeader is not a boolean.");
    }
    JsonNode list = root.get("attributes");
    if (list == null || !list.isArray() || list.isEmpty()) {
      throw new DataSourceFailure("The data schema has no attributes.");
    }
    List<Attribute> attributes = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (JsonNode a : list) {
      String name = text(a, "attributeName");
      String type = text(a, "attributeType");
      if (name == null || name.isEmpty()) {
        throw new DataSourceFailure("An attribute of the data schema has no attributeName.");
      }
      if (!names.add(name)) {
        throw new DataSourceFailure("The data schema names attribute '" + name + "' twice.");
      }
      Type t;
      try {
        t = Type.valueOf(type == null ? "" : type);
      } catch (IllegalArgumentException e) {
        throw new DataSourceFailure(
            "Attribute '"
                + name
                + "' has attributeType "
                + quoted(type)
                + "; use NUMERIC, BINARY, CATEGORICAL or TEXT.");
      }
      attributes.add(new Attribute(name, t));
    }
    String target = text(root, "targetAttributeName");
    if (target == null) {
      // Optional for batch-prediction data, but every datasource this project emits trains a model.
      throw new DataSourceFailure("The data schema has no targetAttributeName.");
    }
    if (!names.contains(target)) {
      throw new DataSourceFailure(
          "The target attribute '" + target + "' is not an attribute of the data schema.");
    }
    String rowId = named(root, "rowId", names);
    String rowWeight = named(root, "rowWeight", names);
    List<String> excluded = new ArrayList<>();
    JsonNode ex = root.get("excludedAttributeNames");
    if (ex != null && !ex.isNull()) {
      if (!ex.isArray()) {
        throw new DataSourceFailure("The data schema's excludedAttributeNames is not a list.");
      }
      for (JsonNode n : ex) {
        if (!names.contains(n.asText())) {
          throw new DataSourceFailure(
              "Excluded attribute '" + n.asText() + "' is not an attribute of the data schema.");
        }
        if (n.asText().equals(target)) {
          throw new DataSourceFailure("The target attribute '" + target + "' cannot be excluded.");
        }
        excluded.add(n.asText());
      }
    }
    return new AmlSchema(
        target,
        rowId,
        rowWeight,
        header != null && header.asBoolean(),
        List.copyOf(attributes),
        List.copyOf(excluded));
  }

  List<String> names() {
    return attributes.stream().map(Attribute::name).toList();
  }

  private static String named(JsonNode root, String member, Set<String> names)
      throws DataSourceFailure {
    String v = text(root, member);
    if (v != null && !names.contains(v)) {
      throw new DataSourceFailure(
          "The " + member + " '" + v + "' is not an attribute of the data schema.");
    }
    return v;
  }

  private static String text(JsonNode node, String member) {
    JsonNode n = node.get(member);
    return n == null || n.isNull() ? null : n.asText();
  }

  private static String quoted(String s) {
    return s == null ? "missing" : "'" + s + "'";
  }
}
