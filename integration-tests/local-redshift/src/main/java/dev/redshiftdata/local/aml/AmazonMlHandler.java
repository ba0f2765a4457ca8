package dev.redshiftdata.local.aml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.redshiftdata.local.dataapi.ApiException;
import dev.redshiftdata.local.dataapi.Json;
import dev.redshiftdata.local.dataapi.SigV4Verifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The AWS JSON 1.1 front door of the local Amazon ML ({@code X-Amz-Target: AmazonML_20141212.<Op>},
 * signed for {@code machinelearning}) and of Secrets Manager's GetSecretValue ({@code
 * secretsmanager.GetSecretValue}, signed for {@code secretsmanager}).
 */
final class AmazonMlHandler implements HttpHandler {
  private static final Logger LOG = Logger.getLogger(AmazonMlHandler.class.getName());
  static final String AML_PREFIX = "AmazonML_20141212.";
  static final String SECRETS_PREFIX = "secretsmanager.";
  private static final String CONTENT_TYPE = "application/x-amz-json-1.1";

  private final SigV4Verifier amlVerifier;
  private final SigV4Verifier secretsVerifier;
  private final DataSourceOperations dataSources;
  private final SecretsManagerOperations secrets;

  AmazonMlHandler(
      SigV4Verifier amlVerifier,
      SigV4Verifier secretsVerifier,
      DataSourceOperations dataSources,
      SecretsManagerOperations secrets) {
    this.amlVerifier = amlVerifier;
    this.secretsVerifier = secretsVerifier;
    this.dataSources = dataSources;
    this.secrets = secrets;
  }

  @Override
  public void handle(HttpExchange ex) throws IOException {
    int status = 200;
    byte[] response;
    String errorType = null;
    try {
      byte[] body;
      try (InputStream in = ex.getRequestBody()) {
        body = in.readAllBytes();
      }
      if (!"POST".equals(ex.getRequestMethod())) {
        throw new ApiException("UnknownOperationException", 404, "Only POST / is served");
      }
      String target = ex.getRequestHeaders().getFirst("X-Amz-Target");
      target = target == null ? "" : target;
      SigV4Verifier verifier = target.startsWith(SECRETS_PREFIX) ? secretsVerifier : amlVerifier;
      verifier.verify(
          ex.getRequestMethod(),
          ex.getRequestURI().getRawPath(),
          ex.getRequestURI().getRawQuery(),
          ex.getRequestHeaders(),
          body);
      response = Json.bytes(dispatch(target, Json.parse(body)));
    } catch (ApiException e) {
      status = e.status();
      errorType = e.type();
      response = errorBody(e);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Amazon ML request failed", e);
      status = 500;
      errorType = "InternalServerException";
      response = errorBody(ApiException.internal(e.toString()));
    }
    ex.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
    ex.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
    if (errorType != null) {
      ex.getResponseHeaders().set("x-amzn-ErrorType", errorType);
    }
    ex.sendResponseHeaders(status, response.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(response);
    }
  }

  private JsonNode dispatch(String target, JsonNode body) {
    return switch (target) {
      case AML_PREFIX + "CreateDataSourceFromS3" -> dataSources.createFromS3(body);
      case AML_PREFIX + "CreateDataSourceFromRedshift" -> dataSources.createFromRedshift(body);
      case AML_PREFIX + "GetDataSource" -> dataSources.get(body);
      case AML_PREFIX + "DescribeDataSources" -> dataSources.describe(body);
      case AML_PREFIX + "DeleteDataSource" -> dataSources.delete(body);
      case SECRETS_PREFIX + "GetSecretValue" -> secrets.getSecretValue(body);
      default ->
          throw new ApiException("UnknownOperationException", 400, "Unknown operation " + target);
    };
  }

  private static byte[] errorBody(ApiException e) {
    ObjectNode o = Json.object();
    o.put("__type", e.type());
    o.put("message", e.getMessage());
    e.members().forEach(o::put);
    return Json.bytes(o);
  }
}
