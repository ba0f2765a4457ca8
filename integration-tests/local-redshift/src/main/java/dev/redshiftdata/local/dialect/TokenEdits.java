package dev.redshiftdata.local.dialect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The output of one translation: the text of every token of the statement (whitespace and comments
 * included, so the statement keeps its layout) as edited so far, addressed by the significant
 * positions of a {@link TokenCursor}; and the Redshift-only text removed from it.
 */
final class TokenEdits {
  private final TokenCursor c;
  private final String[] out;

  /**
   * Text added after a token's output, kept apart so later rewrites of that token keep it; by index
   * among all tokens.
   */
  private final Map<Integer, String> suffixes = new HashMap<>();

  private final List<String> stripped = new ArrayList<>();
  private String prefix = "";

  TokenEdits(TokenCursor cursor) {
    this.c = cursor;
    this.out = new String[cursor.all().size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = cursor.all().get(i).text();
    }
  }

  /** The output text of the significant token at {@code p}. */
  String get(int p) {
    return out[c.allIndex(p)];
  }

  void set(int p, String text) {
    out[c.allIndex(p)] = text;
  }

  /**
   * Removes significant tokens {@code from..to} and everything between them, and reports them as
   * stripped.
   */
  void remove(int from, int to) {
    StringBuilder removed = new StringBuilder();
    for (int i = c.allIndex(from); i <= c.allIndex(to); i++) {
      removed.append(c.all().get(i).text());
      out[i] = "";
    }
    stripped.add(removed.toString().replaceAll("\\s+", " ").trim());
  }

  /** Removes significant tokens {@code from..to} and everything between them, silently. */
  void blank(int from, int to) {
    for (int i = c.allIndex(from); i <= c.allIndex(to); i++) {
      out[i] = "";
    }
  }

  /** Output text of significant positions {@code from..to}, inclusive, with what lies between. */
  String text(int from, int to) {
    StringBuilder sb = new StringBuilder();
    for (int i = c.allIndex(from); i <= c.allIndex(to); i++) {
      sb.append(out[i]);
    }
    return sb.toString();
  }

  /** Adds {@code text} after the output of the significant token at {@code p}. */
  void appendAfter(int p, String text) {
    suffixes.merge(c.allIndex(p), text, String::concat);
  }

  /** Text put before the whole statement (a marker comment). */
  void prefix(String text) {
    prefix = text;
  }

  /** Reports {@code text} as stripped without editing anything. */
  void reportStripped(String text) {
    stripped.add(text);
  }

  List<String> stripped() {
    return List.copyOf(stripped);
  }

  /** The edited statement. */
  String joined() {
    StringBuilder sb = new StringBuilder(prefix);
    for (int i = 0; i < out.length; i++) {
      sb.append(out[i]);
      String s = suffixes.get(i);
      if (s != null) {
        sb.append(s);
      }
    }
    return sb.toString();
  }

  /**
   * {@code value} as a string literal under Redshift's rules (backslashes escape, as with {@code
   * standard_conforming_strings} off).
   */
  static String literal(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
  }
}
