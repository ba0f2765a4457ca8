package dev.redshiftdata.local.dialect;

import java.util.ArrayList;
import java.util.List;

/**
 * Redshift's VARCHAR comparison in PostgreSQL: trailing blanks are insignificant when VARCHAR
 * values are compared (AWS "Character types", "Significance of trailing blanks": {@code 'ab' = 'ab
 * '}), while PostgreSQL compares varchar as text ({@code 'ab' <> 'ab '}).
 *
 * <p>{@code = <> < <= > >=} on {@code (varchar, varchar)} (and varchar with bpchar, either way) in
 * {@code pg_catalog} run PostgreSQL's own bpchar functions (varchar and bpchar share one
 * representation; bpchar's ignore trailing blanks), so {@code varchar_col = 'literal'} and joins of
 * varchar columns resolve to them. Default btree and hash operator classes for varchar make GROUP
 * BY, DISTINCT, ORDER BY, merge and hash joins (MERGE on varchar keys) agree with them. {@code
 * LENGTH} still counts the blanks, as in Redshift; {@code LIKE} and expressions of type text
 * compare as before. The order is the database's collation, {@code C.UTF-8} ({@code
 * PostgresServer}): code points, as Spark's binary order.
 */
final class VarcharComparison {

  private VarcharComparison() {}

  private record Op(String name, String function, String commutator, String negator, String sel) {}

  private static final List<Op> OPS =
      List.of(
          new Op("=", "bpchareq", "=", "<>", "eqsel, JOIN = eqjoinsel, HASHES, MERGES"),
          new Op("<>", "bpcharne", "<>", "=", "neqsel, JOIN = neqjoinsel"),
          new Op("<", "bpcharlt", ">", ">=", "scalarltsel, JOIN = scalarltjoinsel"),
          new Op("<=", "bpcharle", ">=", ">", "scalarlesel, JOIN = scalarlejoinsel"),
          new Op(">", "bpchargt", "<", "<=", "scalargtsel, JOIN = scalargtjoinsel"),
          new Op(">=", "bpcharge", "<=", "<", "scalargesel, JOIN = scalargejoinsel"));

  /** Statements to run as the superuser (with {@code allow_system_table_mods} on). */
  static List<String> statements() {
    List<String> out = new ArrayList<>();
    for (Op op : OPS) {
      // varchar with varchar; with bpchar either way too, else CHAR = VARCHAR would be ambiguous
      for (String[] args :
          new String[][] {{"varchar", "varchar"}, {"bpchar", "varchar"}, {"varchar", "bpchar"}}) {
        String fn = "localredshift_" + args[0] + "_" + args[1] + "_" + op.function();
        out.add(internal(fn, args[0] + ", " + args[1], "boolean", op.function()));
        boolean same = args[0].equals(args[1]);
        out.add(
            "CREATE OPERATOR pg_catalog."
                + op.name()
                + " (LEFTARG = "
                + args[0]
                + ", RIGHTARG = "
                + args[1]
                + ", FUNCTION = pg_catalog."
                + fn
                + ", COMMUTATOR = OPERATOR(pg_catalog."
                + op.commutator()
                + "), NEGATOR = OPERATOR(pg_catalog."
                + op.negator()
                + "), RESTRICT = "
                + (same ? op.sel() : op.sel().replace(", HASHES, MERGES", ""))
                + ")");
      }
    }
    out.add(internal("localredshift_varchar_cmp", "varchar, varchar", "integer", "bpcharcmp"));
    out.add(internal("localredshift_varchar_hash", "varchar", "integer", "hashbpchar"));
    out.add(
        internal(
            "localredshift_varchar_hash_extended",
            "varchar, bigint",
            "bigint",
            "hashbpcharextended"));
    out.add(
        """
        CREATE OPERATOR CLASS pg_catalog.localredshift_varchar_ops DEFAULT FOR TYPE varchar USING btree AS
          OPERATOR 1 pg_catalog.< (varchar, varchar), OPERATOR 2 pg_catalog.<= (varchar, varchar),
          OPERATOR 3 pg_catalog.= (varchar, varchar), OPERATOR 4 pg_catalog.>= (varchar, varchar),
          OPERATOR 5 pg_catalog.> (varchar, varchar),
          FUNCTION 1 pg_catalog.localredshift_varchar_cmp(varchar, varchar)""");
    out.add(
        """
        CREATE OPERATOR CLASS pg_catalog.localredshift_varchar_ops DEFAULT FOR TYPE varchar USING hash AS
          OPERATOR 1 pg_catalog.= (varchar, varchar),
          FUNCTION 1 pg_catalog.localredshift_varchar_hash(varchar),
          FUNCTION 2 pg_catalog.localredshift_varchar_hash_extended(varchar, bigint)""");
    return out;
  }

  /** A function that runs PostgreSQL's built-in C function {@code symbol} (no call overhead). */
  private static String internal(String name, String args, String returns, String symbol) {
    return "CREATE FUNCTION pg_catalog."
        + name
        + "("
        + args
        + ") RETURNS "
        + returns
        + " LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF AS '"
        + symbol
        + "'";
  }
}
