package dev.redshiftdata.spark.dataapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.spark.dataapi.RedshiftDataException.Kind;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RedshiftDataExceptionTest {

  @Test
  void kindCodesAreUniqueAndWellFormed() {
    Set<String> codes = Arrays.stream(Kind.values()).map(Kind::code).collect(Collectors.toSet());
    assertEquals(Kind.values().length, codes.size());
    for (Kind k : Kind.values()) {
      assertTrue(k.code().matches("RSD-\\d{3}"), k.code());
    }
  }

  @Test
  void messageCarriesIdRedactedSqlAndRedshiftMessage() {
    RedshiftDataException e =
        RedshiftDataException.of(
            Kind.STATEMENT_FAILED,
            "run statement",
            "8a0b2c4d-1111-2222-3333-444455556666",
            "COPY t FROM 's3://b/m' ACCESS_KEY_ID 'AKIA0' SECRET_ACCESS_KEY 'shh' MANIFEST",
            "ERROR: relation \"t\" does not exist");
    String m = e.getMessage();
    assertTrue(
        m.startsWith(
            "Cannot run statement (statement 8a0b2c4d-1111-2222-3333-444455556666): Redshift reported an error: "
                + "ERROR: relation \"t\" does not exist. Fix the SQL or the data it reads."),
        m);
    assertTrue(m.contains("[RSD-004 STATEMENT_FAILED]"), m);
    assertTrue(
        m.contains("SQL: COPY t FROM 's3://b/m' ACCESS_KEY_ID '" + Redaction.REDACTED + "'"), m);
    assertFalse(m.contains("AKIA0") || m.contains("shh"), m);
    assertEquals(Kind.STATEMENT_FAILED, e.kind());
    assertEquals(Optional.of("8a0b2c4d-1111-2222-3333-444455556666"), e.statementId());
    assertEquals(Optional.of("ERROR: relation \"t\" does not exist"), e.redshiftError());
    assertFalse(e.sql().orElseThrow().contains("AKIA0"));
  }

  @Test
  void redshiftErrorIsRedactedToo() {
    RedshiftDataException e =
        RedshiftDataException.of(
            Kind.STATEMENT_FAILED,
            "run statement",
            "id",
            null,
            "syntax error near CREDENTIALS 'aws_secret_access_key=x'");
    assertFalse(e.getMessage().contains("aws_secret_access_key=x"));
    assertFalse(e.redshiftError().orElseThrow().contains("aws_secret_access_key=x"));
  }

  @Test
  void everyKindHasReasonAndHint() {
    for (Kind k : Kind.values()) {
      String m = RedshiftDataException.of(k, "do it", null, null, null).getMessage();
      assertTrue(m.matches("Cannot do it: [^.]+\\. .+ \\[" + k.code() + " " + k.name() + "\\]"), m);
    }
  }
}
