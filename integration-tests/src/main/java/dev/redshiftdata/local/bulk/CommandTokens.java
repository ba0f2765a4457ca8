package dev.redshiftdata.local.bulk;

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

  private static List<Token> scan(String sql) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        while (i < n && sql.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else if (c == '\'') {
        int start = i;
        StringBuilder sb = new StringBuilder();
        i++;
        boolean closed = false;
        while (i < n) {
          char d = sql.charAt(i);
          if (d == '\\' && i + 1 < n) {
            sb.append(unescape(sql.charAt(i + 1)));
            i += 2;
          } else if (d == '\'') {
            if (i + 1 < n && sql.charAt(i + 1) == '\'') {
              sb.append('\'');
              i += 2;
            } else {
              i++;
              closed = true;
              break;
            }
          } else {
            sb.append(d);
            i++;
          }
        }
        if (!closed) {
          throw new RedshiftSqlError(
              "unterminated quoted string at or near \"" + sql.substring(start) + "\"", start + 1);
        }
        out.add(new Token(Kind.STRING, sb.toString(), start));
      } else if (Character.isLetter(c) || c == '_') {
        int start = i;
        while (i < n
            && (Character.isLetterOrDigit(sql.charAt(i))
                || sql.charAt(i) == '_'
                || sql.charAt(i) == '$')) {
          i++;
        }
        out.add(new Token(Kind.WORD, sql.substring(start, i), start));
      } else if (c == '"') {
        int start = i;
        StringBuilder sb = new StringBuilder();
        i++;
        while (i < n) {
          if (sql.charAt(i) == '"') {
            if (i + 1 < n && sql.charAt(i + 1) == '"') {
              sb.append('"');
              i += 2;
              continue;
            }
            i++;
            break;
          }
          sb.append(sql.charAt(i++));
        }
        out.add(new Token(Kind.WORD, sb.toString(), start, true));
      } else if (Character.isDigit(c)) {
        int start = i;
        while (i < n && (Character.isDigit(sql.charAt(i)) || sql.charAt(i) == '.')) {
          i++;
        }
        out.add(new Token(Kind.NUMBER, sql.substring(start, i), start));
      } else {
        out.add(new Token(Kind.PUNCT, String.valueOf(c), i));
        i++;
      }
    }
    out.add(new Token(Kind.END, "", n));
    return out;
  }

  /** Backslash escapes of an ordinary literal with standard_conforming_strings off. */
  private static char unescape(char c) {
    return switch (c) {
      case 'n' -> '\n';
      case 't' -> '\t';
      case 'r' -> '\r';
      case 'b' -> '\b';
      case 'f' -> '\f';
      default -> c;
    };
  }
}
