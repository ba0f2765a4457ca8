package dev.redshiftdata.spark.amazonml;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * An Amazon ML data schema (developer guide, "Creating a Data Schema for Amazon ML"): {@code
 * version} 1.0, {@code rowId}, {@code rowWeight}, {@code targetAttributeName}, {@code dataFormat}
 * CSV, {@code dataFileContainsHeader}, {@code attributes} in CSV column order and {@code
 * excludedAttributeNames}. Pure.
 *
 * @param target the target attribute's name
 * @param rowId the row id attribute's name, or null
 * @param rowWeight the row weight attribute's name, or null
 * @param header whether each CSV file starts with a header line
 * @param attributes every CSV column, in order
 * @param excluded attributes Amazon ML should not use for training
 */
public record DataSchema(
    String target,
    String rowId,
    String rowWeight,
    boolean header,
    List<Attribute> attributes,
    List<String> excluded) {

  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** One attribute: a CSV column's name and type. */
  public record Attribute(String name, AttributeType type) {
    public Attribute {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
    }
  }

  public DataSchema {
    Objects.requireNonNull(target, "target");
    attributes = List.copyOf(attributes);
    excluded = List.copyOf(excluded);
  }

  /** The attribute names, in CSV column order. */
  public List<String> names() {
    return attributes.stream().map(Attribute::name).toList();
  }

  /** The type of attribute {@code name}, or null. */
  public AttributeType typeOf(String name) {
    return attributes.stream()
        .filter(a -> a.name().equals(name))
        .map(Attribute::type)
        .findFirst()
        .orElse(null);
  }

  /** The schema file's JSON, fields in the order of the developer guide's example. */
  public String json() {
    ObjectNode root = JSON.createObjectNode();
    root.put("version", "1.0");
    if (rowId != null) {
      root.put("rowId", rowId);
    }
    if (rowWeight != null) {
      root.put("rowWeight", rowWeight);
    }
    root.put("targetAttributeName", target);
    root.put("dataFormat", "CSV");
    root.put("dataFileContainsHeader", header);
    ArrayNode attrs = root.putArray("attributes");
    for (Attribute a : attributes) {
      attrs.addObject().put("attributeName", a.name()).put("attributeType", a.type().name());
    }
    ArrayNode ex = root.putArray("excludedAttributeNames");
    excluded.forEach(ex::add);
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
