package dev.redshiftdata.local.dataapi;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.signer.Aws4Signer;
import software.amazon.awssdk.auth.signer.params.Aws4SignerParams;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.regions.Region;

/**
 * Verifies AWS SigV4 the way REDSHIFT_REFERENCE.md §11 found to work for both the Java SDK and
 * boto3: rebuild the request from only the signed headers, re-sign it with the SDK's own {@link
 * Aws4Signer} at the client's X-Amz-Date, and compare SignedHeaders and Signature. No hand-rolled
 * HMAC, so canonicalisation matches the SDK.
 */
@SuppressWarnings(
    "deprecation") // Aws4Signer is deprecated but, unlike AwsV4HttpSigner, verifies boto3 too.
public final class SigV4Verifier {
  private static final Pattern AUTH =
      Pattern.compile(
          "AWS4-HMAC-SHA256\\s+Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request,\\s*"
              + "SignedHeaders=([^,]+),\\s*Signature=([0-9a-f]+)");
  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final Duration SKEW = Duration.ofMinutes(15);

  private final Function<String, String> secrets;
  private final Clock clock;
  private final String service;

  /**
   * @param secrets secret access key of an access key id, or null if the key id is unknown
   */
  SigV4Verifier(Function<String, String> secrets, Clock clock) {
    this(secrets, clock, "redshift-data");
  }

  /**
   * @param service the signing name requests must be signed for (e.g. {@code machinelearning})
   */
  public SigV4Verifier(Function<String, String> secrets, Clock clock, String service) {
    this.secrets = secrets;
    this.clock = clock;
    this.service = service;
  }

  /**
   * Throws the AWS error a real endpoint would answer with when the request is not correctly
   * signed.
   */
  public void verify(
      String method,
      String rawPath,
      String rawQuery,
      Map<String, List<String>> headers,
      byte[] body) {
    String authorization = first(headers, "authorization");
    if (authorization == null) {
      throw new ApiException(
          "MissingAuthenticationTokenException", 400, "Missing Authentication Token");
    }
    Matcher m = AUTH.matcher(authorization.trim());
    if (!m.matches()) {
      throw new ApiException(
          "IncompleteSignatureException",
          400,
          "Authorization header requires 'Credential', 'Signature' and 'SignedHeaders' parameters.");
    }
    String akid = m.group(1);
    String scopeDate = m.group(2);
    String region = m.group(3);
    String service = m.group(4);
    String signedHeaders = m.group(5);
    String signature = m.group(6);

    String secret = secrets.apply(akid);
    if (secret == null) {
      throw new ApiException(
          "UnrecognizedClientException",
          400,
          "The security token included in the request is invalid.");
    }
    String amzDate = first(headers, "x-amz-date");
    if (amzDate == null) {
      throw new ApiException(
          "IncompleteSignatureException",
          400,
          "Authorization header requires existence of either a "
              + "'X-Amz-Date' or a 'Date' header.");
    }
    Instant t;
    try {
      t = Instant.from(AMZ_DATE.parse(amzDate));
    } catch (DateTimeParseException e) {
      throw new ApiException("IncompleteSignatureException", 400, "Invalid X-Amz-Date: " + amzDate);
    }
    Instant now = clock.instant();
    if (t.isBefore(now.minus(SKEW))) {
      throw new ApiException(
          "InvalidSignatureException",
          400,
          "Signature expired: "
              + amzDate
              + " is now earlier than "
              + AMZ_DATE.format(now.minus(SKEW))
              + " ("
              + AMZ_DATE.format(now)
              + " - 15 min.)");
    }
    if (t.isAfter(now.plus(SKEW))) {
      throw new ApiException(
          "InvalidSignatureException",
          400,
          "Signature not yet current: "
              + amzDate
              + " is still later than "
              + AMZ_DATE.format(now.plus(SKEW))
              + " ("
              + AMZ_DATE.format(now)
              + " + 15 min.)");
    }
    if (!amzDate.startsWith(scopeDate) || !this.service.equals(service)) {
      throw mismatch();
    }
    String host = first(headers, "host");
    if (host == null) {
      throw mismatch();
    }
    int colon = host.lastIndexOf(':');
    String hostName = colon > 0 ? host.substring(0, colon) : host;
    int port = colon > 0 ? Integer.parseInt(host.substring(colon + 1)) : 80;

    SdkHttpFullRequest.Builder rb =
        SdkHttpFullRequest.builder()
            .method(SdkHttpMethod.fromValue(method))
            .protocol("http")
            .host(hostName)
            .port(port)
            .encodedPath(rawPath)
            .contentStreamProvider(() -> new ByteArrayInputStream(body));
    if (rawQuery != null && !rawQuery.isEmpty()) {
      for (String pair : rawQuery.split("&")) {
        int eq = pair.indexOf('=');
        rb.appendRawQueryParameter(
            eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? null : pair.substring(eq + 1));
      }
    }
    for (String name : signedHeaders.split(";")) {
      List<String> values = all(headers, name);
      if (values == null) {
        throw mismatch();
      }
      rb.putHeader(name, values);
    }
    SdkHttpFullRequest signed =
        Aws4Signer.create()
            .sign(
                rb.build(),
                Aws4SignerParams.builder()
                    .awsCredentials(AwsBasicCredentials.create(akid, secret))
                    .signingName(service)
                    .signingRegion(Region.of(region))
                    .signingClockOverride(Clock.fixed(t, ZoneOffset.UTC))
                    .build());
    Matcher ours = AUTH.matcher(signed.firstMatchingHeader("Authorization").orElse(""));
    boolean ok =
        ours.matches()
            && ours.group(5).equals(signedHeaders)
            && MessageDigest.isEqual(
                ours.group(6).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    if (!ok) {
      throw mismatch();
    }
  }

  private static ApiException mismatch() {
    return new ApiException(
        "InvalidSignatureException",
        400,
        "The request signature we calculated does not match the signature you provided. Check your AWS "
            + "Secret Access Key and signing method. Consult the service documentation for details.");
  }

  private static List<String> all(Map<String, List<String>> headers, String name) {
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) {
        return e.getValue();
      }
    }
    return null;
  }

  private static String first(Map<String, List<String>> headers, String name) {
    List<String> v = all(headers, name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }
}
