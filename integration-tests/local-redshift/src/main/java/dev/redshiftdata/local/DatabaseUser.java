package dev.redshiftdata.local;

import java.util.Objects;

/**
 * A database user of the local Redshift: a real PostgreSQL role, so privileges are enforced by
 * PostgreSQL. The password is what a Secrets Manager secret for this user would hold.
 */
public record DatabaseUser(String name, String password, boolean superuser) {
  public DatabaseUser {
    Objects.requireNonNull(name, "name is null");
    Objects.requireNonNull(password, "password is null");
  }

  @Override
  public String toString() {
    return "DatabaseUser[name=" + name + ", password=***, superuser=" + superuser + "]";
  }
}
