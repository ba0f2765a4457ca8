package dev.redshiftdata.local.dialect;

import dev.redshiftdata.local.dialect.SqlLexer.Kind;
import dev.redshiftdata.local.dialect.SqlLexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Redshift functions that PostgreSQL spells or evaluates differently. Renames are done as the
 * translator meets them ({@link #rewrite}); calls rewritten from their arguments (DECODE, CONVERT,
 * LISTAGG, REGEXP_REPLACE, MEDIAN) wait until every other rewrite is done ({@link #finish}), so
 * they copy their arguments' translated text.
 */
final class FunctionRewrites extends TokenRewrites {

  /** Positions of the calls {@link #finish} rewrites, in statement order. */
  private final List<Integer> deferred = new ArrayList<>();

  FunctionRewrites(TokenCursor c, TokenEdits edits) {
    super(c, edits);
  }

  private static final Set<String> FROM_ARGUMENTS =
      Set.of("decode", "convert", "listagg", "median", "regexp_replace");

  private static final Set<String> DATE_PART_FIRST =
      Set.of("dateadd", "datediff", "date_part", "date_trunc", "date_diff", "date_add");

  /** Rewrites the function name {@code w} at {@code p}, or marks its call for {@link #finish}. */
  void rewrite(int p, String w) {
    boolean call = c.isSym(p + 1, "(");
    if ((w.equals("sysdate") || w.equals("current_user_id")) && !call) {
      edits.set(p, w + "()");
    } else if (w.equals("nvl") && call) {
      edits.set(p, "coalesce");
    } else if (w.equals("json_serialize") && call && c.match(p + 1) > 0) {
      // JSON_SERIALIZE is PostgreSQL 17 syntax that rejects the super domain: a quoted name calls
      // the bootstrap's function instead (and still names the result column json_serialize).
      edits.set(p, "\"json_serialize\"");
    } else if (call && FROM_ARGUMENTS.contains(w)) {
      deferred.add(p);
    } else if (w.equals("approximate") && c.isKind(p + 1, Kind.WORD)) {
      edits.blank(p, p);
    } else if (call && DATE_PART_FIRST.contains(w)) {
      // An unquoted date part (DAY) becomes the text argument that PostgreSQL's and the
      // bootstrap's functions take.
      Token part = c.tok(p + 2);
      if (part != null && part.kind() == Kind.WORD && c.isSym(p + 3, ",")) {
        edits.set(p + 2, "'" + TokenCursor.lower(part) + "'");
      }
    }
  }

  /**
   * Rewrites the calls {@link #rewrite} marked, innermost (last) first, so an outer rewrite copies
   * the already rewritten text of its arguments.
   */
  void finish() {
    for (int i = deferred.size() - 1; i >= 0; i--) {
      int p = deferred.get(i);
      int open = p + 1;
      if (c.match(open) < 0) {
        continue;
      }
      switch (c.word(p)) {
        case "decode" -> decode(p, open);
        case "convert" -> convert(p, open);
        case "listagg" -> listagg(p, open);
        case "regexp_replace" -> regexpReplace(p, open);
        default -> median(p, open);
      }
    }
  }

  private String argument(int[] range) {
    return edits.text(range[0], range[1]).strip();
  }

  /** Replaces the call at {@code p}, through its ')' at {@code last}, with {@code text}. */
  private void replace(int p, int last, String text) {
    edits.set(p, text);
    edits.blank(p + 1, last);
  }

  /**
   * DECODE(e, s1, r1, ..., [default]) at {@code p} becomes a CASE (NULL matches NULL, as in
   * Redshift).
   */
  private void decode(int p, int open) {
    List<int[]> args = c.arguments(open);
    if (args.size() < 3) {
      return; // PostgreSQL's decode(text, format)
    }
    String e = argument(args.get(0));
    StringBuilder sb = new StringBuilder("CASE");
    int i = 1;
    for (; i + 1 < args.size(); i += 2) {
      sb.append(" WHEN (")
          .append(e)
          .append(") IS NOT DISTINCT FROM (")
          .append(argument(args.get(i)))
          .append(") THEN ")
          .append(argument(args.get(i + 1)));
    }
    if (i < args.size()) {
      sb.append(" ELSE ").append(argument(args.get(i)));
    }
    sb.append(" END");
    replace(p, c.match(open), sb.toString());
  }

  /** CONVERT(type, expr) becomes CAST(expr AS type); PostgreSQL's 3-argument convert stays. */
  private void convert(int p, int open) {
    List<int[]> args = c.arguments(open);
    if (args.size() != 2) {
      return;
    }
    replace(
        p, c.match(open), "CAST(" + argument(args.get(1)) + " AS " + argument(args.get(0)) + ")");
  }

  /**
   * LISTAGG([DISTINCT] e [, delimiter]) [WITHIN GROUP (ORDER BY ...)] becomes string_agg([DISTINCT]
   * (e)::varchar, delimiter [ORDER BY ...]).
   */
  private void listagg(int p, int open) {
    int close = c.match(open);
    List<int[]> args = c.arguments(open);
    if (args.isEmpty() || args.size() > 2) {
      return;
    }
    int from = args.get(0)[0];
    String distinct = "";
    if (c.isWord(from, "distinct") && from < args.get(0)[1]) {
      distinct = "DISTINCT ";
      from++;
    }
    String e = argument(new int[] {from, args.get(0)[1]});
    String delimiter = args.size() == 2 ? argument(args.get(1)) : "''";
    String order = "";
    int last = close;
    if (c.isWord(close + 1, "within")
        && c.isWord(close + 2, "group")
        && c.isSym(close + 3, "(")
        && c.match(close + 3) > 0) {
      order = " " + edits.text(close + 4, c.match(close + 3) - 1).strip();
      last = c.match(close + 3);
    }
    replace(p, last, "string_agg(" + distinct + "(" + e + ")::varchar, " + delimiter + order + ")");
  }

  /**
   * Redshift's REGEXP_REPLACE(source, pattern [, replacement [, position [, parameters]]]) replaces
   * every match; PostgreSQL's replaces the first unless told: add the 'g' flag (or N = 0 from a
   * position on); parameters 'c' and 'i' become flags, 'p' (Perl syntax) and 'e' are dropped.
   */
  private void regexpReplace(int p, int open) {
    List<int[]> args = c.arguments(open);
    if (args.size() < 2 || args.size() > 5) {
      return;
    }
    List<String> a = new ArrayList<>();
    for (int[] r : args) {
      a.add(argument(r));
    }
    String flags = "";
    if (args.size() == 5) {
      Token f = c.tok(args.get(4)[0]);
      if (args.get(4)[0] != args.get(4)[1] || f.kind() != Kind.STRING) {
        return; // not a literal: leave it to PostgreSQL
      }
      flags = f.stringValue().replaceAll("[^ci]", "");
    }
    String replacement = args.size() >= 3 ? a.get(2) : "''";
    String call;
    if (args.size() >= 4) {
      call =
          "regexp_replace("
              + a.get(0)
              + ", "
              + a.get(1)
              + ", "
              + replacement
              + ", "
              + a.get(3)
              + ", 0"
              + (flags.isEmpty() ? "" : ", '" + flags + "'")
              + ")";
    } else {
      call = "regexp_replace(" + a.get(0) + ", " + a.get(1) + ", " + replacement + ", 'g')";
    }
    replace(p, c.match(open), call);
  }

  /** MEDIAN(e) becomes percentile_cont(0.5) WITHIN GROUP (ORDER BY e) (aggregate form only). */
  private void median(int p, int open) {
    int close = c.match(open);
    if (c.isWord(close + 1, "over")) {
      return;
    }
    List<int[]> args = c.arguments(open);
    if (args.size() != 1) {
      return;
    }
    replace(p, close, "percentile_cont(0.5) WITHIN GROUP (ORDER BY " + argument(args.get(0)) + ")");
  }
}
