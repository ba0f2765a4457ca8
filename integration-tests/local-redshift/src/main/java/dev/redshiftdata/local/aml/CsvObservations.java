package dev.redshiftdata.local.aml;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one CSV file the way Amazon ML's data format page demands (seeds/amazon-ml-data-format):
 * comma-separated values, a value with a comma or a double quote enclosed in double quotes (quotes
 * doubled), no end-of-line character inside a value even when quoted, every observation ended by
 * {@code \n} or {@code \r\n}, plain UTF-8 text. A break of these rules is a {@link
 * DataSourceFailure} naming the file and line; an observation larger than the byte limit is
 * returned as rejected (Amazon ML drops it and counts it).
 *
 * <p>One byte-level state machine: the structural characters are ASCII, so they never occur inside
 * a multi-byte UTF-8 sequence.
 */
final class CsvObservations {

  /** One observation: its values (null when rejected for size), its size and line number. */
  record Observation(List<String> values, long bytes, long line, boolean rejected) {}

  private enum State {
    FIELD_START,
    UNQUOTED,
    QUOTED,
    QUOTE_IN_QUOTED,
    CARRIAGE_RETURN
  }

  private final InputStream in;
  private final String file;
  private final CharsetDecoder utf8 =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private long line;

  CsvObservations(InputStream in, String file) {
    this.in = in;
    this.file = file;
  }

  /**
   * The next observation, or null at the end of the file.
   *
   * @param maxObservationBytes larger observations come back rejected, without values
   */
  Observation next(long maxObservationBytes) throws IOException, DataSourceFailure {
    List<byte[]> fields = new ArrayList<>();
    ByteArrayOutputStream field = new ByteArrayOutputStream();
    State state = State.FIELD_START;
    long bytes = 0;
    boolean started = false;
    line++;
    while (true) {
      int b = in.read();
      if (b < 0) {
        if (!started) {
          return null;
        }
        if (state == State.QUOTED) {
          throw fail("a double-quoted value is not closed before the end of the file");
        }
        throw fail("the last observation is not terminated by an end-of-line character");
      }
      started = true;
      if (b != '\n' && b != '\r') {
        bytes++;
      }
      switch (state) {
        case FIELD_START, UNQUOTED -> {
          if (b == '"') {
            if (state == State.UNQUOTED) {
              throw fail(
                  "a double quote inside a value that is not enclosed in double quotes"
                      + " (enclose the value and double the quote)");
            }
            state = State.QUOTED;
          } else if (b == ',') {
            fields.add(field.toByteArray());
            field.reset();
            state = State.FIELD_START;
          } else if (b == '\n') {
            fields.add(field.toByteArray());
            return observation(fields, bytes, maxObservationBytes);
          } else if (b == '\r') {
            fields.add(field.toByteArray());
            state = State.CARRIAGE_RETURN;
          } else {
            field.write(b);
            state = State.UNQUOTED;
          }
        }
        case QUOTED -> {
          if (b == '"') {
            state = State.QUOTE_IN_QUOTED;
          } else if (b == '\n' || b == '\r') {
            throw fail(
                "an end-of-line character inside a double-quoted value (Amazon ML allows none,"
                    + " even quoted)");
          } else {
            field.write(b);
          }
        }
        case QUOTE_IN_QUOTED -> {
          if (b == '"') {
            field.write(b);
            state = State.QUOTED;
          } else if (b == ',') {
            fields.add(field.toByteArray());
            field.reset();
            state = State.FIELD_START;
          } else if (b == '\n') {
            fields.add(field.toByteArray());
            return observation(fields, bytes, maxObservationBytes);
          } else if (b == '\r') {
            fields.add(field.toByteArray());
            state = State.CARRIAGE_RETURN;
          } else {
            throw fail("characters after the closing double quote of a value");
          }
        }
        case CARRIAGE_RETURN -> {
          if (b != '\n') {
            throw fail(
                "a carriage return not followed by a line feed (end observations with \\n or"
                    + " \\r\\n)");
          }
          return observation(fields, bytes, maxObservationBytes);
        }
      }
    }
  }

  private Observation observation(List<byte[]> fields, long bytes, long maxObservationBytes)
      throws DataSourceFailure {
    if (bytes > maxObservationBytes) {
      return new Observation(null, bytes, line, true);
    }
    List<String> values = new ArrayList<>(fields.size());
    for (byte[] f : fields) {
      try {
        values.add(utf8.decode(ByteBuffer.wrap(f)).toString());
      } catch (CharacterCodingException e) {
        throw fail("a value that is not UTF-8 text");
      }
    }
    return new Observation(values, bytes, line, false);
  }

  private DataSourceFailure fail(String what) {
    return new DataSourceFailure(file + " line " + line + ": " + what + ".");
  }
}
