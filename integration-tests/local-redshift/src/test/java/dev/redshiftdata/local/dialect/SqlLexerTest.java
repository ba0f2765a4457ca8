package dev.redshiftdata.local.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.redshiftdata.local.dialect.SqlLexer.Kind;
import dev.redshiftdata.local.dialect.SqlLexer.Token;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqlLexerTest {

  private static List<String> kinds(String sql) {
    return SqlLexer.tokenize(sql).stream()
        .filter(Token::significant)
        .map(t -> t.kind() + ":" + t.text())
        .toList();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "SELECT 'a''b', E'\\n', \"x\"\"y\", $$ $ $$, $a$b$a$, -- c\n /* d /* e */ */ x::int, $1, 1.5e-3, :name",
        "unterminated 'string",
        "unterminated \"ident",
        "unterminated $$ dollar",
        "unterminated /* comment",
        "ünïcödé \"ÄÖ\" 'ß'",
        ""
      })
  void tokensReassembleTheInput(String sql) {
    StringBuilder sb = new StringBuilder();
    SqlLexer.tokenize(sql).forEach(t -> sb.append(t.text()));
    assertEquals(sql, sb.toString());
  }

  @Test
  void tokenKinds() {
    assertEquals(
        List.of(
            "WORD:SELECT",
            "STRING:'a\\'b'",
            "SYMBOL:,",
            "STRING:E'x'",
            "SYMBOL:,",
            "QUOTED_IDENTIFIER:\"Q\"\"R\"",
            "SYMBOL:,",
            "DOLLAR_STRING:$t$x$t$",
            "SYMBOL:,",
            "WORD:a",
            "SYMBOL:::",
            "WORD:int",
            "SYMBOL:,",
            "PARAMETER:$2",
            "SYMBOL:,",
            "NUMBER:1.5",
            "SYMBOL:,",
            "SYMBOL::",
            "WORD:p",
            "WORD:FROM",
            "WORD:t$1"),
        kinds(
            "SELECT 'a\\'b', E'x', \"Q\"\"R\", $t$x$t$, a::int, $2, 1.5, :p /* c */ FROM t$1 -- x"));
  }

  @Test
  void stringValues() {
    assertEquals("a'b", SqlLexer.tokenize("'a\\'b'").get(0).stringValue());
    assertEquals("a'b", SqlLexer.tokenize("'a''b'").get(0).stringValue());
    assertEquals("tab\there\\", SqlLexer.tokenize("'tab\\there\\\\'").get(0).stringValue());
    assertEquals("s3://x", SqlLexer.tokenize("E's3://x'").get(0).stringValue());
    assertEquals("A\"b", SqlLexer.tokenize("\"A\"\"b\"").get(0).identifierValue());
  }

  @Test
  void prefixesOnlyAtTokenStart() {
    assertEquals(List.of("WORD:type", "STRING:'x'"), kinds("type'x'"));
    assertEquals(List.of("STRING:X'ff'"), kinds("X'ff'"));
    assertEquals(Kind.STRING, SqlLexer.tokenize("N'abc'").get(0).kind());
  }
}
