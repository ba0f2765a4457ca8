package dev.redshiftdata.local.dialect;

import dev.redshiftdata.local.dialect.SqlLexer.Kind;

/**
 * Redshift does not enforce PRIMARY KEY, UNIQUE and FOREIGN KEY constraints (they only inform the
 * planner), so a CREATE TABLE's column list loses them: PostgreSQL would enforce them and reject
 * rows Redshift accepts.
 */
final class TableConstraints extends TokenRewrites {

  TableConstraints(TokenCursor c, TokenEdits edits) {
    super(c, edits);
  }

  /**
   * Removes the constraint starting at {@code p} (a table constraint with its separating comma).
   * Returns the last position consumed, or -1 when no constraint starts at {@code p}.
   */
  int strip(int p) {
    int start = p;
    int q = p;
    if (c.isWord(q, "constraint") && c.tok(q + 1) != null) {
      q += 2;
    }
    int end = end(q);
    if (end < 0) {
      return -1;
    }
    if (c.isSym(start - 1, ",")) {
      edits.remove(start - 1, end); // table constraint after a column
    } else if (c.isSym(start - 1, "(") && c.isSym(end + 1, ",")) {
      edits.remove(start, end + 1); // table constraint first in the list
      return end + 1;
    } else {
      edits.remove(start, end);
    }
    return end;
  }

  /** The last position of an unenforced constraint's body at {@code q}; -1 when there is none. */
  private int end(int q) {
    if (c.isWord(q, "primary") && c.isWord(q + 1, "key")) {
      return c.isSym(q + 2, "(") && c.match(q + 2) > 0 ? c.match(q + 2) : q + 1;
    }
    if (c.isWord(q, "unique")) {
      return c.isSym(q + 1, "(") && c.match(q + 1) > 0 ? c.match(q + 1) : q;
    }
    if (c.isWord(q, "references")) {
      return referencesEnd(q);
    }
    if (c.isWord(q, "foreign")
        && c.isWord(q + 1, "key")
        && c.isSym(q + 2, "(")
        && c.match(q + 2) > 0
        && c.isWord(c.match(q + 2) + 1, "references")) {
      return referencesEnd(c.match(q + 2) + 1);
    }
    return -1;
  }

  /**
   * End of {@code REFERENCES table [(columns)] [MATCH x] [ON DELETE|UPDATE action]} starting at
   * {@code p}; -1 without a table name.
   */
  private int referencesEnd(int p) {
    int q = p + 1;
    if (!c.isKind(q, Kind.WORD) && !c.isKind(q, Kind.QUOTED_IDENTIFIER)) {
      return -1;
    }
    while (c.isSym(q + 1, ".") && c.tok(q + 2) != null) {
      q += 2;
    }
    if (c.isSym(q + 1, "(") && c.match(q + 1) > 0) {
      q = c.match(q + 1);
    }
    if (c.isWord(q + 1, "match") && c.tok(q + 2) != null) {
      q += 2;
    }
    while (c.isWord(q + 1, "on") && (c.isWord(q + 2, "delete") || c.isWord(q + 2, "update"))) {
      // NO ACTION and SET NULL/DEFAULT are two words, CASCADE and RESTRICT one.
      q += c.isWord(q + 3, "no") || c.isWord(q + 3, "set") ? 4 : 3;
    }
    return q;
  }
}
