package dev.redshiftdata.spark.read;

import dev.redshiftdata.spark.dataapi.CallStats;
import dev.redshiftdata.spark.types.RowDecoder;
import dev.redshiftdata.spark.types.TypeMapping;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.types.StructType;
import software.amazon.awssdk.services.redshiftdata.model.Field;
import software.amazon.awssdk.services.redshiftdata.model.GetStatementResultResponse;

/**
 * Pages GetStatementResult lazily and decodes each record into a row of the read schema; the
 * decoder is built from the first page's column metadata.
 *
 * <p>The statement has finished before any task runs, so a killed task or a reader closed early (a
 * {@code LIMIT} Spark applies itself, a failed downstream operator) has nothing to cancel: it only
 * stops fetching pages. {@link #close()} drops the page it holds; later {@link #next()} calls
 * return false without another GetStatementResult.
 */
final class DirectPartitionReader implements PartitionReader<InternalRow> {

  private Iterator<GetStatementResultResponse> pages;
  private final StructType readSchema;
  private final CallStats stats;
  private RowDecoder decoder;
  private Iterator<List<Field>> records = Collections.emptyIterator();
  private InternalRow current;
  private boolean closed;
  private long rowsRead;
  private long pagesRead;

  /**
   * @param stats the counters of the Data API wrapper {@code pages} calls (throttled retries)
   */
  DirectPartitionReader(
      Iterator<GetStatementResultResponse> pages, StructType readSchema, CallStats stats) {
    this.pages = pages;
    this.readSchema = readSchema;
    this.stats = stats;
  }

  @Override
  public boolean next() {
    if (closed) {
      return false;
    }
    while (!records.hasNext()) {
      if (!pages.hasNext()) {
        current = null;
        return false;
      }
      // A killed task stops before its next page rather than after it.
      TaskContext task = TaskContext.get();
      if (task != null) {
        task.killTaskIfInterrupted();
      }
      GetStatementResultResponse page = pages.next();
      pagesRead++;
      if (decoder == null && page.hasColumnMetadata()) {
        decoder = RowDecoder.create(TypeMapping.types(page.columnMetadata()), readSchema);
      }
      records = page.records().iterator();
    }
    List<Field> record = records.next();
    if (decoder == null) {
      throw new IllegalStateException(
          "Cannot decode the Redshift result: its first page has no column metadata");
    }
    current = decoder.decode(record);
    rowsRead++;
    return true;
  }

  @Override
  public InternalRow get() {
    return current;
  }

  @Override
  public CustomTaskMetric[] currentMetricsValues() {
    return ReadMetrics.task(rowsRead, pagesRead, stats);
  }

  @Override
  public void close() {
    // Nothing is held open between pages (the SDK client is shared and each page is one complete
    // call); let go of the current page so a closed reader pins no result data.
    closed = true;
    pages = Collections.emptyIterator();
    records = Collections.emptyIterator();
    current = null;
  }
}
