package dev.redshiftdata.local.bulk;

import java.util.HashMap;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Writes rows read by {@link ParquetColumn#read} straight to Parquet, without an intermediate
 * record model.
 */
final class RowWriteSupport extends WriteSupport<Object[]> {

  private final List<ParquetColumn> columns;
  private final MessageType schema;
  private RecordConsumer out;

  RowWriteSupport(List<ParquetColumn> columns) {
    this.columns = columns;
    this.schema =
        new MessageType(
            "schema", columns.stream().map(ParquetColumn::parquetType).toArray(Type[]::new));
  }

  MessageType schema() {
    return schema;
  }

  @Override
  public WriteContext init(Configuration configuration) {
    return new WriteContext(schema, new HashMap<>());
  }

  @Override
  public void prepareForWrite(RecordConsumer recordConsumer) {
    this.out = recordConsumer;
  }

  @Override
  public void write(Object[] row) {
    out.startMessage();
    for (int i = 0; i < row.length; i++) {
      Object v = row[i];
      if (v != null) {
        ParquetColumn c = columns.get(i);
        out.startField(c.name(), i);
        c.write(out, v);
        out.endField(c.name(), i);
      }
    }
    out.endMessage();
  }
}
