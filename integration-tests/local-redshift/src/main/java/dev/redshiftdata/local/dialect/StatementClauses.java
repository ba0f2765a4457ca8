package dev.redshiftdata.local.dialect;

import dev.redshiftdata.local.dialect.SqlLexer.Kind;
import dev.redshiftdata.local.dialect.SqlLexer.Token;
import java.util.Set;

/**
 * Rewrites of Redshift-only clauses of whole statements, edited in place: VACUUM and ANALYZE
 * options, CREATE/ALTER USER options, SELECT TOP, {@code #name} temporary tables and WITH NO SCHEMA
 * BINDING.
 */
final class StatementClauses extends TokenRewrites {

  StatementClauses(TokenCursor c, TokenEdits edits) {
    super(c, edits);
  }

  /**
   * VACUUM [FULL | SORT ONLY | DELETE ONLY | REINDEX | RECLUSTER] [table] [TO n PERCENT] [BOOST]
   * becomes a plain PostgreSQL VACUUM [table]; ANALYZE ... PREDICATE COLUMNS / ALL COLUMNS loses
   * the column clause.
   */
  void maintenanceOptions() {
    boolean vacuum = c.isWord(0, "vacuum");
    if (!vacuum && !c.isWord(0, "analyze")) {
      return;
    }
    int end = c.end();
    for (int p = 1; p <= end; p++) {
      if (vacuum) {
        p = vacuumOption(p);
      } else if ((c.isWord(p, "predicate") || c.isWord(p, "all")) && c.isWord(p + 1, "columns")) {
        edits.remove(p, p + 1);
        p++;
      }
    }
  }

  /** Removes a VACUUM option at {@code p}; returns the last position consumed. */
  private int vacuumOption(int p) {
    if (p == 1 && (c.isWord(p, "full") || c.isWord(p, "reindex") || c.isWord(p, "recluster"))) {
      edits.remove(p, p);
    } else if (p == 1
        && (c.isWord(p, "sort") || c.isWord(p, "delete"))
        && c.isWord(p + 1, "only")) {
      edits.remove(p, p + 1);
      return p + 1;
    } else if (c.isWord(p, "to") && c.tok(p + 1) != null && c.isWord(p + 2, "percent")) {
      edits.remove(p, p + 2);
      return p + 2;
    } else if (c.isWord(p, "boost")) {
      edits.remove(p, p);
    }
    return p;
  }

  /**
   * CREATE/ALTER USER options PostgreSQL lacks: PASSWORD DISABLE becomes PASSWORD NULL,
   * CREATEUSER/NOCREATEUSER become SUPERUSER/NOSUPERUSER, SYSLOG ACCESS x and SESSION TIMEOUT n are
   * dropped.
   */
  void userOptions() {
    for (int p = 3; p < c.size(); p++) {
      if (c.isWord(p, "password") && c.isWord(p + 1, "disable")) {
        edits.set(p + 1, "NULL");
      } else if (c.isWord(p, "createuser")) {
        edits.set(p, "SUPERUSER");
      } else if (c.isWord(p, "nocreateuser")) {
        edits.set(p, "NOSUPERUSER");
      } else if ((c.isWord(p, "syslog") && c.isWord(p + 1, "access")
              || c.isWord(p, "session") && c.isWord(p + 1, "timeout"))
          && c.tok(p + 2) != null) {
        edits.remove(p, p + 2);
        p += 2;
      }
    }
  }

  private static final Set<String> ENDS_TOP =
      Set.of("limit", "union", "intersect", "except", "minus", "for", "fetch");

  /**
   * {@code SELECT [DISTINCT|ALL] TOP n ...} (the statement's own SELECT, not a subquery) becomes
   * {@code SELECT ... LIMIT n}, when the statement has no top-level LIMIT, set operation or FOR
   * clause.
   */
  void topToLimit() {
    if (!c.isWord(0, "select")) {
      return;
    }
    int p = 1;
    if (c.isWord(p, "distinct") || c.isWord(p, "all")) {
      p++;
    }
    if (!c.isWord(p, "top") || !c.isKind(p + 1, Kind.NUMBER)) {
      return;
    }
    Token n = c.tok(p + 1);
    int depth = 0;
    int end = c.size();
    for (int q = p + 2; q < c.size(); q++) {
      if (c.isSym(q, "(")) {
        depth++;
      } else if (c.isSym(q, ")")) {
        depth--;
      } else if (depth == 0) {
        String w = c.word(q);
        if (w != null && ENDS_TOP.contains(w)) {
          return;
        }
        if (c.isSym(q, ";")) {
          end = q;
          break;
        }
      }
    }
    edits.blank(p, p + 1);
    int last = end - 1;
    edits.set(last, edits.get(last) + " LIMIT " + n.text());
  }

  /** The words after which {@code #name} names a table. */
  private static final Set<String> BEFORE_TABLE =
      Set.of(
          "table",
          "from",
          "join",
          "into",
          "update",
          "exists",
          "using",
          "on",
          "to",
          "truncate",
          "only");

  /**
   * Redshift's {@code #name} tables are temporary tables: {@code #name} after TABLE, FROM, JOIN,
   * INTO, UPDATE, ... becomes the quoted identifier {@code "#name"}, and CREATE TABLE #name /
   * SELECT ... INTO #name create a temporary table.
   *
   * @param tableWord position of CREATE TABLE's TABLE (when {@code createTable})
   */
  void hashTempTables(boolean createTable, int tableWord) {
    for (int p = 1; p + 1 < c.size(); p++) {
      Token prev = c.tok(p - 1);
      if (!c.isHashName(p)
          || !(prev.isSymbol(",")
              || (prev.kind() == Kind.WORD && BEFORE_TABLE.contains(TokenCursor.lower(prev))))) {
        continue;
      }
      edits.set(p, "");
      edits.set(p + 1, TokenCursor.quoted("#" + TokenCursor.lower(c.tok(p + 1))));
      if (createTable && isCreatedTable(p, tableWord) && !isTemporary(tableWord)) {
        edits.set(tableWord, "TEMP " + edits.get(tableWord));
      } else if (c.isWord(0, "select") && prev.isWord("into") && !c.isWord(p - 2, "insert")) {
        edits.set(p, "TEMP ");
      }
    }
  }

  /** CREATE [LOCAL] TEMP[ORARY] TABLE. */
  private boolean isTemporary(int tableWord) {
    boolean temp = false;
    for (int q = 1; q < tableWord; q++) {
      temp |= c.isWord(q, "temp") || c.isWord(q, "temporary");
    }
    return temp;
  }

  /** The name at {@code p} is the one CREATE TABLE [IF NOT EXISTS] creates. */
  private boolean isCreatedTable(int p, int tableWord) {
    return p == tableWord + 1
        || (c.isWord(tableWord + 1, "if") && c.isWord(tableWord + 2, "not") && p == tableWord + 4);
  }

  /**
   * CREATE VIEW ... WITH NO SCHEMA BINDING: the clause is removed and the statement prefixed with
   * {@link RedshiftSqlTranslator#LATE_BINDING_MARKER}, which the bootstrap's event trigger records.
   * Returns whether the view is late-binding.
   */
  boolean lateBindingView() {
    int end = c.end();
    if (end >= 3
        && c.isWord(end - 3, "with")
        && c.isWord(end - 2, "no")
        && c.isWord(end - 1, "schema")
        && c.isWord(end, "binding")) {
      edits.remove(end - 3, end);
      edits.prefix(RedshiftSqlTranslator.LATE_BINDING_MARKER + " ");
      return true;
    }
    return false;
  }
}
