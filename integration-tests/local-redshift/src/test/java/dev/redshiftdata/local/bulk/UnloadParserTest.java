package dev.redshiftdata.local.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.local.bulk.UnloadCommand.Compression;
import dev.redshiftdata.local.bulk.UnloadCommand.Format;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnloadParserTest {

  @Test
  void parsesTheConnectorsParquetForm() {
    UnloadCommand c =
        UnloadParser.parse(
            "UNLOAD ('select * from sales.orders where region = ''EU''') TO 's3://bucket/stage/q1/' "
                + "IAM_ROLE 'arn:aws:iam::1:role/r' FORMAT AS PARQUET MANIFEST VERBOSE MAXFILESIZE 64 MB");
    assertEquals("select * from sales.orders where region = 'EU'", c.selectSql());
    assertEquals("s3://bucket/stage/q1/", c.target());
    assertEquals("bucket", c.bucket());
    assertEquals("stage/q1/", c.keyPrefix());
    assertEquals(Authorization.Kind.IAM_ROLE, c.authorization().kind());
    assertEquals("arn:aws:iam::1:role/r", c.authorization().iamRole());
    assertEquals(Format.PARQUET, c.format());
    assertTrue(c.manifest());
    assertTrue(c.manifestVerbose());
    assertEquals(64L * 1024 * 1024, c.maxFileSize());
    assertTrue(c.parallel());
    assertEquals(32L * 1024 * 1024, c.rowGroupSize());
  }

  @Test
  void decodesBackslashEscapesInTheSelectLiteral() {
    UnloadCommand c =
        UnloadParser.parse(
            "unload ('select * from venue where venuestate=\\'NV\\' and x = ''a\\\\b''') "
                + "to 's3://b/p_' iam_role default");
    assertEquals("select * from venue where venuestate='NV' and x = 'a\\b'", c.selectSql());
    assertEquals(Authorization.Kind.IAM_ROLE_DEFAULT, c.authorization().kind());
    assertEquals(Format.TEXT, c.format());
    assertFalse(c.manifest());
  }

  @Test
  void parsesEveryOption() {
    UnloadCommand c =
        UnloadParser.parse(
            "UNLOAD ('select 1') TO 's3://b/p/' ACCESS_KEY_ID 'AKIA' SECRET_ACCESS_KEY 'sekrit' "
                + "SESSION_TOKEN 'tok' CSV HEADER DELIMITER AS ';' NULL AS 'NIL' PARALLEL OFF GZIP "
                + "MAXFILESIZE AS 1 GB CLEANPATH EXTENSION 'csv.gz' REGION AS 'us-east-1' ENCRYPTED AUTO "
                + "KMS_KEY_ID '1234abcd-12ab-34cd-56ef-1234567890ab' "
                + "PARTITION BY (Year, month) INCLUDE");
    assertEquals(Authorization.Kind.ACCESS_KEYS, c.authorization().kind());
    assertEquals(Format.CSV, c.format());
    assertTrue(c.header());
    assertEquals(";", c.delimiter());
    assertEquals("NIL", c.nullAs());
    assertFalse(c.parallel());
    assertEquals(Compression.GZIP, c.compression());
    assertEquals(1024L * 1024 * 1024, c.maxFileSize());
    assertTrue(c.cleanPath());
    assertEquals("csv.gz", c.extension());
    assertEquals(List.of("year", "month"), c.partitionBy());
    assertTrue(c.partitionInclude());
  }

  @Test
  void credentialsStringCarriesTheRole() {
    UnloadCommand c =
        UnloadParser.parse(
            "UNLOAD ('select 1') TO 's3://b/p' WITH CREDENTIALS AS 'aws_iam_role=arn:aws:iam::1:role/x' "
                + "FORMAT JSON PARALLEL TRUE");
    assertEquals(Authorization.Kind.CREDENTIALS, c.authorization().kind());
    assertEquals("arn:aws:iam::1:role/x", c.authorization().iamRole());
    assertEquals(Format.JSON, c.format());
    assertNull(c.extension());
  }

  @Test
  void nestedLimitIsAllowedOuterLimitIsRefused() {
    UnloadCommand ok =
        UnloadParser.parse(
            "UNLOAD ('select * from (select * from t order by 1 limit 10)') TO 's3://b/p' IAM_ROLE default");
    assertEquals("select * from (select * from t order by 1 limit 10)", ok.selectSql());
    RedshiftSqlError e =
        assertThrows(
            RedshiftSqlError.class,
            () ->
                UnloadParser.parse(
                    "UNLOAD ('select * from t limit 10') TO 's3://b/p' IAM_ROLE default"));
    assertTrue(e.getMessage().startsWith("Limit clause is not supported"), e.getMessage());
    // A word "limit" inside a literal is not a clause.
    UnloadParser.parse("UNLOAD ('select ''limit 5'' as s') TO 's3://b/p' IAM_ROLE default");
  }

  @Test
  void refusesWhatRedshiftRefuses() {
    assertRefused(
        "PARQUET DELIMITER ','", "DELIMITER argument is not supported for PARQUET based UNLOAD");
    assertRefused(
        "FORMAT PARQUET HEADER", "HEADER argument is not supported for PARQUET based UNLOAD");
    assertRefused(
        "PARQUET NULL AS 'x'", "NULL AS argument is not supported for PARQUET based UNLOAD");
    assertRefused("PARQUET GZIP", "GZIP argument is not supported for PARQUET based UNLOAD");
    assertRefused("JSON HEADER", "HEADER argument is not supported for JSON based UNLOAD");
    assertRefused("CSV ADDQUOTES", "ADDQUOTES argument is not supported for CSV based UNLOAD");
    assertRefused(
        "CLEANPATH ALLOWOVERWRITE", "CLEANPATH and ALLOWOVERWRITE options cannot be used together");
    assertRefused("MAXFILESIZE 4 MB", "MAXFILESIZE must be between 5 MB and 6.2 GB");
    assertRefused("MAXFILESIZE 7 GB", "MAXFILESIZE must be between 5 MB and 6.2 GB");
    assertRefused(
        "CSV ROWGROUPSIZE 64 MB", "ROWGROUPSIZE is only supported for PARQUET based UNLOAD");
    assertRefused("MANIFEST MANIFEST", "conflicting or redundant options");
    assertRefused("PARQUET BOGUS", "syntax error at or near \"BOGUS\"");
    RedshiftSqlError noAuth =
        assertThrows(
            RedshiftSqlError.class, () -> UnloadParser.parse("UNLOAD ('select 1') TO 's3://b/p'"));
    assertTrue(noAuth.getMessage().startsWith("Invalid credentials."), noAuth.getMessage());
    RedshiftSqlError badPath =
        assertThrows(
            RedshiftSqlError.class,
            () -> UnloadParser.parse("UNLOAD ('select 1') TO '/tmp/x' IAM_ROLE default"));
    assertTrue(badPath.getMessage().contains("must start with s3://"), badPath.getMessage());
  }

  @Test
  void anUnterminatedLiteralIsASyntaxError() {
    for (String sql :
        List.of(
            "UNLOAD ('select 1) TO 's3://b/p/' IAM_ROLE default",
            "UNLOAD ('select 1') TO 's3://b/p/\\' IAM_ROLE default")) {
      RedshiftSqlError e = assertThrows(RedshiftSqlError.class, () -> UnloadParser.parse(sql));
      assertTrue(
          e.getMessage().startsWith("unterminated quoted string at or near"), e.getMessage());
    }
  }

  private static void assertRefused(String options, String message) {
    RedshiftSqlError e =
        assertThrows(
            RedshiftSqlError.class,
            () ->
                UnloadParser.parse(
                    "UNLOAD ('select 1') TO 's3://b/p/' IAM_ROLE default " + options));
    assertEquals(message, e.getMessage());
  }
}
