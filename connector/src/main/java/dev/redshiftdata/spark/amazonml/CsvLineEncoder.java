package dev.redshiftdata.spark.amazonml;

import dev.redshiftdata.spark.config.AmazonMlOptions.Newlines;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Encodes observations as Amazon ML's CSV wants them (Amazon ML developer guide, "Understanding the
 * Data Format for Amazon ML"): values separated by commas; a value holding a comma or a double
 * quote enclosed in double quotes, its quotes doubled; no end-of-line character inside a value,
 * even quoted (each {@code \r\n}, {@code \r} or {@code \n} becomes one space, or the row is
 * rejected); each observation one line ended by {@code \n}, UTF-8; at most {@code maxRowBytes}
 * bytes per observation (the line without its {@code \n}), larger ones rejected because Amazon ML
 * drops them. A null and an empty string are both written as an empty value (a missing value to
 * Amazon ML). Pure.
 */
public final class CsvLineEncoder implements Serializable {

  /** Why an observation was left out of the CSV. */
  public enum Drop {
    /** A value held an end-of-line character and {@code amazonMl.newlines} is {@code reject}. */
    NEWLINE,
    /** The observation is larger than {@code amazonMl.maxRowBytes}. */
    TOO_LARGE
  }

  /**
   * One encoded observation: {@code line} (ending in {@code \n}) or why it was dropped.
   *
   * @param line the UTF-8 bytes of the line, or null when dropped
   * @param drop why it was dropped, or null
   */
  public record Encoded(byte[] line, Drop drop) {}

  private final Newlines newlines;
  private final long maxRowBytes;

  public CsvLineEncoder(Newlines newlines, long maxRowBytes) {
    this.newlines = newlines;
    this.maxRowBytes = maxRowBytes;
  }

  /** One observation; {@code values} may hold nulls. */
  public Encoded encode(String[] values) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      String v = values[i];
      if (v == null || v.isEmpty()) {
        continue;
      }
      if (hasLineBreak(v)) {
        if (newlines == Newlines.REJECT) {
          return new Encoded(null, Drop.NEWLINE);
        }
        v = replaceLineBreaks(v);
      }
      appendValue(sb, v);
    }
    byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
    if (bytes.length > maxRowBytes) {
      return new Encoded(null, Drop.TOO_LARGE);
    }
    byte[] line = new byte[bytes.length + 1];
    System.arraycopy(bytes, 0, line, 0, bytes.length);
    line[bytes.length] = '\n';
    return new Encoded(line, null);
  }

  /**
   * The header line (attribute names, ending in {@code \n}).
   *
   * @throws IllegalArgumentException for a name holding an end-of-line character or no character
   */
  public static byte[] header(List<String> names) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      if (name.isEmpty() || hasLineBreak(name)) {
        throw new IllegalArgumentException(
            "Cannot write the Amazon ML CSV header: column name '"
                + name.replace("\n", "\\n").replace("\r", "\\r")
                + "' is empty or holds an end-of-line character, which Amazon ML's CSV cannot hold."
                + " Rename the column.");
      }
      if (i > 0) {
        sb.append(',');
      }
      appendValue(sb, name);
    }
    return sb.append('\n').toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void appendValue(StringBuilder sb, String v) {
    if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0) {
      sb.append('"').append(v.replace("\"", "\"\"")).append('"');
    } else {
      sb.append(v);
    }
  }

  static boolean hasLineBreak(String v) {
    return v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
  }

  /** Each {@code \r\n}, lone {@code \r} and lone {@code \n} becomes one space. */
  static String replaceLineBreaks(String v) {
    return v.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ');
  }
}
