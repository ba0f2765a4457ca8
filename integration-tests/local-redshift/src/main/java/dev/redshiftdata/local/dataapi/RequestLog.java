package dev.redshiftdata.local.dataapi;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Every request the server answered, in order, so tests can assert what a client actually sent:
 * which SQL, how often it polled a statement, how many retries a fault caused. Thread-safe; {@link
 * #clear()} between tests.
 */
public final class RequestLog {
  private final List<RecordedRequest> entries = new ArrayList<>();

  synchronized void add(RecordedRequest r) {
    entries.add(r);
  }

  public synchronized void clear() {
    entries.clear();
  }

  public synchronized List<RecordedRequest> all() {
    return List.copyOf(entries);
  }

  public synchronized List<RecordedRequest> matching(Predicate<RecordedRequest> p) {
    return entries.stream().filter(p).toList();
  }

  public List<RecordedRequest> operation(String operation) {
    return matching(r -> r.operation().equals(operation));
  }

  public int count(String operation) {
    return operation(operation).size();
  }

  /**
   * How many calls of an operation addressed a statement (e.g. DescribeStatement polls of one Id).
   */
  public int count(String operation, String statementId) {
    return matching(r -> r.operation().equals(operation) && statementId.equals(r.statementId()))
        .size();
  }

  /** The redacted SQL of every ExecuteStatement and BatchExecuteStatement, in order. */
  public synchronized List<String> sqls() {
    List<String> out = new ArrayList<>();
    for (RecordedRequest r : entries) {
      out.addAll(r.sqls());
    }
    return out;
  }

  public List<RecordedRequest> errors() {
    return matching(r -> !r.ok());
  }
}
