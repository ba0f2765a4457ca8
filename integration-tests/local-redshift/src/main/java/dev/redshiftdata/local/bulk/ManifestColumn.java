package dev.redshiftdata.local.bulk;

import dev.redshiftdata.local.catalog.RedshiftTypeNames;
import dev.redshiftdata.local.catalog.RedshiftTypeNames.RedshiftType;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.Locale;

/**
 * A result column as a MANIFEST VERBOSE describes it: {@code {"name": ..., "type": {"base":
 * "character varying", "byte_length": 200}}}, {@code {"base": "numeric", "precision": 18, "scale":
 * 2}}, {@code {"base": "bigint"}}.
 */
record ManifestColumn(String name, String base, int precision, int scale, int byteLength) {

  static ManifestColumn of(ResultSetMetaData md, int index) throws SQLException {
    String name = md.getColumnLabel(index).toLowerCase(Locale.ROOT);
    String type = md.getColumnTypeName(index).toLowerCase(Locale.ROOT);
    int precision = md.getPrecision(index);
    return switch (type) {
      case "int2" -> simple(name, "smallint");
      case "int4", "oid" -> simple(name, "integer");
      case "int8" -> simple(name, "bigint");
      case "numeric" -> {
        // The result-metadata rule: an unconstrained numeric (e.g. an aggregate) is numeric(38,18).
        RedshiftType t = RedshiftTypeNames.ofJdbc(type, precision, md.getScale(index));
        yield new ManifestColumn(name, "numeric", t.precision(), t.scale(), 0);
      }
      case "float4" -> simple(name, "real");
      case "float8" -> simple(name, "double precision");
      case "bool" -> simple(name, "boolean");
      case "bpchar", "char" -> new ManifestColumn(name, "character", 0, 0, Math.max(1, precision));
      // Redshift has no unbounded text: an unsized PostgreSQL text reports Redshift's maximum.
      case "varchar", "text" ->
          new ManifestColumn(
              name,
              "character varying",
              0,
              0,
              RedshiftTypeNames.ofJdbc(type, precision, 0).precision());
      case "name" ->
          new ManifestColumn(
              name, "character varying", 0, 0, RedshiftTypeNames.of(type, -1).precision());
      case "date" -> simple(name, "date");
      case "timestamp" -> simple(name, "timestamp without time zone");
      case "timestamptz" -> simple(name, "timestamp with time zone");
      case "time" -> simple(name, "time without time zone");
      case "timetz" -> simple(name, "time with time zone");
      case "jsonb", "json", "super" -> simple(name, "super");
      case "bytea", "varbyte" -> simple(name, "varbyte");
      default -> simple(name, type);
    };
  }

  private static ManifestColumn simple(String name, String base) {
    return new ManifestColumn(name, base, 0, 0, 0);
  }
}
