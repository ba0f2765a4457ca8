package dev.redshiftdata.local.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.local.dialect.SqlLexer.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class TokenCursorTest {

  @Test
  void positionsCountSignificantTokensAndReadNothingOutOfRange() {
    TokenCursor c = new TokenCursor("SELECT /* c */ a -- x\n FROM t;", false);
    assertEquals(5, c.size());
    assertTrue(c.isWord(0, "select"));
    assertTrue(c.isWord(1, "A"));
    assertEquals("from", c.word(2));
    assertTrue(c.isSym(4, ";"));
    assertNull(c.tok(-1));
    assertNull(c.tok(5));
    assertFalse(c.isWord(5, "x"));
    assertFalse(c.isSym(-1, ";"));
    assertNull(c.word(4), "a symbol is no word");
    assertEquals(3, c.end(), "the trailing semicolon is not part of the statement");
    assertEquals(3, new TokenCursor("SELECT a FROM t", false).end());
  }

  @Test
  void parenthesesKnowTheirMatch() {
    TokenCursor c = new TokenCursor("f(a, (b), g(c)) )", false);
    assertEquals(12, c.match(1));
    assertEquals(1, c.match(12));
    assertEquals(6, c.match(4));
    assertEquals(11, c.match(9));
    assertEquals(-1, c.match(13), "an unmatched ')'");
    assertEquals(-1, c.match(2), "not a parenthesis");
    assertEquals(-1, c.match(99));
  }

  @Test
  void argumentsSplitAtTopLevelCommas() {
    TokenCursor c = new TokenCursor("f(a, g(b, c), 'x,y')", false);
    List<int[]> args = c.arguments(1);
    assertEquals(3, args.size());
    assertEquals(List.of(2, 2), List.of(args.get(0)[0], args.get(0)[1]));
    assertEquals(List.of(4, 9), List.of(args.get(1)[0], args.get(1)[1]));
    assertEquals(List.of(11, 11), List.of(args.get(2)[0], args.get(2)[1]));
    assertEquals(List.of(), new TokenCursor("f()", false).arguments(1));
  }

  @Test
  void namesResolveAsRedshiftDoes() {
    String sql = "\"Sch\".\"TäB\" x";
    TokenCursor folded = new TokenCursor(sql, false);
    assertEquals("sch", folded.name(0));
    assertEquals("täb", folded.name(2), "only ASCII letters fold");
    assertEquals("\"sch\".\"täb\"", folded.qualifiedName(0));
    assertEquals(2, folded.nameEnd(0));
    TokenCursor kept = new TokenCursor(sql, true);
    assertEquals("\"Sch\".\"TäB\"", kept.qualifiedName(0));
    assertEquals("x", kept.name(3));
    assertNull(kept.name(1), "'.' is no name");
    assertNull(kept.qualifiedName(1));
  }

  @Test
  void hashNamesAreTemporaryTablesOnlyWhenAdjacent() {
    TokenCursor c = new TokenCursor("#Tmp # spaced", false);
    assertTrue(c.isHashName(0));
    assertEquals("\"#tmp\"", c.qualifiedName(0));
    assertEquals(1, c.nameEnd(0));
    assertFalse(c.isHashName(2), "'#' and the word apart");
    assertTrue(c.isKind(3, Kind.WORD));
  }

  @Test
  void foldAndQuote() {
    assertEquals("\"abc\"ÄÖ", TokenCursor.fold("\"ABC\"ÄÖ"));
    assertEquals("\"a\"\"b\"", TokenCursor.quoted("a\"b"));
  }

  @Test
  void editsKeepLayoutAndReportWhatWasStripped() {
    TokenCursor c = new TokenCursor("CREATE TABLE t (a int)  DISTSTYLE   EVEN;", false);
    TokenEdits edits = new TokenEdits(c);
    assertEquals("TABLE t", edits.text(1, 2));
    edits.set(2, "u");
    edits.appendAfter(5, " NOT NULL");
    edits.set(5, "bigint");
    edits.remove(7, 8);
    edits.prefix("/*m*/ ");
    assertEquals("/*m*/ CREATE TABLE u (a bigint NOT NULL)  ;", edits.joined());
    assertEquals(List.of("DISTSTYLE EVEN"), edits.stripped());
    edits.blank(0, 1);
    // blank takes what lies between its tokens too; text shows neither prefix nor added text
    assertEquals(" u (a bigint)", edits.text(0, 6));
    assertEquals(List.of("DISTSTYLE EVEN"), edits.stripped(), "blank reports nothing");
    assertEquals("'it''s \\\\'", TokenEdits.literal("it's \\"));
  }
}
