package dev.redshiftdata.local.bulk;

import dev.redshiftdata.local.dialect.SqlLexer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The tokens of an UNLOAD or COPY command: words, string literals (decoded with Redshift's rules:
 * {@code ''} and backslash escapes), numbers and punctuation. Comments are skipped. Pure.
 */
final class CommandTokens {

  enum Kind {
    WORD,
    STRING,
    NUMBER,
    PUNCT,
    END
  }

  record Token(Kind kind, String text, int position, boolean quoted) {
    Token(Kind kind, String text, int position) {
      this(kind, text, position, false);
    }

    boolean isWord(String word) {
      return kind == Kind.WORD && text.equalsIgnoreCase(word);
    }

    boolean isPunct(char c) {
      return kind == Kind.PUNCT && text.length() == 1 && text.charAt(0) == c;
    }

    String upper() {
      return text.toUpperCase(Locale.ROOT);
    }
  }

  private final List<Token> tokens;
  private int next;

  private CommandTokens(List<Token> tokens) {
    this.tokens = tokens;
  }

  static CommandTokens of(String sql) {
    return new CommandTokens(scan(sql));
  }

  Token peek() {
    return tokens.get(next);
  }

  Token peek(int ahead) {
    return tokens.get(Math.min(next + ahead, tokens.size() - 1));
  }

  Token take() {
    Token t = tokens.get(next);
    if (t.kind() != Kind.END) {
      next++;
    }
    return t;
  }

  boolean atEnd() {
    return peek().kind() == Kind.END;
  }

  /** Consumes the word if it is next. */
  boolean accept(String word) {
    if (peek().isWord(word) && !peek().quoted()) {
      next++;
      return true;
    }
    return false;
  }

  boolean accept(char punct) {
    if (peek().isPunct(punct)) {
      next++;
      return true;
    }
    return false;
  }

  void expect(String word) {
    if (!accept(word)) {
      throw syntaxError(peek());
    }
  }

  void expect(char punct) {
    if (!accept(punct)) {
      throw syntaxError(peek());
    }
  }

  String expectString() {
    Token t = take();
    if (t.kind() != Kind.STRING) {
      throw syntaxError(t);
    }
    return t.text();
  }

  String expectWord() {
    Token t = take();
    if (t.kind() != Kind.WORD) {
      throw syntaxError(t);
    }
    return t.text();
  }

  static RedshiftSqlError syntaxError(Token t) {
    String near = t.kind() == Kind.END ? "end of input" : "\"" + t.text() + "\"";
    return new RedshiftSqlError("syntax error at or near " + near, t.position() + 1);
  }

  /**
   * The dialect's lexer splits the text (so literals decode with exactly the rules it uses: {@code
   * ''} and backslash escapes); this keeps the significant tokens in the shapes the UNLOAD and COPY
   * parsers need.
   */
  private static List<Token> scan(String sql) {
    List<Token> out = new ArrayList<>();
    for (SqlLexer.Token t : SqlLexer.tokenize(sql)) {
      switch (t.kind()) {
        case WHITESPACE, COMMENT -> {}
        case WORD -> out.add(new Token(Kind.WORD, t.text(), t.start()));
        case QUOTED_IDENTIFIER ->
            out.add(new Token(Kind.WORD, t.identifierValue(), t.start(), true));
        case STRING -> {
          if (!closed(t.text())) {
            throw new RedshiftSqlError(
                "unterminated quoted string at or near \"" + sql.substring(t.start()) + "\"",
                t.start() + 1);
          }
          out.add(new Token(Kind.STRING, t.stringValue(), t.start()));
        }
        case NUMBER -> out.add(new Token(Kind.NUMBER, t.text(), t.start()));
        default -> out.add(new Token(Kind.PUNCT, t.text(), t.start()));
      }
    }
    out.add(new Token(Kind.END, "", sql.length()));
    return out;
  }

  /**
   * Whether a string literal's text ends with its closing quote (the lexer never fails on open
   * ones).
   */
  private static boolean closed(String literal) {
    int i = literal.indexOf('\'') + 1;
    while (i < literal.length()) {
      char c = literal.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (c == '\'') {
        if (i + 1 < literal.length() && literal.charAt(i + 1) == '\'') {
          i += 2;
        } else {
          return i == literal.length() - 1;
        }
      } else {
        i++;
      }
    }
    return false;
  }
}
