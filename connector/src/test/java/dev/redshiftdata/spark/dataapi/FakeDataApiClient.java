package dev.redshiftdata.spark.dataapi;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.services.redshiftdata.RedshiftDataClient;
import software.amazon.awssdk.services.redshiftdata.model.BatchExecuteStatementRequest;
import software.amazon.awssdk.services.redshiftdata.model.BatchExecuteStatementResponse;
import software.amazon.awssdk.services.redshiftdata.model.CancelStatementRequest;
import software.amazon.awssdk.services.redshiftdata.model.CancelStatementResponse;
import software.amazon.awssdk.services.redshiftdata.model.DescribeStatementRequest;
import software.amazon.awssdk.services.redshiftdata.model.DescribeStatementResponse;
import software.amazon.awssdk.services.redshiftdata.model.DescribeTableRequest;
import software.amazon.awssdk.services.redshiftdata.model.DescribeTableResponse;
import software.amazon.awssdk.services.redshiftdata.model.ExecuteStatementRequest;
import software.amazon.awssdk.services.redshiftdata.model.ExecuteStatementResponse;
import software.amazon.awssdk.services.redshiftdata.model.GetStatementResultRequest;
import software.amazon.awssdk.services.redshiftdata.model.GetStatementResultResponse;
import software.amazon.awssdk.services.redshiftdata.model.ListSchemasRequest;
import software.amazon.awssdk.services.redshiftdata.model.ListSchemasResponse;

/**
 * A scripted, in-memory Data API: each DescribeStatement answers with the next scripted
 * description.
 */
final class FakeDataApiClient implements RedshiftDataClient {
  static final String ID = "00000000-0000-0000-0000-000000000001";

  final List<ExecuteStatementRequest> executes = new ArrayList<>();
  final List<BatchExecuteStatementRequest> batches = new ArrayList<>();
  final List<String> cancels = new ArrayList<>();
  final List<Object> otherRequests = new ArrayList<>();
  final Deque<Supplier<DescribeStatementResponse>> describes = new ArrayDeque<>();
  int describeCalls;

  /** How many next ExecuteStatement calls fail as the SDK does when the thread is interrupted. */
  int abortExecutes;

  Runnable onDescribe = () -> {};

  FakeDataApiClient thenStatus(String status) {
    describes.add(() -> DescribeStatementResponse.builder().id(ID).status(status).build());
    return this;
  }

  FakeDataApiClient then(DescribeStatementResponse response) {
    describes.add(() -> response);
    return this;
  }

  @Override
  public ExecuteStatementResponse executeStatement(ExecuteStatementRequest request) {
    executes.add(request);
    if (abortExecutes > 0) {
      abortExecutes--;
      throw software.amazon.awssdk.core.exception.AbortedException.create("Thread was interrupted");
    }
    return ExecuteStatementResponse.builder().id(ID).build();
  }

  @Override
  public BatchExecuteStatementResponse batchExecuteStatement(BatchExecuteStatementRequest request) {
    batches.add(request);
    return BatchExecuteStatementResponse.builder().id(ID).build();
  }

  @Override
  public DescribeStatementResponse describeStatement(DescribeStatementRequest request) {
    describeCalls++;
    onDescribe.run();
    Supplier<DescribeStatementResponse> next =
        describes.size() > 1 ? describes.poll() : describes.peek();
    return next.get();
  }

  @Override
  public CancelStatementResponse cancelStatement(CancelStatementRequest request) {
    cancels.add(request.id());
    return CancelStatementResponse.builder().status(true).build();
  }

  @Override
  public GetStatementResultResponse getStatementResult(GetStatementResultRequest request) {
    otherRequests.add(request);
    String token = request.nextToken();
    int page = token == null ? 1 : Integer.parseInt(token);
    return GetStatementResultResponse.builder()
        .totalNumRows(3L)
        .records(
            List.of(
                List.of(
                    software.amazon.awssdk.services.redshiftdata.model.Field.builder()
                        .longValue((long) page)
                        .build())))
        .nextToken(page < 3 ? String.valueOf(page + 1) : null)
        .build();
  }

  @Override
  public DescribeTableResponse describeTable(DescribeTableRequest request) {
    otherRequests.add(request);
    boolean first = request.nextToken() == null;
    return DescribeTableResponse.builder()
        .tableName(request.table())
        .columnList(c -> c.name(first ? "a" : "b").typeName("int4"))
        .nextToken(first ? "more" : null)
        .build();
  }

  @Override
  public ListSchemasResponse listSchemas(ListSchemasRequest request) {
    otherRequests.add(request);
    boolean first = request.nextToken() == null;
    return ListSchemasResponse.builder()
        .schemas(first ? List.of("public", "s1") : List.of("s2"))
        .nextToken(first ? "n" : "")
        .build();
  }

  @Override
  public String serviceName() {
    return "redshift-data";
  }

  @Override
  public void close() {}
}
