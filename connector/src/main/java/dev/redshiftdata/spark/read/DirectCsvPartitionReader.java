package dev.redshiftdata.spark.read;

import dev.redshiftdata.spark.types.CsvRecords;
import dev.redshiftdata.spark.types.RowDecoder;
import dev.redshiftdata.spark.types.TypeMapping;
import java.util.ArrayDeque;
import java.util.Iterator;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.types.StructType;
import software.amazon.awssdk.services.redshiftdata.model.GetStatementResultV2Response;
import software.amazon.awssdk.services.redshiftdata.model.QueryRecords;

/**
 * Pages GetStatementResultV2 (CSV) lazily and decodes each record into a row of the read schema.
 * One page's records are held at a time, so memory stays bounded by a page.
 */
final class DirectCsvPartitionReader implements PartitionReader<InternalRow> {

  private final Iterator<GetStatementResultV2Response> pages;
  private final StructType readSchema;
  private final ArrayDeque<InternalRow> rows = new ArrayDeque<>();
  private RowDecoder decoder;
  private int columns;
  private InternalRow current;

  DirectCsvPartitionReader(Iterator<GetStatementResultV2Response> pages, StructType readSchema) {
    this.pages = pages;
    this.readSchema = readSchema;
  }

  @Override
  public boolean next() {
    while (rows.isEmpty()) {
      if (!pages.hasNext()) {
        current = null;
        return false;
      }
      GetStatementResultV2Response page = pages.next();
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
    return true;
  }

  @Override
  public InternalRow get() {
    return current;
  }

  @Override
  public void close() {
    rows.clear();
  }
}
