package dev.redshiftdata.spark.amazonml;

import java.util.Objects;

/**
 * One Amazon ML request spec the writer emits: the JSON body of a {@code CreateDataSourceFromS3} or
 * {@code CreateDataSourceFromRedshift} request, exactly as the service takes it (field names as in
 * the API reference), except that a Redshift spec never carries {@code DatabaseCredentials}: they
 * are filled in only at submission, so no password is ever written into a spec file.
 *
 * @param kind which request the JSON is the body of
 * @param dataSourceId the spec's {@code DataSourceId}
 * @param location where the spec file was published (a Hadoop URI), or null if not published
 * @param json the request body
 */
public record RequestSpec(Kind kind, String dataSourceId, String location, String json) {

  /** The Amazon ML operation a spec is the request body of. */
  public enum Kind {
    S3("CreateDataSourceFromS3"),
    REDSHIFT("CreateDataSourceFromRedshift");

    private final String operation;

    Kind(String operation) {
      this.operation = operation;
    }

    /** The Amazon ML operation name, e.g. {@code CreateDataSourceFromS3}. */
    public String operation() {
      return operation;
    }
  }

  public RequestSpec {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(dataSourceId, "dataSourceId");
    Objects.requireNonNull(json, "json");
  }
}
