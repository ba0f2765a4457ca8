package dev.redshiftdata.spark.read;

import dev.redshiftdata.spark.dataapi.CallStats;
import dev.redshiftdata.spark.types.RowDecoder;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.StructType;
import software.amazon.awssdk.services.redshiftdata.model.Field;
import software.amazon.awssdk.services.redshiftdata.model.GetStatementResultResponse;

/**
 * Decodes GetStatementResult (JSON) pages into rows of the read schema; the decoder is built from
 * the first page's column metadata.
 */
final class DirectPartitionReader extends PagedResultReader<GetStatementResultResponse> {

  DirectPartitionReader(
      Iterator<GetStatementResultResponse> pages,
      StructType readSchema,
      ZoneId wallClockZone,
      CallStats stats) {
    super(pages, readSchema, wallClockZone, stats);
  }

  @Override
  Iterator<InternalRow> decode(GetStatementResultResponse page) {
    Iterator<List<Field>> records = page.records().iterator();
    RowDecoder decoder =
        decoder(page.hasColumnMetadata() ? page.columnMetadata() : null, records.hasNext());
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return records.hasNext();
      }

      @Override
      public InternalRow next() {
        return decoder.decode(records.next());
      }
    };
  }
}
