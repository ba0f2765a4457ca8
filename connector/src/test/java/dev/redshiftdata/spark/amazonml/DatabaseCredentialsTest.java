package dev.redshiftdata.spark.amazonml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DatabaseCredentialsTest {
  private static final String ARN = "arn:aws:secretsmanager:us-east-1:1:secret:s-AbCdEf";

  @Test
  void readsARedshiftSecret() {
    DatabaseCredentials c =
        DatabaseCredentials.fromSecretString(
            "{\"username\":\"awsuser\",\"password\":\"p@ss-w0rd\",\"engine\":\"redshift\"}", ARN);
    assertEquals("awsuser", c.username());
    assertEquals("p@ss-w0rd", c.password());
    assertFalse(c.toString().contains("p@ss-w0rd"));
  }

  @Test
  void badSecretsNameTheSecretButNotTheirContent() {
    for (String bad :
        new String[] {
          "not json p@ss-w0rd",
          "{\"username\":\"u\"}",
          "{\"user\":\"u\",\"password\":\"p@ss-w0rd\"}",
          "[\"p@ss-w0rd\"]",
          null
        }) {
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class, () -> DatabaseCredentials.fromSecretString(bad, ARN));
      assertTrue(e.getMessage().contains(ARN), e.getMessage());
      assertFalse(e.getMessage().contains("p@ss-w0rd"), e.getMessage());
    }
  }

  @Test
  void scrubHidesAnEchoedPassword() {
    assertEquals(
        "bad login for x with *********(redacted)",
        AmazonMlSubmitter.scrub("bad login for x with p@ss-w0rd", "p@ss-w0rd"));
    assertEquals("plain", AmazonMlSubmitter.scrub("plain", null));
  }
}
