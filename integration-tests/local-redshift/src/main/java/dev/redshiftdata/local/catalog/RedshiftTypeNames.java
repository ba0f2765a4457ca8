package dev.redshiftdata.local.catalog;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Maps a PostgreSQL type (name + type modifier) to what Redshift reports for it in {@code
 * ColumnMetadata}: {@code typeName}, {@code precision}, {@code scale}, {@code isSigned}, {@code
 * isCaseSensitive}. Pure.
 *
 * <p>Values follow the observed GetStatementResult metadata (reference §3.2: int2 5, int4 10, int8
 * 19, varchar(n)/bpchar(n) n, timestamp 29/6) and, where nothing was observed, the JDBC driver
 * Redshift's driver derives from (float4 8/8, float8 17/17, bool 1, date 13, time 15/6, timetz
 * 21/6, timestamptz 35/6).
 *
 * <p>Unified rules (DescribeTable, GetStatementResult and the UNLOAD Parquet/manifest schema all
 * use them):
 *
 * <ul>
 *   <li>NUMERIC without a declared precision (in PostgreSQL e.g. {@code sum(numeric(12,2))}, {@code
 *       avg}, a view over them) is NUMERIC(38,18): Redshift's sum of DECIMAL(p,s) is DECIMAL(38,s),
 *       but metadata cannot know s, so the widest precision with a scale that keeps typical
 *       fractions. A precision above 38 (not declarable in Redshift) is treated the same way.
 *   <li>VARCHAR/TEXT without a length (a computed string) is 65535, Redshift's VARCHAR maximum:
 *       Redshift has no unbounded text. Only a <em>domain</em> over unbounded character data keeps
 *       2147483647, which is what DescribeTable reported for {@code
 *       information_schema.character_data} (§3.3).
 *   <li>{@code super} 65535, case sensitive; {@code varbyte} 64000 (Redshift's default VARBYTE
 *       length; the local domain carries no length), not case sensitive; {@code geometry}, {@code
 *       geography}, {@code hllsketch} 0, not case sensitive.
 * </ul>
 *
 * <p>PostgreSQL sends a domain column's <em>base</em> type in result metadata, so result columns of
 * the local Redshift's {@code super} and {@code varbyte} domains arrive as {@code jsonb} and {@code
 * bytea}: those (which Redshift does not have) map back to {@code super} and {@code varbyte}.
 * {@code geometry}, {@code geography} and {@code hllsketch} can only be told apart in the catalog
 * (DescribeTable).
 */
public final class RedshiftTypeNames {

  /** What Redshift reports for one column type. */
  public record RedshiftType(
      String typeName, int precision, int scale, boolean isSigned, boolean isCaseSensitive) {}

  /**
   * Precision reported for a domain over unbounded character data
   * (information_schema.character_data).
   */
  public static final int UNBOUNDED = 2147483647;

  /** Precision reported for VARCHAR/TEXT without a length: Redshift's VARCHAR maximum. */
  public static final int MAX_VARCHAR = 65535;

  /** Precision of {@code super}. */
  public static final int SUPER_PRECISION = 65535;

  /** Precision of {@code varbyte}: Redshift's default VARBYTE length. */
  public static final int VARBYTE_PRECISION = 64000;

  /** Redshift's largest DECIMAL precision. */
  public static final int MAX_NUMERIC_PRECISION = 38;

  /**
   * Precision and scale reported for NUMERIC without a declared precision (only computed values
   * have it).
   */
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

  private static final Set<String> SIGNED =
      Set.of("int2", "int4", "int8", "numeric", "float4", "float8");

  private static final Set<String> CASE_INSENSITIVE =
      Set.of(
          "int2",
          "int4",
          "int8",
          "oid",
          "numeric",
          "float4",
          "float8",
          "bool",
          "date",
          "time",
          "timetz",
          "timestamp",
          "timestamptz",
          "interval",
          "varbyte",
          "geometry",
          "geography",
          "hllsketch");

  private static final Set<String> LOCAL_DOMAINS =
      Set.of("super", "varbyte", "geometry", "geography", "hllsketch");

  private RedshiftTypeNames() {}

  /**
   * The Redshift type of a PostgreSQL type as result metadata or the catalog names it ({@code
   * int4}, {@code varchar}, {@code text}, {@code jsonb}, ... ; SQL spellings such as {@code
   * character varying} are accepted) with its type modifier ({@code atttypmod}; -1 when none).
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
        int p = typmod >= 4 ? ((typmod - 4) >> 16) & 0xffff : 0;
        if (p > 0 && p <= MAX_NUMERIC_PRECISION) {
          precision = p;
          scale = (typmod - 4) & 0xffff;
        } else {
          precision = UNCONSTRAINED_NUMERIC_PRECISION;
          scale = UNCONSTRAINED_NUMERIC_SCALE;
        }
      }
      case "varchar" -> precision = typmod >= 4 ? typmod - 4 : MAX_VARCHAR;
      case "super" -> precision = SUPER_PRECISION;
      case "varbyte" -> precision = VARBYTE_PRECISION;
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
    return new RedshiftType(
        name, precision, scale, SIGNED.contains(name), !CASE_INSENSITIVE.contains(name));
  }

  /**
   * A catalog column's Redshift type: a domain reports its own name with the base type's precision,
   * scale, sign and case sensitivity (the domain's type modifier applies; a domain over unbounded
   * character data reports 2147483647, §3.3); the local Redshift's own domains ({@code super},
   * {@code varbyte}, {@code geometry}, {@code geography}, {@code hllsketch}) report what {@link
   * #of} gives for their name.
   *
   * @param typeName {@code pg_type.typname} of the column's type
   * @param domainBaseTypeName {@code typname} of the base type when the type is a domain, else null
   * @param typmod the column's (or for a domain, the domain's) type modifier
   */
  public static RedshiftType ofColumn(String typeName, String domainBaseTypeName, int typmod) {
    String name = typeName.toLowerCase(Locale.ROOT);
    if (isLocalDomain(name)) {
      return of(name, -1);
    }
    if (domainBaseTypeName == null) {
      return of(typeName, typmod);
    }
    RedshiftType base = of(domainBaseTypeName, typmod);
    int precision = base.typeName().equals("varchar") && typmod < 4 ? UNBOUNDED : base.precision();
    return new RedshiftType(
        typeName, precision, base.scale(), base.isSigned(), base.isCaseSensitive());
  }

  /**
   * For result metadata read through JDBC: the type as {@code ResultSetMetaData.getColumnTypeName}
   * names it, with the precision and scale {@code getPrecision}/{@code getScale} report, which
   * carry the declared length of varchar/bpchar and precision/scale of numeric. Other types take
   * their fixed values.
   */
  public static RedshiftType ofJdbc(String pgTypeName, int jdbcPrecision, int jdbcScale) {
    RedshiftType t = of(pgTypeName, -1);
    return switch (t.typeName()) {
      case "varchar", "bpchar" ->
          jdbcPrecision > 0 && jdbcPrecision <= MAX_VARCHAR
              ? new RedshiftType(t.typeName(), jdbcPrecision, 0, false, true)
              : t;
      case "numeric" ->
          jdbcPrecision > 0 && jdbcPrecision <= MAX_NUMERIC_PRECISION
              ? new RedshiftType("numeric", jdbcPrecision, Math.max(0, jdbcScale), true, false)
              : t;
      default -> t;
    };
  }

  /**
   * The local Redshift's own types, PostgreSQL domains whose base type result metadata would
   * report.
   */
  public static boolean isLocalDomain(String typeName) {
    return typeName != null && LOCAL_DOMAINS.contains(typeName.toLowerCase(Locale.ROOT));
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
