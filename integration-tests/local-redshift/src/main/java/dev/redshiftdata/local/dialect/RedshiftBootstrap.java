package dev.redshiftdata.local.dialect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * SQL run once in every PostgreSQL database of the local Redshift so it speaks Redshift's dialect:
 * type names (SUPER, VARBYTE, GEOMETRY, ...) and common Redshift functions (GETDATE, NVL2,
 * JSON_PARSE, ...), and VARCHAR comparisons that ignore trailing blanks ({@link
 * VarcharComparison}).
 *
 * <p>The SQL is in the {@code .sql} resources of this package, run in the order of {@link
 * #SCRIPTS}; this class orders them and fills in the names the Java code shares with them ({@code
 * {{TABLE_ATTRIBUTES_TABLE}}}, {@code {{LATE_BINDING_TABLE}}}, {@code {{LATE_BINDING_MARKER}}}).
 * {@link VarcharComparison}'s statements are built in Java (one per operator and argument pair).
 *
 * <p>Everything Redshift-like lives in {@code pg_catalog} (always on the search path, like
 * Redshift's own functions), so user schemas stay clean and {@code DROP SCHEMA public CASCADE}
 * cannot remove it. An empty {@code pg_internal} schema exists so that ListSchemas of a fresh
 * database matches Redshift; it also holds the local Redshift's own bookkeeping (hidden from
 * ListTables).
 *
 * <h2>Session settings read by functions (the contract for the Data API server and the bulk path)
 * </h2>
 *
 * <ul>
 *   <li>{@code pg_last_copy_count()} (bigint) returns {@code
 *       current_setting('localredshift.last_copy_count')}, 0 when unset: the bulk path runs {@code
 *       SET localredshift.last_copy_count = 'n'} on the session's connection after a COPY loaded n
 *       rows.
 *   <li>{@code pg_last_unload_count()} (bigint) reads {@code localredshift.last_unload_count}, 0
 *       when unset.
 *   <li>{@code pg_last_query_id()} (integer) reads {@code localredshift.last_query_id}, -1 when
 *       unset: the Data API server sets it to each statement's RedshiftQueryId on the statement's
 *       connection after it ran.
 *   <li>{@code pg_last_copy_id()} (integer) reads {@code localredshift.last_copy_id}, -1 when
 *       unset.
 *   <li>{@code localredshift.enable_case_sensitive_identifier} ('on'/'off') mirrors Redshift's
 *       {@code enable_case_sensitive_identifier}: {@link RedshiftSqlTranslator} turns {@code SET},
 *       {@code RESET} and {@code SHOW} of it into statements on this setting; its database default
 *       is the cluster default set by {@code PostgresServer}.
 * </ul>
 *
 * <h2>Late-binding views</h2>
 *
 * {@code CREATE VIEW ... WITH NO SCHEMA BINDING} is translated into a plain view prefixed with
 * {@link RedshiftSqlTranslator#LATE_BINDING_MARKER}; an event trigger records the view's oid in
 * {@value #LATE_BINDING_TABLE} (and forgets it when the view is replaced without the clause or
 * dropped), so DescribeTable can answer for it as Redshift does, with no columns.
 *
 * <h2>Table attributes, byte lengths, APPEND, EXPLAIN</h2>
 *
 * An event trigger records the attributes the translator carries in its {@link
 * RedshiftSqlTranslator#TABLE_ATTRIBUTES_MARKER} comment in {@value #TABLE_ATTRIBUTES_TABLE} (every
 * new table gets a row, with Redshift's defaults when there is no comment); {@code svv_table_info}
 * and {@code pg_table_def} show them. {@code localredshift_value_too_long} / {@code
 * localredshift_multibyte_char} raise the errors of the translator's byte-length CHECK constraints;
 * {@code localredshift_append_from} moves rows for ALTER TABLE APPEND; {@code
 * localredshift_explain} shapes EXPLAIN output as Redshift's.
 */
public final class RedshiftBootstrap {
  private RedshiftBootstrap() {}

  /** Side table of late-binding views: one row per view oid. Readable by everyone. */
  public static final String LATE_BINDING_TABLE = "pg_internal.localredshift_late_binding_views";

  /**
   * Side table of Redshift table attributes, one row per table created after the bootstrap:
   * diststyle (AUTO, EVEN, KEY, ALL), distkey (attnum), sortkey_type (AUTO, NONE, COMPOUND,
   * INTERLEAVED), sortkey (attnums), encodings ({attnum: encoding} of columns given an ENCODE),
   * encode_auto, backup, create_time. Written by an event trigger from the {@link
   * RedshiftSqlTranslator#TABLE_ATTRIBUTES_MARKER} comment; read by {@code svv_table_info} and
   * {@code pg_table_def}.
   */
  public static final String TABLE_ATTRIBUTES_TABLE = "pg_internal.localredshift_table_attributes";

  /**
   * The SQL files of this package, in the order they run: each one's objects depend only on those
   * of the files before it.
   */
  static final List<String> SCRIPTS =
      List.of(
          "types.sql",
          "datetime_functions.sql",
          "functions.sql",
          "translator_support.sql",
          "table_attributes.sql",
          "catalog_views.sql",
          "late_binding_views.sql");

  /** Statements to run, in order, as the superuser, in a freshly created database. */
  public static List<String> statements() {
    // pg_internal (the pg_ prefix is reserved) and objects in pg_catalog need this, for the
    // superuser only.
    List<String> all = new ArrayList<>();
    all.add("SET allow_system_table_mods = on");
    Map<String, String> values =
        Map.of(
            "TABLE_ATTRIBUTES_TABLE", TABLE_ATTRIBUTES_TABLE,
            "LATE_BINDING_TABLE", LATE_BINDING_TABLE,
            "LATE_BINDING_MARKER", RedshiftSqlTranslator.LATE_BINDING_MARKER);
    for (String script : SCRIPTS) {
      all.addAll(SqlScript.statements(script, values));
    }
    // Built in Java: one function and operator per comparison and argument pair.
    all.addAll(VarcharComparison.statements());
    all.add("RESET allow_system_table_mods");
    return List.copyOf(all);
  }
}
