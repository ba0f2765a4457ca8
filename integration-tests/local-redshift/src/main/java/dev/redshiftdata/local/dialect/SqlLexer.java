package dev.redshiftdata.local.dialect;

import java.util.ArrayList;
import java.util.List;

/**
 * A small tokenizer for Redshift SQL text. It never fails: unterminated literals or comments run to
 * the end of the text. Concatenating the {@link Token#text()} of all tokens gives back the input
 * exactly.
 *
 * <p>String literals follow Redshift's rules, i.e. PostgreSQL with {@code
 * standard_conforming_strings=off}: in {@code '...'} (and {@code E'...'}) a backslash escapes the
 * next character and {@code ''} is a quote.
 */
public final class SqlLexer {

  public enum Kind {
    /** Spaces, tabs, newlines. */
    WHITESPACE,
    /** {@code -- ...} or {@code /* ... *}{@code /} (nested, as in PostgreSQL). */
    COMMENT,
    /** An unquoted identifier or key word. */
    WORD,
    /** A double-quoted identifier, text including the quotes. */
    QUOTED_IDENTIFIER,
    /** A single-quoted string, with any E/B/X/N prefix, text including the quotes. */
    STRING,
    /** A dollar-quoted string, text including the delimiters. */
    DOLLAR_STRING,
    NUMBER,
    /** A positional parameter {@code $1}. */
    PARAMETER,
    /** Any other character or operator; {@code ::} is one token. */
    SYMBOL
  }

  /** One token; {@code start} is its offset in the input. */
  public record Token(Kind kind, String text, int start) {
    public boolean significant() {
      return kind != Kind.WHITESPACE && kind != Kind.COMMENT;
    }

    /** True for a WORD equal (ignoring ASCII case) to {@code word}. */
    public boolean isWord(String word) {
      return kind == Kind.WORD && text.equalsIgnoreCase(word);
    }

    public boolean isSymbol(String symbol) {
      return kind == Kind.SYMBOL && text.equals(symbol);
    }

    /** The content of a single-quoted literal without prefix and quotes, escapes resolved. */
    public String stringValue() {
      if (kind != Kind.STRING) {
        throw new IllegalStateException("not a string literal: " + text);
      }
      int q = text.indexOf('\'');
      StringBuilder sb = new StringBuilder();
      int end = text.endsWith("'") && text.length() > q + 1 ? text.length() - 1 : text.length();
      for (int i = q + 1; i < end; i++) {
        char ch = text.charAt(i);
        if (ch == '\\' && i + 1 < end) {
          char n = text.charAt(++i);
          switch (n) {
            case 'n' -> sb.append('\n');
            case 't' -> sb.append('\t');
            case 'r' -> sb.append('\r');
            case 'b' -> sb.append('\b');
            case 'f' -> sb.append('\f');
            default -> sb.append(n);
          }
        } else if (ch == '\'' && i + 1 < end && text.charAt(i + 1) == '\'') {
          sb.append('\'');
          i++;
        } else {
          sb.append(ch);
        }
      }
      return sb.toString();
    }

    /** The name of a quoted identifier without quotes, {@code ""} resolved. */
    public String identifierValue() {
      if (kind == Kind.WORD) {
        return text;
      }
      String inner =
          text.substring(
              1, text.endsWith("\"") && text.length() > 1 ? text.length() - 1 : text.length());
      return inner.replace("\"\"", "\"");
    }
  }

  private SqlLexer() {}

  public static List<Token> tokenize(String sql) {
    List<Token> tokens = new ArrayList<>();
    int n = sql.length();
    int i = 0;
    while (i < n) {
      char c = sql.charAt(i);
      int start = i;
      Kind kind;
      if (Character.isWhitespace(c)) {
        while (i < n && Character.isWhitespace(sql.charAt(i))) {
          i++;
        }
        kind = Kind.WHITESPACE;
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        while (i < n && sql.charAt(i) != '\n' && sql.charAt(i) != '\r') {
          i++;
        }
        kind = Kind.COMMENT;
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int depth = 1;
        i += 2;
        while (i < n && depth > 0) {
          if (sql.startsWith("/*", i)) {
            depth++;
            i += 2;
          } else if (sql.startsWith("*/", i)) {
            depth--;
            i += 2;
          } else {
            i++;
          }
        }
        kind = Kind.COMMENT;
      } else if (c == '\'') {
        i = endOfString(sql, i);
        kind = Kind.STRING;
      } else if ((c == 'E' || c == 'e' || c == 'B' || c == 'b' || c == 'X' || c == 'x' || c == 'N'
              || c == 'n')
          && i + 1 < n
          && sql.charAt(i + 1) == '\'') {
        i = endOfString(sql, i + 1);
        kind = Kind.STRING;
      } else if (c == '"') {
        i++;
        while (i < n) {
          if (sql.charAt(i) == '"') {
            if (i + 1 < n && sql.charAt(i + 1) == '"') {
              i += 2;
              continue;
            }
            i++;
            break;
          }
          i++;
        }
        kind = Kind.QUOTED_IDENTIFIER;
      } else if (c == '$') {
        int tagEnd = dollarTagEnd(sql, i);
        if (tagEnd > 0) {
          String tag = sql.substring(i, tagEnd);
          int close = sql.indexOf(tag, tagEnd);
          i = close < 0 ? n : close + tag.length();
          kind = Kind.DOLLAR_STRING;
        } else if (i + 1 < n && Character.isDigit(sql.charAt(i + 1))) {
          i++;
          while (i < n && Character.isDigit(sql.charAt(i))) {
            i++;
          }
          kind = Kind.PARAMETER;
        } else {
          i++;
          kind = Kind.SYMBOL;
        }
      } else if (isIdentStart(c)) {
        i++;
        while (i < n && isIdentPart(sql.charAt(i))) {
          i++;
        }
        kind = Kind.WORD;
      } else if (Character.isDigit(c)
          || (c == '.' && i + 1 < n && Character.isDigit(sql.charAt(i + 1)))) {
        while (i < n
            && (Character.isLetterOrDigit(sql.charAt(i))
                || sql.charAt(i) == '.'
                || sql.charAt(i) == '_'
                || ((sql.charAt(i) == '+' || sql.charAt(i) == '-')
                    && (sql.charAt(i - 1) == 'e' || sql.charAt(i - 1) == 'E')))) {
          i++;
        }
        kind = Kind.NUMBER;
      } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
        i += 2;
        kind = Kind.SYMBOL;
      } else {
        i++;
        kind = Kind.SYMBOL;
      }
      tokens.add(new Token(kind, sql.substring(start, i), start));
    }
    return tokens;
  }

  /**
   * Index after the closing quote of a single-quoted literal whose opening quote is at {@code q}.
   */
  private static int endOfString(String sql, int q) {
    int n = sql.length();
    int i = q + 1;
    while (i < n) {
      char ch = sql.charAt(i);
      if (ch == '\\') {
        i += 2;
      } else if (ch == '\'') {
        if (i + 1 < n && sql.charAt(i + 1) == '\'') {
          i += 2;
        } else {
          return i + 1;
        }
      } else {
        i++;
      }
    }
    return n;
  }

  /**
   * If a dollar-quote tag ({@code $$} or {@code $tag$}) starts at {@code i}, the index after it;
   * else -1.
   */
  private static int dollarTagEnd(String sql, int i) {
    int n = sql.length();
    int j = i + 1;
    if (j < n && sql.charAt(j) == '$') {
      return j + 1;
    }
    if (j < n && isIdentStart(sql.charAt(j))) {
      j++;
      while (j < n && isIdentPart(sql.charAt(j)) && sql.charAt(j) != '$') {
        j++;
      }
      if (j < n && sql.charAt(j) == '$') {
        return j + 1;
      }
    }
    return -1;
  }

  static boolean isIdentStart(char c) {
    return Character.isLetter(c) || c == '_' || c > 127;
  }

  static boolean isIdentPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 127;
  }
}
