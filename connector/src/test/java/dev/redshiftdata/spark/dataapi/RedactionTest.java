package dev.redshiftdata.spark.dataapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RedactionTest {
  private static final String R = Redaction.REDACTED;

  @Test
  void redactsEachCredentialKeyword() {
    assertEquals(
        "COPY t FROM 's3://b/p' ACCESS_KEY_ID '"
            + R
            + "' SECRET_ACCESS_KEY '"
            + R
            + "' SESSION_TOKEN '"
            + R
            + "' FORMAT PARQUET",
        Redaction.redactSql(
            "COPY t FROM 's3://b/p' ACCESS_KEY_ID 'AKIA123' SECRET_ACCESS_KEY 'abc/def+' SESSION_TOKEN 'tok' FORMAT PARQUET"));
    assertEquals(
        "UNLOAD ('select 1') TO 's3://b/p' CREDENTIALS '" + R + "'",
        Redaction.redactSql(
            "UNLOAD ('select 1') TO 's3://b/p' CREDENTIALS 'aws_access_key_id=A;aws_secret_access_key=B'"));
    assertEquals(
        "ALTER USER bob PASSWORD '" + R + "' VALID UNTIL 'x'",
        Redaction.redactSql("ALTER USER bob PASSWORD 'md5abc' VALID UNTIL 'x'"));
    assertEquals(
        "COPY t FROM 's3://x' MASTER_SYMMETRIC_KEY '" + R + "'",
        Redaction.redactSql("COPY t FROM 's3://x' MASTER_SYMMETRIC_KEY 'k=='"));
  }

  @Test
  void isCaseInsensitiveAndHandlesAsAndEquals() {
    assertEquals("credentials as '" + R + "'", Redaction.redactSql("credentials as 'x'"));
    assertEquals("password='" + R + "'", Redaction.redactSql("password='x'"));
  }

  @Test
  void handlesEscapedQuotesInsideTheSecret() {
    assertEquals(
        "PASSWORD '" + R + "' next", Redaction.redactSql("PASSWORD 'it''s\\'secret' next"));
  }

  @Test
  void redactsKeyValueSecretsOutsideLiterals() {
    String redacted = Redaction.redactSql("error near aws_secret_access_key=SeCrEt;token=ToKeN");
    assertFalse(redacted.contains("SeCrEt"));
    assertFalse(redacted.contains("ToKeN"));
  }

  @Test
  void leavesOrdinarySqlAlone() {
    for (String sql :
        List.of(
            "SELECT password_hint FROM users WHERE note = 'CREDENTIALS are separate'",
            "select 1",
            "IAM_ROLE 'arn:aws:iam::1:role/r'")) {
      assertEquals(sql, Redaction.redactSql(sql));
    }
    assertNull(Redaction.redactSql(null));
  }

  @Test
  void redactsOptionsByName() {
    Pattern p = Redaction.redactionPattern(null);
    assertEquals(R, Redaction.redactOption("secretArn", "arn:x", p));
    assertEquals(R, Redaction.redactOption("fs.s3a.access.key", "A", p));
    assertEquals("dev", Redaction.redactOption("database", "dev", p));
    assertEquals(
        "x PASSWORD '" + R + "'", Redaction.redactOption("preActions", "x PASSWORD 'p'", p));
    assertEquals(
        R, Redaction.redactOption("database", "dev", Redaction.redactionPattern("(?i)database")));
  }

  @Test
  void serviceMessagesLoseSecretArnsAndSqlSecrets() {
    assertEquals(
        "Secrets Manager can't find the specified secret: arn:aws:secretsmanager:"
            + Redaction.REDACTED
            + ". (x)",
        Redaction.redactMessage(
            "Secrets Manager can't find the specified secret:"
                + " arn:aws:secretsmanager:us-east-1:123456789012:secret:a/b-Cd1. (x)"));
    assertEquals(
        "'arn:aws:secretsmanager:" + Redaction.REDACTED + "' and token=" + Redaction.REDACTED,
        Redaction.redactMessage("'arn:aws-cn:secretsmanager:cn-north-1:1:secret:s' and token=abc"));
    assertEquals(
        "role arn:aws:iam::1:role/r", Redaction.redactMessage("role arn:aws:iam::1:role/r"));
    assertNull(Redaction.redactMessage(null));
  }
}
