package dev.redshiftdata.local;

import java.util.List;
import java.util.Objects;

/**
 * A provisioned cluster or a serverless workgroup of the local Redshift, with its own set of
 * databases. Each of its databases is a separate PostgreSQL database named by {@link
 * #postgresDatabase(String)}.
 */
public record Endpoint(Kind kind, String id, List<String> databases) {

  public enum Kind {
    CLUSTER,
    WORKGROUP
  }

  public Endpoint {
    Objects.requireNonNull(kind, "kind is null");
    Objects.requireNonNull(id, "id is null");
    databases = List.copyOf(databases);
  }

  public static Endpoint cluster(String id, String... databases) {
    return new Endpoint(Kind.CLUSTER, id, List.of(databases));
  }

  public static Endpoint workgroup(String name, String... databases) {
    return new Endpoint(Kind.WORKGROUP, name, List.of(databases));
  }

  /** The PostgreSQL database that holds {@code database} of this endpoint. */
  public String postgresDatabase(String database) {
    return (kind == Kind.CLUSTER ? "c_" : "w_") + id.replace('-', '_') + "__" + database;
  }
}
