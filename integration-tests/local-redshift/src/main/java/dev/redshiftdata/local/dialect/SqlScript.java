package dev.redshiftdata.local.dialect;

import dev.redshiftdata.local.dialect.SqlLexer.Token;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@code .sql} file on the class path, as the statements to run one JDBC execute at a time.
 * Statements end at top-level semicolons ({@link StatementSplitter}: a semicolon in a {@code $$}
 * body, a string or a comment does not end one); the comments before a statement are left out, so
 * each statement is the text a Java literal used to hold. {@code {{NAME}}} placeholders are
 * replaced by the values given; one without a value fails, rather than reach PostgreSQL.
 */
final class SqlScript {
  private SqlScript() {}

  /**
   * @param resource a class-path resource relative to this package, e.g. {@code "types.sql"}
   * @param values placeholder name (without braces) to the text that replaces it
   */
  static List<String> statements(String resource, Map<String, String> values) {
    return parse(resource, read(resource), values);
  }

  /** The statements of {@code script}; {@code name} says where it came from in errors. */
  static List<String> parse(String name, String script, Map<String, String> values) {
    String text = substitute(script, values);
    int open = text.indexOf("{{");
    if (open >= 0) {
      int close = text.indexOf("}}", open);
      throw new IllegalStateException(
          name + ": no value for " + text.substring(open, close < 0 ? text.length() : close + 2));
    }
    List<String> out = new ArrayList<>();
    for (String statement : StatementSplitter.split(text)) {
      out.add(withoutLeadingComments(statement));
    }
    return out;
  }

  private static String substitute(String text, Map<String, String> values) {
    String out = text;
    for (Map.Entry<String, String> e : values.entrySet()) {
      out = out.replace("{{" + e.getKey() + "}}", e.getValue());
    }
    return out;
  }

  /** The statement from its first significant token (split statements are already stripped). */
  private static String withoutLeadingComments(String statement) {
    for (Token t : SqlLexer.tokenize(statement)) {
      if (t.significant()) {
        return statement.substring(t.start());
      }
    }
    return statement;
  }

  private static String read(String resource) {
    try (InputStream in = SqlScript.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing class-path resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
