package dev.redshiftdata.spark.compat;

import org.apache.spark.sql.execution.vectorized.OnHeapColumnVector;
import org.apache.spark.sql.execution.vectorized.WritableColumnVector;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.vectorized.ColumnVector;

/**
 * A reusable on-heap column vector for values the connector decodes itself (VARBYTE, SUPER as
 * VARIANT, TIME), filled one batch at a time.
 */
public final class DecodedColumn implements AutoCloseable {

  private final DataType type;
  private final boolean variant;
  private final WritableColumnVector vector;

  public DecodedColumn(DataType type, int initialCapacity) {
    this.type = type;
    this.variant = SparkTypes.isVariant(type);
    this.vector = new OnHeapColumnVector(initialCapacity, type);
  }

  /** Empties the vector for a batch of {@code rows} rows. */
  public void reset(int rows) {
    vector.reset();
    vector.reserve(rows);
    if (variant) {
      vector.getChild(0).reserve(rows);
      vector.getChild(1).reserve(rows);
    }
  }

  public void putNull(int row) {
    vector.putNull(row);
  }

  /** Puts a decoded value: {@code byte[]} for binary, a variant value, or TIME's {@code long}. */
  public void put(int row, Object value) {
    vector.putNotNull(row);
    if (type instanceof BinaryType) {
      vector.putByteArray(row, (byte[]) value);
    } else if (variant) {
      vector.getChild(0).putByteArray(row, SparkTypes.variantValue(value));
      vector.getChild(1).putByteArray(row, SparkTypes.variantMetadata(value));
    } else if (SparkTypes.isTime(type)) {
      vector.putLong(row, (Long) value);
    } else {
      throw new IllegalStateException("No vector decoding for Spark type " + type.simpleString());
    }
  }

  public ColumnVector vector() {
    return vector;
  }

  @Override
  public void close() {
    vector.close();
  }
}
