package dev.redshiftdata.local.catalog;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Maps a PostgreSQL type (name + type modifier) to what Redshift reports for it in {@code ColumnMetadata}:
 * {@code typeName}, {@code precision}, {@code scale}, {@code isSigned}, {@code isCaseSensitive}. Pure.
 *
 * <p>Values follow the observed GetStatementResult metadata (reference §3.2: int2 5, int4 10, int8 19,
 * varchar(n)/bpchar(n) n, timestamp 29/6) and, where nothing was observed, the JDBC driver Redshift's
 * driver derives from (float4 8/8, float8 17/17, bool 1, date 13, time 15/6, timetz 21/6, timestamptz 35/6).
 * Unbounded character data reports 2147483647 (as DescribeTable did for {@code character_data}, §3.3).
 *
 * <p>PostgreSQL sends a domain column's <em>base</em> type in result metadata, so result columns of the
 * local Redshift's {@code super} and {@code varbyte} domains arrive as {@code jsonb} and {@code bytea}: those
 * (which Redshift does not have) map back to {@code super} and {@code varbyte}. {@code geometry},
 * {@code geography} and {@code hllsketch} can only be told apart in the catalog (DescribeTable).
 */
public final class RedshiftTypeNames {

  /** What Redshift reports for one column type. */
  public record RedshiftType(
      String typeName, int precision, int scale, boolean isSigned, boolean isCaseSensitive) {}

  /** Precision reported for unbounded character data. */
  public static final int UNBOUNDED = 2147483647;

  /** Precision and scale reported for NUMERIC without a declared precision (only computed values have it). */
  public static final int UNCONSTRAINED_NUMERIC_PRECISION = 38;

  public static final int UNCONSTRAINED_NUMERIC_SCALE = 18;

  private static final Map<String, String> ALIASES =
      Map.ofEntries(
          Map.entry("text", "varchar"),
          Map.entry("character varying", "varchar"),
          Map.entry("character", "bpchar"),
          Map.entry("jsonb", "super"),
          Map.entry("json", "super"),
          Map.entry("bytea", "varbyte"),
          Map.entry("varbinary", "varbyte"),
          Map.entry("smallint", "int2"),
          Map.entry("integer", "int4"),
          Map.entry("int", "int4"),
          Map.entry("bigint", "int8"),
          Map.entry("real", "float4"),
          Map.entry("double precision", "float8"),
          Map.entry("float", "float8"),
          Map.entry("boolean", "bool"),
          Map.entry("decimal", "numeric"),
          Map.entry("timestamp without time zone", "timestamp"),
          Map.entry("timestamp with time zone", "timestamptz"),
          Map.entry("time without time zone", "time"),
          Map.entry("time with time zone", "timetz"),
          Map.entry("unknown", "varchar"));

  private static final Set<String> SIGNED = Set.of("int2", "int4", "int8", "numeric", "float4", "float8");

  private static final Set<String> CASE_INSENSITIVE =
      Set.of("int2", "int4", "int8", "oid", "numeric", "float4", "float8", "bool", "date", "time", "timetz",
          "timestamp", "timestamptz", "interval");

  private RedshiftTypeNames() {}

  /**
   * The Redshift type of a PostgreSQL type as result metadata or the catalog names it ({@code int4},
   * {@code varchar}, {@code text}, {@code jsonb}, ... ; SQL spellings such as {@code character varying} are
   * accepted) with its type modifier ({@code atttypmod}; -1 when none).
   */
  public static RedshiftType of(String pgTypeName, int typmod) {
    String name = normalize(pgTypeName);
    int precision;
    int scale = 0;
    switch (name) {
      case "int2" -> precision = 5;
      case "int4", "oid" -> precision = 10;
      case "int8" -> precision = 19;
      case "float4" -> {
        precision = 8;
        scale = 8;
      }
      case "float8" -> {
        precision = 17;
        scale = 17;
      }
      case "bool" -> precision = 1;
      case "numeric" -> {
        if (typmod >= 4) {
          precision = ((typmod - 4) >> 16) & 0xffff;
          scale = (typmod - 4) & 0xffff;
        } else {
          precision = UNCONSTRAINED_NUMERIC_PRECISION;
          scale = UNCONSTRAINED_NUMERIC_SCALE;
        }
      }
      case "varchar" -> precision = typmod >= 4 ? typmod - 4 : UNBOUNDED;
      case "bpchar" -> precision = typmod >= 4 ? typmod - 4 : 1;
      case "name" -> precision = 64;
      case "char" -> precision = 1;
      case "date" -> precision = 13;
      case "time" -> {
        precision = 15;
        scale = 6;
      }
      case "timetz" -> {
        precision = 21;
        scale = 6;
      }
      case "timestamp" -> {
        precision = 29;
        scale = 6;
      }
      case "timestamptz" -> {
        precision = 35;
        scale = 6;
      }
      case "interval" -> {
        precision = 49;
        scale = 6;
      }
      default -> precision = 0;
    }
    return new RedshiftType(name, precision, scale, SIGNED.contains(name), !CASE_INSENSITIVE.contains(name));
  }

  /**
   * A catalog column's Redshift type: a domain reports its own name with the base type's precision, scale,
   * sign and case sensitivity (the domain's type modifier applies); the local Redshift's own domains
   * ({@code super}, {@code varbyte}, {@code geometry}, {@code geography}, {@code hllsketch}) report their name
   * and precision 0.
   *
   * @param typeName {@code pg_type.typname} of the column's type
   * @param domainBaseTypeName {@code typname} of the base type when the type is a domain, else null
   * @param typmod the column's (or for a domain, the domain's) type modifier
   */
  public static RedshiftType ofColumn(String typeName, String domainBaseTypeName, int typmod) {
    String name = typeName.toLowerCase(Locale.ROOT);
    if (Set.of("super", "varbyte", "geometry", "geography", "hllsketch").contains(name)) {
      return new RedshiftType(name, 0, 0, false, true);
    }
    if (domainBaseTypeName == null) {
      return of(typeName, typmod);
    }
    RedshiftType base = of(domainBaseTypeName, typmod);
    return new RedshiftType(
        typeName, base.precision(), base.scale(), base.isSigned(), base.isCaseSensitive());
  }

  /**
   * For result metadata read through JDBC: the type as {@code ResultSetMetaData.getColumnTypeName} names it,
   * with the precision and scale {@code getPrecision}/{@code getScale} report, which carry the declared length
   * of varchar/bpchar and precision/scale of numeric. Other types take their fixed values.
   */
  public static RedshiftType ofJdbc(String pgTypeName, int jdbcPrecision, int jdbcScale) {
    RedshiftType t = of(pgTypeName, -1);
    return switch (t.typeName()) {
      case "varchar", "bpchar" ->
          jdbcPrecision > 0 && jdbcPrecision < UNBOUNDED
              ? new RedshiftType(t.typeName(), jdbcPrecision, 0, false, true)
              : t;
      case "numeric" ->
          jdbcPrecision > 0 && jdbcPrecision <= 1000
              ? new RedshiftType("numeric", jdbcPrecision, Math.max(0, jdbcScale), true, false)
              : t;
      default -> t;
    };
  }

  private static String normalize(String pgTypeName) {
    String name = pgTypeName.toLowerCase(Locale.ROOT).strip();
    if (name.startsWith("\"") && name.endsWith("\"") && name.length() > 1) {
      name = name.substring(1, name.length() - 1);
    }
    if (name.startsWith("pg_catalog.")) {
      name = name.substring("pg_catalog.".length());
    }
    int paren = name.indexOf('(');
    if (paren > 0) {
      name = name.substring(0, paren).strip();
    }
    return ALIASES.getOrDefault(name, name);
  }
}
