package dev.redshiftdata.spark.read;

import dev.redshiftdata.spark.dataapi.CallStats;
import dev.redshiftdata.spark.dataapi.StatementRequest;
import java.time.ZoneId;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.types.StructType;

/** Creates the direct-path reader on an executor. */
final class DirectReaderFactory implements PartitionReaderFactory {
  private static final long serialVersionUID = 1L;

  private final StructType readSchema;

  /** Where a TIMESTAMP read as {@code TimestampType} is a wall clock (a zone id). */
  private final String wallClockZone;

  DirectReaderFactory(StructType readSchema, String wallClockZone) {
    this.readSchema = readSchema;
    this.wallClockZone = wallClockZone;
  }

  @Override
  public PartitionReader<InternalRow> createReader(InputPartition partition) {
    DirectInputPartition p = (DirectInputPartition) partition;
    CallStats stats = new CallStats();
    if (p.format() == StatementRequest.Format.CSV) {
      return new DirectCsvPartitionReader(
          p.connection().dataApi().withStats(stats).csvResultPages(p.statementId()),
          readSchema,
          ZoneId.of(wallClockZone),
          stats);
    }
    return new DirectPartitionReader(
        p.connection().dataApi().withStats(stats).resultPages(p.statementId()),
        readSchema,
        ZoneId.of(wallClockZone),
        stats);
  }
}
