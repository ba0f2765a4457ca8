package dev.redshiftdata.spark.compat;

import org.apache.spark.SparkContext;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.QueryExecution;
import org.apache.spark.sql.execution.SQLExecution;
import org.apache.spark.sql.util.QueryExecutionListener;

/**
 * Spark's SQL executions (one per action on a Dataset), as opaque objects compared by identity:
 * which one is running, and when one ends.
 */
public final class SqlExecutions {
  private SqlExecutions() {}

  /** Told when an execution of a watched session ends. */
  public interface EndListener {
    /**
     * @param execution the execution, as {@link #current} returned it
     * @param action the action's name ({@code collect}, {@code save}, ...)
     * @param failure null when the action succeeded
     */
    void ended(Object execution, String action, Exception failure);
  }

  /** The SQL execution running on this thread, or null. */
  public static Object current(SparkContext sc) {
    String id = sc.getLocalProperty(SQLExecution.EXECUTION_ID_KEY());
    if (id == null) {
      return null;
    }
    try {
      return SQLExecution.getQueryExecution(Long.parseLong(id));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  public static long id(Object execution) {
    return ((QueryExecution) execution).id();
  }

  public static SparkSession session(Object execution) {
    return ((QueryExecution) execution).sparkSession();
  }

  /** Whether the execution's session caches no Dataset (false when that cannot be told). */
  public static boolean noCachedData(Object execution) {
    try {
      return ((QueryExecution) execution).sparkSession().sharedState().cacheManager().isEmpty();
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Tells {@code listener} of every execution of {@code session} that ends from now on. */
  public static void listen(SparkSession session, EndListener listener) {
    session.listenerManager().register(new Adapter(listener));
  }

  private static final class Adapter implements QueryExecutionListener {
    private final EndListener listener;

    Adapter(EndListener listener) {
      this.listener = listener;
    }

    @Override
    public void onSuccess(String funcName, QueryExecution qe, long durationNs) {
      listener.ended(qe, funcName, null);
    }

    @Override
    public void onFailure(String funcName, QueryExecution qe, Exception exception) {
      listener.ended(
          qe, funcName, exception == null ? new RuntimeException("unknown failure") : exception);
    }
  }
}
