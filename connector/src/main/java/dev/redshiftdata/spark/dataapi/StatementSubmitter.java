package dev.redshiftdata.spark.dataapi;

import static dev.redshiftdata.spark.dataapi.ApiCalls.LOG;

import dev.redshiftdata.spark.dataapi.RedshiftDataException.Kind;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import software.amazon.awssdk.services.redshiftdata.model.BatchExecuteStatementRequest;
import software.amazon.awssdk.services.redshiftdata.model.ExecuteStatementRequest;
import software.amazon.awssdk.services.redshiftdata.model.ResultFormatString;
import software.amazon.awssdk.services.redshiftdata.model.SqlParameter;

/**
 * Sends ExecuteStatement and BatchExecuteStatement without waiting: refuses an over-limit statement
 * first ({@link StatementSizeCheck}), sends every request with a ClientToken, and cancels a
 * statement whose submit was interrupted.
 */
record StatementSubmitter(ApiCalls calls, StatementPoller poller, String defaultStatementName) {

  /** Returns the statement id. */
  String submit(StatementRequest request) {
    StatementSizeCheck.check(request);
    String token = request.clientToken().orElseGet(() -> UUID.randomUUID().toString());
    SharedMembers shared = new SharedMembers(request, token, defaultStatementName, calls);
    String sql = request.sqlText();
    String id;
    if (request.isBatch()) {
      BatchExecuteStatementRequest batch = batch(request, shared);
      id = submitCall("run batch", sql, () -> calls.client.batchExecuteStatement(batch).id());
    } else {
      ExecuteStatementRequest single = single(request, shared);
      id = submitCall("run statement", sql, () -> calls.client.executeStatement(single).id());
    }
    calls.countSubmitted();
    if (LOG.isDebugEnabled()) {
      LOG.debug(
          "Data API statement {} submitted (client token {}): {}",
          id,
          token,
          Redaction.redactSql(sql));
    }
    return id;
  }

  private ExecuteStatementRequest single(StatementRequest request, SharedMembers shared) {
    ExecuteStatementRequest.Builder b = ExecuteStatementRequest.builder().sql(request.sqlText());
    if (!request.parameters().isEmpty()) {
      b.parameters(
          request.parameters().entrySet().stream()
              .map(e -> SqlParameter.builder().name(e.getKey()).value(e.getValue()).build())
              .toList());
    }
    shared.options(b::clientToken, b::resultFormat, b::sessionKeepAliveSeconds, b::statementName);
    shared.runIn(
        b::sessionId, b::database, b::clusterIdentifier, b::workgroupName, b::secretArn, b::dbUser);
    calls.counted(b);
    return b.build();
  }

  private BatchExecuteStatementRequest batch(StatementRequest request, SharedMembers shared) {
    BatchExecuteStatementRequest.Builder b =
        BatchExecuteStatementRequest.builder().sqls(request.sqls());
    shared.options(b::clientToken, b::resultFormat, b::sessionKeepAliveSeconds, b::statementName);
    shared.runIn(
        b::sessionId, b::database, b::clusterIdentifier, b::workgroupName, b::secretArn, b::dbUser);
    calls.counted(b);
    return b.build();
  }

  /**
   * Sets the members ExecuteStatement and BatchExecuteStatement share. Their SDK builders have no
   * common interface, so each request passes its own setters.
   */
  private record SharedMembers(
      StatementRequest request, String token, String defaultStatementName, ApiCalls calls) {

    /** ClientToken, result format, session keep-alive and statement name (or the default one). */
    void options(
        Consumer<String> clientToken,
        Consumer<ResultFormatString> resultFormat,
        Consumer<Integer> sessionKeepAliveSeconds,
        Consumer<String> statementName) {
      clientToken.accept(token);
      resultFormat.accept(
          request.format() == StatementRequest.Format.CSV
              ? ResultFormatString.CSV
              : ResultFormatString.JSON);
      request.sessionKeepAliveSeconds().ifPresent(sessionKeepAliveSeconds);
      request
          .statementName()
          .or(() -> Optional.ofNullable(defaultStatementName))
          .ifPresent(statementName);
    }

    /** The request's session alone, or else the target's database and connection. */
    void runIn(
        Consumer<String> sessionId,
        Consumer<String> database,
        Consumer<String> clusterIdentifier,
        Consumer<String> workgroupName,
        Consumer<String> secretArn,
        Consumer<String> dbUser) {
      if (request.sessionId().isPresent()) {
        sessionId.accept(request.sessionId().get());
      } else {
        calls.connect(database, clusterIdentifier, workgroupName, secretArn, dbUser);
      }
    }
  }

  /**
   * Sends ExecuteStatement or BatchExecuteStatement. When the thread is interrupted during the
   * call, the SDK gives up on it, though the service may have created the statement already:
   * sending the same request again with the same ClientToken returns that statement's id (or
   * creates it, if the first request never arrived), so it is cancelled rather than left running
   * unobserved.
   */
  private String submitCall(String action, String sql, Supplier<String> send) {
    try {
      return ApiCalls.call(action, null, sql, send);
    } catch (RedshiftDataException e) {
      if (e.kind() != Kind.INTERRUPTED) {
        throw e;
      }
      // Clear the flag so that the SDK does not abort these calls too, then restore it.
      Thread.interrupted();
      String id = null;
      try {
        id = send.get();
        calls.countSubmitted();
        poller.cancelQuietly(id);
      } catch (RuntimeException again) {
        LOG.warn(
            "Data API: cannot find or cancel the statement whose submit was interrupted: {}",
            Redaction.redactMessage(again.getMessage()));
      } finally {
        Thread.currentThread().interrupt();
      }
      LOG.info("Data API {} {} INTERRUPTED while submitting", action, id);
      throw RedshiftDataException.of(Kind.INTERRUPTED, action, id, sql, null, e);
    }
  }
}
