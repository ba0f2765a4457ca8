package dev.redshiftdata.spark.read;

import dev.redshiftdata.spark.dataapi.CallStats;
import dev.redshiftdata.spark.types.RowDecoder;
import dev.redshiftdata.spark.types.TypeMapping;
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

  private final StructType readSchema;
  private final ZoneId wallClockZone;
  private RowDecoder decoder;

  DirectPartitionReader(
      Iterator<GetStatementResultResponse> pages,
      StructType readSchema,
      ZoneId wallClockZone,
      CallStats stats) {
    super(pages, stats);
    this.readSchema = readSchema;
    this.wallClockZone = wallClockZone;
  }

  @Override
  Iterator<InternalRow> decode(GetStatementResultResponse page) {
    if (decoder == null && page.hasColumnMetadata()) {
      decoder =
          RowDecoder.create(TypeMapping.types(page.columnMetadata()), readSchema, wallClockZone);
    }
    Iterator<List<Field>> records = page.records().iterator();
    if (records.hasNext() && decoder == null) {
      throw new IllegalStateException(
          "Cannot decode the Redshift result: its first page has no column metadata");
    }
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
