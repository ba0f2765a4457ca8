package dev.redshiftdata.local.bulk;

import dev.redshiftdata.local.bulk.UnloadCommand.Compression;
import dev.redshiftdata.local.bulk.UnloadCommand.Format;
import dev.redshiftdata.local.bulk.UnloadResult.UnloadedFile;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.CompressorException;
import org.apache.commons.compress.compressors.CompressorStreamFactory;
import org.apache.hadoop.fs.FileSystem;

/**
 * One slice's text, CSV or JSON files, rolling over at MAXFILESIZE (counted in bytes stored on S3).
 */
final class TextSliceWriter implements UnloadExecutor.FileSink {

  private final FileSystem fs;
  private final UnloadCommand command;
  private final List<TextValues.Column> columns;
  private final int slice;
  private final long maxFileSize;
  private final char delimiter;
  private final List<UnloadedFile> files = new ArrayList<>();
  private final StringBuilder line = new StringBuilder();
  private CountingStream counted;
  private Writer out;
  private String currentUrl;
  private long currentRows;
  private int part;

  TextSliceWriter(
      FileSystem fs,
      UnloadCommand command,
      List<TextValues.Column> columns,
      int slice,
      long maxFileSize) {
    this.fs = fs;
    this.command = command;
    this.columns = columns;
    this.slice = slice;
    this.maxFileSize = maxFileSize;
    String d = command.delimiter();
    this.delimiter = d != null ? d.charAt(0) : command.format() == Format.CSV ? ',' : '|';
  }

  @Override
  public void write(Object[] row) throws IOException {
    if (out != null && counted.count >= maxFileSize) {
      finishFile();
    }
    if (out == null) {
      openFile();
    }
    line.setLength(0);
    if (command.format() == Format.JSON) {
      json(row);
    } else {
      delimited(row);
    }
    line.append('\n');
    out.write(line.toString());
    currentRows++;
  }

  private void delimited(Object[] row) {
    for (int i = 0; i < row.length; i++) {
      if (i > 0) {
        line.append(delimiter);
      }
      String v = (String) row[i];
      if (v == null) {
        // SUPER ignores NULL AS; other NULLs are the NULL AS string or zero-length.
        line.append(
            command.nullAs() != null && columns.get(i).kind() != TextValues.Kind.JSON
                ? command.nullAs()
                : "");
      } else if (command.format() == Format.CSV) {
        csv(v);
      } else {
        text(v);
      }
    }
  }

  private void csv(String v) {
    boolean quote =
        v.indexOf(delimiter) >= 0
            || v.indexOf('"') >= 0
            || v.indexOf('\n') >= 0
            || v.indexOf('\r') >= 0;
    if (!quote) {
      line.append(v);
      return;
    }
    line.append('"').append(v.replace("\"", "\"\"")).append('"');
  }

  private void text(String v) {
    if (command.addQuotes()) {
      line.append('"');
    }
    if (command.escape()) {
      for (int i = 0; i < v.length(); i++) {
        char c = v.charAt(i);
        if (c == delimiter
            || c == '\\'
            || c == '\n'
            || c == '\r'
            || (command.addQuotes() && c == '"')) {
          line.append('\\');
        }
        line.append(c);
      }
    } else {
      line.append(v);
    }
    if (command.addQuotes()) {
      line.append('"');
    }
  }

  private void json(Object[] row) {
    line.append('{');
    boolean first = true;
    for (int i = 0; i < row.length; i++) {
      String v = (String) row[i];
      if (!first) {
        line.append(',');
      }
      first = false;
      line.append('"').append(JsonText.escape(columns.get(i).name())).append("\":");
      if (v == null) {
        line.append("null");
        continue;
      }
      switch (columns.get(i).kind()) {
        case NUMBER, JSON -> line.append(v);
        case BOOLEAN -> line.append(v.equals("t") ? "true" : "false");
        default -> line.append('"').append(JsonText.escape(v)).append('"');
      }
    }
    line.append('}');
  }

  private void openFile() throws IOException {
    currentUrl =
        "s3://"
            + command.bucket()
            + "/"
            + command.keyPrefix()
            + UnloadExecutor.fileName(command, slice, part);
    counted = new CountingStream(fs.create(S3Objects.path(currentUrl), true));
    OutputStream compressed = compress(counted);
    out = new OutputStreamWriter(compressed, StandardCharsets.UTF_8);
    currentRows = 0;
    if (command.header() && command.format() != Format.JSON) {
      for (int i = 0; i < columns.size(); i++) {
        if (i > 0) {
          out.write(delimiter);
        }
        out.write(columns.get(i).name());
      }
      out.write('\n');
    }
  }

  private OutputStream compress(OutputStream raw) throws IOException {
    Compression c = command.compression();
    try {
      return switch (c) {
        case NONE -> raw;
        case GZIP -> new GZIPOutputStream(raw, 1 << 16);
        case BZIP2 ->
            new CompressorStreamFactory()
                .createCompressorOutputStream(CompressorStreamFactory.BZIP2, raw);
        case ZSTD ->
            new CompressorStreamFactory()
                .createCompressorOutputStream(CompressorStreamFactory.ZSTANDARD, raw);
      };
    } catch (CompressorException e) {
      throw new IOException(e);
    }
  }

  private void finishFile() throws IOException {
    out.close();
    long length = fs.getFileStatus(S3Objects.path(currentUrl)).getLen();
    // record_count includes the header line, as Redshift counts it.
    files.add(new UnloadedFile(currentUrl, length, currentRows + (command.header() ? 1 : 0)));
    out = null;
    part++;
  }

  @Override
  public List<UnloadedFile> files() {
    return files;
  }

  @Override
  public void close() throws IOException {
    if (out != null) {
      finishFile();
    }
  }

  private static final class CountingStream extends FilterOutputStream {
    long count;

    CountingStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }
  }
}
