package dev.redshiftdata.local.dataapi;

import dev.redshiftdata.local.Endpoint;

/**
 * Where and as whom a request runs: the endpoint, the Redshift database, the PostgreSQL role, and
 * the request's own connection members to echo back (DbUser, SecretArn). {@code session} is set
 * when the request runs in a session (SessionId given or SessionKeepAliveSeconds > 0).
 */
record Target(
    Endpoint endpoint,
    String database,
    String role,
    String dbUser,
    String secretArn,
    Session session) {

  String pgDatabase() {
    return endpoint.postgresDatabase(database);
  }

  String clusterIdentifier() {
    return endpoint.kind() == Endpoint.Kind.CLUSTER ? endpoint.id() : null;
  }

  String workgroupName() {
    return endpoint.kind() == Endpoint.Kind.WORKGROUP ? endpoint.id() : null;
  }

  Target withSession(Session s) {
    return new Target(endpoint, database, role, dbUser, secretArn, s);
  }
}
