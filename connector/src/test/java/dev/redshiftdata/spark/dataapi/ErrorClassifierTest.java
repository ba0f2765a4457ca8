package dev.redshiftdata.spark.dataapi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.spark.dataapi.RedshiftDataException.Kind;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkClientException;

class ErrorClassifierTest {

  private static AwsServiceException service(String code, int status) {
    return AwsServiceException.builder()
        .awsErrorDetails(
            AwsErrorDetails.builder().errorCode(code).errorMessage("msg of " + code).build())
        .statusCode(status)
        .build();
  }

  @Test
  void serviceErrorsByCode() {
    assertEquals(Kind.THROTTLED, ErrorClassifier.kindOf(service("ThrottlingException", 400)));
    assertEquals(Kind.THROTTLED, ErrorClassifier.kindOf(service("Whatever", 429)));
    assertEquals(Kind.VALIDATION, ErrorClassifier.kindOf(service("ValidationException", 400)));
    assertEquals(Kind.NOT_FOUND, ErrorClassifier.kindOf(service("ResourceNotFoundException", 400)));
    assertEquals(
        Kind.LIMIT_EXCEEDED,
        ErrorClassifier.kindOf(service("ActiveStatementsExceededException", 400)));
    assertEquals(
        Kind.LIMIT_EXCEEDED,
        ErrorClassifier.kindOf(service("ActiveSessionsExceededException", 400)));
    assertEquals(
        Kind.DATABASE_CONNECTION,
        ErrorClassifier.kindOf(service("DatabaseConnectionException", 500)));
    assertEquals(Kind.TIMEOUT, ErrorClassifier.kindOf(service("QueryTimeoutException", 400)));
    assertEquals(
        Kind.ACCESS_DENIED, ErrorClassifier.kindOf(service("InvalidSignatureException", 400)));
    assertEquals(Kind.ACCESS_DENIED, ErrorClassifier.kindOf(service("AccessDeniedException", 400)));
    assertEquals(Kind.ACCESS_DENIED, ErrorClassifier.kindOf(service("Other", 403)));
    assertEquals(Kind.SERVICE, ErrorClassifier.kindOf(service("InternalServerException", 500)));
    assertEquals(Kind.SERVICE, ErrorClassifier.kindOf(service("ExecuteStatementException", 500)));
    assertEquals(Kind.VALIDATION, ErrorClassifier.kindOf(service("SomethingNew", 400)));
  }

  @Test
  void clientErrors() {
    assertEquals(
        Kind.CLIENT,
        ErrorClassifier.kindOf(
            SdkClientException.create("Unable to execute HTTP request: Connection refused")));
    assertEquals(
        Kind.ACCESS_DENIED,
        ErrorClassifier.kindOf(
            SdkClientException.create("Unable to load credentials from any of the providers")));
    assertEquals(
        Kind.INTERRUPTED,
        ErrorClassifier.kindOf(AbortedException.create("Thread was interrupted")));
    assertEquals(
        Kind.INTERRUPTED,
        ErrorClassifier.kindOf(SdkClientException.create("x", new InterruptedException())));
  }

  @Test
  void wrapKeepsServiceMessageAndCause() {
    AwsServiceException cause = service("ValidationException", 400);
    RedshiftDataException e = ErrorClassifier.wrap(cause, "run statement", null, "select 1");
    assertEquals(Kind.VALIDATION, e.kind());
    assertEquals(
        "ValidationException: msg of ValidationException", e.redshiftError().orElseThrow());
    assertTrue(e.getMessage().contains("SQL: select 1"), e.getMessage());
    assertEquals(cause, e.getCause());
  }

  @Test
  void aSecretArnTheServiceEchoesIsRedactedInTheMessageAndTheCause() {
    String arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf";
    AwsServiceException sdk =
        AwsServiceException.builder()
            .statusCode(400)
            .message("Secrets Manager can't find the specified secret: " + arn)
            .awsErrorDetails(
                AwsErrorDetails.builder()
                    .errorCode("ValidationException")
                    .errorMessage("Secrets Manager can't find the specified secret: " + arn)
                    .build())
            .build();
    RedshiftDataException e = ErrorClassifier.wrap(sdk, "run statement", null, "select 1");
    assertEquals(Kind.VALIDATION, e.kind());
    for (Throwable t = e; t != null; t = t.getCause()) {
      assertFalse(String.valueOf(t.getMessage()).contains("123456789012"), t.getMessage());
    }
    assertTrue(
        e.getMessage()
            .contains(
                "can't find the specified secret: arn:aws:secretsmanager:*********(redacted)"),
        e.getMessage());
    assertArrayEquals(sdk.getStackTrace(), e.getCause().getStackTrace());
  }

  @Test
  void failedStatementTexts() {
    assertEquals(
        Kind.RESULT_TOO_LARGE,
        ErrorClassifier.kindOfFailedStatement("Database response exceeded size limit"));
    assertEquals(
        Kind.RESULT_TOO_LARGE,
        ErrorClassifier.kindOfFailedStatement("Packet for query is too large (70000 > 65536)"));
    assertEquals(
        Kind.STATEMENT_FAILED,
        ErrorClassifier.kindOfFailedStatement("ERROR: syntax error at or near \"FROM\""));
    assertEquals(Kind.STATEMENT_FAILED, ErrorClassifier.kindOfFailedStatement(null));
    // serializable isolation violations, by Redshift's text or its error code 1023
    assertEquals(
        Kind.SERIALIZATION_CONFLICT,
        ErrorClassifier.kindOfFailedStatement(
            "ERROR: 1023 DETAIL: Serializable isolation violation on table - 101, transactions"
                + " forming the cycle are: 1, 2"));
    assertEquals(
        Kind.SERIALIZATION_CONFLICT,
        ErrorClassifier.kindOfFailedStatement("ERROR: Serializable isolation violation"));
    assertEquals(Kind.SERIALIZATION_CONFLICT, ErrorClassifier.kindOfFailedStatement("ERROR: 1023"));
    assertEquals(
        Kind.STATEMENT_FAILED,
        ErrorClassifier.kindOfFailedStatement(
            "ERROR: Load into table 't' failed. Check 'stl_load_errors'"));
    // a bare 1023 in another message (the write guard's row count) is not one
    assertEquals(
        Kind.STATEMENT_FAILED,
        ErrorClassifier.kindOfFailedStatement(
            "ERROR: invalid input syntax for type integer: \"COPY loaded 1023 rows but the Spark"
                + " tasks wrote 1024; rolled back\""));
  }
}
