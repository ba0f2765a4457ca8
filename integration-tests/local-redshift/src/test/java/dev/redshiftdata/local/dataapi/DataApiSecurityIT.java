package dev.redshiftdata.local.dataapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.signer.Aws4Signer;
import software.amazon.awssdk.auth.signer.params.Aws4SignerParams;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.redshiftdata.RedshiftDataClient;
import software.amazon.awssdk.services.redshiftdata.model.RedshiftDataException;

@SuppressWarnings("deprecation")
class DataApiSecurityIT extends DataApiTestSupport {
  private static final String BODY =
      "{\"ClusterIdentifier\":\"local-cluster\",\"Database\":\"dev\",\"DbUser\":\"awsuser\"}";

  private record Answer(int status, String type, String message, String errorTypeHeader) {}

  @Test
  void wrongSecretIsRejected() {
    try (RedshiftDataClient bad = newClient(CONFIG.accessKeyId(), "not-the-secret")) {
      RedshiftDataException e =
          assertThrows(
              RedshiftDataException.class,
              () ->
                  bad.listDatabases(
                      b -> b.clusterIdentifier(CLUSTER).database(DB).dbUser("awsuser")));
      assertEquals(400, e.statusCode());
      assertEquals("InvalidSignatureException", e.awsErrorDetails().errorCode());
      assertTrue(
          e.awsErrorDetails()
              .errorMessage()
              .startsWith("The request signature we calculated does not match"));
    }
    assertEquals("InvalidSignatureException", server().requests().all().get(0).outcome());
  }

  @Test
  void unknownAccessKeyIsRejected() {
    try (RedshiftDataClient bad = newClient("AKIAUNKNOWN000000000", CONFIG.secretAccessKey())) {
      RedshiftDataException e =
          assertThrows(
              RedshiftDataException.class,
              () ->
                  bad.listDatabases(
                      b -> b.clusterIdentifier(CLUSTER).database(DB).dbUser("awsuser")));
      assertEquals("UnrecognizedClientException", e.awsErrorDetails().errorCode());
      assertEquals(
          "The security token included in the request is invalid.",
          e.awsErrorDetails().errorMessage());
    }
  }

  @Test
  void validHandSignedRequestIsAccepted() throws IOException {
    Answer a =
        send(
            Instant.now().minus(Duration.ofMinutes(14)),
            BODY,
            BODY,
            CONFIG.secretAccessKey(),
            true);
    assertEquals(200, a.status());
  }

  @Test
  void missingAuthentication() throws IOException {
    Answer a = send(Instant.now(), BODY, BODY, CONFIG.secretAccessKey(), false);
    assertEquals(400, a.status());
    assertEquals("MissingAuthenticationTokenException", a.type());
    assertEquals("Missing Authentication Token", a.message());
    assertEquals("MissingAuthenticationTokenException", a.errorTypeHeader());
  }

  @Test
  void expiredAndNotYetCurrentSignatures() throws IOException {
    Answer old =
        send(
            Instant.now().minus(Duration.ofMinutes(20)),
            BODY,
            BODY,
            CONFIG.secretAccessKey(),
            true);
    assertEquals(400, old.status());
    assertEquals("InvalidSignatureException", old.type());
    assertTrue(
        old.message()
            .matches(
                "Signature expired: \\d{8}T\\d{6}Z is now earlier than \\d{8}T\\d{6}Z "
                    + "\\(\\d{8}T\\d{6}Z - 15 min\\.\\)"),
        old.message());
    Answer future =
        send(
            Instant.now().plus(Duration.ofMinutes(20)), BODY, BODY, CONFIG.secretAccessKey(), true);
    assertEquals("InvalidSignatureException", future.type());
    assertTrue(future.message().startsWith("Signature not yet current: "), future.message());
    assertTrue(future.message().endsWith(" + 15 min.)"), future.message());
  }

  @Test
  void bodyChangedAfterSigningIsRejected() throws IOException {
    Answer a =
        send(
            Instant.now(), BODY, BODY.replace("awsuser", "reader"), CONFIG.secretAccessKey(), true);
    assertEquals("InvalidSignatureException", a.type());
  }

  /** Signs {@code signedBody} at {@code t} with the SDK's signer and sends {@code sentBody}. */
  private Answer send(Instant t, String signedBody, String sentBody, String secret, boolean sign)
      throws IOException {
    int port = server().port();
    byte[] body = signedBody.getBytes(StandardCharsets.UTF_8);
    SdkHttpFullRequest request =
        SdkHttpFullRequest.builder()
            .method(SdkHttpMethod.POST)
            .protocol("http")
            .host("127.0.0.1")
            .port(port)
            .encodedPath("/")
            .putHeader("Content-Type", "application/x-amz-json-1.1")
            .putHeader("X-Amz-Target", "RedshiftData.ListDatabases")
            .contentStreamProvider(() -> new ByteArrayInputStream(body))
            .build();
    if (sign) {
      request =
          Aws4Signer.create()
              .sign(
                  request,
                  Aws4SignerParams.builder()
                      .awsCredentials(AwsBasicCredentials.create(CONFIG.accessKeyId(), secret))
                      .signingName("redshift-data")
                      .signingRegion(Region.US_EAST_1)
                      .signingClockOverride(Clock.fixed(t, ZoneOffset.UTC))
                      .build());
    }
    HttpURLConnection c =
        (HttpURLConnection) new URL("http://127.0.0.1:" + port + "/").openConnection();
    c.setRequestMethod("POST");
    c.setDoOutput(true);
    for (Map.Entry<String, List<String>> h : request.headers().entrySet()) {
      if (!h.getKey().equalsIgnoreCase("Host")) {
        c.setRequestProperty(h.getKey(), h.getValue().get(0));
      }
    }
    try (OutputStream out = c.getOutputStream()) {
      out.write(sentBody.getBytes(StandardCharsets.UTF_8));
    }
    int status = c.getResponseCode();
    try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
      JsonNode n = new ObjectMapper().readTree(in.readAllBytes());
      return new Answer(
          status,
          n.path("__type").asText(null),
          n.path("message").asText(null),
          c.getHeaderField("x-amzn-ErrorType"));
    }
  }
}
