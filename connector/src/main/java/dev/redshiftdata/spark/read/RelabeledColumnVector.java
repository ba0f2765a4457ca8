package dev.redshiftdata.spark.read;

import dev.redshiftdata.spark.types.WallClocks;
import java.time.ZoneId;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.sql.vectorized.ColumnVector;
import org.apache.spark.sql.vectorized.ColumnarArray;
import org.apache.spark.sql.vectorized.ColumnarMap;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * A column vector shown with another Spark type of the same physical values (a TIMESTAMP read as
 * {@code TimestampType} from Parquet, returned as {@code TimestampNTZType}: both are microseconds
 * in a long); or, with a zone, a TIMESTAMP's wall clocks returned as their instants in that zone
 * (option {@code timestampType=ltz}). No copy; the wrapped vector stays owned by its reader.
 */
final class RelabeledColumnVector extends ColumnVector {

  private final ColumnVector values;
  private final ZoneId wallClockZone;

  RelabeledColumnVector(ColumnVector values, DataType type) {
    this(values, type, null);
  }

  /** {@code wallClockZone} null: the same longs; else each long is a wall clock in that zone. */
  RelabeledColumnVector(ColumnVector values, DataType type, ZoneId wallClockZone) {
    super(type);
    this.values = values;
    this.wallClockZone = wallClockZone;
  }

  @Override
  public void close() {
    // The Parquet reader owns and closes the wrapped vector.
  }

  @Override
  public boolean hasNull() {
    return values.hasNull();
  }

  @Override
  public int numNulls() {
    return values.numNulls();
  }

  @Override
  public boolean isNullAt(int rowId) {
    return values.isNullAt(rowId);
  }

  @Override
  public boolean getBoolean(int rowId) {
    return values.getBoolean(rowId);
  }

  @Override
  public byte getByte(int rowId) {
    return values.getByte(rowId);
  }

  @Override
  public short getShort(int rowId) {
    return values.getShort(rowId);
  }

  @Override
  public int getInt(int rowId) {
    return values.getInt(rowId);
  }

  @Override
  public long getLong(int rowId) {
    long v = values.getLong(rowId);
    return wallClockZone == null ? v : WallClocks.toInstant(v, wallClockZone);
  }

  @Override
  public float getFloat(int rowId) {
    return values.getFloat(rowId);
  }

  @Override
  public double getDouble(int rowId) {
    return values.getDouble(rowId);
  }

  @Override
  public ColumnarArray getArray(int rowId) {
    return values.getArray(rowId);
  }

  @Override
  public ColumnarMap getMap(int ordinal) {
    return values.getMap(ordinal);
  }

  @Override
  public Decimal getDecimal(int rowId, int precision, int scale) {
    return values.getDecimal(rowId, precision, scale);
  }

  @Override
  public UTF8String getUTF8String(int rowId) {
    return values.getUTF8String(rowId);
  }

  @Override
  public byte[] getBinary(int rowId) {
    return values.getBinary(rowId);
  }

  @Override
  public ColumnVector getChild(int ordinal) {
    return values.getChild(ordinal);
  }
}
