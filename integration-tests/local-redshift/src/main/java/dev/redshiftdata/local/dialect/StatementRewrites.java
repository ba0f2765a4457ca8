package dev.redshiftdata.local.dialect;

import static dev.redshiftdata.local.dialect.TokenEdits.literal;

import java.util.Locale;

/**
 * Redshift statements that PostgreSQL has no form of, each replaced by a whole other statement:
 * EXPLAIN (Redshift's plan shape), ALTER TABLE ... APPEND FROM and MERGE ... REMOVE DUPLICATES.
 * Each method returns the replacement, or null when the statement is not of its form.
 */
final class StatementRewrites {
  private StatementRewrites() {}

  /**
   * EXPLAIN [VERBOSE] statement: the translated statement is explained by the bootstrap's {@code
   * localredshift_explain}, which answers one text column {@code QUERY PLAN} with PostgreSQL's plan
   * lines, plan nodes prefixed with {@code XN } as Redshift prints them ({@code XN Seq Scan on t
   * (cost=0.00..15.00 rows=1000 width=4)}); null when there is no statement after EXPLAIN.
   *
   * @param input the whole statement, of which {@code c} holds the tokens
   */
  static String explain(TokenCursor c, String input) {
    if (!c.isWord(0, "explain")) {
      return null;
    }
    int p = 1;
    boolean verbose = false;
    if (c.isWord(p, "verbose")) {
      verbose = true;
      p++;
    }
    if (c.tok(p) == null || c.isSym(p, ";") || c.isSym(p, "(") && c.isWord(p + 1, "format")) {
      return null;
    }
    String inner =
        RedshiftSqlTranslator.translate(input.substring(c.tok(p).start()), c.caseSensitive())
            .sql()
            .strip();
    if (inner.endsWith(";")) {
      inner = inner.substring(0, inner.length() - 1).strip();
    }
    return "SELECT \"QUERY PLAN\" FROM pg_catalog.localredshift_explain("
        + literal(inner)
        + ", "
        + verbose
        + ")";
  }

  /**
   * ALTER TABLE target APPEND FROM source [IGNOREEXTRA | FILLTARGET] becomes a call of the
   * bootstrap's procedure that moves the rows (the source ends empty).
   */
  static String appendFrom(TokenCursor c) {
    int p = 2;
    String target = c.qualifiedName(p);
    if (target == null) {
      return null;
    }
    p = c.nameEnd(p);
    if (!c.isWord(p + 1, "append") || !c.isWord(p + 2, "from")) {
      return null;
    }
    String source = c.qualifiedName(p + 3);
    if (source == null) {
      return null;
    }
    int q = c.nameEnd(p + 3);
    String mode = "";
    if (c.isWord(q + 1, "ignoreextra") || c.isWord(q + 1, "filltarget")) {
      mode = c.word(q + 1).toUpperCase(Locale.ROOT);
      q++;
    }
    if (c.isSym(q + 1, ";")) {
      q++;
    }
    if (q != c.size() - 1) {
      return null;
    }
    return "CALL pg_catalog.localredshift_append_from("
        + literal(target)
        + ", "
        + literal(source)
        + ", "
        + literal(mode)
        + ")";
  }

  /**
   * MERGE INTO target [[AS] alias] USING source ON condition REMOVE DUPLICATES (Redshift's
   * simplified MERGE: matching target rows are replaced by the source rows, the other source rows
   * inserted) becomes a DELETE of the matching target rows and an INSERT of every source row in one
   * statement. Reads the edited text, so names are already resolved.
   */
  static String mergeRemoveDuplicates(TokenCursor c, TokenEdits edits) {
    int end = c.end();
    if (!c.isWord(0, "merge")
        || !c.isWord(1, "into")
        || !c.isWord(end, "duplicates")
        || !c.isWord(end - 1, "remove")) {
      return null;
    }
    int using = -1;
    int on = -1;
    int depth = 0;
    for (int p = 2; p < end - 1; p++) {
      if (c.isSym(p, "(")) {
        depth++;
      } else if (c.isSym(p, ")")) {
        depth--;
      } else if (depth == 0 && using < 0 && c.isWord(p, "using")) {
        using = p;
      } else if (depth == 0 && using > 0 && on < 0 && c.isWord(p, "on")) {
        on = p;
      }
    }
    if (using < 3 || on < using + 2 || on + 1 > end - 2) {
      return null;
    }
    int nameEnd = 2;
    while (c.isSym(nameEnd + 1, ".") && nameEnd + 2 < using) {
      nameEnd += 2;
    }
    String table = edits.text(2, nameEnd).strip();
    String target = edits.text(2, using - 1).strip();
    String source = edits.text(using + 1, on - 1).strip();
    String condition = edits.text(on + 1, end - 2).strip();
    return "WITH localredshift_replaced AS (DELETE FROM "
        + target
        + " USING "
        + source
        + " WHERE "
        + condition
        + ") INSERT INTO "
        + table
        + " SELECT * FROM "
        + source;
  }
}
