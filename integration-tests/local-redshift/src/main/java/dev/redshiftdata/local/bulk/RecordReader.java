package dev.redshiftdata.local.bulk;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV (RFC 4180 with COPY's QUOTE and DELIMITER; quoted fields may hold delimiters and line
 * breaks) or Redshift's delimited text (optional backslash ESCAPE, REMOVEQUOTES) into records of
 * fields.
 */
final class RecordReader implements Records {

  private static final int RAW_LIMIT = 1024;

  private final Reader in;
  private final boolean csv;
  private final char delimiter;
  private final char quote;
  private final boolean escape;
  private final boolean removeQuotes;
  private long line;
  private long recordStartLine;
  private final StringBuilder raw = new StringBuilder();
  private int pushedBack = -2;

  RecordReader(Reader in, CopyCommand command) {
    this.in = in;
    this.csv = command.format() == CopyCommand.Format.CSV;
    this.delimiter = command.delimiter().charAt(0);
    this.quote = command.quote();
    this.escape = command.escape();
    this.removeQuotes = command.removeQuotes();
  }

  @Override
  public long lineNumber() {
    return recordStartLine;
  }

  @Override
  public String rawRecord() {
    return raw.toString();
  }

  @Override
  public List<String> next() throws IOException {
    int c = read();
    if (c < 0) {
      return null;
    }
    raw.setLength(0);
    line++;
    recordStartLine = line;
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean inQuotes = false;
    boolean quotedField = false;
    while (true) {
      if (c < 0) {
        fields.add(finish(field, quotedField));
        return fields;
      }
      char ch = (char) c;
      if (raw.length() < RAW_LIMIT && !(ch == '\n' && !inQuotes)) {
        raw.append(ch);
      }
      if (csv && inQuotes) {
        if (ch == quote) {
          int n = read();
          if (n == quote) {
            field.append(quote);
          } else {
            inQuotes = false;
            c = n;
            continue;
          }
        } else {
          if (ch == '\n') {
            line++;
          }
          field.append(ch);
        }
      } else if (ch == '\n' || ch == '\r') {
        if (ch == '\r') {
          int n = read();
          if (n != '\n') {
            unread(n);
          }
        }
        fields.add(finish(field, quotedField));
        return fields;
      } else if (ch == delimiter) {
        fields.add(finish(field, quotedField));
        field.setLength(0);
        quotedField = false;
      } else if (csv && ch == quote && field.toString().isBlank()) {
        field.setLength(0); // whitespace between a delimiter and a quote is ignored
        inQuotes = true;
        quotedField = true;
      } else if (!csv && escape && ch == '\\') {
        int n = read();
        if (n >= 0) {
          if (n == '\n') {
            line++;
          }
          field.append((char) n);
        }
      } else {
        field.append(ch);
      }
      c = read();
    }
  }

  private String finish(StringBuilder field, boolean quoted) {
    String v = field.toString();
    if (!csv && removeQuotes && v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
      return v.substring(1, v.length() - 1);
    }
    return v;
  }

  private int read() throws IOException {
    if (pushedBack != -2) {
      int c = pushedBack;
      pushedBack = -2;
      return c;
    }
    return in.read();
  }

  private void unread(int c) {
    pushedBack = c;
  }
}
