package dev.redshiftdata.spark.read;

import dev.redshiftdata.spark.dataapi.CallStats;
import dev.redshiftdata.spark.types.RowDecoder;
import dev.redshiftdata.spark.types.TypeMapping;
import java.time.ZoneId;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.types.StructType;
import software.amazon.awssdk.services.redshiftdata.model.ColumnMetadata;

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
  private final StructType readSchema;
  private final ZoneId wallClockZone;
  private RowDecoder decoder;
  private int columns;
  private Iterator<P> pages;
  private Iterator<InternalRow> rows = Collections.emptyIterator();
  private InternalRow current;
  private boolean closed;
  private long rowsRead;
  private long pagesRead;

  /**
   * @param readSchema the rows' schema
   * @param wallClockZone the session zone TIMESTAMPs are read in with {@code timestampType=ltz},
   *     else null
   * @param stats the counters of the Data API wrapper {@code pages} calls (throttled retries)
   */
  PagedResultReader(
      Iterator<P> pages, StructType readSchema, ZoneId wallClockZone, CallStats stats) {
    this.pages = pages;
    this.readSchema = readSchema;
    this.wallClockZone = wallClockZone;
    this.stats = stats;
  }

  /**
   * The row decoder, built from the first page's column metadata (later pages carry none); null
   * while no page had any and this one has no records.
   *
   * @param metadata this page's column metadata, or null when it has none
   */
  final RowDecoder decoder(List<ColumnMetadata> metadata, boolean hasRecords) {
    if (decoder == null && metadata != null) {
      decoder = RowDecoder.create(TypeMapping.types(metadata), readSchema, wallClockZone);
      columns = metadata.size();
    }
    if (decoder == null && hasRecords) {
      throw new IllegalStateException(
          "Cannot decode the Redshift result: its first page has no column metadata");
    }
    return decoder;
  }

  /** The result's column count, once {@link #decoder} has seen the metadata. */
  final int columns() {
    return columns;
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
