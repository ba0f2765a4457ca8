package dev.redshiftdata.spark.read;

import dev.redshiftdata.spark.dataapi.CallStats;
import java.util.Collections;
import java.util.Iterator;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;
import org.apache.spark.sql.connector.read.PartitionReader;

/**
 * Reads a finished statement's result page by page, lazily, and decodes each page's records into
 * rows; only one page is held at a time. Subclasses decode one page encoding (JSON Field unions or
 * CSV text).
 *
 * <p>The statement has finished before any task runs, so a killed task or a reader closed early (a
 * {@code LIMIT} Spark applies itself, a failed downstream operator) has nothing to cancel: it only
 * stops fetching pages. A killed task stops before its next page; {@link #close()} drops the page
 * it holds, and later {@link #next()} calls return false without another call.
 *
 * @param <P> the page type
 */
abstract class PagedResultReader<P> implements PartitionReader<InternalRow> {

  private final CallStats stats;
  private Iterator<P> pages;
  private Iterator<InternalRow> rows = Collections.emptyIterator();
  private InternalRow current;
  private boolean closed;
  private long rowsRead;
  private long pagesRead;

  /**
   * @param stats the counters of the Data API wrapper {@code pages} calls (throttled retries)
   */
  PagedResultReader(Iterator<P> pages, CallStats stats) {
    this.pages = pages;
    this.stats = stats;
  }

  /** The rows of one page, in order. */
  abstract Iterator<InternalRow> decode(P page);

  @Override
  public final boolean next() {
    if (closed) {
      return false;
    }
    while (!rows.hasNext()) {
      if (!pages.hasNext()) {
        current = null;
        return false;
      }
      TaskContext task = TaskContext.get();
      if (task != null) {
        task.killTaskIfInterrupted();
      }
      P page = pages.next();
      pagesRead++;
      rows = decode(page);
    }
    current = rows.next();
    rowsRead++;
    return true;
  }

  @Override
  public final InternalRow get() {
    return current;
  }

  @Override
  public final CustomTaskMetric[] currentMetricsValues() {
    return ReadMetrics.task(rowsRead, pagesRead, stats);
  }

  @Override
  public final void close() {
    // Nothing is held open between pages (the SDK client is shared and each page is one complete
    // call); let go of the current page so a closed reader pins no result data.
    closed = true;
    pages = Collections.emptyIterator();
    rows = Collections.emptyIterator();
    current = null;
  }
}
