package dev.redshiftdata.local.dialect;

import dev.redshiftdata.local.dialect.SqlLexer.Kind;
import dev.redshiftdata.local.dialect.SqlLexer.Token;
import java.util.Locale;
import java.util.Set;

/**
 * What a statement is: its {@link StatementKind} (the part of Redshift's behaviour outside the SQL
 * text, e.g. TRUNCATE's implicit commit or the bulk path of COPY), and its {@link Shape}, which
 * tells the translator which DDL rewrites apply to its tokens.
 */
final class StatementClassifier {
  private StatementClassifier() {}

  /**
   * The DDL shape of a statement.
   *
   * @param objectWord position of the object word of a CREATE (TABLE, VIEW, MATERIALIZED), else 0
   * @param userStatement CREATE/ALTER/DROP USER, whose quoted user name keeps its case
   */
  record Shape(
      int objectWord,
      boolean createTable,
      boolean createView,
      boolean createMaterializedView,
      boolean alterTable,
      boolean userStatement) {

    /** CREATE TABLE or CREATE MATERIALIZED VIEW: both take table attributes before AS. */
    boolean createsRelation() {
      return createTable || createMaterializedView;
    }
  }

  static StatementKind classify(TokenCursor c) {
    int p = 0;
    while (c.isSym(p, "(")) {
      p++;
    }
    String first = c.word(p);
    if (first == null) {
      return StatementKind.OTHER;
    }
    return switch (first) {
      case "truncate" -> StatementKind.TRUNCATE;
      case "unload" -> StatementKind.UNLOAD;
      case "begin", "commit", "end", "rollback", "abort" -> StatementKind.TRANSACTION_CONTROL;
      case "start" ->
          c.isWord(p + 1, "transaction") ? StatementKind.TRANSACTION_CONTROL : StatementKind.OTHER;
      case "set", "reset" ->
          SessionSettings.parseSet(c) != null
              ? StatementKind.SET_CASE_SENSITIVE_IDENTIFIER
              : StatementKind.OTHER;
      case "copy" -> isRedshiftCopy(c, p) ? StatementKind.COPY : StatementKind.OTHER;
      default -> StatementKind.OTHER;
    };
  }

  private static final Set<String> COPY_ONLY_WORDS =
      Set.of(
          "iam_role",
          "credentials",
          "access_key_id",
          "secret_access_key",
          "session_token",
          "manifest");

  /**
   * Redshift's COPY reads from a string source (s3://, dynamodb://, emr://, ssh manifest); PG's
   * from STDIN.
   */
  private static boolean isRedshiftCopy(TokenCursor c, int p) {
    for (int i = p + 1; i < c.size(); i++) {
      Token t = c.tok(i);
      if (t.isWord("from") && c.isKind(i + 1, Kind.STRING)) {
        String src = c.tok(i + 1).stringValue().toLowerCase(Locale.ROOT);
        if (src.startsWith("s3://") || src.startsWith("dynamodb://") || src.startsWith("emr://")) {
          return true;
        }
      }
      if (t.kind() == Kind.WORD && COPY_ONLY_WORDS.contains(TokenCursor.lower(t))) {
        return true;
      }
    }
    return false;
  }

  static Shape shape(TokenCursor c) {
    int objectWord = 0;
    boolean createTable = false;
    boolean createView = false;
    boolean createMaterializedView = false;
    if (c.isWord(0, "create")) {
      int p = 1;
      if (c.isWord(p, "or") && c.isWord(p + 1, "replace")) {
        p += 2;
      }
      while (c.isWord(p, "local") || c.isWord(p, "temp") || c.isWord(p, "temporary")) {
        p++;
      }
      createTable = c.isWord(p, "table");
      createView = c.isWord(p, "view");
      // CREATE MATERIALIZED VIEW mv [BACKUP ...] [DISTSTYLE ...] [SORTKEY ...] [AUTO REFRESH
      // YES|NO] AS ...
      createMaterializedView = c.isWord(p, "materialized") && c.isWord(p + 1, "view");
      objectWord = p;
    }
    boolean alterTable = c.isWord(0, "alter") && c.isWord(1, "table");
    boolean userStatement =
        (c.isWord(0, "create") || c.isWord(0, "alter") || c.isWord(0, "drop"))
            && c.isWord(1, "user");
    return new Shape(
        objectWord, createTable, createView, createMaterializedView, alterTable, userStatement);
  }

  private static final Set<String> ALTERED_ATTRIBUTES =
      Set.of("distkey", "diststyle", "sortkey", "compound", "interleaved", "encode");

  /**
   * ALTER TABLE t ALTER DISTKEY/DISTSTYLE/SORTKEY/ENCODE ..., ALTER COLUMN c ENCODE x, and ADD
   * [CONSTRAINT n] PRIMARY KEY/UNIQUE/FOREIGN KEY (not enforced by Redshift): nothing for
   * PostgreSQL to do, beyond recording the attributes.
   */
  static boolean isNoOpAlterTable(TokenCursor c) {
    for (int p = 2; p < c.size(); p++) {
      if (c.isWord(p, "add")) {
        int q = c.isWord(p + 1, "constraint") ? p + 3 : p + 1;
        if ((c.isWord(q, "primary") && c.isWord(q + 1, "key"))
            || c.isWord(q, "unique")
            || (c.isWord(q, "foreign") && c.isWord(q + 1, "key"))) {
          return true;
        }
      }
      if (c.isWord(p, "alter")) {
        String next = c.word(p + 1);
        if (next != null && ALTERED_ATTRIBUTES.contains(next)) {
          return true;
        }
        if ("column".equals(next) && c.isWord(p + 3, "encode")) {
          return true;
        }
      }
    }
    return false;
  }
}
