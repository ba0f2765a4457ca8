package dev.redshiftdata.local.dataapi;

import dev.redshiftdata.local.LocalRedshiftConfig;
import dev.redshiftdata.local.postgres.PostgresServer;
import java.io.IOException;

/** The local Redshift's Data API over HTTP (AWS JSON 1.1). */
public final class DataApiServer implements AutoCloseable {

  private final LocalRedshiftConfig config;
  private final PostgresServer postgres;

  public DataApiServer(LocalRedshiftConfig config, PostgresServer postgres) {
    this.config = config;
    this.postgres = postgres;
  }

  public void start() throws IOException {}

  public int port() {
    return config.dataApiPort();
  }

  @Override
  public void close() {}
}
