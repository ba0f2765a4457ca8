package dev.redshiftdata.spark.read;

import dev.redshiftdata.spark.dataapi.CallStats;
import dev.redshiftdata.spark.types.CsvRecords;
import dev.redshiftdata.spark.types.RowDecoder;
import dev.redshiftdata.spark.types.TypeMapping;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Iterator;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.types.StructType;
import software.amazon.awssdk.services.redshiftdata.model.GetStatementResultV2Response;
import software.amazon.awssdk.services.redshiftdata.model.QueryRecords;

/**
 * Pages GetStatementResultV2 (CSV) lazily and decodes each record into a row of the read schema.
 * One page's records are held at a time, so memory stays bounded by a page.
 */
final class DirectCsvPartitionReader implements PartitionReader<InternalRow> {

  private final StructType readSchema;
  private final CallStats stats;
  private Iterator<GetStatementResultV2Response> pages;
  private boolean closed;
  private long rowsRead;
  private long pagesRead;
  private final ArrayDeque<InternalRow> rows = new ArrayDeque<>();
  private RowDecoder decoder;
  private int columns;
  private InternalRow current;

  DirectCsvPartitionReader(
      Iterator<GetStatementResultV2Response> pages, StructType readSchema, CallStats stats) {
    this.pages = pages;
    this.readSchema = readSchema;
    this.stats = stats;
  }

  @Override
  public boolean next() {
    if (closed) {
      return false;
    }
    while (rows.isEmpty()) {
      if (!pages.hasNext()) {
        current = null;
        return false;
      }
      // A killed task stops before its next page rather than after it.
      TaskContext task = TaskContext.get();
      if (task != null) {
        task.killTaskIfInterrupted();
      }
      GetStatementResultV2Response page = pages.next();
      pagesRead++;
      if (decoder == null && page.hasColumnMetadata()) {
        decoder = RowDecoder.create(TypeMapping.types(page.columnMetadata()), readSchema);
        columns = page.columnMetadata().size();
      }
      if (page.records().isEmpty()) {
        continue;
      }
      if (decoder == null) {
        throw new IllegalStateException(
            "Cannot decode the Redshift result: its first page has no column metadata");
      }
      // A record must not span chunks: join the page's chunks before splitting.
      StringBuilder text = new StringBuilder();
      for (QueryRecords r : page.records()) {
        text.append(r.csvRecords());
      }
      CsvRecords.forEach(text, columns, cells -> rows.add(decoder.decodeCsv(cells)));
    }
    current = rows.poll();
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
    // Let go of the page's rows so a reader closed early pins no result data.
    closed = true;
    pages = Collections.emptyIterator();
    rows.clear();
    current = null;
  }
}
