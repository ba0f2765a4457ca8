package dev.redshiftdata.local.dataapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pure parts of the Data API server: placeholder binding, redaction, value texts. */
class ParameterBinderTest {

  @Test
  void placeholdersOutsideCommentsLiteralsAndCasts() {
    ParameterBinder.Bound b =
        ParameterBinder.bind(
            "select :a::int, ':a', \":a\", $$ :a $$, $t$ :a $t$, /* :a /* nested :a */ */ :b -- :a\n, 'it\\'s :a', :a",
            Map.of("a", "1", "b", "2"));
    assertEquals(
        "select ?::int, ':a', \":a\", $$ :a $$, $t$ :a $t$, /* :a /* nested :a */ */ ? -- :a\n, 'it\\'s :a', ?",
        b.sql());
    assertEquals(List.of("1", "2", "1"), b.values());
  }

  @Test
  void questionMarksAreEscapedOnlyWhenBinding() {
    assertEquals(
        "select '{}'::jsonb ?? 'k', ?",
        ParameterBinder.bind("select '{}'::jsonb ? 'k', :v", Map.of("v", "x")).sql());
    assertEquals(
        "select '{}'::jsonb ? 'k'",
        ParameterBinder.bind("select '{}'::jsonb ? 'k'", Map.of()).sql());
  }

  @Test
  void missingValueIsAValidationError() {
    ApiException e =
        assertThrows(ApiException.class, () -> ParameterBinder.bind("select :nope", Map.of()));
    assertEquals("ValidationException", e.type());
  }

  @Test
  void redactsCredentials() {
    assertEquals(
        "copy t from 's3://b/' access_key_id '***' secret_access_key '***' session_token '***'",
        Redaction.redact(
            "copy t from 's3://b/' access_key_id 'AK' secret_access_key 'S''K' session_token 'T'"));
    assertEquals(
        "unload ('select 1') to 's3://b/' credentials '***' master_symmetric_key '***'",
        Redaction.redact(
            "unload ('select 1') to 's3://b/' credentials 'aws_access_key_id=AK;aws_secret_access_key=SK'"
                + " master_symmetric_key 'abc'"));
    assertEquals("create user u password '***'", Redaction.redact("create user u password 'Pw1'"));
    assertEquals(
        "x aws_secret_access_key=***;y", Redaction.redact("x aws_secret_access_key=abc;y"));
  }

  @Test
  void timestampTexts() {
    assertEquals("2022-02-22 00:00:00.0", RowEncoder.timestamp("2022-02-22 00:00:00"));
    assertEquals("2020-08-21 17:33:51.88712", RowEncoder.timestamp("2020-08-21 17:33:51.88712"));
    assertEquals("2023-10-23 09:26:38.0+00", RowEncoder.timestamp("2023-10-23 09:26:38+00"));
    assertEquals("infinity", RowEncoder.timestamp("infinity"));
  }

  @Test
  void errorTextsUseRedshiftNames() {
    assertEquals(
        "ERROR: permission denied for relation t",
        ErrorTranslator.redshiftError(new java.sql.SQLException("permission denied for table t")));
    assertEquals(
        "ERROR: permission denied for database dev",
        ErrorTranslator.redshiftError(
            new java.sql.SQLException("permission denied for database c_local_cluster__dev")));
  }
}
