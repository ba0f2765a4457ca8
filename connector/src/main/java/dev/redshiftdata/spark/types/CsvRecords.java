package dev.redshiftdata.spark.types;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Splits GetStatementResultV2 {@code CSVRecords} text into records of cells, per the local
 * Redshift's rules (integration-tests README, deviation table): RFC 4180 quoting ({@code ""} inside
 * quotes is one quote; quoted cells may hold commas and line breaks), no header, {@code \n} (or
 * {@code \r\n}) line ends, <b>an empty unquoted cell is SQL NULL</b> (returned as {@code null}) and
 * {@code ""} is the empty string.
 *
 * <p>A record must not span two texts: concatenate a page's {@code CSVRecords} chunks before
 * parsing if a real Redshift splits records across chunks.
 */
public final class CsvRecords {

  private CsvRecords() {}

  /**
   * Calls {@code sink} with each record's cells (a new array per record). An unquoted cell (nearly
   * all of them) is one {@code substring} of the text, not copied char by char.
   */
  public static void forEach(CharSequence text, int columns, Consumer<String[]> sink) {
    String s = text.toString();
    int n = s.length();
    int i = 0;
    StringBuilder quoted = new StringBuilder();
    while (i < n) {
      String[] cells = new String[columns];
      int c = 0;
      while (true) {
        String cell;
        if (i < n && s.charAt(i) == '"') {
          quoted.setLength(0);
          i++;
          while (true) {
            int quote = s.indexOf('"', i);
            if (quote < 0) {
              throw new IllegalArgumentException("Unterminated quoted CSV cell");
            }
            quoted.append(s, i, quote);
            i = quote + 1;
            if (i < n && s.charAt(i) == '"') {
              quoted.append('"');
              i++;
            } else {
              break;
            }
          }
          cell = quoted.toString();
        } else {
          int start = i;
          while (i < n) {
            char ch = s.charAt(i);
            if (ch == ',' || ch == '\n' || ch == '\r') {
              break;
            }
            i++;
          }
          cell = i > start ? s.substring(start, i) : null;
        }
        if (c >= columns) {
          throw new IllegalArgumentException(
              "CSV record has more than the " + columns + " expected cells");
        }
        cells[c++] = cell;
        if (i < n && s.charAt(i) == ',') {
          i++;
          continue;
        }
        if (i < n && s.charAt(i) == '\r') {
          i++;
        }
        if (i < n && s.charAt(i) == '\n') {
          i++;
        } else if (i < n) {
          throw new IllegalArgumentException("Unexpected character after a quoted CSV cell");
        }
        break;
      }
      if (c != columns) {
        throw new IllegalArgumentException("CSV record has " + c + " cells, expected " + columns);
      }
      sink.accept(cells);
    }
  }

  public static List<String[]> parse(CharSequence text, int columns) {
    List<String[]> out = new ArrayList<>();
    forEach(text, columns, out::add);
    return out;
  }
}
