package dev.redshiftdata.local.dialect;

import static dev.redshiftdata.local.dialect.TokenEdits.literal;

import dev.redshiftdata.local.dialect.SqlLexer.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * SHOW SCHEMAS FROM DATABASE db, SHOW TABLES FROM SCHEMA db.schema, SHOW COLUMNS FROM TABLE
 * db.schema.table, each with optional LIKE 'pattern' and LIMIT n, as queries on PostgreSQL's
 * catalog with Redshift's result columns (the database name is echoed as written).
 */
final class ShowMetadata {
  private ShowMetadata() {}

  /** The parts of a SHOW: what is listed, the container's name parts, the options. */
  private record Show(String what, List<String> names, String like, String limit) {}

  /** The catalog query for the SHOW in {@code c}; null when {@code c} holds no such SHOW. */
  static String translate(TokenCursor c) {
    Show show = parse(c);
    if (show == null) {
      return null;
    }
    return switch (show.what()) {
      case "schemas" -> schemas(show);
      case "tables" -> tables(show);
      default -> columns(show);
    };
  }

  private static Show parse(TokenCursor c) {
    if (!c.isWord(0, "show") || !c.isWord(2, "from")) {
      return null;
    }
    String what = c.word(1);
    String container = c.word(3);
    if (what == null || container == null) {
      return null;
    }
    int parts =
        switch (what) {
          case "schemas" -> "database".equals(container) ? 1 : -1;
          case "tables" -> "schema".equals(container) ? 2 : -1;
          case "columns" -> "table".equals(container) ? 3 : -1;
          default -> -1;
        };
    if (parts < 0) {
      return null;
    }
    List<String> names = new ArrayList<>();
    int p = 4;
    for (int i = 0; i < parts; i++) {
      String n = c.name(p);
      if (n == null) {
        return null;
      }
      names.add(n);
      p++;
      if (i < parts - 1) {
        if (!c.isSym(p, ".")) {
          return null;
        }
        p++;
      }
    }
    String like = null;
    if (c.isWord(p, "like") && c.isKind(p + 1, Kind.STRING)) {
      like = c.tok(p + 1).stringValue();
      p += 2;
    }
    String limit = "";
    if (c.isWord(p, "limit") && c.isKind(p + 1, Kind.NUMBER)) {
      limit = " LIMIT " + c.tok(p + 1).text();
      p += 2;
    }
    if (c.isSym(p, ";")) {
      p++;
    }
    return p == c.size() ? new Show(what, names, like, limit) : null;
  }

  private static String schemas(Show show) {
    return query(
        show,
        " n.nspname::varchar AS schema_name,"
            + " n.nspowner::integer AS schema_owner, 'local'::varchar AS schema_type,"
            + " array_to_string(n.nspacl, ',')::varchar AS schema_acl, NULL::varchar AS source_database,"
            + " NULL::varchar AS schema_option FROM pg_catalog.pg_namespace n"
            + " WHERE n.nspname !~ '^pg_toast' AND (n.nspname !~ '^pg_temp_' OR n.oid = pg_catalog.pg_my_temp_schema())",
        "n.nspname",
        "schema_name");
  }

  private static String tables(Show show) {
    return query(
        show,
        " n.nspname::varchar AS schema_name, c.relname::varchar AS table_name,"
            + " (CASE WHEN c.relkind IN ('v', 'm') THEN 'VIEW' ELSE 'TABLE' END)::varchar AS table_type,"
            + " array_to_string(c.relacl, ',')::varchar AS table_acl,"
            + " pg_catalog.obj_description(c.oid, 'pg_class')::varchar AS remarks"
            + " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE n.nspname = "
            + literal(show.names().get(1))
            + " AND c.relkind IN ('r', 'p', 'v', 'm', 'f')"
            + " AND c.relname !~ '^localredshift_'",
        "c.relname",
        "table_name");
  }

  private static String columns(Show show) {
    return query(
        show,
        " table_schema::varchar AS schema_name,"
            + " table_name::varchar AS table_name, column_name::varchar AS column_name,"
            + " ordinal_position::integer AS ordinal_position, column_default::varchar AS column_default,"
            + " is_nullable::varchar AS is_nullable, data_type::varchar AS data_type,"
            + " character_maximum_length::integer AS character_maximum_length,"
            + " numeric_precision::integer AS numeric_precision, numeric_scale::integer AS numeric_scale,"
            + " NULL::varchar AS remarks FROM information_schema.columns"
            + " WHERE table_schema = "
            + literal(show.names().get(1))
            + " AND table_name = "
            + literal(show.names().get(2)),
        "column_name",
        "ordinal_position");
  }

  /**
   * The query with the database name as written first, then {@code body} (the other columns, FROM
   * and WHERE), the LIKE pattern on {@code likeColumn}, ORDER BY {@code orderBy} and the LIMIT.
   */
  private static String query(Show show, String body, String likeColumn, String orderBy) {
    return "SELECT "
        + literal(show.names().get(0))
        + "::varchar AS database_name,"
        + body
        + (show.like() == null ? "" : " AND " + likeColumn + " LIKE " + literal(show.like()))
        + " ORDER BY "
        + orderBy
        + show.limit();
  }
}
