package dev.redshiftdata.spark.amazonml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.redshiftdata.spark.config.AmazonMlOptions.Newlines;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvLineEncoderTest {

  private static String line(CsvLineEncoder e, String... values) {
    CsvLineEncoder.Encoded out = e.encode(values);
    assertNull(out.drop());
    return new String(out.line(), StandardCharsets.UTF_8);
  }

  private final CsvLineEncoder replace = new CsvLineEncoder(Newlines.REPLACE, 102_400);

  @Test
  void plainValuesAreJoinedByCommasAndEndWithLineFeed() {
    assertEquals("1,abc,x y\n", line(replace, "1", "abc", "x y"));
  }

  @Test
  void nullsAndEmptyStringsAreEmptyValues() {
    assertEquals(",,a,\n", line(replace, null, "", "a", null));
  }

  @Test
  void valuesWithCommasOrQuotesAreQuotedWithQuotesDoubled() {
    assertEquals("\"a,b\",\"say \"\"hi\"\"\",\"\"\"\"\n", line(replace, "a,b", "say \"hi\"", "\""));
  }

  @Test
  void lineBreaksBecomeOneSpaceEach() {
    assertEquals("a b,c d,e f,g  h\n", line(replace, "a\nb", "c\r\nd", "e\rf", "g\n\nh"));
    // replaced before quoting: the value still needs quotes for its comma
    assertEquals("\"x, y\"\n", line(replace, "x,\ny"));
  }

  @Test
  void rejectDropsRowsWithLineBreaks() {
    CsvLineEncoder reject = new CsvLineEncoder(Newlines.REJECT, 102_400);
    assertEquals(CsvLineEncoder.Drop.NEWLINE, reject.encode(new String[] {"a", "b\nc"}).drop());
    assertEquals(CsvLineEncoder.Drop.NEWLINE, reject.encode(new String[] {"b\r"}).drop());
    assertEquals("a,b\n", line(reject, "a", "b"));
  }

  @Test
  void rowsAboveMaxRowBytesInUtf8AreDropped() {
    CsvLineEncoder e = new CsvLineEncoder(Newlines.REPLACE, 10);
    assertEquals("12345,789\n", line(e, "12345", "789")); // 9 bytes
    assertEquals("12345,7890\n", line(e, "12345", "7890")); // exactly 10
    assertEquals(CsvLineEncoder.Drop.TOO_LARGE, e.encode(new String[] {"12345", "78901"}).drop());
    // 5 characters, 10 bytes: kept; one more 2-byte character: dropped
    assertEquals("ééééé\n", line(e, "ééééé"));
    assertEquals(CsvLineEncoder.Drop.TOO_LARGE, e.encode(new String[] {"éééééé"}).drop());
    // quotes count: "a,b" is 5 bytes written
    CsvLineEncoder four = new CsvLineEncoder(Newlines.REPLACE, 4);
    assertEquals(CsvLineEncoder.Drop.TOO_LARGE, four.encode(new String[] {"a,b"}).drop());
  }

  @Test
  void unicodeIsWrittenAsUtf8() {
    byte[] out = replace.encode(new String[] {"日本", "✓"}).line();
    assertEquals("日本,✓\n", new String(out, StandardCharsets.UTF_8));
    assertEquals(3 + 3 + 1 + 3 + 1, out.length);
  }

  @Test
  void headerQuotesNamesAndRefusesLineBreaks() {
    assertEquals(
        "id,\"a,b\",c\n",
        new String(CsvLineEncoder.header(List.of("id", "a,b", "c")), StandardCharsets.UTF_8));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CsvLineEncoder.header(List.of("a\nb")));
    assertTrue(e.getMessage().contains("column name 'a\\nb'"), e.getMessage());
  }
}
