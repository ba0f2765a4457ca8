package dev.redshiftdata.spark.amazonml;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * What type inference needs to know about one column's values: its distinct non-empty values, kept
 * only up to a limit (one more than the categorical threshold: past it the column is TEXT and the
 * exact count no longer matters). Values longer than {@link #LONG_VALUE} characters are kept as a
 * digest, so a commit message stays small. Task attempts build one per column; the driver merges
 * those of committed attempts. Not thread-safe.
 */
public final class ColumnStats implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Values longer than this are remembered by their SHA-256 only. */
  static final int LONG_VALUE = 256;

  /** Marks a digest; a NUL never starts a value worth telling apart from it. */
  private static final String DIGEST_MARK = "\u0000sha256:";

  private final int limit;
  private Set<String> distinct = new HashSet<>();
  private boolean overflow;

  /**
   * @param limit how many distinct values to keep before giving up counting
   */
  public ColumnStats(int limit) {
    this.limit = limit;
  }

  /** Counts {@code value} (the CSV text of a value; null and empty are not counted). */
  public void add(String value) {
    if (overflow || value == null || value.isEmpty()) {
      return;
    }
    distinct.add(value.length() > LONG_VALUE ? digest(value) : value);
    if (distinct.size() > limit) {
      overflow = true;
      distinct = new HashSet<>();
    }
  }

  /** Adds another attempt's counts to these. */
  public void merge(ColumnStats other) {
    if (overflow) {
      return;
    }
    if (other.overflow) {
      overflow = true;
      distinct = new HashSet<>();
      return;
    }
    for (String v : other.distinct) {
      add(v);
    }
  }

  /** Whether more than {@code limit} distinct values were seen. */
  public boolean overflow() {
    return overflow;
  }

  /** The distinct values seen (digests for long ones), or empty after an overflow. */
  public Set<String> distinct() {
    return Set.copyOf(distinct);
  }

  /** The number of distinct values, or {@code limit + 1} after an overflow. */
  public int distinctCount() {
    return overflow ? limit + 1 : distinct.size();
  }

  /** One fresh instance per column. */
  public static List<ColumnStats> forColumns(int columns, int limit) {
    ColumnStats[] out = new ColumnStats[columns];
    for (int i = 0; i < columns; i++) {
      out[i] = new ColumnStats(limit);
    }
    return List.of(out);
  }

  private static String digest(String value) {
    try {
      byte[] d =
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return DIGEST_MARK + HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
