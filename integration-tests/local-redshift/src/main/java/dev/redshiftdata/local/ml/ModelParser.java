package dev.redshiftdata.local.ml;

import dev.redshiftdata.local.bulk.RedshiftSqlError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses {@code CREATE MODEL}, {@code SHOW MODEL} and {@code DROP MODEL} (Redshift ML). Unquoted
 * identifiers are folded to lower case. Pure.
 */
final class ModelParser {

  private final String sql;
  private int pos;

  private ModelParser(String sql) {
    this.sql = sql;
  }

  /** [schema, name] of a SHOW MODEL / DROP MODEL target; null name for SHOW MODEL ALL. */
  record Target(String schema, String name, boolean ifExists) {}

  static CreateModelCommand parseCreate(String sql) {
    ModelParser p = new ModelParser(sql);
    p.expectWord("CREATE");
    p.expectWord("MODEL");
    String[] name = p.qualifiedName();
    p.expectWord("FROM");
    String query;
    String source;
    p.skipSpace();
    if (p.peek() == '(') {
      int start = p.pos + 1;
      p.skipBalanced();
      query = sql.substring(start, p.pos - 1).trim();
      source = query;
    } else if (p.peek() == '\'') {
      throw new RedshiftSqlError(
          "CREATE MODEL from a SageMaker job is not supported by the local Redshift");
    } else {
      String[] table = p.qualifiedName();
      source = table[0] == null ? table[1] : table[0] + "." + table[1];
      query = "SELECT * FROM " + source;
    }
    p.expectWord("TARGET");
    String target = p.identifier();
    p.expectWord("FUNCTION");
    String function = p.identifier();
    List<String> types = new ArrayList<>();
    p.skipSpace();
    if (p.peek() == '(') {
      p.pos++;
      StringBuilder type = new StringBuilder();
      int depth = 0;
      while (true) {
        if (p.pos >= sql.length()) {
          throw new RedshiftSqlError("syntax error at end of input");
        }
        char c = sql.charAt(p.pos++);
        if (c == '(') {
          depth++;
        } else if (c == ')' && depth > 0) {
          depth--;
        } else if ((c == ',' || c == ')') && depth == 0) {
          if (!type.toString().isBlank()) {
            types.add(type.toString().trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT));
          }
          type.setLength(0);
          if (c == ')') {
            break;
          }
          continue;
        }
        type.append(c);
      }
    }
    String iamRole = null;
    boolean auto = true;
    String modelType = "AUTO";
    String problemType = null;
    String objective = null;
    String bucket = null;
    long maxRuntime = CreateModelCommand.DEFAULT_MAX_RUNTIME;
    while (true) {
      p.skipSpace();
      if (p.pos >= sql.length() || p.peek() == ';') {
        break;
      }
      String word = p.word().toUpperCase(Locale.ROOT);
      switch (word) {
        case "RETURNS" -> p.word();
        case "IAM_ROLE" -> {
          p.skipSpace();
          iamRole = p.peek() == '\'' ? p.string() : p.word().toLowerCase(Locale.ROOT);
        }
        case "AUTO" -> auto = !p.word().equalsIgnoreCase("OFF");
        case "MODEL_TYPE" -> modelType = p.word().toUpperCase(Locale.ROOT);
        case "PROBLEM_TYPE" -> problemType = p.word().toUpperCase(Locale.ROOT);
        case "OBJECTIVE" -> {
          p.skipSpace();
          objective = p.peek() == '\'' ? p.string() : p.word();
        }
        case "PREPROCESSORS" -> p.string();
        case "HYPERPARAMETERS" -> {
          p.word(); // DEFAULT
          p.skipSpace();
          if (p.pos < sql.length() && Character.isLetter(p.peek())) {
            p.word(); // EXCEPT
            p.skipSpace();
            p.skipBalanced();
          }
        }
        case "SETTINGS" -> {
          p.skipSpace();
          if (p.peek() != '(') {
            throw new RedshiftSqlError("syntax error at or near \"" + p.rest() + "\"");
          }
          p.pos++;
          while (true) {
            p.skipSpace();
            if (p.peek() == ')') {
              p.pos++;
              break;
            }
            if (p.peek() == ',') {
              p.pos++;
              continue;
            }
            String key = p.word().toUpperCase(Locale.ROOT);
            p.skipSpace();
            String value = p.peek() == '\'' ? p.string() : p.word();
            if (key.equals("S3_BUCKET")) {
              bucket = value;
            } else if (key.equals("MAX_RUNTIME")) {
              maxRuntime = Long.parseLong(value);
            }
          }
        }
        default -> throw new RedshiftSqlError("syntax error at or near \"" + word + "\"");
      }
    }
    if (iamRole == null) {
      throw new RedshiftSqlError("IAM_ROLE is required for CREATE MODEL");
    }
    if (bucket == null) {
      throw new RedshiftSqlError("S3_BUCKET is required in SETTINGS for CREATE MODEL");
    }
    return new CreateModelCommand(
        name[0],
        name[1],
        query,
        source,
        target,
        function,
        List.copyOf(types),
        iamRole,
        auto,
        modelType,
        problemType,
        objective,
        bucket,
        maxRuntime);
  }

  /** SHOW MODEL {ALL | name}. */
  static Target parseShow(String sql) {
    ModelParser p = new ModelParser(sql);
    p.expectWord("SHOW");
    p.expectWord("MODEL");
    p.skipSpace();
    int mark = p.pos;
    if (p.word().equalsIgnoreCase("ALL")) {
      return new Target(null, null, false);
    }
    p.pos = mark;
    String[] name = p.qualifiedName();
    return new Target(name[0], name[1], false);
  }

  /** DROP MODEL [IF EXISTS] name. */
  static Target parseDrop(String sql) {
    ModelParser p = new ModelParser(sql);
    p.expectWord("DROP");
    p.expectWord("MODEL");
    p.skipSpace();
    int mark = p.pos;
    boolean ifExists = false;
    if (p.word().equalsIgnoreCase("IF")) {
      p.expectWord("EXISTS");
      ifExists = true;
    } else {
      p.pos = mark;
    }
    String[] name = p.qualifiedName();
    return new Target(name[0], name[1], ifExists);
  }

  // ---- scanning ----

  private char peek() {
    return pos < sql.length() ? sql.charAt(pos) : '\0';
  }

  private String rest() {
    return sql.substring(Math.min(pos, sql.length())).trim();
  }

  private void skipSpace() {
    while (pos < sql.length()) {
      char c = sql.charAt(pos);
      if (Character.isWhitespace(c)) {
        pos++;
      } else if (sql.startsWith("--", pos)) {
        int nl = sql.indexOf('\n', pos);
        pos = nl < 0 ? sql.length() : nl + 1;
      } else if (sql.startsWith("/*", pos)) {
        int end = sql.indexOf("*/", pos + 2);
        pos = end < 0 ? sql.length() : end + 2;
      } else {
        return;
      }
    }
  }

  private String word() {
    skipSpace();
    int start = pos;
    while (pos < sql.length()
        && (Character.isLetterOrDigit(sql.charAt(pos)) || "_$-.".indexOf(sql.charAt(pos)) >= 0)) {
      pos++;
    }
    if (start == pos) {
      throw new RedshiftSqlError(
          pos >= sql.length()
              ? "syntax error at end of input"
              : "syntax error at or near \"" + sql.charAt(pos) + "\"");
    }
    return sql.substring(start, pos);
  }

  private void expectWord(String expected) {
    String w = word();
    if (!w.equalsIgnoreCase(expected)) {
      throw new RedshiftSqlError("syntax error at or near \"" + w + "\"");
    }
  }

  /** An identifier: quoted keeps its case, unquoted is folded. */
  private String identifier() {
    skipSpace();
    if (peek() == '"') {
      int end = sql.indexOf('"', pos + 1);
      if (end < 0) {
        throw new RedshiftSqlError("unterminated quoted identifier");
      }
      String id = sql.substring(pos + 1, end);
      pos = end + 1;
      return id;
    }
    int start = pos;
    while (pos < sql.length()
        && (Character.isLetterOrDigit(sql.charAt(pos)) || "_$".indexOf(sql.charAt(pos)) >= 0)) {
      pos++;
    }
    if (start == pos) {
      throw new RedshiftSqlError(
          pos >= sql.length()
              ? "syntax error at end of input"
              : "syntax error at or near \"" + sql.charAt(pos) + "\"");
    }
    return sql.substring(start, pos).toLowerCase(Locale.ROOT);
  }

  private String[] qualifiedName() {
    String first = identifier();
    if (peek() == '.') {
      pos++;
      return new String[] {first, identifier()};
    }
    return new String[] {null, first};
  }

  private String string() {
    skipSpace();
    if (peek() != '\'') {
      throw new RedshiftSqlError("syntax error at or near \"" + rest() + "\"");
    }
    StringBuilder out = new StringBuilder();
    pos++;
    while (pos < sql.length()) {
      char c = sql.charAt(pos++);
      if (c == '\'' && peek() == '\'') {
        out.append('\'');
        pos++;
      } else if (c == '\'') {
        return out.toString();
      } else if (c == '\\' && pos < sql.length()) {
        out.append(sql.charAt(pos++));
      } else {
        out.append(c);
      }
    }
    throw new RedshiftSqlError("unterminated quoted string");
  }

  /**
   * From an opening parenthesis to just past its closing one, skipping strings, quoted names and
   * comments.
   */
  private void skipBalanced() {
    int depth = 0;
    while (pos < sql.length()) {
      char c = sql.charAt(pos);
      if (c == '\'') {
        string();
        continue;
      }
      if (c == '"') {
        identifier();
        continue;
      }
      if (sql.startsWith("--", pos) || sql.startsWith("/*", pos)) {
        skipSpace();
        continue;
      }
      pos++;
      if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return;
      }
    }
    throw new RedshiftSqlError("syntax error at end of input");
  }
}
