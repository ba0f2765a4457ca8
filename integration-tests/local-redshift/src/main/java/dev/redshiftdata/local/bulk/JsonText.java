package dev.redshiftdata.local.bulk;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON string escaping for the files the bulk path writes (UNLOAD JSON, SERIALIZETOJSON values).
 */
final class JsonText {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private JsonText() {}

  /**
   * SUPER's text as Redshift writes it: compact ({@code {"a":1,"b":[1,2]}}), where PostgreSQL's
   * jsonb prints {@code {"a": 1, "b": [1, 2]}}. Numbers keep every digit. The same form the Data
   * API returns, so the unload and direct paths see the same text.
   */
  static String compact(String json) {
    try {
      return MAPPER.writeValueAsString(MAPPER.readTree(json));
    } catch (Exception e) {
      return json;
    }
  }

  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }
}
