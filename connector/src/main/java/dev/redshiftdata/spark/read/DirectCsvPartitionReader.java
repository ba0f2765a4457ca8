package dev.redshiftdata.spark.read;

import dev.redshiftdata.spark.dataapi.CallStats;
import dev.redshiftdata.spark.types.CsvRecords;
import dev.redshiftdata.spark.types.RowDecoder;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.StructType;
import software.amazon.awssdk.services.redshiftdata.model.GetStatementResultV2Response;
import software.amazon.awssdk.services.redshiftdata.model.QueryRecords;

/**
 * Decodes GetStatementResultV2 (CSV) pages into rows of the read schema; the decoder is built from
 * the first page's column metadata.
 */
final class DirectCsvPartitionReader extends PagedResultReader<GetStatementResultV2Response> {

  DirectCsvPartitionReader(
      Iterator<GetStatementResultV2Response> pages,
      StructType readSchema,
      ZoneId wallClockZone,
      CallStats stats) {
    super(pages, readSchema, wallClockZone, stats);
  }

  @Override
  Iterator<InternalRow> decode(GetStatementResultV2Response page) {
    RowDecoder decoder =
        decoder(page.hasColumnMetadata() ? page.columnMetadata() : null, !page.records().isEmpty());
    if (page.records().isEmpty()) {
      return Collections.emptyIterator();
    }
    // A record must not span chunks: join the page's chunks before splitting (one chunk: as is).
    CharSequence text;
    if (page.records().size() == 1) {
      text = page.records().get(0).csvRecords();
    } else {
      StringBuilder joined = new StringBuilder();
      for (QueryRecords r : page.records()) {
        joined.append(r.csvRecords());
      }
      text = joined;
    }
    List<InternalRow> rows = new ArrayList<>();
    CsvRecords.forEach(text, columns(), cells -> rows.add(decoder.decodeCsv(cells)));
    return rows.iterator();
  }
}
