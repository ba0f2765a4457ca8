package dev.redshiftdata.local.dialect;

import dev.redshiftdata.local.dialect.RedshiftSqlTranslator.Translation;
import dev.redshiftdata.local.dialect.SqlLexer.Kind;
import dev.redshiftdata.local.dialect.SqlLexer.Token;
import dev.redshiftdata.local.dialect.StatementClassifier.Shape;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * One translation of one statement: first the rewrites that replace the whole statement, then one
 * walk over its tokens in which the rewrite groups edit them in place (DDL attributes and
 * constraints, column types, function names), then the rewrites that need the edited text.
 */
final class Translator {
  private static final String NO_OP = "DO $localredshift$BEGIN END$localredshift$";

  /** Marks the parenthesis of CREATE TABLE's column list in {@link #owners}. */
  private static final String COLUMNS = "#columns";

  private final String input;
  private final TokenCursor c;
  private final TokenEdits edits;
  private final StatementKind kind;
  private final Shape shape;
  private final TableAttributes attributes;
  private final TableConstraints constraints;
  private final ColumnTypes types;
  private final FunctionRewrites functions;

  // State of the walk over the tokens.
  /** Per open parenthesis: the word before it (a function or type name), or {@link #COLUMNS}. */
  private final Deque<String> owners = new ArrayDeque<>();

  /** Position of the '(' opening CREATE TABLE's column list; -1 before it. */
  private int columnListOpen = -1;

  /** CREATE TABLE ... AS <query>: no attribute stripping in the query. */
  private boolean pastAs;

  /** The column whose definition the walk is in, for its DISTKEY, SORTKEY and ENCODE. */
  private String currentColumn;

  Translator(String input, boolean caseSensitive) {
    this.input = input;
    this.c = new TokenCursor(input, caseSensitive);
    this.edits = new TokenEdits(c);
    this.kind = StatementClassifier.classify(c);
    this.shape = StatementClassifier.shape(c);
    this.attributes = new TableAttributes(c, edits);
    this.constraints = new TableConstraints(c, edits);
    this.types = new ColumnTypes(c, edits);
    this.functions = new FunctionRewrites(c, edits);
  }

  Translation run() {
    String replaced = replacement();
    if (replaced != null) {
      return whole(replaced);
    }
    StatementClauses clauses = new StatementClauses(c, edits);
    clauses.maintenanceOptions();
    if (shape.alterTable() && StatementClassifier.isNoOpAlterTable(c)) {
      // Nothing for PostgreSQL to run: the whole statement is what was stripped.
      edits.reportStripped(input.strip());
      String recorded = attributes.alterTable();
      return new Translation(recorded != null ? recorded : NO_OP, kind, edits.stripped(), false);
    }
    if (shape.userStatement() && !c.isWord(0, "drop")) {
      clauses.userOptions();
    }
    clauses.topToLimit();
    boolean lateBinding = shape.createView() && clauses.lateBindingView();
    walk();
    clauses.hashTempTables(shape.createTable(), shape.objectWord());
    functions.finish();
    if (types.lengthError() != null) {
      // Redshift refuses the statement; PostgreSQL would accept the longer length.
      return new Translation(
          "DO $localredshift$BEGIN RAISE EXCEPTION '"
              + types.lengthError()
              + "' USING ERRCODE = '22023'; END$localredshift$",
          kind,
          edits.stripped(),
          false);
    }
    // Built from the edited text, so its names and functions are already translated.
    String merge = StatementRewrites.mergeRemoveDuplicates(c, edits);
    if (merge != null) {
      return whole(merge);
    }
    if ((shape.createTable() || shape.alterTable()) && attributes.any()) {
      edits.prefix(attributes.marker(shape.alterTable()) + " ");
    }
    return new Translation(edits.joined(), kind, edits.stripped(), lateBinding);
  }

  private Translation whole(String sql) {
    return new Translation(sql, kind, List.of(), false);
  }

  /** The statement that replaces this one as a whole, before any other rewrite; else null. */
  private String replacement() {
    if (kind == StatementKind.SET_CASE_SENSITIVE_IDENTIFIER) {
      return SessionSettings.translateSet(c);
    }
    String sql = SessionSettings.showCaseSensitive(c);
    if (sql == null) {
      sql = ShowMetadata.translate(c);
    }
    if (sql == null) {
      sql = SessionSettings.redshiftOnlyParameter(c, edits);
    }
    if (sql == null) {
      sql = StatementRewrites.explain(c, input);
    }
    if (sql == null && shape.alterTable()) {
      sql = StatementRewrites.appendFrom(c);
    }
    return sql;
  }

  // ---- The walk -------------------------------------------------------------------------------

  private void walk() {
    for (int p = shape.objectWord(); p < c.size(); p++) {
      Token t = c.tok(p);
      if (t.isSymbol("(")) {
        openParenthesis(p);
      } else if (t.isSymbol(")")) {
        if (!owners.isEmpty()) {
          owners.pop();
        }
      } else if (t.kind() == Kind.QUOTED_IDENTIFIER) {
        quotedIdentifier(p, t);
      } else if (t.kind() == Kind.WORD) {
        p = word(p, TokenCursor.lower(t));
      }
    }
  }

  private void openParenthesis(int p) {
    String owner = c.word(p - 1);
    if (shape.createTable() && owners.isEmpty() && columnListOpen < 0 && !pastAs) {
      columnListOpen = p;
      owner = COLUMNS;
    }
    owners.push(owner == null ? "" : owner);
  }

  /** In CREATE TABLE's column list, not nested deeper. */
  private boolean inColumns() {
    return shape.createTable() && owners.size() == 1 && COLUMNS.equals(owners.peek());
  }

  private void quotedIdentifier(int p, Token t) {
    if (inColumns() && (c.isSym(p - 1, "(") || c.isSym(p - 1, ","))) {
      currentColumn = c.name(p);
    } else if (shape.alterTable() && (c.isWord(p - 1, "column") || c.isWord(p - 1, "add"))) {
      currentColumn = c.name(p);
    }
    // CREATE/ALTER/DROP USER "Name": the case of a quoted user name is always kept.
    if (!c.caseSensitive() && !(shape.userStatement() && p == 2)) {
      edits.set(p, TokenCursor.fold(t.text()));
    }
  }

  /** The word {@code w} at {@code p}; returns the last position consumed. */
  private int word(int p, String w) {
    boolean topLevel = owners.isEmpty();
    boolean inColumns = inColumns();
    boolean tableLevel =
        (shape.createsRelation() && topLevel && !pastAs) || (shape.alterTable() && topLevel);
    if (shape.createsRelation() && topLevel && (w.equals("as") || w.equals("select"))) {
      pastAs = true;
      tableLevel = false;
    }
    if (shape.createMaterializedView()
        && tableLevel
        && w.equals("auto")
        && c.isWord(p + 1, "refresh")
        && c.tok(p + 2) != null) {
      edits.remove(p, p + 2); // AUTO REFRESH YES|NO
      return p + 2;
    }
    // Qualified names (x.word) and Data API parameters (:word) are never rewritten.
    if (c.isSym(p - 1, ".") || c.isSym(p - 1, ":")) {
      return p;
    }
    boolean columnName = columnNamePosition(p, w, inColumns);
    if (inColumns) {
      int consumed = constraints.strip(p);
      if (consumed >= 0) {
        return consumed;
      }
    }
    if ((tableLevel || inColumns) && !columnName) {
      int consumed = attributes.strip(p, w, tableLevel, currentColumn);
      if (consumed >= 0) {
        return consumed;
      }
      if (inColumns && w.equals("identity") && c.isSym(p + 1, "(")) {
        return types.identity(p);
      }
    }
    int consumed = types.rewrite(p, w, inColumns || (shape.alterTable() && topLevel));
    if (consumed >= 0) {
      return consumed;
    }
    functions.rewrite(p, w);
    return p;
  }

  /** Words after which ALTER TABLE has a column (or table or constraint) name, not an attribute. */
  private static final Set<String> ALTER_NAME_BEFORE =
      Set.of(
          "column",
          "rename",
          "drop",
          "add",
          "to",
          "alter",
          "table",
          "exists",
          "constraint",
          "only");

  /**
   * Whether the word at {@code p} names a column (or constraint) rather than starts an attribute;
   * tracks the column being defined, and the parent of CREATE TABLE t (LIKE parent).
   */
  private boolean columnNamePosition(int p, String w, boolean inColumns) {
    // In a column list, a word right after '(' or ',' is a column name (or constraint).
    if (inColumns && (c.isSym(p - 1, "(") || c.isSym(p - 1, ","))) {
      currentColumn = c.name(p);
      if (w.equals("like") && p == columnListOpen + 1) {
        like(p);
      }
      return true;
    }
    if (!shape.alterTable()) {
      return false;
    }
    if (c.isWord(p - 1, "column") || (c.isWord(p - 1, "add") && !c.isWord(p, "column"))) {
      currentColumn = c.name(p);
    }
    String prev = c.word(p - 1);
    return c.isSym(p - 1, ",") || (prev != null && ALTER_NAME_BEFORE.contains(prev));
  }

  /** CREATE TABLE t (LIKE parent ...) at {@code p}. */
  private void like(int p) {
    attributes.like(c.qualifiedName(p + 1));
    int close = c.match(columnListOpen);
    if (close > p + 1) {
      // The byte-length checks of the parent's strings (Redshift has no other CHECK constraints).
      edits.appendAfter(close - 1, " INCLUDING CONSTRAINTS");
    }
  }
}
