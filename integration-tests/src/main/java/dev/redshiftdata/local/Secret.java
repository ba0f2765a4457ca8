package dev.redshiftdata.local;

import java.util.Objects;

/** A Secrets Manager secret of the local stack: an ARN that resolves to a database user. */
public record Secret(String arn, String username) {
  public Secret {
    Objects.requireNonNull(arn, "arn is null");
    Objects.requireNonNull(username, "username is null");
  }
}
