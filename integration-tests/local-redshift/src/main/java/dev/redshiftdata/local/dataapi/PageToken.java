package dev.redshiftdata.local.dataapi;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque NextToken values: an offset bound to what it pages (a statement Id or a list operation).
 */
final class PageToken {
  private PageToken() {}

  static String encode(String scope, long offset) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((scope + "|" + offset).getBytes(StandardCharsets.UTF_8));
  }

  /** 0 for a null token; ValidationException for a token of another scope or garbage. */
  static int decode(String scope, String token) {
    if (token == null || token.isEmpty()) {
      return 0;
    }
    try {
      String s = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      int bar = s.lastIndexOf('|');
      if (bar < 0 || !s.substring(0, bar).equals(scope)) {
        throw ApiException.validation("The NextToken is invalid.");
      }
      return Integer.parseInt(s.substring(bar + 1));
    } catch (IllegalArgumentException e) {
      throw ApiException.validation("The NextToken is invalid.");
    }
  }
}
