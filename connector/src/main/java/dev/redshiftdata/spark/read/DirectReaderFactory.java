package dev.redshiftdata.spark.read;

import dev.redshiftdata.spark.dataapi.CallStats;
import dev.redshiftdata.spark.dataapi.StatementRequest;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.types.StructType;

/** Creates the direct-path reader on an executor. */
final class DirectReaderFactory implements PartitionReaderFactory {
  private static final long serialVersionUID = 1L;

  private final StructType readSchema;

  DirectReaderFactory(StructType readSchema) {
    this.readSchema = readSchema;
  }

  @Override
  public PartitionReader<InternalRow> createReader(InputPartition partition) {
    DirectInputPartition p = (DirectInputPartition) partition;
    CallStats stats = new CallStats();
    if (p.format() == StatementRequest.Format.CSV) {
      return new DirectCsvPartitionReader(
          p.connection().dataApi().withStats(stats).csvResultPages(p.statementId()),
          readSchema,
          stats);
    }
    return new DirectPartitionReader(
        p.connection().dataApi().withStats(stats).resultPages(p.statementId()), readSchema, stats);
  }
}
