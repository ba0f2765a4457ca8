package dev.redshiftdata.local;

import java.util.Objects;

/** A Secrets Manager secret of the local stack: an ARN that resolves to a database user. */
public record Secret(String arn, String username) {
  public Secret {
    Objects.requireNonNull(arn, "arn is null");
    Objects.requireNonNull(username, "username is null");
  }

  /** The secret's name: the ARN's resource part without the 6-character random suffix. */
  public String name() {
    String resource = arn.substring(arn.indexOf(":secret:") + ":secret:".length());
    int dash = resource.lastIndexOf('-');
    return dash > 0 && resource.length() - dash == 7 ? resource.substring(0, dash) : resource;
  }

  /** Whether {@code id} names this secret: its ARN or its name, as AWS APIs accept either. */
  public boolean isNamedBy(String id) {
    return arn.equals(id) || name().equals(id);
  }
}
