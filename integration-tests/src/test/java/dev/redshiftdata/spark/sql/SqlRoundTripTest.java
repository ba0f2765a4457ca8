package dev.redshiftdata.spark.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.local.bulk.Authorization;
import dev.redshiftdata.local.bulk.CopyCommand;
import dev.redshiftdata.local.bulk.CopyParser;
import dev.redshiftdata.local.bulk.UnloadCommand;
import dev.redshiftdata.local.bulk.UnloadParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The connector's UNLOAD and COPY text, read back by the local Redshift's pure parsers (no server):
 * the select survives the second escaping layer exactly, and every clause is understood.
 */
class SqlRoundTripTest {

  static final String ROLE = "arn:aws:iam::123456789012:role/bulk";

  static final List<String> HOSTILE_SELECTS =
      List.of(
          SelectBuilder.fromTable(TableName.of("sales", "orders"))
              .withColumns(List.of("id", "Odd \"name\""))
              .build(),
          "SELECT * FROM \"t\" WHERE (\"s\" = 'it''s') AND (\"p\" LIKE 'a\\\\%%' ESCAPE '\\\\')",
          "SELECT * FROM (select 'x'');  DROP TABLE x; --'\n-- comment ' \n) AS q",
          "SELECT '\\\\' AS \"b\", '''' AS \"q\", 'tab\there\r\n' AS \"t\"",
          "SELECT '日本語 😀' AS \"u\"",
          "SELECT ''') TO ''s3://evil/'' IAM_ROLE default --' AS x",
          SelectBuilder.fromQuery("select 'a\\b' as v -- trailing")
              .withWhere(
                  List.of(
                      Literals.string("'); DROP TABLE x; --") + " = \"v\"",
                      "\"v\" LIKE "
                          + Literals.string(PredicateCompiler.escapeLike("50%_\\"))
                          + " ESCAPE '\\\\'"))
              .withLimit(10)
              .buildForUnload());

  @Test
  void unloadSelectSurvivesTheEscapingLayer() {
    for (String select : HOSTILE_SELECTS) {
      String sql =
          new UnloadStatement(
                  select, "s3://bucket/staging/q-1/", ROLE, 256, false, null, null, true)
              .sql();
      UnloadCommand parsed = UnloadParser.parse(sql);
      assertEquals(select, parsed.selectSql(), sql);
      assertEquals("s3://bucket/staging/q-1/", parsed.target());
      assertEquals(UnloadCommand.Format.PARQUET, parsed.format());
      assertTrue(parsed.manifest() && parsed.manifestVerbose());
      assertEquals(256L * 1024 * 1024, parsed.maxFileSize());
      assertTrue(parsed.allowOverwrite());
      assertEquals(new Authorization(Authorization.Kind.IAM_ROLE, ROLE), parsed.authorization());
    }
  }

  @Test
  void unloadWithDefaultRoleEncryptionAndRegion() {
    UnloadCommand parsed =
        UnloadParser.parse(
            new UnloadStatement(
                    "SELECT 1",
                    "s3://b/p/",
                    "default",
                    5,
                    true,
                    "arn:aws:kms:us-east-1:1:key/k",
                    "us-east-1",
                    false)
                .sql());
    assertEquals("SELECT 1", parsed.selectSql());
    assertEquals(Authorization.Kind.IAM_ROLE_DEFAULT, parsed.authorization().kind());
  }

  @Test
  void copyParsesBack() {
    CopyCommand parsed =
        CopyParser.parse(
            new CopyStatement(
                    TableName.of("sales", "Or\"ders"),
                    List.of("id", "Odd col"),
                    "s3://bucket/w-1/manifest",
                    ROLE,
                    true,
                    "us-west-2")
                .sql());
    assertEquals("\"sales\".\"Or\"\"ders\"", parsed.table());
    assertEquals(List.of("id", "Odd col"), parsed.columns());
    assertEquals("s3://bucket/w-1/manifest", parsed.source());
    assertEquals(CopyCommand.Format.PARQUET, parsed.format());
    assertTrue(parsed.manifest());
    assertTrue(parsed.serializeToJson());
    assertEquals(new Authorization(Authorization.Kind.IAM_ROLE, ROLE), parsed.authorization());
  }
}
