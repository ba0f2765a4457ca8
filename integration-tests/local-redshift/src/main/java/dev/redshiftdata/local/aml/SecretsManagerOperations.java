package dev.redshiftdata.local.aml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.redshiftdata.local.DatabaseUser;
import dev.redshiftdata.local.LocalRedshiftConfig;
import dev.redshiftdata.local.Secret;
import dev.redshiftdata.local.dataapi.ApiException;
import dev.redshiftdata.local.dataapi.Json;
import java.time.Instant;
import java.util.UUID;

/**
 * Secrets Manager's GetSecretValue for the local stack's secrets: the JSON SecretString a Redshift
 * secret holds ({@code username}, {@code password}, {@code engine}, {@code dbClusterIdentifier}),
 * by ARN or by name. What a client needs to fill Amazon ML's DatabaseCredentials from a secretArn.
 */
final class SecretsManagerOperations {

  private final LocalRedshiftConfig config;
  private final Instant created = Instant.now();

  SecretsManagerOperations(LocalRedshiftConfig config) {
    this.config = config;
  }

  JsonNode getSecretValue(JsonNode body) {
    JsonNode idNode = body.get("SecretId");
    if (idNode == null || !idNode.isTextual() || idNode.asText().isEmpty()) {
      throw new ApiException(
          "InvalidParameterException", 400, "You must provide a value for SecretId.");
    }
    String id = idNode.asText();
    Secret secret =
        config.secrets().stream()
            .filter(s -> s.isNamedBy(id))
            .findFirst()
            .orElseThrow(
                () ->
                    new ApiException(
                        "ResourceNotFoundException",
                        400,
                        "Secrets Manager can't find the specified secret."));
    DatabaseUser user =
        config.users().stream()
            .filter(u -> u.name().equals(secret.username()))
            .findFirst()
            .orElseThrow(() -> ApiException.internal("secret without a user"));
    ObjectNode value = Json.object();
    value.put("username", user.name());
    value.put("password", user.password());
    value.put("engine", "redshift");
    value.put("dbClusterIdentifier", config.defaultCluster().id());
    ObjectNode o = Json.object();
    o.put("ARN", secret.arn());
    o.put("Name", secret.name());
    o.put("VersionId", UUID.nameUUIDFromBytes(secret.arn().getBytes()).toString());
    o.put("SecretString", value.toString());
    o.putArray("VersionStages").add("AWSCURRENT");
    o.put("CreatedDate", Json.epochSeconds(created));
    return o;
  }
}
