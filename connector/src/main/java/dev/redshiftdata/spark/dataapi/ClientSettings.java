package dev.redshiftdata.spark.dataapi;

import java.io.Serializable;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * What distinguishes one Data API client from another: region, endpoint, credentials source and
 * retry budget. It is the key of the per-JVM client cache, so it holds no secret (credentials
 * themselves come from the SDK's provider chain, a named profile or an assumed role).
 */
public final class ClientSettings implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String region;
  private final URI endpoint;
  private final String profile;
  private final String assumeRoleArn;
  private final String assumeRoleSessionName;
  private final int maxAttempts;

  public ClientSettings(
      String region,
      URI endpoint,
      String profile,
      String assumeRoleArn,
      String assumeRoleSessionName,
      int maxAttempts) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    this.region = region;
    this.endpoint = endpoint;
    this.profile = profile;
    this.assumeRoleArn = assumeRoleArn;
    this.assumeRoleSessionName =
        Objects.requireNonNull(assumeRoleSessionName, "assumeRoleSessionName is null");
    this.maxAttempts = maxAttempts;
  }

  public Optional<String> region() {
    return Optional.ofNullable(region);
  }

  public Optional<URI> endpoint() {
    return Optional.ofNullable(endpoint);
  }

  public Optional<String> profile() {
    return Optional.ofNullable(profile);
  }

  public Optional<String> assumeRoleArn() {
    return Optional.ofNullable(assumeRoleArn);
  }

  public String assumeRoleSessionName() {
    return assumeRoleSessionName;
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ClientSettings)) {
      return false;
    }
    ClientSettings s = (ClientSettings) o;
    return maxAttempts == s.maxAttempts
        && Objects.equals(region, s.region)
        && Objects.equals(endpoint, s.endpoint)
        && Objects.equals(profile, s.profile)
        && Objects.equals(assumeRoleArn, s.assumeRoleArn)
        && assumeRoleSessionName.equals(s.assumeRoleSessionName);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        region, endpoint, profile, assumeRoleArn, assumeRoleSessionName, maxAttempts);
  }

  @Override
  public String toString() {
    return "ClientSettings{region="
        + region
        + ", endpoint="
        + endpoint
        + ", profile="
        + profile
        + ", assumeRoleArn="
        + assumeRoleArn
        + ", maxAttempts="
        + maxAttempts
        + "}";
  }
}
