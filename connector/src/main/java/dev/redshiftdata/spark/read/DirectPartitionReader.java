package dev.redshiftdata.spark.read;

import dev.redshiftdata.spark.types.RowDecoder;
import dev.redshiftdata.spark.types.TypeMapping;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.types.StructType;
import software.amazon.awssdk.services.redshiftdata.model.Field;
import software.amazon.awssdk.services.redshiftdata.model.GetStatementResultResponse;

/**
 * Pages GetStatementResult lazily and decodes each record into a row of the read schema; the
 * decoder is built from the first page's column metadata.
 */
final class DirectPartitionReader implements PartitionReader<InternalRow> {

  private final Iterator<GetStatementResultResponse> pages;
  private final StructType readSchema;
  private RowDecoder decoder;
  private Iterator<List<Field>> records = Collections.emptyIterator();
  private InternalRow current;

  DirectPartitionReader(Iterator<GetStatementResultResponse> pages, StructType readSchema) {
    this.pages = pages;
    this.readSchema = readSchema;
  }

  @Override
  public boolean next() {
    while (!records.hasNext()) {
      if (!pages.hasNext()) {
        current = null;
        return false;
      }
      GetStatementResultResponse page = pages.next();
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
    return true;
  }

  @Override
  public InternalRow get() {
    return current;
  }

  @Override
  public void close() {
    // Pages are fetched on demand; nothing is held open.
  }
}
