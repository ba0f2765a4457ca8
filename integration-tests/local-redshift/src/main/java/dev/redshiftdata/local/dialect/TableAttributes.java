package dev.redshiftdata.local.dialect;

import static dev.redshiftdata.local.dialect.RedshiftSqlTranslator.TABLE_ATTRIBUTES_MARKER;

import dev.redshiftdata.local.dialect.SqlLexer.Kind;
import dev.redshiftdata.local.dialect.SqlLexer.Token;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Redshift's table and column attributes PostgreSQL lacks (DISTSTYLE, DISTKEY, SORTKEY, ENCODE,
 * BACKUP): removed from CREATE TABLE / CREATE MATERIALIZED VIEW, and remembered, with the parent of
 * {@code LIKE parent}, for the {@link RedshiftSqlTranslator#TABLE_ATTRIBUTES_MARKER} comment that
 * the bootstrap's event trigger records. ALTER TABLE ... ALTER DISTKEY/DISTSTYLE/SORTKEY/ ENCODE
 * becomes a no-op carrying the comment.
 */
final class TableAttributes extends TokenRewrites {

  private boolean recorded;
  private String distStyle;
  private String distKey;
  private String sortType;
  private final List<String> sortKeys = new ArrayList<>();
  private final Map<String, String> encodings = new LinkedHashMap<>();
  private Boolean encodeAuto;
  private Boolean backup;
  private String likeTable;

  TableAttributes(TokenCursor c, TokenEdits edits) {
    super(c, edits);
  }

  /** The parent table of {@code CREATE TABLE t (LIKE parent)}, its name resolved and quoted. */
  void like(String parent) {
    likeTable = parent;
  }

  /** Whether the statement needs the marker comment. */
  boolean any() {
    return recorded || likeTable != null;
  }

  /**
   * Strips a Redshift attribute starting at word {@code w} at {@code p}: at table level (after the
   * column list), or of {@code column} (in its definition). Returns the last position consumed, or
   * -1 when there is none.
   */
  int strip(int p, String w, boolean tableLevel, String column) {
    boolean call = c.isSym(p + 1, "(");
    return switch (w) {
      case "diststyle" -> tableLevel && c.tok(p + 1) != null ? distStyle(p) : -1;
      case "distkey" -> distKey(p, call, tableLevel, column);
      case "compound", "interleaved" ->
          tableLevel && c.isWord(p + 1, "sortkey") && c.isSym(p + 2, "(") && c.match(p + 2) > 0
              ? sortKey(p, w.toUpperCase(Locale.ROOT), p + 2)
              : -1;
      case "sortkey" -> sortKey(p, call, tableLevel, column);
      case "backup" ->
          tableLevel && (c.isWord(p + 1, "yes") || c.isWord(p + 1, "no")) ? backup(p) : -1;
      case "encode" -> c.isKind(p + 1, Kind.WORD) && !call ? encode(p, tableLevel, column) : -1;
      default -> -1;
    };
  }

  private int distStyle(int p) {
    edits.remove(p, p + 1);
    recordDistStyle(c.word(p + 1));
    return p + 1;
  }

  private int distKey(int p, boolean call, boolean tableLevel, String column) {
    if (call && tableLevel && c.match(p + 1) > 0) {
      edits.remove(p, c.match(p + 1));
      recordDistKey(c.name(p + 2));
      return c.match(p + 1);
    }
    if (!call && !tableLevel) {
      edits.remove(p, p);
      recordDistKey(column);
      return p;
    }
    return -1;
  }

  /** [COMPOUND | INTERLEAVED] SORTKEY (columns) at {@code p}, the list's '(' at {@code open}. */
  private int sortKey(int p, String type, int open) {
    edits.remove(p, c.match(open));
    recordSortKey(type, open);
    return c.match(open);
  }

  private int sortKey(int p, boolean call, boolean tableLevel, String column) {
    if (tableLevel && call && c.match(p + 1) > 0) {
      return sortKey(p, "COMPOUND", p + 1);
    }
    if (tableLevel && c.isWord(p + 1, "auto")) {
      edits.remove(p, p + 1);
      recordSortKey("AUTO", -1);
      return p + 1;
    }
    if (!tableLevel && !call) {
      edits.remove(p, p);
      if (column != null) {
        sortType = "COMPOUND";
        sortKeys.add(column);
        recorded = true;
      }
      return p;
    }
    return -1;
  }

  private int backup(int p) {
    edits.remove(p, p + 1);
    backup = c.isWord(p + 1, "yes");
    recorded = true;
    return p + 1;
  }

  private int encode(int p, boolean tableLevel, String column) {
    Token next = c.tok(p + 1);
    edits.remove(p, p + 1);
    if (tableLevel && next.isWord("auto")) {
      encodeAuto = true;
    } else if (column != null) {
      encodings.put(column, TokenCursor.lower(next));
    }
    recorded = true;
    return p + 1;
  }

  private void recordDistStyle(String style) {
    if (style != null) {
      distStyle = style.toUpperCase(Locale.ROOT);
      recorded = true;
    }
  }

  private void recordDistKey(String column) {
    if (column != null) {
      distKey = column;
      distStyle = "KEY";
      recorded = true;
    }
  }

  /** A sort key of {@code type}; its column list is the parenthesis at {@code open} (-1: none). */
  private void recordSortKey(String type, int open) {
    sortType = type;
    sortKeys.clear();
    if (open >= 0) {
      for (int q = open + 1; q < c.match(open); q++) {
        if (c.isKind(q, Kind.WORD) || c.isKind(q, Kind.QUOTED_IDENTIFIER)) {
          sortKeys.add(c.name(q));
        }
      }
      if (sortKeys.isEmpty()) {
        sortType = "NONE";
      }
    }
    recorded = true;
  }

  /**
   * ALTER TABLE t ALTER DISTKEY c | DISTSTYLE x [DISTKEY c] | [COMPOUND] SORTKEY (..) | SORTKEY
   * AUTO|NONE | ENCODE AUTO | COLUMN c ENCODE x [, ALTER COLUMN ...]: a no-op ALTER TABLE of the
   * same table (so ownership is checked) prefixed with the attribute marker; null when the
   * statement is none of these.
   */
  String alterTable() {
    int p = 2;
    if (c.isWord(p, "if") && c.isWord(p + 1, "exists")) {
      p += 2;
    }
    String table = c.qualifiedName(p);
    if (table == null) {
      return null;
    }
    for (int q = p; q < c.size(); q++) {
      if (c.isWord(q, "alter") && q != 0) {
        alteredAttribute(q + 1);
      }
    }
    if (!recorded) {
      return null;
    }
    return marker(true) + " ALTER TABLE " + table + " RESET (fillfactor)";
  }

  /** Records the attribute that ALTER TABLE's ALTER sets at {@code p}, if any. */
  private void alteredAttribute(int p) {
    if (c.isWord(p, "distkey")) {
      recordDistKey(c.name(p + 1));
    } else if (c.isWord(p, "diststyle")) {
      recordDistStyle(c.word(p + 1));
      if (c.isWord(p + 2, "distkey")) {
        recordDistKey(c.name(p + 3));
      }
    } else if ((c.isWord(p, "compound") || c.isWord(p, "interleaved"))
        && c.isWord(p + 1, "sortkey")
        && c.isSym(p + 2, "(")
        && c.match(p + 2) > 0) {
      recordSortKey(c.word(p).toUpperCase(Locale.ROOT), p + 2);
    } else if (c.isWord(p, "sortkey") && c.isSym(p + 1, "(") && c.match(p + 1) > 0) {
      recordSortKey("COMPOUND", p + 1);
    } else if (c.isWord(p, "sortkey") && (c.isWord(p + 1, "auto") || c.isWord(p + 1, "none"))) {
      recordSortKey(c.word(p + 1).toUpperCase(Locale.ROOT), -1);
    } else if (c.isWord(p, "encode") && c.isWord(p + 1, "auto")) {
      encodeAuto = true;
      recorded = true;
    } else if (c.isWord(p, "column")
        && c.isWord(p + 2, "encode")
        && c.name(p + 1) != null
        && c.word(p + 3) != null) {
      encodings.put(c.name(p + 1), c.word(p + 3));
      recorded = true;
    }
  }

  /** The attributes found, as the marker comment the bootstrap's event trigger reads. */
  String marker(boolean alter) {
    List<String> members = new ArrayList<>();
    if (alter) {
      members.add("\"alter\":true");
    }
    if (distStyle != null) {
      members.add("\"diststyle\":" + json(distStyle));
      members.add("\"distkey\":" + (distKey == null ? "null" : json(distKey)));
    }
    if (sortType != null) {
      List<String> keys = new ArrayList<>();
      for (String k : sortKeys) {
        keys.add(json(k));
      }
      members.add("\"sortkey_type\":" + json(sortType));
      members.add("\"sortkey\":[" + String.join(",", keys) + "]");
    }
    if (!encodings.isEmpty()) {
      List<String> encoded = new ArrayList<>();
      for (var e : encodings.entrySet()) {
        encoded.add(json(e.getKey()) + ":" + json(e.getValue()));
      }
      members.add("\"encodings\":{" + String.join(",", encoded) + "}");
    }
    if (encodeAuto != null) {
      members.add("\"encode_auto\":" + encodeAuto);
    }
    if (backup != null) {
      members.add("\"backup\":" + backup);
    }
    if (likeTable != null) {
      members.add("\"like\":" + json(likeTable));
    }
    return TABLE_ATTRIBUTES_MARKER + "{" + String.join(",", members) + "}*/";
  }

  /** A JSON string that cannot end or nest the marker comment ('*' and '/' escaped). */
  private static String json(String value) {
    StringBuilder sb = new StringBuilder("\"");
    for (char ch : value.toCharArray()) {
      if (ch == '"' || ch == '\\') {
        sb.append('\\').append(ch);
      } else if (ch < 0x20 || ch == '*' || ch == '/') {
        sb.append(String.format("\\u%04x", (int) ch));
      } else {
        sb.append(ch);
      }
    }
    return sb.append('"').toString();
  }
}
