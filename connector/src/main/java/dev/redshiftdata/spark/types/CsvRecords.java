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

  /** Calls {@code sink} with each record's cells (a new array per record). */
  public static void forEach(CharSequence text, int columns, Consumer<String[]> sink) {
    int n = text.length();
    int i = 0;
    StringBuilder cell = new StringBuilder();
    while (i < n) {
      String[] cells = new String[columns];
      int c = 0;
      while (true) {
        boolean quoted = false;
        cell.setLength(0);
        if (i < n && text.charAt(i) == '"') {
          quoted = true;
          i++;
          while (true) {
            if (i >= n) {
              throw new IllegalArgumentException("Unterminated quoted CSV cell");
            }
            char ch = text.charAt(i++);
            if (ch == '"') {
              if (i < n && text.charAt(i) == '"') {
                cell.append('"');
                i++;
              } else {
                break;
              }
            } else {
              cell.append(ch);
            }
          }
        } else {
          while (i < n) {
            char ch = text.charAt(i);
            if (ch == ',' || ch == '\n' || ch == '\r') {
              break;
            }
            cell.append(ch);
            i++;
          }
        }
        if (c >= columns) {
          throw new IllegalArgumentException(
              "CSV record has more than the " + columns + " expected cells");
        }
        cells[c++] = quoted || cell.length() > 0 ? cell.toString() : null;
        if (i < n && text.charAt(i) == ',') {
          i++;
          continue;
        }
        if (i < n && text.charAt(i) == '\r') {
          i++;
        }
        if (i < n && text.charAt(i) == '\n') {
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
