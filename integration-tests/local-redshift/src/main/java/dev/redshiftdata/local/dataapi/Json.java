package dev.redshiftdata.local.dataapi;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * The one ObjectMapper of the server and the awsJson 1.1 value conventions (epoch-second
 * timestamps).
 */
public final class Json {
  public static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private Json() {}

  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  public static JsonNode parse(byte[] body) {
    if (body.length == 0) {
      return object();
    }
    try {
      JsonNode node = MAPPER.readTree(body);
      if (node == null || !node.isObject()) {
        throw new ApiException("SerializationException", 400, "Request body is not a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw new ApiException("SerializationException", 400, "Malformed JSON: " + e.getMessage());
    }
  }

  /** awsJson timestamps: epoch seconds with millisecond fraction, e.g. 1598306924.632. */
  public static BigDecimal epochSeconds(Instant t) {
    return BigDecimal.valueOf(t.toEpochMilli())
        .movePointLeft(3)
        .setScale(3, RoundingMode.UNNECESSARY);
  }

  public static byte[] bytes(JsonNode node) {
    try {
      return MAPPER.writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
