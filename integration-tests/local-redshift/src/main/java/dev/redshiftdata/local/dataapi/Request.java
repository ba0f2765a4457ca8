package dev.redshiftdata.local.dataapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Typed, validated access to one request's members. Member names in errors are camelCase as AWS's
 * validator reports them ("Value null at 'sql' failed to satisfy constraint: Member must not be
 * null").
 */
final class Request {
  final String operation;
  final JsonNode body;

  Request(String operation, JsonNode body) {
    this.operation = operation;
    this.body = body;
  }

  boolean has(String member) {
    JsonNode n = body.get(member);
    return n != null && !n.isNull();
  }

  String string(String member) {
    JsonNode n = body.get(member);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isTextual()) {
      throw new ApiException(
          "SerializationException", 400, "Member " + member + " must be a string");
    }
    return n.asText();
  }

  String requiredString(String member) {
    String s = string(member);
    if (s == null) {
      throw ApiException.constraint(camel(member), null, "Member must not be null");
    }
    return s;
  }

  String string(String member, int min, int max, Pattern pattern) {
    String s = string(member);
    if (s == null) {
      return null;
    }
    if (s.length() < min) {
      throw ApiException.constraint(
          camel(member), s, "Member must have length greater than or equal to " + min);
    }
    if (s.length() > max) {
      throw ApiException.constraint(
          camel(member), s, "Member must have length less than or equal to " + max);
    }
    if (pattern != null && !pattern.matcher(s).matches()) {
      throw ApiException.constraint(
          camel(member), s, "Member must satisfy regular expression pattern: " + pattern.pattern());
    }
    return s;
  }

  Long integer(String member, long min, long max) {
    JsonNode n = body.get(member);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isIntegralNumber()) {
      throw new ApiException(
          "SerializationException", 400, "Member " + member + " must be an integer");
    }
    long v = n.asLong();
    if (v < min) {
      throw ApiException.constraint(
          camel(member), v, "Member must have value greater than or equal to " + min);
    }
    if (v > max) {
      throw ApiException.constraint(
          camel(member), v, "Member must have value less than or equal to " + max);
    }
    return v;
  }

  Boolean bool(String member) {
    JsonNode n = body.get(member);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isBoolean()) {
      throw new ApiException(
          "SerializationException", 400, "Member " + member + " must be a boolean");
    }
    return n.asBoolean();
  }

  List<String> strings(String member) {
    JsonNode n = body.get(member);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isArray()) {
      throw new ApiException("SerializationException", 400, "Member " + member + " must be a list");
    }
    List<String> out = new ArrayList<>();
    n.forEach(e -> out.add(e.asText()));
    return out;
  }

  /** A string enum member, checked against its allowed values. */
  String enumValue(String member, String... allowed) {
    String s = string(member);
    if (s == null) {
      return null;
    }
    for (String a : allowed) {
      if (a.equals(s)) {
        return s;
      }
    }
    throw ApiException.constraint(
        camel(member),
        s,
        "Member must satisfy enum value set: [" + String.join(", ", allowed) + "]");
  }

  static String camel(String member) {
    return Character.toLowerCase(member.charAt(0)) + member.substring(1);
  }
}
