package dev.redshiftdata.spark.amazonml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Objects;

/**
 * The user and password Amazon ML connects to Redshift with ({@code DatabaseCredentials} of a
 * CreateDataSourceFromRedshift request). Held only in memory while submitting; {@link #toString()}
 * never shows the password.
 */
public record DatabaseCredentials(String username, String password) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public DatabaseCredentials {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
  }

  /**
   * Reads a Redshift secret's {@code SecretString}: a JSON object with {@code username} and {@code
   * password}, as Secrets Manager stores Redshift credentials. Errors name the secret, never its
   * content.
   */
  public static DatabaseCredentials fromSecretString(String secretString, String secretArn) {
    JsonNode root;
    try {
      root = secretString == null ? null : JSON.readTree(secretString);
    } catch (IOException e) {
      root = null;
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(
          "Cannot read Amazon ML's DatabaseCredentials from secret "
              + secretArn
              + ": its SecretString is not a JSON object with username and password.");
    }
    JsonNode user = root.get("username");
    JsonNode password = root.get("password");
    if (user == null || !user.isTextual() || password == null || !password.isTextual()) {
      throw new IllegalArgumentException(
          "Cannot read Amazon ML's DatabaseCredentials from secret "
              + secretArn
              + ": its SecretString has no string 'username' and 'password'.");
    }
    return new DatabaseCredentials(user.asText(), password.asText());
  }

  @Override
  public String toString() {
    return "DatabaseCredentials[username=" + username + ", password=***]";
  }
}
