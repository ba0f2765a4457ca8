package dev.redshiftdata.local.dialect;

import dev.redshiftdata.local.dialect.SqlLexer.Kind;
import dev.redshiftdata.local.dialect.SqlLexer.Token;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Read-only navigation over the significant tokens of one statement (whitespace and comments are
 * skipped). A position is an index among the significant tokens; a position out of range reads as
 * no token, so a rewrite can look behind and ahead without checking bounds first. Knows the
 * matching parenthesis of each parenthesis and how Redshift resolves a name.
 */
final class TokenCursor {
  private final List<Token> all;
  private final List<Token> sig = new ArrayList<>();

  /** Index in {@link #all} of each significant token. */
  private final List<Integer> sigIndex = new ArrayList<>();

  /** Per significant position: the position of the matching parenthesis, or -1. */
  private final int[] match;

  private final boolean caseSensitive;

  /**
   * @param caseSensitive the session's {@code enable_case_sensitive_identifier}: whether quoted
   *     names keep their case
   */
  TokenCursor(String sql, boolean caseSensitive) {
    this.all = SqlLexer.tokenize(sql);
    this.caseSensitive = caseSensitive;
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).significant()) {
        sig.add(all.get(i));
        sigIndex.add(i);
      }
    }
    match = new int[sig.size()];
    Arrays.fill(match, -1);
    Deque<Integer> stack = new ArrayDeque<>();
    for (int p = 0; p < sig.size(); p++) {
      if (sig.get(p).isSymbol("(")) {
        stack.push(p);
      } else if (sig.get(p).isSymbol(")") && !stack.isEmpty()) {
        int open = stack.pop();
        match[open] = p;
        match[p] = open;
      }
    }
  }

  /** Every token, whitespace and comments included. */
  List<Token> all() {
    return all;
  }

  /** Index in {@link #all()} of the significant token at {@code p}. */
  int allIndex(int p) {
    return sigIndex.get(p);
  }

  /** The number of significant tokens. */
  int size() {
    return sig.size();
  }

  boolean caseSensitive() {
    return caseSensitive;
  }

  Token tok(int p) {
    return p >= 0 && p < sig.size() ? sig.get(p) : null;
  }

  boolean isWord(int p, String w) {
    Token t = tok(p);
    return t != null && t.isWord(w);
  }

  boolean isSym(int p, String s) {
    Token t = tok(p);
    return t != null && t.isSymbol(s);
  }

  boolean isKind(int p, Kind kind) {
    Token t = tok(p);
    return t != null && t.kind() == kind;
  }

  /** The word at {@code p} in lower case; null when there is none. */
  String word(int p) {
    Token t = tok(p);
    return t != null && t.kind() == Kind.WORD ? lower(t) : null;
  }

  /** The matching parenthesis of the one at {@code p}; -1 when unmatched or not a parenthesis. */
  int match(int p) {
    return p >= 0 && p < match.length ? match[p] : -1;
  }

  /** The last position, before a trailing semicolon. */
  int end() {
    int end = sig.size() - 1;
    return isSym(end, ";") ? end - 1 : end;
  }

  /** An identifier's name as Redshift resolves it (quoted: folded unless case-sensitive). */
  String name(int p) {
    Token t = tok(p);
    if (t == null) {
      return null;
    }
    if (t.kind() == Kind.WORD) {
      return t.text().toLowerCase(Locale.ROOT);
    }
    if (t.kind() == Kind.QUOTED_IDENTIFIER) {
      String v = t.identifierValue();
      return caseSensitive ? v : fold(v);
    }
    return null;
  }

  /**
   * A possibly qualified name starting at {@code p}, each part as Redshift resolves it, quoted;
   * else null.
   */
  String qualifiedName(int p) {
    if (isHashName(p)) {
      return quoted("#" + lower(tok(p + 1)));
    }
    StringBuilder sb = new StringBuilder();
    int q = p;
    while (true) {
      String n = name(q);
      if (n == null) {
        return null;
      }
      sb.append(quoted(n));
      if (isSym(q + 1, ".") && name(q + 2) != null) {
        sb.append('.');
        q += 2;
      } else {
        return sb.toString();
      }
    }
  }

  /** A Redshift temporary table name {@code #name} (two adjacent tokens) at {@code p}. */
  boolean isHashName(int p) {
    return isSym(p, "#") && isKind(p + 1, Kind.WORD) && tok(p + 1).start() == tok(p).start() + 1;
  }

  /** Last position of the (possibly qualified or {@code #}) name starting at {@code p}. */
  int nameEnd(int p) {
    if (isHashName(p)) {
      return p + 1;
    }
    int q = p;
    while (isSym(q + 1, ".") && tok(q + 2) != null) {
      q += 2;
    }
    return q;
  }

  /**
   * Argument ranges (significant positions, inclusive) of the call whose '(' is at {@code open}.
   */
  List<int[]> arguments(int open) {
    List<int[]> args = new ArrayList<>();
    int close = match[open];
    int start = open + 1;
    int depth = 0;
    for (int p = open + 1; p < close; p++) {
      if (isSym(p, "(")) {
        depth++;
      } else if (isSym(p, ")")) {
        depth--;
      } else if (depth == 0 && isSym(p, ",")) {
        args.add(new int[] {start, p - 1});
        start = p + 1;
      }
    }
    if (start <= close - 1) {
      args.add(new int[] {start, close - 1});
    }
    return args;
  }

  static String lower(Token t) {
    return t.text().toLowerCase(Locale.ROOT);
  }

  /**
   * ASCII letters to lower case, as Redshift folds quoted identifiers (other letters keep case).
   */
  static String fold(String quoted) {
    StringBuilder sb = new StringBuilder(quoted.length());
    for (int i = 0; i < quoted.length(); i++) {
      char c = quoted.charAt(i);
      sb.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
    }
    return sb.toString();
  }

  /** {@code name} as a double-quoted identifier. */
  static String quoted(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }
}
