package dev.redshiftdata.spark.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The options of Amazon ML submission: endpoints and the credentials secret. */
class AmazonMlSubmitOptionsTest {

  private static AmazonMlOptions parse(String... kv) {
    Map<String, String> o = new HashMap<>();
    o.put("clusterIdentifier", "c");
    o.put("database", "dev");
    for (int i = 0; i < kv.length; i += 2) {
      o.put(kv[i], kv[i + 1]);
    }
    return RedshiftOptions.parse(o, Map.of()).amazonMl();
  }

  @Test
  void endpointsAndSecretAreOptional() {
    AmazonMlOptions none = parse();
    assertEquals(Optional.empty(), none.endpoint());
    assertEquals(Optional.empty(), none.secretsEndpoint());
    assertEquals(Optional.empty(), none.secretArn());
    AmazonMlOptions all =
        parse(
            "amazonMl.endpoint", "http://127.0.0.1:4567",
            "amazonMl.secretsEndpoint", "https://secretsmanager.us-east-1.amazonaws.com",
            "amazonMl.secretArn", "arn:aws:secretsmanager:us-east-1:1:secret:ml-AbCdEf");
    assertEquals(Optional.of("http://127.0.0.1:4567"), all.endpoint());
    assertEquals(
        Optional.of("https://secretsmanager.us-east-1.amazonaws.com"), all.secretsEndpoint());
    assertEquals(
        Optional.of("arn:aws:secretsmanager:us-east-1:1:secret:ml-AbCdEf"), all.secretArn());
  }

  @Test
  void aBadEndpointNamesTheOption() {
    for (String option : new String[] {"amazonMl.endpoint", "amazonMl.secretsEndpoint"}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> parse(option, "machinelearning"));
      assertTrue(e.getMessage().contains("'" + option + "'"), e.getMessage());
      assertTrue(e.getMessage().contains("is not an http or https URI"), e.getMessage());
    }
  }

  @Test
  void aPasswordOptionIsStillRefused() {
    // DatabaseCredentials come from a secret, never from options (which can be logged).
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> parse("amazonMl.dbPassword", "Sup3r-Secret"));
    assertFalse(e.getMessage().contains("Sup3r-Secret"), e.getMessage());
  }
}
