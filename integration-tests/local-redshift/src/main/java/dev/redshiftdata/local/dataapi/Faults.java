package dev.redshiftdata.local.dataapi;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Faults a test arms on the running server to exercise a client's retry, polling and recovery
 * paths. Call faults are keyed by operation name ("ExecuteStatement"; "*" = every operation);
 * statement faults apply to the next statement that starts. Everything is one-shot or counted, and
 * {@link #reset()} disarms all of it.
 */
public final class Faults {

  /** What to do to the next statement that starts running. */
  public enum StatementFault {
    FAIL,
    ABORT
  }

  private record Throttle(int every, AtomicInteger calls) {}

  private final Map<String, Throttle> throttles = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> nextThrottles = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> internalErrors = new ConcurrentHashMap<>();
  private final Map<String, Duration> latencies = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> drops = new ConcurrentHashMap<>();
  private final AtomicReference<Hold> nextHold = new AtomicReference<>();
  private final AtomicReference<String> nextFailure = new AtomicReference<>();
  private final AtomicReference<StatementFault> nextStatementFault = new AtomicReference<>();

  /**
   * How long the next statement stays STARTED: until polled {@code polls} times or {@code duration}
   * elapsed.
   */
  public record Hold(int polls, Duration duration) {}

  /**
   * Every {@code n}th call of {@code operation} (the nth, 2nth, ...) is answered with
   * ThrottlingException.
   */
  public Faults throttleEvery(String operation, int n) {
    throttles.put(operation, new Throttle(n, new AtomicInteger()));
    return this;
  }

  /**
   * The next {@code times} calls of {@code operation} are answered with ThrottlingException; later
   * ones are served (so a test can count exactly the retries it caused).
   */
  public Faults throttleNext(String operation, int times) {
    nextThrottles.put(operation, new AtomicInteger(times));
    return this;
  }

  /**
   * The next {@code times} calls of {@code operation} answer InternalServerException (HTTP 500).
   */
  public Faults internalError(String operation, int times) {
    internalErrors.put(operation, new AtomicInteger(times));
    return this;
  }

  public Faults internalErrorOnce(String operation) {
    return internalError(operation, 1);
  }

  /** Every call of {@code operation} waits this long before it is handled. */
  public Faults latency(String operation, Duration d) {
    latencies.put(operation, d);
    return this;
  }

  /**
   * The next {@code times} calls of {@code operation} are fully handled (a statement is really
   * submitted) but the connection is closed without a response, as when a response is lost: the SDK
   * retries the same request.
   */
  public Faults dropResponse(String operation, int times) {
    drops.put(operation, new AtomicInteger(times));
    return this;
  }

  /** The next statement stays STARTED until DescribeStatement polled it {@code polls} times. */
  public Faults holdNextStatementForPolls(int polls) {
    nextHold.set(new Hold(polls, null));
    return this;
  }

  /** The next statement stays STARTED for {@code d} before it runs. */
  public Faults holdNextStatementFor(Duration d) {
    nextHold.set(new Hold(0, d));
    return this;
  }

  /** The next statement FAILs with this Error text (use Redshift's form, e.g. "ERROR: ..."). */
  public Faults failNextStatement(String error) {
    nextFailure.set(error);
    nextStatementFault.set(StatementFault.FAIL);
    return this;
  }

  /** The next statement becomes ABORTED while STARTED, as if cancelled by someone else. */
  public Faults abortNextStatement() {
    nextStatementFault.set(StatementFault.ABORT);
    return this;
  }

  public void reset() {
    throttles.clear();
    nextThrottles.clear();
    internalErrors.clear();
    latencies.clear();
    drops.clear();
    nextHold.set(null);
    nextFailure.set(null);
    nextStatementFault.set(null);
  }

  // ---- consulted by the server ----

  ApiException beforeCall(String operation) throws InterruptedException {
    Duration latency = lookup(latencies, operation);
    if (latency != null) {
      Thread.sleep(latency.toMillis());
    }
    Throttle t = lookup(throttles, operation);
    if (t != null && t.calls().incrementAndGet() % t.every() == 0
        || takeOne(nextThrottles, operation)) {
      return new ApiException("ThrottlingException", 400, "Rate exceeded");
    }
    if (takeOne(internalErrors, operation)) {
      return ApiException.internal("Internal Server Exception (injected fault)");
    }
    return null;
  }

  boolean dropResponse(String operation) {
    return takeOne(drops, operation);
  }

  Hold takeHold() {
    return nextHold.getAndSet(null);
  }

  StatementFault takeStatementFault() {
    return nextStatementFault.getAndSet(null);
  }

  String failureText() {
    String s = nextFailure.getAndSet(null);
    return s == null ? "ERROR: injected failure" : s;
  }

  private static <T> T lookup(Map<String, T> map, String operation) {
    T v = map.get(operation);
    return v != null ? v : map.get("*");
  }

  private static boolean takeOne(Map<String, AtomicInteger> map, String operation) {
    AtomicInteger n = map.get(operation);
    if (n == null) {
      n = map.get("*");
    }
    return n != null && n.getAndUpdate(x -> x > 0 ? x - 1 : 0) > 0;
  }
}
