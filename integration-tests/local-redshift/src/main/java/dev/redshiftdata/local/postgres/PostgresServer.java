package dev.redshiftdata.local.postgres;

import dev.redshiftdata.local.DatabaseUser;
import dev.redshiftdata.local.Endpoint;
import dev.redshiftdata.local.LocalRedshiftConfig;
import dev.redshiftdata.local.bulk.BulkBootstrap;
import dev.redshiftdata.local.catalog.SvvColumnsBootstrap;
import dev.redshiftdata.local.dialect.RedshiftBootstrap;
import dev.redshiftdata.local.dialect.RedshiftSqlTranslator;
import dev.redshiftdata.local.history.HistoryBootstrap;
import dev.redshiftdata.local.ml.ModelBootstrap;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The embedded PostgreSQL 17 that runs every statement of the local Redshift. It runs in UTC
 * whatever the host's zone (so TIMESTAMPTZ text is the same everywhere) and with {@code
 * standard_conforming_strings=off}, Redshift's literal semantics (backslash escapes in ordinary
 * string literals).
 */
public final class PostgresServer implements AutoCloseable {

  private static final String SUPERUSER = "postgres";

  private final EmbeddedPostgres postgres;

  private PostgresServer(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  public static PostgresServer start(LocalRedshiftConfig config) throws IOException, SQLException {
    EmbeddedPostgres.Builder builder =
        EmbeddedPostgres.builder()
            .setCleanDataDirectory(true)
            .setServerConfig("timezone", "UTC")
            .setServerConfig("log_timezone", "UTC")
            .setServerConfig("standard_conforming_strings", "off")
            .setServerConfig("escape_string_warning", "off")
            .setServerConfig("max_connections", "300")
            .setServerConfig("fsync", "off")
            .setServerConfig("synchronous_commit", "off")
            .setServerConfig("full_page_writes", "off")
            .setServerConfig("shared_buffers", "128MB")
            .setLocaleConfig("locale", "C.UTF-8")
            .setLocaleConfig("encoding", "UTF8");
    if (config.postgresPort() > 0) {
      builder.setPort(config.postgresPort());
    }
    PostgresServer server = new PostgresServer(builder.start());
    try {
      server.createUsersAndDatabases(config);
    } catch (SQLException | RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  private void createUsersAndDatabases(LocalRedshiftConfig config) throws SQLException {
    try (Connection c = connect("postgres", SUPERUSER);
        Statement s = c.createStatement()) {
      for (DatabaseUser user : config.users()) {
        s.execute(
            "CREATE ROLE "
                + quote(user.name())
                + " LOGIN"
                + (user.superuser() ? " SUPERUSER" : ""));
      }
      for (Endpoint endpoint : config.endpoints()) {
        for (String database : endpoint.databases()) {
          s.execute(
              "CREATE DATABASE "
                  + quote(endpoint.postgresDatabase(database))
                  + " OWNER "
                  + quote(config.adminUser().name()));
        }
      }
    }
    for (Endpoint endpoint : config.endpoints()) {
      for (String database : endpoint.databases()) {
        try (Connection c = connect(endpoint.postgresDatabase(database), SUPERUSER);
            Statement s = c.createStatement()) {
          for (String sql : RedshiftBootstrap.statements()) {
            s.execute(sql);
          }
          for (String sql : BulkBootstrap.statements()) {
            s.execute(sql);
          }
          for (String sql : HistoryBootstrap.statements()) {
            s.execute(sql);
          }
          for (String sql : SvvColumnsBootstrap.statements()) {
            s.execute(sql);
          }
          for (String sql : ModelBootstrap.statements()) {
            s.execute(sql);
          }
          // Redshift users see PUBLIC but not each other's tables unless granted; keep PG's
          // defaults.
          s.execute("GRANT USAGE ON SCHEMA public TO PUBLIC");
          // The cluster default of enable_case_sensitive_identifier, read by SHOW and restored by
          // RESET.
          s.execute(
              "ALTER DATABASE "
                  + quote(endpoint.postgresDatabase(database))
                  + " SET "
                  + RedshiftSqlTranslator.CASE_SENSITIVE_SETTING
                  + " = '"
                  + (config.caseSensitiveIdentifiers() ? "on" : "off")
                  + "'");
        }
      }
    }
  }

  /** A new connection to a PostgreSQL database as a role; the caller closes it. */
  public Connection connect(String postgresDatabase, String role) throws SQLException {
    Properties props = new Properties();
    props.setProperty("user", role);
    // Data API parameters are strings that Redshift converts implicitly: send them untyped.
    props.setProperty("stringtype", "unspecified");
    props.setProperty("ApplicationName", "local-redshift");
    return DriverManager.getConnection(jdbcUrl(postgresDatabase), props);
  }

  public String jdbcUrl(String postgresDatabase) {
    return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + postgresDatabase;
  }

  public int port() {
    return postgres.getPort();
  }

  public static String superuser() {
    return SUPERUSER;
  }

  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
