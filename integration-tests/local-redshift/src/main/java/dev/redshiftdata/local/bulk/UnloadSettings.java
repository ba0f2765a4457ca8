package dev.redshiftdata.local.bulk;

/**
 * Runtime switches of the local Redshift's UNLOAD, changeable while it runs so one shared instance
 * serves every test. Defaults follow the most likely real behaviour.
 */
public final class UnloadSettings {

  private volatile TimestampEncoding timestampEncoding = TimestampEncoding.INT96;
  private volatile int slices = 2;
  private volatile long rowsPerSliceChunk = 200_000;
  private volatile long maxFileSizeCap = Long.MAX_VALUE;

  /** How TIMESTAMP columns are written to Parquet (see {@link TimestampEncoding}). */
  public TimestampEncoding timestampEncoding() {
    return timestampEncoding;
  }

  public UnloadSettings timestampEncoding(TimestampEncoding encoding) {
    this.timestampEncoding = encoding;
    return this;
  }

  /**
   * Emulated slices: with PARALLEL ON each writes its own files ({@code 0000_part_00}, {@code
   * 0001_part_00}...).
   */
  public int slices() {
    return slices;
  }

  public UnloadSettings slices(int n) {
    if (n < 1 || n > 9999) {
      throw new IllegalArgumentException("slices must be 1..9999");
    }
    this.slices = n;
    return this;
  }

  /**
   * Rows a slice takes before the next slice gets rows: small results stay in one file, as on
   * Redshift.
   */
  public long rowsPerSliceChunk() {
    return rowsPerSliceChunk;
  }

  public UnloadSettings rowsPerSliceChunk(long rows) {
    this.rowsPerSliceChunk = Math.max(1, rows);
    return this;
  }

  /**
   * Caps MAXFILESIZE (whose minimum is 5 MB on Redshift) so tests can see part rollover with little
   * data. {@link Long#MAX_VALUE} = no cap.
   */
  public long maxFileSizeCap() {
    return maxFileSizeCap;
  }

  public UnloadSettings maxFileSizeCap(long bytes) {
    this.maxFileSizeCap = bytes;
    return this;
  }

  public void reset() {
    timestampEncoding = TimestampEncoding.INT96;
    slices = 2;
    rowsPerSliceChunk = 200_000;
    maxFileSizeCap = Long.MAX_VALUE;
  }
}
