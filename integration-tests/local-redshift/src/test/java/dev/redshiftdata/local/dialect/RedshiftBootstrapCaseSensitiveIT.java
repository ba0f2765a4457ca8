package dev.redshiftdata.local.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.local.LocalRedshiftConfig;
import dev.redshiftdata.local.postgres.PostgresServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A local Redshift whose cluster default is enable_case_sensitive_identifier = true. */
class RedshiftBootstrapCaseSensitiveIT {

  private static PostgresServer server;
  private static String database;

  @BeforeAll
  static void start() throws Exception {
    LocalRedshiftConfig config = LocalRedshiftConfig.defaults().caseSensitiveIdentifiers(true);
    server = PostgresServer.start(config);
    database = config.defaultWorkgroup().postgresDatabase("dev");
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static String one(Connection c, String redshiftSql, boolean caseSensitive)
      throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(RedshiftSqlTranslator.toPostgres(redshiftSql, caseSensitive))) {
      assertTrue(rs.next());
      return rs.getString(1);
    }
  }

  @Test
  void clusterDefaultIsOnAndResetReturnsToIt() throws SQLException {
    try (Connection c = server.connect(database, "awsuser");
        Statement s = c.createStatement()) {
      assertEquals("on", one(c, "SHOW enable_case_sensitive_identifier", true));
      assertEquals("off", one(c, "SHOW downcase_delimited_identifier", true));
      s.execute(
          RedshiftSqlTranslator.toPostgres("SET enable_case_sensitive_identifier TO false", true));
      assertEquals("off", one(c, "SHOW enable_case_sensitive_identifier", false));
      s.execute(RedshiftSqlTranslator.toPostgres("RESET enable_case_sensitive_identifier", false));
      assertEquals("on", one(c, "SHOW enable_case_sensitive_identifier", true));
      assertEquals(
          Boolean.TRUE,
          RedshiftSqlTranslator.caseSensitiveIdentifierValue(
              "RESET enable_case_sensitive_identifier", true));
    }
  }

  @Test
  void quotedNamesKeepTheirCaseWhenOn() throws SQLException {
    try (Connection c = server.connect(database, "awsuser");
        Statement s = c.createStatement()) {
      s.execute(
          RedshiftSqlTranslator.toPostgres("CREATE TABLE \"CaseT\" (\"Id\" int, other int)", true));
      s.execute(RedshiftSqlTranslator.toPostgres("INSERT INTO \"CaseT\" VALUES (1, 2)", true));
      assertEquals("1", one(c, "SELECT \"Id\" FROM \"CaseT\"", true));
      assertEquals("2", one(c, "SELECT OTHER FROM \"CaseT\"", true));
      assertEquals("1", one(c, "SELECT count(*) FROM pg_class WHERE relname = 'CaseT'", true));
    }
  }
}
