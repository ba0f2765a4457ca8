package dev.redshiftdata.local.bulk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.local.bulk.CopyCommand.Format;
import java.util.List;
import org.junit.jupiter.api.Test;

class CopyParserTest {

  @Test
  void parsesTheConnectorsParquetManifestForm() {
    CopyCommand c =
        CopyParser.parse(
            "COPY \"Sales\".orders (id, \"Amount\") FROM 's3://bucket/stage/w1/manifest' "
                + "IAM_ROLE 'arn:aws:iam::1:role/r' FORMAT AS PARQUET MANIFEST");
    assertEquals("\"Sales\".orders", c.table());
    assertEquals(List.of("id", "Amount"), c.columns());
    assertEquals("bucket", c.bucket());
    assertEquals("stage/w1/manifest", c.keyPrefix());
    assertEquals(Format.PARQUET, c.format());
    assertTrue(c.manifest());
    assertEquals(0, c.maxError());
  }

  @Test
  void parsesCsvOptions() {
    CopyCommand c =
        CopyParser.parse(
            "copy t from 's3://b/data/part' access_key_id 'AKIA' secret_access_key 'x' "
                + "csv quote as '''' ignoreheader 1 null as 'NIL' emptyasnull blanksasnull "
                + "dateformat 'auto' timeformat 'epochsecs' maxerror as 10 truncatecolumns acceptinvchars '^' "
                + "gzip region 'us-east-1' compupdate off statupdate on");
    assertEquals(Format.CSV, c.format());
    assertEquals('\'', c.quote());
    assertEquals(",", c.delimiter());
    assertEquals(1, c.ignoreHeader());
    assertEquals("NIL", c.nullAs());
    assertTrue(c.emptyAsNull());
    assertTrue(c.blanksAsNull());
    assertEquals("auto", c.dateFormat());
    assertEquals("epochsecs", c.timeFormat());
    assertEquals(10, c.maxError());
    assertTrue(c.truncateColumns());
    assertEquals("^", c.acceptInvChars());
    assertEquals(UnloadCommand.Compression.GZIP, c.compression());
    assertFalse(c.manifest());
  }

  @Test
  void textFormatDefaultsToPipe() {
    CopyCommand c = CopyParser.parse("COPY t FROM 's3://b/p' IAM_ROLE default");
    assertEquals(Format.TEXT, c.format());
    assertEquals("|", c.delimiter());
  }

  @Test
  void refusesWhatRedshiftRefuses() {
    assertRefused(
        "FORMAT PARQUET MAXERROR 5", "MAXERROR argument is not supported for PARQUET based COPY");
    assertRefused(
        "PARQUET IGNOREHEADER 1", "IGNOREHEADER argument is not supported for PARQUET based COPY");
    assertRefused(
        "CSV SERIALIZETOJSON",
        "SERIALIZETOJSON argument is supported only for PARQUET and ORC based COPY");
    assertRefused("CSV REMOVEQUOTES", "REMOVEQUOTES argument is not supported for CSV based COPY");
    assertRefused("MAXERROR 100001", "MAXERROR must be between 0 and 100000");
    assertRefused("MANIFEST MANIFEST", "conflicting or redundant options");
    RedshiftSqlError e =
        assertThrows(RedshiftSqlError.class, () -> CopyParser.parse("COPY t FROM 's3://b/p'"));
    assertTrue(e.getMessage().startsWith("Invalid credentials."));
    CopyCommand ok =
        CopyParser.parse(
            "COPY t FROM 's3://b/p' IAM_ROLE default PARQUET SERIALIZETOJSON ACCEPTINVCHARS");
    assertTrue(ok.serializeToJson());
  }

  private static void assertRefused(String options, String message) {
    RedshiftSqlError e =
        assertThrows(
            RedshiftSqlError.class,
            () -> CopyParser.parse("COPY t FROM 's3://b/p' IAM_ROLE default " + options));
    assertEquals(message, e.getMessage());
  }
}
