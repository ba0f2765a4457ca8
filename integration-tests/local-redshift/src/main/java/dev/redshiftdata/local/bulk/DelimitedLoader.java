package dev.redshiftdata.local.bulk;

import dev.redshiftdata.local.bulk.CopySources.Source;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.CompressorStreamFactory;
import org.apache.hadoop.fs.FileSystem;

/**
 * Loads CSV, pipe-delimited text and JSON files: reads records, applies COPY's NULL rules, checks
 * each field as Redshift does and skips bad rows up to MAXERROR, streaming the good ones into
 * PostgreSQL.
 */
final class DelimitedLoader {

  private final Connection connection;
  private final FileSystem fs;
  private final CopyCommand command;
  private final TargetTable table;
  private final List<Source> sources;
  private final LoadContext context;
  private final FieldConverter converter;
  private final List<LoadError> errors = new ArrayList<>();

  DelimitedLoader(
      Connection connection,
      FileSystem fs,
      CopyCommand command,
      TargetTable table,
      List<Source> sources,
      LoadContext context) {
    this.connection = connection;
    this.fs = fs;
    this.command = command;
    this.table = table;
    this.sources = sources;
    this.context = context;
    this.converter = new FieldConverter(command);
  }

  CopyResult load() throws SQLException, IOException {
    CopyExecutor.PgCopyStream out = CopyExecutor.PgCopyStream.open(connection, table);
    List<long[]> lineRanges = new ArrayList<>();
    long streamed = 0;
    long skipped = 0;
    int maxErrors = Math.max(1, command.maxError());
    List<CopyResult.FileLoad> files = new ArrayList<>();
    try {
      for (Source source : sources) {
        long first = streamed + 1;
        int errorsBefore = errors.size();
        try (Reader reader = open(source)) {
          Records records =
              command.format() == CopyCommand.Format.JSON
                  ? JsonRecords.open(reader, command, table, fs)
                  : new RecordReader(reader, command);
          long line = 0;
          List<String> fields;
          while ((fields = records.next()) != null) {
            line = records.lineNumber();
            if (line <= command.ignoreHeader()) {
              continue;
            }
            if (command.ignoreBlankLines() && fields.size() == 1 && "".equals(fields.get(0))) {
              continue;
            }
            String[] row = new String[table.columns().size()];
            LoadError error = convertRow(fields, row, source.url(), line, records.rawRecord());
            if (error != null) {
              errors.add(error);
              skipped++;
              if (errors.size() >= maxErrors) {
                context.errorSink().record(context, table.qualifiedName(), table.oid(), errors);
                throw CopyExecutor.loadFailedMessage(table);
              }
              continue;
            }
            out.writeRow(row);
            streamed++;
          }
          files.add(
              new CopyResult.FileLoad(
                  source.url(), source.contentLength(), line, errors.size() - errorsBefore));
        } catch (MalformedInputException e) {
          errors.add(
              new LoadError(
                  source.url(),
                  0,
                  "",
                  "",
                  0,
                  0,
                  "",
                  "",
                  LoadError.INVALID_UTF8,
                  "String contains invalid or unsupported UTF8 codepoints. Bad UTF8 hex sequence"));
          context.errorSink().record(context, table.qualifiedName(), table.oid(), errors);
          throw CopyExecutor.loadFailedMessage(table);
        }
        lineRanges.add(new long[] {first, streamed});
      }
      long loaded = out.finish();
      if (!errors.isEmpty()) {
        // Tolerated errors are still reported, as Redshift logs every rejected row.
        context.errorSink().record(context, table.qualifiedName(), table.oid(), errors);
      }
      return new CopyResult(loaded, skipped, files);
    } catch (SQLException e) {
      out.abandon();
      throw CopyExecutor.loadFailed(e, table, sources, lineRanges, context);
    } catch (RuntimeException | IOException e) {
      out.abandon();
      throw e;
    }
  }

  private LoadError convertRow(
      List<String> fields, String[] row, String url, long line, String raw) {
    List<TargetTable.Column> columns = table.columns();
    if (fields.size() < columns.size() && !command.fillRecord()) {
      return new LoadError(
          url,
          line,
          columns.get(fields.size()).name(),
          "",
          0,
          0,
          raw,
          "",
          LoadError.MISSING_COLUMNS,
          "Delimiter not found");
    }
    if (fields.size() > columns.size()) {
      return new LoadError(
          url, line, "", "", 0, 0, raw, "", LoadError.MISSING_COLUMNS, "Extra column(s) found");
    }
    for (int i = 0; i < columns.size(); i++) {
      TargetTable.Column c = columns.get(i);
      String v = i < fields.size() ? fields.get(i) : null;
      v = nullRules(v, c);
      if (v == null) {
        if (c.notNull()) {
          return new LoadError(
              url,
              line,
              c.name(),
              c.typeName(),
              c.maxBytes(),
              0,
              raw,
              "",
              LoadError.NULL_IN_NOT_NULL,
              "Missing data for not-null field");
        }
        row[i] = null;
        continue;
      }
      try {
        row[i] = converter.convert(v, c);
      } catch (FieldConverter.FieldError e) {
        return new LoadError(
            url, line, c.name(), c.typeName(), c.maxBytes(), 0, raw, v, e.code, e.getMessage());
      }
    }
    return null;
  }

  private String nullRules(String v, TargetTable.Column c) {
    if (v == null) {
      return null;
    }
    if (command.nullAs() != null
        ? v.equals(command.nullAs())
        : command.format() == CopyCommand.Format.TEXT && v.equals("\\N")) {
      return null;
    }
    if (command.trimBlanks() && c.isCharacter()) {
      v = v.stripTrailing();
    }
    if (v.isEmpty()) {
      // Empty fields of non-character types are always NULL; character ones only with EMPTYASNULL.
      return c.isCharacter() && !command.emptyAsNull() ? v : null;
    }
    if (command.blanksAsNull() && c.isCharacter() && v.isBlank()) {
      return null;
    }
    return v;
  }

  private Reader open(Source source) throws IOException {
    InputStream in = fs.open(S3Objects.path(source.url()));
    String url = source.url();
    try {
      if (command.compression() == UnloadCommand.Compression.GZIP || url.endsWith(".gz")) {
        in = new GZIPInputStream(in, 1 << 16);
      } else if (command.compression() == UnloadCommand.Compression.BZIP2 || url.endsWith(".bz2")) {
        in =
            new CompressorStreamFactory()
                .createCompressorInputStream(CompressorStreamFactory.BZIP2, in);
      } else if (command.compression() == UnloadCommand.Compression.ZSTD || url.endsWith(".zst")) {
        in =
            new CompressorStreamFactory()
                .createCompressorInputStream(CompressorStreamFactory.ZSTANDARD, in);
      }
    } catch (org.apache.commons.compress.compressors.CompressorException e) {
      in.close();
      throw new IOException(e);
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
    if (command.acceptInvChars() != null) {
      decoder.onMalformedInput(CodingErrorAction.REPLACE).replaceWith(command.acceptInvChars());
    } else {
      decoder.onMalformedInput(CodingErrorAction.REPORT);
    }
    return new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
  }
}
