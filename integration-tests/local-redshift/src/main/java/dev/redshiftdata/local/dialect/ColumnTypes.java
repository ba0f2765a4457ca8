package dev.redshiftdata.local.dialect;

import dev.redshiftdata.local.dialect.SqlLexer.Kind;
import dev.redshiftdata.local.dialect.SqlLexer.Token;
import java.util.List;
import java.util.Set;

/**
 * Redshift's type names and column types: VARBYTE and its synonyms, NVARCHAR/NCHAR, (MAX) lengths,
 * Redshift's defaults for types without length or precision in DDL, IDENTITY(seed, step), and the
 * CHECK constraints that count string lengths in bytes, as Redshift does.
 */
final class ColumnTypes extends TokenRewrites {

  /**
   * Redshift's error for a CHAR/VARCHAR length over its maximum, raised instead of running the
   * statement.
   */
  private String lengthError;

  ColumnTypes(TokenCursor c, TokenEdits edits) {
    super(c, edits);
  }

  /** Redshift's error for a string length over its maximum; null when there was none. */
  String lengthError() {
    return lengthError;
  }

  /**
   * Rewrites the type name {@code w} at {@code p}, anywhere in a statement; in a column definition
   * ({@code ddl}) also gives it Redshift's default length or precision and its byte-length check.
   * Returns the last position consumed, or -1 when the word may still be something else (a function
   * name).
   */
  int rewrite(int p, String w, boolean ddl) {
    boolean call = c.isSym(p + 1, "(");
    if (w.equals("varbyte") || w.equals("varbinary")) {
      // The varbyte domain takes no length.
      edits.set(p, "varbyte");
      if (call && c.match(p + 1) > 0) {
        edits.blank(p + 1, c.match(p + 1));
        return c.match(p + 1);
      }
      return p;
    }
    if (w.equals("binary") && c.isWord(p + 1, "varying")) {
      edits.set(p, "varbyte");
      edits.blank(p + 1, p + 1);
      if (c.isSym(p + 2, "(") && c.match(p + 2) > 0) {
        edits.blank(p + 2, c.match(p + 2));
        return c.match(p + 2);
      }
      return p + 1;
    }
    if (w.equals("nvarchar")) {
      edits.set(p, "varchar");
    } else if (w.equals("nchar")) {
      edits.set(p, "char");
    }
    if (call && c.isWord(p + 2, "max") && c.isSym(p + 3, ")")) {
      if (Set.of("varchar", "nvarchar", "varying").contains(w)) {
        edits.set(p + 2, "65535");
      } else if (Set.of("char", "nchar", "character", "bpchar").contains(w)) {
        edits.set(p + 2, "4096");
      }
    }
    boolean ddlType = ddl && isDdlTypePosition(p);
    if (ddlType) {
      byteLengthCheck(p, w);
    }
    return ddlType && !call ? ddlDefault(p, w) : -1;
  }

  /**
   * Redshift's defaults for a DDL type without length: TEXT and VARCHAR are VARCHAR(256), DECIMAL
   * and NUMERIC are NUMERIC(18,0). Returns the last position consumed, or -1.
   */
  private int ddlDefault(int p, String w) {
    if (w.equals("text") || w.equals("varchar") || w.equals("nvarchar")) {
      edits.set(p, "varchar(256)");
      return p;
    }
    if (w.equals("decimal") || w.equals("numeric")) {
      edits.set(p, "numeric(18,0)");
      return p;
    }
    if (w.equals("character") && c.isWord(p + 1, "varying") && !c.isSym(p + 2, "(")) {
      edits.set(p + 1, "varying(256)");
      return p + 1;
    }
    return -1;
  }

  /**
   * A type word at {@code p} in a column definition: after a column name that follows '(' ',' ADD
   * COLUMN.
   */
  private boolean isDdlTypePosition(int p) {
    Token prev = c.tok(p - 1);
    if (prev == null) {
      return false;
    }
    if (prev.isWord("type")) {
      return true;
    }
    if (prev.kind() != Kind.QUOTED_IDENTIFIER && prev.kind() != Kind.WORD) {
      return false;
    }
    Token pp = c.tok(p - 2);
    return pp != null
        && (pp.isSymbol("(")
            || pp.isSymbol(",")
            || pp.isWord("column")
            || pp.isWord("add")
            || pp.isWord("exists"));
  }

  /** A string type's length in bytes, and where its type ends. */
  private record StringType(boolean varying, long length, int last) {}

  /**
   * Redshift's CHAR(n)/VARCHAR(n) count bytes, PostgreSQL's characters: a string column defined at
   * type position {@code p} gets a CHECK constraint named {@code localredshift_bytes_<column>} that
   * fails a value of more than n bytes (VARCHAR) or with a multi-byte character (CHAR) with
   * Redshift's error, raised by the bootstrap's {@code localredshift_value_too_long} / {@code
   * localredshift_multibyte_char}. ALTER COLUMN ... TYPE replaces the constraint.
   */
  private void byteLengthCheck(int p, String w) {
    StringType type = stringType(p, w);
    if (type == null) {
      return;
    }
    boolean alterType = c.isWord(p - 1, "type");
    String column = alterType ? c.name(p - 2) : c.name(p - 1);
    if (column == null) {
      return;
    }
    String constraint = TokenCursor.quoted("localredshift_bytes_" + column);
    String check = check(TokenCursor.quoted(column), type);
    if (alterType) {
      edits.appendAfter(
          type.last(),
          ", DROP CONSTRAINT IF EXISTS "
              + constraint
              + ", ADD CONSTRAINT "
              + constraint
              + " "
              + check);
      return;
    }
    edits.appendAfter(definitionEnd(type.last()), " CONSTRAINT " + constraint + " " + check);
  }

  /**
   * The string type {@code w} at {@code p} with its length; null when it is none or its length is
   * not a literal (or over Redshift's maximum: then {@link #lengthError} is set).
   */
  private StringType stringType(int p, String w) {
    boolean varying;
    int lengthParen;
    if (Set.of("varchar", "nvarchar", "text").contains(w)) {
      varying = true;
      lengthParen = w.equals("text") ? -1 : p + 1;
    } else if ((w.equals("character") || w.equals("char")) && c.isWord(p + 1, "varying")) {
      varying = true;
      lengthParen = p + 2;
    } else if (Set.of("char", "character", "nchar", "bpchar").contains(w)) {
      varying = false;
      lengthParen = p + 1;
    } else {
      return null;
    }
    long n = varying ? 256 : (w.equals("bpchar") ? 256 : 1);
    int max = varying ? 65535 : 4096;
    if (lengthParen > 0 && c.isSym(lengthParen, "(") && c.match(lengthParen) > 0) {
      Token len = c.tok(lengthParen + 1);
      if (len != null && len.isWord("max")) {
        n = max;
      } else if (len != null && len.kind() == Kind.NUMBER && len.text().matches("\\d{1,9}")) {
        n = Long.parseLong(len.text());
      } else {
        return null;
      }
      if (n > max) {
        lengthError =
            "length for type " + (varying ? "varchar" : "character") + " cannot exceed " + max;
        return null;
      }
      return new StringType(varying, n, c.match(lengthParen));
    }
    return new StringType(varying, n, lengthParen < 0 ? p : lengthParen - 1);
  }

  private static String check(String ref, StringType type) {
    return type.varying()
        ? "CHECK (octet_length("
            + ref
            + "::text) <= "
            + type.length()
            + " OR pg_catalog.localredshift_value_too_long("
            + ref
            + "::text, "
            + type.length()
            + "))"
        : "CHECK (octet_length("
            + ref
            + "::text) = char_length("
            + ref
            + "::text)"
            + " OR pg_catalog.localredshift_multibyte_char("
            + ref
            + "::text))";
  }

  /**
   * The end of the column definition whose type ends at {@code last}: before the next ',' or the
   * list's ')' at this depth.
   */
  private int definitionEnd(int last) {
    int end = last;
    for (int q = last + 1; q < c.size(); q++) {
      if (c.isSym(q, "(") && c.match(q) > 0) {
        q = c.match(q);
        end = q;
        continue;
      }
      if (c.isSym(q, ",") || c.isSym(q, ")") || c.isSym(q, ";")) {
        break;
      }
      end = q;
    }
    return end;
  }

  /**
   * IDENTITY(seed, step) at {@code p} becomes GENERATED BY DEFAULT AS IDENTITY (START WITH seed
   * INCREMENT BY step); returns the last position consumed.
   */
  int identity(int p) {
    int close = c.match(p + 1);
    if (close < 0) {
      return p;
    }
    List<int[]> args = c.arguments(p + 1);
    if (args.size() != 2) {
      return close;
    }
    String seed = edits.text(args.get(0)[0], args.get(0)[1]).strip();
    String step = edits.text(args.get(1)[0], args.get(1)[1]).strip();
    String head = c.isWord(p - 1, "as") ? "IDENTITY" : "GENERATED BY DEFAULT AS IDENTITY";
    edits.set(p, head + " (START WITH " + seed + " INCREMENT BY " + step + ")");
    edits.blank(p + 1, close);
    return close;
  }
}
